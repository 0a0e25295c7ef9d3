import ArgumentParser
import CohortKit
import Foundation

/// `cohort diff`: what the working tree's content changes in the programme's figures.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise what the content changes compared with a git revision or a saved portfolio.json.",
        discussion: """
            Prints totals before and after, companies and agreements added, removed and changed, and new \
            warnings: a pull-request comment. When nothing in the reports changed, it says so in one line. \
            The revision is read with git, without a checkout.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(help: "A git revision, or a saved portfolio.json (default: the merge base with the default branch).")
    var base: String?

    @Option(help: "markdown, text or json.")
    var format: ChangeReport = .markdown

    func run() throws {
        let current = project.project
        let (after, problems) = current.snapshot()
        guard let after else { throw fail(problems) }
        let (before, label) = try baseSnapshot()
        print(format.render(ChangeSummary(from: before, to: after), base: label), terminator: "")
    }

    private func baseSnapshot() throws -> (PortfolioSnapshot, String) {
        if let base, base.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: base) else { throw fail("cannot read \(base)") }
            // The version first: a file of another version would fail to decode with a less useful message.
            if let version = PortfolioSnapshot.schemaVersion(of: data), version != PortfolioSnapshot.currentSchemaVersion {
                throw fail("\(base) has schema version \(version); this cohort reads version \(PortfolioSnapshot.currentSchemaVersion): "
                           + "compare with a git revision instead (--base REF), or write the file again with this cohort")
            }
            do {
                return (try PortfolioSnapshot.decode(data), base)
            } catch {
                throw fail("cannot read \(base) as a portfolio.json: \(error)")
            }
        }
        let contentURL = URL(fileURLWithPath: project.content)
        do {
            let revision = try base ?? GitRevision.defaultBase(in: contentURL)
            let extracted = try GitRevision.extract(contentURL, at: revision)
            defer { try? FileManager.default.removeItem(at: extracted.root) }
            var old = project.project
            old.contentPath = extracted.folder.path
            old.contentLabel = project.content
            let (snapshot, problems) = old.snapshot()
            guard let snapshot else {
                throw fail("the content at \(revision) has errors:\n" + DiagnosticFormat.text.render(problems.errors))
            }
            return (snapshot, base ?? String(revision.prefix(12)))
        } catch let failure as GitRevision.Failure {
            throw fail(failure.description)
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
