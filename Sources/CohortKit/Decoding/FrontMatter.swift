/// A `.md` file split into its YAML front matter and its Markdown body.
struct FrontMatter {
    /// The YAML between the `---` lines.
    var yaml: Substring
    /// The line of the file on which the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    var body: Substring
    /// The line of the file on which the body starts.
    var bodyFirstLine: Int

    /// Splits `file`, or reports why it cannot be split. Scans bytes, line by line, only as far as the
    /// closing `---`: the body is never walked.
    static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        let text = file.text
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            let isMarker = isMarkerLine(utf8[lineStart..<lineEnd], closing: yamlStart != nil)
            if yamlStart == nil {
                guard isMarker else { break }
                yamlStart = next
            } else if isMarker, let yamlStart {
                return .success(FrontMatter(
                    yaml: text[yamlStart..<lineStart], yamlFirstLine: 2,
                    body: text[next...], bodyFirstLine: lineNumber + 1))
            }
            lineStart = next
            lineNumber += 1
        }
        if yamlStart == nil {
            return .failure(.error(
                at: file.location(line: 1, column: 1),
                "missing front matter: the file must start with a '---' line",
                hint: "put the fields between two '---' lines at the top of the file"))
        }
        return .failure(.error(
            at: file.location(line: 1, column: 1),
            "front matter is not closed: no '---' line after the opening one",
            hint: "add a line '---' after the last field"))
    }

    /// Whether a line is `---` (or, closing, `...`), ignoring a trailing carriage return.
    private static func isMarkerLine(_ line: Substring.UTF8View, closing: Bool) -> Bool {
        let bytes = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
        return bytes.elementsEqual("---".utf8) || (closing && bytes.elementsEqual("...".utf8))
    }
}
