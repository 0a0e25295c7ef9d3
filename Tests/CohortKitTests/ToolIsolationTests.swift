import Foundation
import Testing
@testable import CohortKit

/// The Python tools a build runs (Pagefind, resvg) run apart from the programme's folder: a package of
/// the same name committed to a programme's repository, or left in the folder the build is started
/// from, or named by PYTHONPATH, is never imported, and the installed tools still do their work.
@Suite(.serialized) struct ToolIsolationTests {
    /// Python modules named like the tools under `prefix` in `folder`, each writing the file
    /// `<tag>-<module>` into `markers` when it is imported.
    static func plantImpostors(in folder: TemporaryFolder, under prefix: String, markers: URL, tag: String) throws {
        let marker = { (name: String) in "open(\(pythonString(markers.appendingPathComponent(tag + "-" + name).path)), 'w').close()\n" }
        try folder.write(prefix + "pagefind/__init__.py", marker("pagefind-init"))
        try folder.write(prefix + "pagefind/__main__.py", marker("pagefind-main"))
        try folder.write(prefix + "resvg_py.py", marker("resvg_py") + "def svg_to_bytes(**_): return b''\n")
    }

    /// `text` as a Python string literal.
    static func pythonString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    @Test func aPagefindOrResvgModuleInTheProgrammesOrTheCurrentFolderIsNeverImported() throws {
        for module in ["pagefind", "resvg_py"] {
            let installed = try cohort(["python3", "-c", "import \(module)"], in: FileManager.default.temporaryDirectory,
                                       binary: URL(fileURLWithPath: "/usr/bin/env"))
            try #require(installed.status == 0, "\(module) is not installed: make search-deps installs Pagefind and resvg (\(installed.stderr))")
        }
        let programme = try TemporaryFolder(), elsewhere = try TemporaryFolder(), markers = try TemporaryFolder()
        try FileManager.default.copyItem(at: lifecycleFixture, to: programme.url.appendingPathComponent("content"))
        for (folder, prefix, tag) in [(programme, "", "programme"), (elsewhere, "", "elsewhere")] {
            try Self.plantImpostors(in: folder, under: prefix, markers: markers.url, tag: tag)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = elsewhere.url.path
        environment["PAGEFIND"] = nil
        // Built as a team does, in the programme's folder; then from another folder, naming the programme's.
        let runs = [
            try cohort(["build"], in: programme.url, environment: environment),
            try cohort(["build", "--content", programme.path("content"), "--output", programme.path("output-elsewhere")],
                       in: elsewhere.url, environment: environment),
        ]
        for (run, output) in zip(runs, ["output", "output-elsewhere"]) {
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!run.stderr.contains("warning"), "\(run.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: markers.url.path) == [], "an impostor module ran")
            // The installed tools ran: the site has its search index and the SVG logo's card.
            #expect(programme.read(output + "/site/pagefind/pagefind-entry.json")?.contains(#""page_count":16"#) == true)
            let card = try #require(FileManager.default.contents(atPath: programme.path(output + "/site/cards/logos/delta.png")))
            #expect(try ImageFacts.read(card).get().width == 1200)
        }
    }

    @Test func aProgramGivenNoFolderRunsInANewEmptyOne() throws {
        let printed = try ExternalProgram.run(["/bin/sh", "-c", "pwd; ls -A | wc -l"]) { _ in "sh failed" }
        let lines = String(decoding: printed, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.count == 2)
        #expect(lines.first != FileManager.default.currentDirectoryPath)
        #expect(lines.first?.hasPrefix(FileManager.default.temporaryDirectory.standardizedFileURL.path) == true)
        #expect(lines.last == "0", "the folder is empty")
        #expect(!FileManager.default.fileExists(atPath: String(lines.first ?? "")), "and removed once the program ends")
    }
}
