import ArgumentParser
import CohortKit
import Foundation

/// The folders every subcommand reads.
struct SourceOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: ArgumentHelp(
        "A templates folder laid over the built-in theme, file by file.",
        discussion: "Default: templates, when that folder exists; otherwise the built-in theme alone."))
    var templates: String?

    /// The templates folder to use: the one given, or `templates` when it exists.
    var templatesFolder: String? {
        var isDirectory: ObjCBool = false
        return templates ?? (FileManager.default.fileExists(atPath: "templates", isDirectory: &isDirectory) && isDirectory.boolValue ? "templates" : nil)
    }

    func validate() throws {
        for (name, value) in [("--content", content), ("--templates", templates ?? "templates")] where value.isEmpty {
            throw ValidationError("\(name) needs a folder")
        }
    }
}

/// The folders every subcommand that writes uses: what it reads, and the output folder.
struct ProjectOptions: ParsableArguments {
    @OptionGroup var sources: SourceOptions

    @Option(help: "The output folder; the site is written to <output>/site.")
    var output = "output"

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Take the figures and the site as they stood on this day (YYYY-MM-DD).",
        discussion: "Rounds agreed later are left out, later disbursements are pending, later exits have not happened, "
            + "later marks and distributions are not counted. Overrides reporting_date in programme.yml.",
        valueName: "date"))
    var asOf: Day?

    var content: String { sources.content }

    var project: Project {
        var project = Project(contentPath: sources.content, templatesPath: sources.templatesFolder, outputPath: output)
        project.asOf = asOf
        return project
    }

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a folder") }
    }
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
            let snippets: ((String, Int) -> String?)? = isTerminal ? { DiagnosticFormat.sourceLine(path: $0, line: $1) } : nil
            var output = format.render(diagnostics, sourceLine: snippets)
            if !diagnostics.isEmpty { output += DiagnosticFormat.summary(diagnostics) + "\n" }
            FileHandle.standardError.write(Data(output.utf8))
        case .github, .json:
            print(format.render(diagnostics), terminator: "")
        }
        return diagnostics.hasErrors || (strict && !diagnostics.isEmpty) ? 1 : 0
    }

    /// Prints an outcome: its diagnostics, what was written and, when asked, the timings; fails when it should.
    func finish(_ outcome: Project.Outcome, expectWrites: Bool, timings: Bool) throws {
        let status = report(outcome.diagnostics)
        for (folder, files) in outcome.written {
            FileHandle.standardError.write(Data("wrote \(files) files to \(folder)\n".utf8))
        }
        if timings {
            let lines = Timings.Stage.allCases.map { stage in
                let seconds = outcome.timings.seconds[stage] ?? 0
                return "\(stage.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(String(format: "%8.3f", seconds)) s"
            }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        if status != 0 { throw ExitCode(status) }
        if expectWrites, outcome.written.isEmpty { throw ExitCode(1) }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

extension Day: ExpressibleByArgument {
    /// A day written `YYYY-MM-DD`, in one of the years the content's dates may have.
    public init?(argument: String) {
        guard let day = Day(iso: argument), Day.acceptedYears.contains(day.year) else { return nil }
        self = day
    }
}
