import Foundation
import Testing
@testable import CohortKit

/// Builds that die, and builds that run at the same time, never damage the output or leave anything.
@Suite(.serialized) struct CrashTests {
    /// A generated programme of `companies` companies, built once.
    func builtCorpus(companies: Int) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        #expect(try cohort(["corpus", "--companies", String(companies), "--output", folder.path("content")], in: folder.url).status == 0)
        let build = try cohort(["build"], in: folder.url)
        #expect(build.status == 0, "\(build.stderr)")
        return folder
    }

    /// The output, but the search index, which Pagefind does not write the same way twice.
    func output(_ folder: TemporaryFolder) -> [String: Data] { withoutSearchIndex(files(under: folder.url.appendingPathComponent("output"))) }

    /// What `cohort` left in output/ besides site/ and reports/.
    func leftovers(_ folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path("output")).filter { $0 != "site" && $0 != "reports" }.sorted()
    }

    /// Starts `cohort build` in `folder` without waiting for it.
    func startBuild(in folder: TemporaryFolder) throws -> Process {
        let process = Process()
        process.executableURL = cohortBinary
        process.arguments = ["build"]
        process.currentDirectoryURL = folder.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aKilledBuildLeavesAWholeOutputAndTheNextBuildCleansUp() throws {
        let folder = try builtCorpus(companies: 200)
        // Wherever the kill lands (the delays only spread it over the build), the output is the
        // previous build's or, when the build had finished, the new one: never a mix.
        for (round, delay) in [0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8].enumerated() {
            let before = output(folder)
            let company = folder.path("content/companies/company-1.md")
            let text = try String(contentsOfFile: company, encoding: .utf8)
            try text.replacingOccurrences(of: "\nname: ", with: "\nname: Round\(round) ").write(toFile: company, atomically: true, encoding: .utf8)
            let build = try startBuild(in: folder)
            Thread.sleep(forTimeInterval: delay)
            kill(build.processIdentifier, SIGKILL)
            build.waitUntilExit()
            var after = output(folder).filter { !$0.key.hasPrefix(".") && !$0.key.contains("/.site-") && !$0.key.contains("/.reports-") }
            after = after.filter { $0.key.hasPrefix("site/") || $0.key.hasPrefix("reports/") }
            let finished = try cohort(["build", "--check"], in: folder.url).status == 0
            if !finished {
                #expect(after.filter { $0.key.hasPrefix("site/") } == before.filter { $0.key.hasPrefix("site/") }, "round \(round): the site changed")
            }
            #expect(after.filter { $0.key.hasPrefix("reports/") }.count == before.filter { $0.key.hasPrefix("reports/") }.count)
        }
        let next = try cohort(["build"], in: folder.url)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try leftovers(folder) == [])
        #expect(try cohort(["build", "--check"], in: folder.url).status == 0)
    }

    @Test func anOutputABuildDiedWhileSwappingIsPutBack() throws {
        let folder = try builtCorpus(companies: 5)
        let before = output(folder)
        // A build that died between moving the old site aside and moving the new one in.
        try FileManager.default.moveItem(atPath: folder.path("output/site"), toPath: folder.path("output/.site-previous-99999-dead"))
        try FileManager.default.createDirectory(atPath: folder.path("output/.reports-staging-99999-dead/charts"), withIntermediateDirectories: true)
        try folder.write("content/companies/company-1.md", try #require(folder.read("content/companies/company-1.md")) + "\nMore.\n")
        let build = try cohort(["build"], in: folder.url)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try leftovers(folder) == [])
        let after = output(folder)
        #expect(Set(after.keys) == Set(before.keys))
        #expect(after.filter { after[$0.key] != before[$0.key] }.keys.sorted() == ["site/companies/company-1.html"])
    }

    @Test func twoBuildsAtOnceNeitherDamagesTheOutputNorLeavesAnything() throws {
        let folder = try builtCorpus(companies: 100)
        let expected = output(folder)
        for _ in 0..<3 {
            let first = Process(), second = Process()
            var errors: [Pipe] = []
            for process in [first, second] {
                let pipe = Pipe()
                process.executableURL = cohortBinary
                process.arguments = ["build"]
                process.currentDirectoryURL = folder.url
                process.standardOutput = FileHandle.nullDevice
                process.standardError = pipe
                errors.append(pipe)
            }
            try first.run()
            try second.run()
            let messages = errors.map { String(decoding: $0.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
            first.waitUntilExit()
            second.waitUntilExit()
            let statuses = [first.terminationStatus, second.terminationStatus]
            #expect(statuses.contains(0), "\(messages)")
            for (status, message) in zip(statuses, messages) where status != 0 {
                #expect(status == 1)
                #expect(message.contains("another cohort build is writing"), "\(message)")
            }
            #expect(output(folder) == expected)
            #expect(try leftovers(folder) == [])
        }
    }
}
