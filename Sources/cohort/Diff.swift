import ArgumentParser
import CohortKit
import Foundation

/// `cohort diff`: what the working tree's content changes in the programme's figures.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise what the content changes compared with a git revision or a saved portfolio.json.",
        discussion: """
            Prints totals before and after, companies and agreements added, removed and changed, new \
            warnings, and the addresses of the site that would stop working (compared with a git \
            revision): a pull-request comment. When nothing in the reports changed, it says so in one line. \
            The revision is read with git, without a checkout.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(help: "A git revision, or a saved portfolio.json (default: the merge base with the default branch).")
    var base: String?

    @Option(help: "markdown, text or json.")
    var format: ChangeReport = .markdown

    func run() throws {
        let current = project.project
        let (after, addresses, problems) = current.snapshot()
        guard let after else { throw fail(problems) }
        do {
            let (before, oldAddresses, label) = try DiffBase.snapshot(base, for: current)
            let summary = ChangeSummary(from: before, to: after, addresses: oldAddresses.flatMap { old in addresses.map { (old, $0) } })
            print(format.render(summary, base: label), terminator: "")
        } catch {
            throw fail(error.description)
        }
    }

    private func fail(_ problems: [Diagnostic]) -> ExitCode {
        FileHandle.standardError.write(Data((DiagnosticFormat.text.render(problems) + DiagnosticFormat.summary(problems) + "\n").utf8))
        return ExitCode(1)
    }

    private func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(1)
    }
}

extension ChangeReport: ExpressibleByArgument {}
