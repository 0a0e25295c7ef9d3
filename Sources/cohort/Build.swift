import ArgumentParser
import CohortKit
import Foundation

/// `cohort build`: check the content, then write the site to <output>/site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into <output>/site.",
        discussion: """
            Nothing is written when the content has errors: the previous site stays as it was. \
            A successful build replaces the site whole.
            """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    @Flag(help: "Print how long each stage of the build took.")
    var timings = false

    func run() throws {
        let outcome = project.project.build(strict: diagnostics.strict)
        let status = diagnostics.report(outcome.diagnostics)
        if let written = outcome.filesWritten {
            FileHandle.standardError.write(Data("wrote \(written) files to \(project.output)/site\n".utf8))
        }
        if timings {
            let lines = Timings.Stage.allCases.map { stage in
                let seconds = outcome.timings.seconds[stage] ?? 0
                return "\(stage.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(String(format: "%8.3f", seconds)) s"
            }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        if status != 0 || outcome.filesWritten == nil { throw ExitCode(status == 0 ? 1 : status) }
    }
}
