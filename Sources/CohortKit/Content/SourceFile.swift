/// One file of content, read into memory, with what it takes to turn offsets into line and column.
public struct SourceFile: Sendable, Hashable {
    /// The path as shown to the user, for example `content/companies/rotec.md`.
    public var displayPath: String
    /// The path relative to the content folder, for example `companies/rotec.md`.
    public var relativePath: String
    /// The file's text.
    public var text: String

    /// Creates a source file from its text.
    public init(displayPath: String, relativePath: String, text: String) {
        self.displayPath = displayPath
        self.relativePath = relativePath
        self.text = text
    }

    /// The file name without its folder and extension: the slug of an entity file.
    public var stem: String {
        let name: Substring
        if let slash = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")), relativePath.utf8.index(after: slash) < relativePath.endIndex {
            // The name after the last `/`, found by bytes.
            name = relativePath[relativePath.index(after: slash)...]
        } else {
            // No folder, or a path ending in `/`, which names its last folder.
            name = relativePath.split(separator: "/").last ?? relativePath[...]
        }
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return String(name) }
        return String(name[..<dot])
    }

    /// The 1-based line and column (in characters) of the UTF-8 `offset` into the text, clamped to it.
    public func position(ofUTF8Offset offset: Int) -> (line: Int, column: Int) {
        let utf8 = text.utf8
        let index = utf8.index(utf8.startIndex, offsetBy: max(0, min(offset, utf8.count)))
        let before = text[..<index]
        let line = before.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return (line, text[lineStart..<index].count + 1)
    }

    /// The location of a 1-based line and column in this file.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: displayPath, line: line, column: column)
    }
}
