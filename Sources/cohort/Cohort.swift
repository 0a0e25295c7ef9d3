import ArgumentParser
import CohortKit
import Foundation
import CAllocator

/// The `cohort` command: builds an investment programme's site from its content.
@main
struct Cohort: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a static site and reports for an investment programme from Markdown and YAML.",
        version: Release.version,
        subcommands: [Init.self, Build.self, Check.self, Report.self, Diff.self, Serve.self, ThemeCommand.self, SchemaCommand.self, Corpus.self, Floor.self])

    /// Parses and runs; usage errors exit with 2, content errors with 1.
    static func main() async {
        #if canImport(Glibc)
        // glibc's allocator keeps the memory a build frees (up to 128 MiB at the top of its heap, taken
        // 16 MiB at a time; blocks under 4 MiB from the heap), for the next page to use, instead of
        // giving it back to the system and faulting it in again: 1.5 % of a 10,000-company build's time.
        mallopt(M_TRIM_THRESHOLD, 128 << 20)
        mallopt(M_TOP_PAD, 16 << 20)
        mallopt(M_MMAP_THRESHOLD, 4 << 20)
        #endif
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
