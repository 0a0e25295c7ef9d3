import CImageLibraries
import Foundation

/// Reads an SVG file as XML, with expat: its size (the root's `viewBox`, else its `width` and
/// `height`), and anything in it that a browser opening the file would run or fetch: a `<script>` or
/// `<foreignObject>` element, an event attribute (`onload`), or a reference to another file or address
/// (`href`, `xlink:href`, CSS `url()` and `@import`). References within the file (`#gradient`) and
/// pictures embedded as PNG, JPEG, GIF or WebP `data:` addresses are fine; so are XML namespace
/// declarations, which name namespaces and load nothing. External entities are never loaded.
enum SVGReader {
    /// The size of the SVG in `data`, and whether it writes text (which needs fonts to draw), or why it
    /// cannot be a logo.
    static func read(_ data: Data) -> Result<(width: Int, height: Int, hasText: Bool), ImageProblem> {
        let state = State()
        guard let parser = XML_ParserCreate(nil) else { return .failure(.unreadable("SVG")) }
        defer { XML_ParserFree(parser) }
        let retained = Unmanaged.passRetained(state)
        defer { retained.release() }
        XML_SetUserData(parser, retained.toOpaque())
        XML_SetElementHandler(parser, { user, name, attributes in
            guard let user, let name else { return }
            let state = Unmanaged<State>.fromOpaque(user).takeUnretainedValue()
            var pairs: [(String, String)] = []
            var index = 0
            while let key = attributes?[index], let value = attributes?[index + 1] {
                pairs.append((String(cString: key), String(cString: value)))
                index += 2
            }
            state.start(String(cString: name), pairs)
        }, { user, name in
            guard let user, let name else { return }
            Unmanaged<State>.fromOpaque(user).takeUnretainedValue().end(String(cString: name))
        })
        XML_SetCharacterDataHandler(parser, { user, text, length in
            guard let user, let text, length > 0 else { return }
            let state = Unmanaged<State>.fromOpaque(user).takeUnretainedValue()
            guard state.inStyle else { return }
            text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                state.style += String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
            }
        })
        state.lineOf = { Int(XML_GetCurrentLineNumber(parser)) }
        let status = data.withUnsafeBytes { bytes in
            XML_Parse(parser, bytes.bindMemory(to: CChar.self).baseAddress, Int32(clamping: bytes.count), 1)
        }
        if let problem = state.problem { return .failure(problem) }
        guard status == XML_STATUS_OK, state.isSVG else { return .failure(.unreadable("SVG")) }
        guard let size = state.size else { return .failure(.unsized) }
        return .success((size.width, size.height, state.hasText))
    }

    /// What the parser has found so far.
    private final class State {
        var problem: ImageProblem?
        var isSVG = false
        var size: (width: Int, height: Int)?
        var inStyle = false
        var hasText = false
        var style = ""
        var lineOf: () -> Int = { 0 }
        private var depth = 0

        func start(_ qualified: String, _ attributes: [(String, String)]) {
            guard problem == nil else { return }
            let name = Self.localName(qualified)
            if depth == 0 {
                isSVG = name == "svg"
                size = Self.size(attributes)
            }
            depth += 1
            switch name.lowercased() {
            case "script": return fail("holds a <script> element")
            case "foreignobject": return fail("holds a <foreignObject> element")
            case "style": inStyle = true; style = ""
            case "text": hasText = true
            default: break
            }
            for (key, value) in attributes {
                let local = Self.localName(key).lowercased()
                if key.hasPrefix("xmlns") { continue }
                if local.hasPrefix("on") { return fail("has an event attribute '\(key)'") }
                if local == "href", !Self.isHarmless(value) { return fail("refers to '\(value)'") }
                if local == "style", let reference = Self.cssReference(value) { return fail("refers to '\(reference)' in its style") }
            }
        }

        func end(_ qualified: String) {
            depth -= 1
            guard Self.localName(qualified).lowercased() == "style", problem == nil else { return }
            inStyle = false
            if let reference = Self.cssReference(style) { fail("refers to '\(reference)' in its <style>") }
        }

        private func fail(_ what: String) {
            if problem == nil { problem = .unsafe(what, line: lineOf()) }
        }

        private static func localName(_ name: String) -> String {
            name.split(separator: ":").last.map(String.init) ?? name
        }

        /// A reference within the file, or a picture embedded in it.
        private static func isHarmless(_ reference: String) -> Bool {
            let trimmed = reference.trimmingWhitespace().lowercased()
            return trimmed.hasPrefix("#") || ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"].contains { trimmed.hasPrefix($0) }
        }

        /// The first `@import` or `url()` of CSS that names something outside the file.
        private static func cssReference(_ css: String) -> String? {
            let lower = css.lowercased()
            if lower.contains("@import") { return "@import" }
            var rest = lower[...]
            while let range = rest.range(of: "url(") {
                let inside = rest[range.upperBound...].prefix { $0 != ")" }
                let target = inside.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\"'"))
                if !isHarmless(target) { return "url(\(target))" }
                rest = rest[range.upperBound...]
            }
            return nil
        }

        /// The `viewBox`'s width and height, else `width` and `height` in pixels (or without a unit).
        private static func size(_ attributes: [(String, String)]) -> (width: Int, height: Int)? {
            let values = Dictionary(attributes.map { (localName($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
            if let box = values["viewBox"] {
                let numbers = box.split(whereSeparator: { $0 == " " || $0 == "," || $0.isNewline || $0 == "\t" }).compactMap { Double($0) }
                if numbers.count == 4, numbers[2] > 0, numbers[3] > 0, numbers[2] < 1e6, numbers[3] < 1e6 {
                    return (Int(numbers[2].rounded()), Int(numbers[3].rounded()))
                }
            }
            func pixels(_ text: String?) -> Double? {
                guard var text = text?.trimmingWhitespace() else { return nil }
                if text.hasSuffix("px") { text.removeLast(2) }
                guard let value = Double(text), value > 0, value < 1e6 else { return nil }
                return value
            }
            guard let width = pixels(values["width"]), let height = pixels(values["height"]) else { return nil }
            return (Int(width.rounded()), Int(height.rounded()))
        }
    }
}
