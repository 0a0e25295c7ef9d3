import Foundation
import Testing
@testable import CohortKit

@Suite struct OutputWriterTests {
    @Test func writesFilesAndAManifestThenReplacesThemWhole() throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        try OutputWriter.write([OutputFile(path: "a.html", text: "A"), OutputFile(path: "x/b.html", text: "B")], to: site, protecting: [])
        #expect(folder.read("site/x/b.html") == "B")
        #expect(folder.read("site/.cohort-manifest") == "a.html\nx/b.html\n")
        try OutputWriter.write([OutputFile(path: "c.html", text: "C")], to: site, protecting: [])
        #expect(folder.read("site/a.html") == nil)
        #expect(folder.read("site/c.html") == "C")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(leftovers == ["site"])
    }

    @Test func refusesAFolderWithFilesItDidNotWrite() throws {
        let folder = try TemporaryFolder(["site/mine.txt": "keep me"])
        let site = folder.url.appendingPathComponent("site")
        #expect(throws: OutputWriter.Failure.self) {
            try OutputWriter.write([OutputFile(path: "a.html", text: "A")], to: site, protecting: [])
        }
        #expect(folder.read("site/mine.txt") == "keep me")
    }

    @Test func refusesAFileAddedAfterTheLastBuild() throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        try OutputWriter.write([OutputFile(path: "a.html", text: "A")], to: site, protecting: [])
        try folder.write("site/notes.txt", "mine")
        #expect(throws: OutputWriter.Failure.self) {
            try OutputWriter.write([OutputFile(path: "a.html", text: "A2")], to: site, protecting: [])
        }
        #expect(folder.read("site/a.html") == "A")
        #expect(folder.read("site/notes.txt") == "mine")
    }

    @Test func refusesToWriteOverOrAroundTheContent() throws {
        let folder = try TemporaryFolder(["content/programme.yml": "title: x"])
        let content = folder.url.appendingPathComponent("content")
        #expect(throws: OutputWriter.Failure.self) {
            try OutputWriter.write([OutputFile(path: "a.html", text: "A")], to: content, protecting: [content])
        }
        #expect(throws: OutputWriter.Failure.self) {
            try OutputWriter.write([OutputFile(path: "a.html", text: "A")], to: folder.url, protecting: [content])
        }
        #expect(folder.read("content/programme.yml") == "title: x")
    }

    @Test func refusesAnOutputFolderThatIsALinkToTheContent() throws {
        let folder = try TemporaryFolder(["content/programme.yml": "title: x"])
        let content = folder.url.appendingPathComponent("content")
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("out"), withDestinationURL: content)
        #expect(throws: OutputWriter.Failure.self) {
            try OutputWriter.write([OutputFile(path: "a.html", text: "A")], to: folder.url.appendingPathComponent("out/site"), protecting: [content])
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("content/site")))
    }

    @Test(arguments: ["../escape.html", "/etc/passwd", "a//b.html", "./a.html", ".cohort-manifest", "", "a/", "a/../../b.html",
                      "a/..", "a\nb.html", "a\r\nb.html", "é/a\u{2028}b.html", "a/b\u{85}.html"])
    func refusesPathsOutsideTheFolder(path: String) throws {
        let folder = try TemporaryFolder()
        #expect(throws: OutputWriter.Failure.self) {
            try OutputWriter.write([OutputFile(path: path, text: "x")], to: folder.url.appendingPathComponent("site"), protecting: [])
        }
    }

    @Test func aPlainPathsFolderIsWhatComesBeforeItsLastName() {
        #expect(StagedFolder.folder(ofPlain: "index.html") == "")
        #expect(StagedFolder.folder(ofPlain: "companies/rotec.html") == "companies")
        #expect(StagedFolder.folder(ofPlain: "zh/companies/status/signed/page/2.html") == "zh/companies/status/signed/page")
        #expect(StagedFolder.folder(ofPlain: "é/..a/b.../.well-known/x") == "é/..a/b.../.well-known")
        #expect(StagedFolder.folder(ofPlain: "a/./b") == nil)
        #expect(StagedFolder.folder(ofPlain: "a\u{0C}b") == nil)
    }
}

@Suite struct OutputReuseTests {
    @Test func unchangedFilesAreLinkedAndChangedOnesRewrittenWithoutTouchingTheOldFolder() throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        try OutputWriter.write([OutputFile(path: "same.html", text: "same"), OutputFile(path: "x/changed.html", text: "old")], to: site, protecting: [])
        let inode = { (path: String) throws -> UInt64 in
            try #require((try FileManager.default.attributesOfItem(atPath: folder.path(path))[.systemFileNumber] as? NSNumber)?.uint64Value)
        }
        let same = try inode("site/same.html"), changed = try inode("site/x/changed.html")
        try OutputWriter.write([OutputFile(path: "same.html", text: "same"), OutputFile(path: "x/changed.html", text: "new")], to: site, protecting: [])
        #expect(try inode("site/same.html") == same, "an unchanged file keeps its inode: it was linked, not written")
        #expect(try inode("site/x/changed.html") != changed, "a changed file is a new file")
        #expect(folder.read("site/same.html") == "same")
        #expect(folder.read("site/x/changed.html") == "new")
    }
}
