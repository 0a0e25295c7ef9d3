import Foundation
import Testing
@testable import CohortKit

/// Full-text search: a Pagefind index built into the staged site, a search page and box, and a site
/// that still builds, with a warning, where Pagefind is missing.
@Suite struct SearchTests {
    func project(search: Bool? = nil) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: lifecycleFixture, to: folder.url.appendingPathComponent("content"))
        if let search { try folder.write("content/programme.yml", (folder.read("content/programme.yml") ?? "") + "\nsearch: \(search)\n") }
        return folder
    }

    @Test func theBuildIndexesTheEntityPagesWithTheirFilters() throws {
        let folder = try project()
        let run = try cohort(["build", "--timings"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("warning"), "\(run.stderr)")
        #expect(run.stderr.contains("search "), "the search index's time is shown on its own")
        let entry = try #require(folder.read("output/site/pagefind/pagefind-entry.json"))
        #expect(entry.contains(#""page_count":16"#), "the 6 companies, 5 organisations and 5 agreements: the pages marked for indexing")
        #expect(FileManager.default.fileExists(atPath: folder.path("output/site/pagefind/pagefind-ui.js")))
        let manifest = try #require(folder.read("output/site/.cohort-manifest"))
        #expect(manifest.contains("pagefind/pagefind-entry.json"), "Cohort owns the index like every file it writes")
        let company = try #require(folder.read("output/site/companies/alpha.html"))
        #expect(company.contains("<article data-pagefind-body>"))
        #expect(company.contains(#"<dd data-pagefind-filter="Sector">Diagnostics</dd>"#))
        #expect(company.contains(#"<form class="site-search" action="../search.html" role="search" hidden>"#))
        #expect(company.contains(try Regex(#"<script src="\.\./assets/search\.[0-9a-f]{8}\.js" defer></script>"#)))
        let search = try #require(folder.read("output/site/search.html"))
        #expect(search.contains(#"<div id="search" data-bundle="pagefind/" data-base="./"></div>"#))
        // A rebuild keeps the index, and the output folder stays Cohort's to replace.
        #expect(try cohort(["build"], in: folder.url).status == 0)
    }

    @Test func withoutPagefindTheSiteIsBuiltWithAWarningThatSaysHowToGetIt() throws {
        let folder = try project()
        let run = try cohort(["build"], in: folder.url, environment: ["PATH": "", "HOME": folder.url.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("programme.yml:1:1: warning: the site has no search index: Pagefind is not installed"))
        #expect(run.stderr.contains(#"install it with 'python3 -m pip install "pagefind[extended]"'"#))
        #expect(!FileManager.default.fileExists(atPath: folder.path("output/site/pagefind")))
        #expect(folder.read("output/site/search.html")?.contains(#"id="search-unavailable" hidden"#) == true)
        // Under --strict the warning fails the build, which then writes nothing.
        let strict = try TemporaryFolder()
        try FileManager.default.copyItem(at: lifecycleFixture, to: strict.url.appendingPathComponent("content"))
        #expect(try cohort(["build", "--strict"], in: strict.url, environment: ["PATH": "", "HOME": strict.url.path]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: strict.path("output/site")))
    }

    @Test func searchFalseLeavesSearchOutAltogether() throws {
        let folder = try project(search: false)
        let run = try cohort(["build"], in: folder.url, environment: ["PATH": "", "HOME": folder.url.path])
        #expect(run.status == 0)
        #expect(!run.stderr.contains("search index"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("output/site/search.html")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("output/site/pagefind")))
        let home = try #require(folder.read("output/site/index.html"))
        #expect(!home.contains("site-search"))
        #expect(!home.contains("search.js"))
    }

    @Test func noSearchSkipsTheIndexForOneBuild() throws {
        let folder = try project()
        #expect(try cohort(["build", "--no-search"], in: folder.url).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path("output/site/pagefind")))
        #expect(FileManager.default.fileExists(atPath: folder.path("output/site/search.html")))
    }

    @Test func pagefindIsFoundInTheDocumentedOrder() throws {
        let folder = try TemporaryFolder()
        for name in ["pagefind", "pagefind_extended"] {
            try folder.write("bin/\(name)", "#!/bin/sh\n")
            chmod(folder.path("bin/\(name)"), 0o755)
        }
        let path = folder.path("bin")
        #expect(try Pagefind.locate(environment: ["PATH": path]).command == [path + "/pagefind_extended"])
        #expect(try Pagefind.locate(environment: ["PATH": path, "PAGEFIND": path + "/pagefind"]).command == [path + "/pagefind"])
        #expect(throws: ToolFailure.self) { try Pagefind.locate(environment: ["PATH": path, "PAGEFIND": path + "/missing"]) }
        #expect(throws: ToolFailure.self) { try Pagefind.locate(environment: ["PATH": ""]) }
    }
}
