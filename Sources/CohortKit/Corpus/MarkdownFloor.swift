import Foundation

/// The floor of a build's cost: the same Markdown bodies rendered by libcmark alone, on one core.
public enum MarkdownFloor {
    /// What one measurement found.
    public struct Result: Sendable {
        /// How many Markdown bodies were rendered.
        public var bodies: Int
        /// Size of the HTML produced, in UTF-8 bytes.
        public var bytes: Int
        /// Wall time spent rendering, reading excluded.
        public var seconds: Double
    }

    /// Reads the bodies of every `.md` file under `content` (front matter dropped), then renders them
    /// one after another with `cmark_markdown_to_html`, timing only the rendering.
    public static func measure(content: URL) -> Result {
        let source = ContentLoader.load(from: content, displayRoot: content.path)
        let bodies = source.documents.compactMap { document -> String? in
            guard case .success(let split) = FrontMatter.split(document.file) else { return nil }
            return String(split.body)
        }
        let clock = ContinuousClock()
        var bytes = 0
        let elapsed = clock.measure {
            for body in bodies { bytes += Markdown.plainHTML(body).utf8.count }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(bodies: bodies.count, bytes: bytes, seconds: seconds)
    }
}
