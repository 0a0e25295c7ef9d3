import ArgumentParser
import CohortKit

/// `cohort build`: check the content, then write the site and the reports.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into <output>/site and the reports into <output>/reports.",
        discussion: """
            Nothing is written when the content has errors: the previous output stays as it was. \
            A successful build replaces each folder whole.
            """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    @Flag(help: "Write nothing; fail when the committed reports differ from what the content gives.")
    var check = false

    @Flag(help: "Print how long each stage of the build took (render includes writing the pages).")
    var timings = false

    @Flag(help: "Skip the search index (faster while writing; the search page then says search is unavailable).")
    var noSearch = false

    func run() throws {
        let outcome = project.project.build(strict: diagnostics.strict, checkReports: check, search: !noSearch)
        try diagnostics.finish(outcome, expectWrites: !check, timings: timings)
    }
}
