import ArgumentParser
import CohortKit
import Foundation

/// The folders every subcommand reads.
struct ProjectOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The templates folder.")
    var templates = "templates"

    @Option(help: "The output folder; the site is written to <output>/site.")
    var output = "output"

    var project: Project { Project(contentPath: content, templatesPath: templates, outputPath: output) }
}

/// How diagnostics are shown.
struct DiagnosticOptions: ParsableArguments {
    @Option(help: "How to print problems: text, github (Actions annotations) or json.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    /// Prints `diagnostics` and returns the exit code they call for.
    func report(_ diagnostics: [Diagnostic]) -> Int32 {
        switch format {
        case .text:
            let isTerminal = isatty(STDERR_FILENO) == 1
            let snippets: ((String, Int) -> String?)? = isTerminal ? { Self.sourceLine(path: $0, line: $1) } : nil
            var output = format.render(diagnostics, sourceLine: snippets)
            if !diagnostics.isEmpty { output += DiagnosticFormat.summary(diagnostics) + "\n" }
            FileHandle.standardError.write(Data(output.utf8))
        case .github, .json:
            print(format.render(diagnostics), terminator: "")
        }
        return diagnostics.hasErrors || (strict && !diagnostics.isEmpty) ? 1 : 0
    }

    private static func sourceLine(path: String, line: Int) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let text = lines[line - 1]
        return String(text.hasSuffix("\r") ? text.dropLast() : text)
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
