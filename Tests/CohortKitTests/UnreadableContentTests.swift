import Foundation
import Testing
@testable import CohortKit

/// A folder or file of the content or of the templates that cannot be read is an error that names it
/// with the system's reason; the build fails and the previous site stays. It is never read as empty.
@Suite(.serialized) struct UnreadableContentTests {
    /// A programme built once, its site kept to compare with.
    struct Programme {
        let folder: TemporaryFolder
        let site: [String: Data]

        init() throws {
            folder = try TemporaryFolder()
            for (path, text) in validContent { try folder.write("content/" + path, text) }
            try folder.write("content/static/logo.svg", #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>"#)
            let first = try cohort(["build", "--no-search"], in: folder.url)
            try #require(first.status == 0, "\(first.stderr)")
            site = files(under: folder.url.appendingPathComponent("output/site"))
        }

        /// Builds under `wrapper` (a program and its arguments that run cohort), expects it to fail with
        /// `line` among its errors, and the previous site untouched.
        func expectRefused(_ line: String, under wrapper: [String] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let command = wrapper + [cohortBinary.path, "build", "--no-search"]
            let run = try cohort(Array(command.dropFirst()), in: folder.url, binary: URL(fileURLWithPath: command[0]))
            #expect(run.status == 1, "\(run.stderr)", sourceLocation: sourceLocation)
            #expect(run.stderr.contains(line + "\n"), "\(run.stderr)", sourceLocation: sourceLocation)
            #expect(files(under: folder.url.appendingPathComponent("output/site")) == site, "the previous site stays", sourceLocation: sourceLocation)
        }
    }

    /// Names that are not what their place calls for: a folder where a file belongs and the reverse,
    /// a pipe (which reading would wait on for ever). These reach the same reading code as a folder or
    /// file without permission, and fail for root too.
    @Test func aFolderOrFileThatIsNotWhatItsPlaceCallsForIsAnError() throws {
        let programme = try Programme()
        let content = programme.folder.url.appendingPathComponent("content")
        let agreements = content.appendingPathComponent("agreements"), moved = programme.folder.url.appendingPathComponent("agreements")
        try FileManager.default.moveItem(at: agreements, to: moved)
        try programme.folder.write("content/agreements", "not a folder\n")
        try programme.expectRefused("content/agreements:1:1: error: cannot read folder: Not a directory")
        try FileManager.default.removeItem(at: agreements)
        try FileManager.default.moveItem(at: moved, to: agreements)

        let file = content.appendingPathComponent("programme.yml"), kept = programme.folder.url.appendingPathComponent("programme.yml")
        try FileManager.default.moveItem(at: file, to: kept)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
        try programme.expectRefused("content/programme.yml:1:1: error: cannot read file: Is a directory")
        try FileManager.default.removeItem(at: file)
        try FileManager.default.moveItem(at: kept, to: file)

        #expect(mkfifo(programme.folder.path("content/companies/pipe.md"), 0o644) == 0)
        try programme.expectRefused("content/companies/pipe.md:1:1: error: cannot read file: not a regular file or folder")
        try FileManager.default.removeItem(atPath: programme.folder.path("content/companies/pipe.md"))

        // A symbolic link is not followed (nothing outside the folder is read), and says so.
        try FileManager.default.createSymbolicLink(atPath: programme.folder.path("content/static/gone.svg"), withDestinationPath: "../missing.svg")
        let run = try cohort(["build", "--no-search"], in: programme.folder.url)
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix("content/static/gone.svg:1:1: warning: ignored: a symbolic link, which Cohort does not follow; copy the file it points to into the folder\n"), "\(run.stderr)")
    }

    /// Folders and files without permission to read them. Root reads them all the same, so as root
    /// (as these tests run in CI) cohort runs under setpriv without the capabilities that let root
    /// pass over permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): the system then refuses it as
    /// it refuses any other user, and the build meets the real "Permission denied".
    @Test func aFolderOrFileWithoutPermissionIsAnErrorWithTheSystemsReason() throws {
        let programme = try Programme()
        var wrapper: [String] = []
        if getuid() == 0 {
            let setpriv = try #require(["/usr/bin/setpriv", "/bin/setpriv"].first(where: FileManager.default.isExecutableFile(atPath:)),
                                       "as root, this test needs setpriv (util-linux) to give up root's override of permissions")
            wrapper = [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--"]
        }
        for (path, line) in [
            ("content/companies", "content/companies:1:1: error: cannot read folder: Permission denied"),
            ("content/companies/acme.md", "content/companies/acme.md:1:1: error: cannot read file: Permission denied"),
            ("content/static/logo.svg", "content/static/logo.svg:1:1: error: cannot read file: Permission denied"),
            ("content", "content:1:1: error: cannot read folder: Permission denied"),
        ] {
            chmod(programme.folder.path(path), 0)
            defer { chmod(programme.folder.path(path), path.hasSuffix(".md") || path.hasSuffix(".svg") ? 0o644 : 0o755) }
            try programme.expectRefused(line, under: wrapper)
        }
        try programme.folder.write("templates/company.mustache", "{{<layout}}{{/layout}}\n")
        chmod(programme.folder.path("templates/company.mustache"), 0)
        try programme.expectRefused("templates/company.mustache:1:1: error: cannot read file: Permission denied", under: wrapper)
    }
}
