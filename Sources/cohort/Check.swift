import ArgumentParser
import CohortKit

/// `cohort check`: report every problem in the content and templates, and write nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and templates and list every problem with file:line:column.",
        discussion: "Exit status: 0 when clean, 1 when the content has errors (or warnings with --strict), 2 on usage errors.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let outcome = project.project.check()
        let status = diagnostics.report(outcome.diagnostics)
        if status != 0 { throw ExitCode(status) }
    }
}
