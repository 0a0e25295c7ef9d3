import ArgumentParser
import CohortKit
import Foundation

/// The `cohort` command: builds an investment programme's site from its content.
@main
struct Cohort: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a static site and reports for an investment programme from Markdown and YAML.",
        version: Release.version,
        subcommands: [Init.self, Build.self, Check.self, Report.self, Diff.self, Serve.self, ThemeCommand.self, SchemaCommand.self, Corpus.self, Floor.self])

    /// Parses and runs; usage errors exit with 2, content errors with 1.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
