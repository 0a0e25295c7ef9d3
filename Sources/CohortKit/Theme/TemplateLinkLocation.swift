/// Where a template writes a link: for errors about a link on a rendered page, found at its tag.
extension Theme {
    /// Where a template that renders with `template` writes the link `link` (as it appears in the
    /// HTML): the `href` or `src` attribute whose fixed text, with each tag standing for anything,
    /// matches it most closely; the template itself when none does.
    func location(ofLink link: String, usedBy template: String) -> SourceLocation {
        var best: (location: SourceLocation, fixed: Int)?
        for name in closure(of: template).sorted() {
            guard let source = sources[name] else { continue }
            for (lineIndex, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for match in line.matches(of: Self.linkAttribute) {
                    let value = String(match.output.value)
                    let parts = value.split(separator: Self.tag, omittingEmptySubsequences: false).map(String.init)
                    let fixed = parts.reduce(0) { $0 + $1.count }
                    guard Self.matches(link, parts), fixed > best?.fixed ?? -1 else { continue }
                    let column = line[..<match.range.lowerBound].unicodeScalars.count + 1
                    best = (source.location(line: lineIndex + 1, column: column), fixed)
                }
            }
        }
        return best?.location ?? sources[template].map { .file($0.displayPath) } ?? .file(template)
    }

    nonisolated(unsafe) private static let linkAttribute = /(?:href|src)="(?<value>[^"]*)"/
    nonisolated(unsafe) private static let tag = /\{\{[^}]*\}\}\}?/

    /// Whether `text` is the fixed `parts` with anything between them.
    private static func matches(_ text: String, _ parts: [String]) -> Bool {
        guard let first = parts.first, text.hasPrefix(first) else { return false }
        var rest = text.dropFirst(first.count)
        for (index, part) in parts.enumerated().dropFirst() {
            if index == parts.count - 1 { return rest.hasSuffix(part) }
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return parts.count == 1 ? rest.isEmpty : true
    }

}
