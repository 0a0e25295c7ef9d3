import Foundation
/// The texts of one language's string table, `strings/<language>.yml`, and the files they come from:
/// the built-in table, then the programme's laid over it key by key.
///
/// The built-in English table declares the texts there are and the values each one is given: a
/// table's key that English lacks is an error (a misspelt key would otherwise be ignored), and so is
/// a `{name}` that the English text of its key does not have (it would show as written). Country names
/// (`country_IL`) may be added to any table.
struct StringTable: Sendable, Hashable {
    var texts: [String: String] = [:]
    var files: [String] = []

    /// A table file: its path in the theme (`strings/en.yml`), how diagnostics name it, and its bytes.
    typealias File = (path: String, displayPath: String, bytes: Data)

    /// The tables of `files` by language code, read in order, each laid over the same language's
    /// earlier ones; every text checked against the built-in English table, `reference`.
    static func load(_ files: [File], reference: File) -> ([String: StringTable], [Diagnostic]) {
        let declared = read(reference).texts
        var tables: [String: StringTable] = [:]
        var diagnostics: [Diagnostic] = []
        for file in files {
            let code = String(file.path.dropFirst("strings/".count).dropLast(".yml".count))
            let (texts, problems) = read(file, declared: declared)
            diagnostics += problems
            tables[code, default: StringTable()].texts.merge(texts) { _, new in new }
            tables[code, default: StringTable()].files.append(file.displayPath)
        }
        return (tables, diagnostics)
    }

    /// A table's texts: a YAML map of keys to texts. With `declared`, a key it lacks and a `{name}`
    /// its text for the key lacks are errors at the table's line and column.
    private static func read(_ file: File, declared: [String: String]? = nil) -> (texts: [String: String], diagnostics: [Diagnostic]) {
        guard let text = String(validating: file.bytes, as: UTF8.self) else {
            return ([:], [.error(at: .file(file.displayPath), "string table is not valid UTF-8 text")])
        }
        let source = SourceFile(displayPath: file.displayPath, relativePath: file.path, text: text)
        let reader = NodeReader(file: source, firstLine: 1, defaultCurrency: nil)
        guard let root = reader.compose(text) else { return ([:], reader.diagnostics) }
        guard case .mapping(let mapping) = root else {
            reader.error(root, "a string table is 'key: text' lines, found \(root.kindDescription)")
            return ([:], reader.diagnostics)
        }
        var texts: [String: String] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = reader.nonEmptyString(keyNode), let value = reader.string(valueNode) else { continue }
            if let declared {
                guard isCountryName(key) || declared[key] != nil else {
                    reader.error(keyNode, "no text named '\(key)' in Cohort's string tables",
                                 hint: Suggestion.hint(for: key, among: declared.keys) ?? "the keys are those of the built-in strings/en.yml (cohort theme eject strings/en.yml)")
                    continue
                }
                let given = Set(Strings.names(in: declared[key] ?? ""))
                if let unknown = Strings.names(in: value).first(where: { !given.contains($0) }) {
                    let written = "{\(unknown)}"
                    let names = given.sorted().map { "{\($0)}" }
                    let values = names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "") : names.joined()
                    let nearest = Suggestion.closest(to: String(unknown), among: given.map(String.init))
                    reader.error(at: location(of: written, in: valueNode, of: source, reader: reader),
                                 "'\(written)' is not a value of '\(key)', which " + (values.isEmpty ? "has none" : "has " + values),
                                 hint: nearest.map { "did you mean '{\($0)}'?" } ?? "write one of its values in braces, or leave the braces out")
                    continue
                }
            }
            texts[key] = value
        }
        return (texts, reader.diagnostics)
    }

    /// Whether `key` names a country (`country_IL`): any table may name any country.
    static func isCountryName(_ key: String) -> Bool {
        guard key.hasPrefix("country_") else { return false }
        let code = key.utf8.dropFirst("country_".count)
        return code.count == 2 && code.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    /// Where `needle` is written in the scalar `node`: on the scalar's first line when it is there
    /// (a text on one line, as tables write them), else the scalar's start.
    private static func location(of needle: String, in node: YAMLNode, of source: SourceFile, reader: NodeReader) -> SourceLocation {
        let start = reader.location(node)
        let mark = node.mark
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return start }
        let line = lines[mark.line - 1]
        let scalarStart = line.unicodeScalars.index(line.unicodeScalars.startIndex, offsetBy: max(0, mark.column - 1),
                                                    limitedBy: line.unicodeScalars.endIndex) ?? line.unicodeScalars.endIndex
        guard let found = line[scalarStart...].range(of: needle) else { return start }
        return source.location(line: mark.line, column: line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: found.lowerBound) + 1)
    }
}
