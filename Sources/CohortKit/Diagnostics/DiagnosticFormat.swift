import Foundation

/// How diagnostics are printed: for people, for GitHub Actions, or as JSON for tools.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// Compiler style: `file:line:column: error: message`, with the source line and a caret when a snippet is given.
    case text
    /// GitHub Actions workflow commands, which annotate the pull request's files.
    case github
    /// One JSON document with every diagnostic.
    case json

    /// Renders `diagnostics`; `sourceLine` gives the text of a line for snippets (nil for none).
    public func render(_ diagnostics: [Diagnostic], sourceLine: ((String, Int) -> String?)? = nil) -> String {
        switch self {
        case .text: Self.text(diagnostics, sourceLine: sourceLine)
        case .github: Self.github(diagnostics)
        case .json: Self.json(diagnostics)
        }
    }

    /// The text of line `line` of the file at `path`, read from disk, for snippets.
    public static func sourceLine(path: String, line: Int) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let text = lines[line - 1]
        return String(text.hasSuffix("\r") ? text.dropLast() : text)
    }

    /// A one-line count such as `2 errors, 1 warning`.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        let plural = { (count: Int, word: String) in "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
    }

    private static func headline(_ diagnostic: Diagnostic) -> String {
        let hint = diagnostic.hint.map { "; \($0)" } ?? ""
        return "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message)\(hint)"
    }

    private static func text(_ diagnostics: [Diagnostic], sourceLine: ((String, Int) -> String?)?) -> String {
        var output = ""
        for diagnostic in diagnostics {
            output += headline(diagnostic) + "\n"
            let location = diagnostic.location
            guard let sourceLine, let line = sourceLine(location.path, location.line) else { continue }
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            // Keep tabs so the caret lines up under the same characters.
            let padding = line.unicodeScalars.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            output += " \(number) | \(line)\n \(gutter) | \(padding)^\n"
        }
        return output
    }

    private static func github(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { diagnostic in
            let location = diagnostic.location
            let properties = "file=\(escapeProperty(location.path)),line=\(location.line),col=\(location.column)"
            let message = diagnostic.message + (diagnostic.hint.map { "; \($0)" } ?? "")
            return "::\(diagnostic.severity.rawValue) \(properties)::\(escapeData(message))\n"
        }.joined()
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    private struct Entry: Encodable {
        var severity: String
        var file: String
        var line: Int
        var column: Int
        var message: String
        var hint: String?
    }

    private struct Document: Encodable {
        var errors: Int
        var warnings: Int
        var diagnostics: [Entry]
    }

    private static func json(_ diagnostics: [Diagnostic]) -> String {
        let document = Document(
            errors: diagnostics.errors.count, warnings: diagnostics.warnings.count,
            diagnostics: diagnostics.map {
                Entry(severity: $0.severity.rawValue, file: $0.location.path, line: $0.location.line,
                      column: $0.location.column, message: $0.message, hint: $0.hint)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
