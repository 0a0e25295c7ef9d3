import ArgumentParser
import CohortKit

/// `cohort report`: write only the reports.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the reports into <output>/reports, or check that the committed ones are current.",
        discussion: """
            The reports (summary.md, companies.csv, agreements.csv, portfolio.json and charts/) are meant \
            to be committed, so that every change to the content shows up in a pull request as a diff of \
            the figures. With --check, nothing is written and stale reports are errors.
            """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    @Flag(help: "Write nothing; fail when the committed reports differ from what the content gives.")
    var check = false

    func run() throws {
        let outcome = project.project.report(strict: diagnostics.strict, checkReports: check)
        try diagnostics.finish(outcome, expectWrites: !check, timings: false)
    }
}
