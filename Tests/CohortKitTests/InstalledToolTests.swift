import Foundation
import Testing
@testable import CohortKit

/// Cohort as a programme team uses it: the binary alone on the PATH, a repository holding only content.
@Suite(.serialized) struct InstalledToolTests {
    /// A temporary folder with a copy of the built binary in `bin/` and nothing else.
    struct Sandbox {
        let folder: TemporaryFolder
        var bin: URL { folder.url.appendingPathComponent("bin") }

        init() throws {
            folder = try TemporaryFolder()
            try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("bin"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: cohortBinary, to: folder.url.appendingPathComponent("bin/cohort"))
        }

        /// Runs a shell command line in `directory` (the sandbox by default) with only the copied binary
        /// and the system's tools on the PATH.
        func shell(_ command: String, in directory: String = "") throws -> Run {
            try cohort(["-c", command], in: folder.url.appendingPathComponent(directory), binary: URL(fileURLWithPath: "/bin/sh"),
                       environment: ["PATH": bin.path + ":/usr/bin:/bin", "HOME": folder.url.path, "LANG": "C.UTF-8",
                                     "PAGEFIND": bin.path + "/pagefind"])
        }

        func site(_ programme: String) -> [String: Data] {
            files(under: folder.url.appendingPathComponent(programme + "/output/site"))
        }
    }

    @Test func initCheckAndBuildWorkWithOnlyTheBinary() throws {
        let sandbox = try Sandbox()
        let run = try sandbox.shell("cohort init prog && cd prog && cohort check --strict && cohort build")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains(#"Started "Prog" in prog"#))
        #expect(run.stderr.contains("wrote 32 files to output/site"))
        // Without Pagefind, the site is built without its search index, and a warning says how to get it.
        #expect(run.stderr.contains("programme.yml:1:1: warning: the site has no search index: PAGEFIND names '"))
        #expect(run.stderr.contains("python3 -m pip install \"pagefind[extended]\""))
        let programme = sandbox.folder.url.appendingPathComponent("prog")
        #expect(!FileManager.default.fileExists(atPath: programme.appendingPathComponent("templates").path))
        for path in [".gitignore", ".gitattributes", ".github/workflows/cohort.yml", "README.md", "output/reports/summary.md",
                     "content/news/programme-launched.md", "content/pages/about.md"] {
            #expect(FileManager.default.fileExists(atPath: programme.appendingPathComponent(path).path), "\(path) missing")
        }
        let links = try relativeLinks(in: programme.appendingPathComponent("output/site"))
        #expect(links.broken == [])
        #expect(links.checked > 50)
        // The reports init wrote are current: the workflow's `cohort build --check` passes at once.
        #expect(try sandbox.shell("cohort build --check", in: "prog").status == 0)
    }

    @Test func initRefusesAFolderThatIsNotEmpty() throws {
        let sandbox = try Sandbox()
        try sandbox.folder.write("prog/notes.md", "mine")
        let run = try sandbox.shell("cohort init prog --title 'Harbin Fund'")
        #expect(run.status == 2)
        #expect(run.stderr.contains("is not empty (notes.md): start a programme in a new or empty folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.folder.path("prog")) == ["notes.md"])
    }

    @Test func aTemplateThatInheritsTheBuiltInLayoutChangesOnlyItsPage() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.shell("cohort init prog && cd prog && cohort build").status == 0)
        let before = sandbox.site("prog")
        try sandbox.folder.write("prog/templates/news.mustache",
                                 "{{<layout}}\n{{$content}}\n<h1>Announcements</h1>\n{{> partials/news-list}}\n{{/content}}\n{{/layout}}\n")
        let run = try sandbox.shell("cohort build", in: "prog")
        #expect(run.status == 0, "\(run.stderr)")
        let after = sandbox.site("prog")
        #expect(Set(after.keys) == Set(before.keys))
        #expect(after.keys.filter { after[$0] != before[$0] } == ["news/index.html"])
        let news = String(decoding: after["news/index.html"] ?? Data(), as: UTF8.self)
        #expect(news.contains("<h1>Announcements</h1>") && news.contains("<footer class=\"site-footer\">"))
    }

    @Test func anOverrideWithAnErrorIsNamedAndTheSiteStays() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.shell("cohort init prog && cd prog && cohort build").status == 0)
        let before = sandbox.site("prog")
        try sandbox.folder.write("prog/templates/company.mustache", "{{<layout}}\n{{$content}}\n{{#company}}\n{{/content}}\n{{/layout}}\n")
        let run = try sandbox.shell("cohort build", in: "prog")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("templates/company.mustache:3:1: error: template syntax error: section 'company' is opened here but not closed before '{{/content}}' at line 4, column 1"), "\(run.stderr)")
        #expect(sandbox.site("prog") == before)
    }

    @Test func ejectWritesTheBuiltInThemeAndNeverOverwrites() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.shell("cohort init prog && cd prog && cohort build").status == 0)
        let builtIn = sandbox.site("prog")
        let one = try sandbox.shell("cohort theme eject company.mustache", in: "prog")
        #expect(one.status == 0)
        #expect(one.stdout == "wrote templates/company.mustache\n")
        try sandbox.folder.write("prog/templates/company.mustache", "{{<layout}}{{/layout}}\n")
        let all = try sandbox.shell("cohort theme eject", in: "prog")
        #expect(all.status == 0)
        #expect(all.stdout.contains("kept templates/company.mustache (it exists; delete it first to get the built-in one)"))
        #expect(all.stdout.contains("wrote templates/assets/style.css"))
        #expect(sandbox.folder.read("prog/templates/company.mustache") == "{{<layout}}{{/layout}}\n")
        let list = try sandbox.shell("cohort theme list", in: "prog")
        #expect(list.stdout.contains("company.mustache  (replaced by templates/company.mustache)"))
        // With the whole theme ejected unchanged (but the company page), the site is the built-in one.
        try FileManager.default.removeItem(atPath: sandbox.folder.path("prog/templates/company.mustache"))
        #expect(try sandbox.shell("cohort theme eject company && cohort build", in: "prog").status == 0)
        #expect(sandbox.site("prog") == builtIn)
        let unknown = try sandbox.shell("cohort theme eject compny.mustache", in: "prog")
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: the built-in theme has no file 'compny.mustache'; did you mean 'company.mustache'?\n(cohort theme list shows them all)\n")
        let nothing = try sandbox.shell("cohort theme eject nonexist.mustache", in: "prog")
        #expect(nothing.status == 2)
        #expect(nothing.stderr == "error: the built-in theme has no file 'nonexist.mustache'; did you mean 'news.mustache'?\n(cohort theme list shows them all)\n")
    }

    @Test func initsNextStepsCanBePastedIntoAShell() throws {
        let sandbox = try Sandbox()
        let run = try sandbox.shell("cohort init \"My Fund\"")
        #expect(run.status == 0)
        #expect(run.stdout.contains("\n  cd 'My Fund'\n  cohort build"), "\(run.stdout)")
        #expect(try sandbox.shell("cd 'My Fund' && cohort build").status == 0)
        #expect(try sandbox.shell("cohort init \"Ana's fund\"").stdout.contains("\n  cd 'Ana'\\''s fund'\n"))
        #expect(try sandbox.shell("cohort init plain-name").stdout.contains("\n  cd plain-name\n"))
    }

    @Test func versionAndAMissingTemplatesFolder() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.shell("cohort --version").stdout == Release.version + "\n")
        #expect(try sandbox.shell("cohort init prog").status == 0)
        let run = try sandbox.shell("cohort check --templates my-theme", in: "prog")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("my-theme:1:1: error: templates folder not found"))
    }
}
