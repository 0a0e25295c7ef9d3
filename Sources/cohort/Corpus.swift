import ArgumentParser
import CohortKit
import Foundation

/// `cohort corpus`: writes a generated programme for benchmarks. Hidden from the main help.
struct Corpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a synthetic programme for benchmarks (deterministic from its seed).",
        shouldDisplay: false)

    @Option(help: "How many companies; agreements are half as many.")
    var companies = 1000

    @Option(help: "The seed of the random choices.")
    var seed: UInt64 = 42

    @Option(help: "The content folder to write (replaced whole; Cohort refuses a folder it did not write).")
    var output: String

    func run() throws {
        let files = CorpusGenerator(companies: companies, seed: seed).files()
        do {
            try OutputWriter.write(files, to: URL(fileURLWithPath: output), protecting: [])
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardError.write(Data("wrote \(files.count) files to \(output)\n".utf8))
    }
}

/// `cohort floor`: times libcmark alone on a content folder's bodies. Hidden from the main help.
struct Floor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render every Markdown body of a content folder with libcmark alone, on one core, and print the time.",
        shouldDisplay: false)

    @Option(help: "The content folder.")
    var content = "content"

    func run() throws {
        let result = MarkdownFloor.measure(content: URL(fileURLWithPath: content))
        print("bodies \(result.bodies) bytes \(result.bytes) seconds \(String(format: "%.3f", result.seconds))")
    }
}
