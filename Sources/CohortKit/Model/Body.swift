/// The Markdown text of an entity, after its front matter.
public struct Body: Sendable, Hashable {
    /// The Markdown source: a part of its file's text, which it shares rather than copies.
    public var markdown: Substring
    /// The line of the file on which the body starts.
    public var firstLine: Int

    /// Where `text` is written in the body, nearest to body line `near`: the 1-based body line and the
    /// column in characters. cmark's own positions for inlines count bytes and can be off after
    /// reference definitions, so a link's destination is found in the text itself.
    /// An occurrence that stands as a destination (`](text)`, `<text>`, `]: text`) is preferred to one
    /// inside other text, such as `#logo` inside `#logos`.
    func position(of text: String, near line: Int) -> (line: Int, column: Int)? {
        var best: (line: Int, column: Int, whole: Bool)?
        for (index, content) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var searchStart = content.startIndex
            while let range = content.range(of: text, range: searchStart..<content.endIndex) {
                searchStart = content.index(after: range.lowerBound)
                let after = range.upperBound < content.endIndex ? content[range.upperBound] : " "
                let whole = [")", ">", " ", "\"", "'"].contains(after)
                let candidate = (line: index + 1, column: content[..<range.lowerBound].unicodeScalars.count + 1, whole: whole)
                if let current = best, (current.whole && !whole)
                    || (current.whole == whole && abs(current.line - line) <= abs(candidate.line - line)) { continue }
                best = candidate
            }
        }
        return best.map { ($0.line, $0.column) }
    }
}

extension StringProtocol {
    /// Whether the text is empty or only white space.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
