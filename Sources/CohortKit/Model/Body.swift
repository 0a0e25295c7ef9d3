/// The Markdown text of an entity, after its front matter.
public struct Body: Sendable, Hashable {
    /// The Markdown source.
    public var markdown: String
    /// The line of the file on which the body starts.
    public var firstLine: Int

    /// Where `text` is written in the body, nearest to body line `near`: the 1-based body line and the
    /// column in characters. cmark's own positions for inlines count bytes and can be off after
    /// reference definitions, so a link's destination is found in the text itself.
    func position(of text: String, near line: Int) -> (line: Int, column: Int)? {
        var best: (line: Int, column: Int)?
        for (index, content) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = content.range(of: text) else { continue }
            let candidate = (line: index + 1, column: content[..<range.lowerBound].unicodeScalars.count + 1)
            if let current = best, abs(current.line - line) <= abs(candidate.line - line) { continue }
            best = candidate
        }
        return best
    }
}
