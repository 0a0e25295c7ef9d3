import Foundation
import Testing
@testable import CohortKit

/// Lists filtered by each value they show, and paginated, as static pages in every language.
@Suite struct ListPageTests {
    /// The site of `content` (a folder to copy) with `programme` lines added, built into a temporary folder.
    func build(_ content: URL, adding programme: String = "") throws -> (TemporaryFolder, (String) -> String?) {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: content, to: folder.url.appendingPathComponent("content"))
        if !programme.isEmpty {
            try folder.write("content/programme.yml", (folder.read("content/programme.yml") ?? "") + "\n" + programme + "\n")
        }
        let run = try cohort(["build"], in: folder.url)
        try #require(run.status == 0, "\(run.stderr)")
        return (folder, { folder.read("output/site/" + $0) })
    }

    /// The companies a list page links to in its table, by slug, in order.
    func listed(_ html: String?) throws -> [String] {
        let html = try #require(html)
        let pattern = try Regex(#"<th scope="row" role="rowheader"><span class="with-logo">(?:<[^>]*>[^<]*</span>|<img [^>]*>)?<a href="(?:\.\./)*(?:[a-z]{2}/)?companies/([a-z0-9-]+)\.html""#)
        return html.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
    }

    @Test func eachFilterPageListsExactlyItsCompanies() throws {
        let (folder, page) = try build(lifecycleFixture)
        #expect(try listed(page("companies/status/funded/index.html")) == ["alpha", "legacy"])
        #expect(try listed(page("companies/status/exited/index.html")) == ["beta", "gamma"])
        #expect(try listed(page("companies/country/il/index.html")) == ["alpha", "delta", "legacy"])
        #expect(try listed(page("companies/sector/diagnostics/index.html")) == ["alpha", "delta"])
        #expect(try listed(page("companies/focus-area/health/index.html")) == ["alpha", "delta"])
        #expect(page("companies/status/withdrawn/index.html") == nil, "no page for a value no company has")
        let water = try #require(page("companies/focus-area/water/index.html"))
        #expect(water.contains("<h1>Companies: Water</h1>"))
        #expect(water.contains(#"<p class="muted">1 company · <a href="../../../companies/index.html">Show all 6</a></p>"#))
        // The list links every value it shows to its filter page.
        let all = try #require(page("companies/index.html"))
        #expect(all.contains(#"<td role="cell" data-label="Sector"><a href="../companies/sector/diagnostics/index.html" dir="auto">Diagnostics</a></td>"#))
        #expect(all.contains(#"<td role="cell" data-label="Country"><a href="../companies/country/de/index.html">Germany</a></td>"#))
        #expect(all.contains(#"<a class="status status-exited" href="../companies/status/exited/index.html">Exited</a>"#))
        #expect(all.contains(#"<a href="../companies/focus-area/health/index.html">Health</a>"#))
        #expect(try #require(page("organizations/index.html")).contains(#"<td role="cell" data-label="Kind"><a href="../organizations/kind/corporate/index.html">Corporate</a></td>"#))
        #expect(try listed(page("companies/index.html")).count == 6)
        withExtendedLifetime(folder) {}
    }

    @Test func longListsArePaginatedInEveryLanguage() throws {
        let (folder, page) = try build(repositoryRoot.appendingPathComponent("content"), adding: "page_size: 3")
        #expect(try listed(page("companies/index.html")) == ["botanocap", "innovative-implant-solutions", "rotec"])
        #expect(try listed(page("companies/page/2.html")) == ["sonarium-medical"])
        #expect(page("companies/page/3.html") == nil)
        let first = try #require(page("companies/index.html"))
        #expect(first.contains(#"<link rel="next" href="../companies/page/2.html">"#))
        #expect(!first.contains(#"rel="prev""#))
        #expect(first.contains(#"<a href="../companies/index.html" aria-current="page" aria-label="Page 1">1</a>"#))
        #expect(first.contains(#"<p class="muted">1–3 of 4</p>"#))
        let second = try #require(page("companies/page/2.html"))
        #expect(second.contains(#"<link rel="prev" href="../../companies/index.html">"#))
        #expect(second.contains(#"<title>Companies, page 2 · Harbin-Israel Incubator</title>"#))
        #expect(second.contains(#"<p class="muted">4 of 4</p>"#), "a page of one row names the row, not a range of one")
        #expect(second.contains(#"<link rel="canonical" href="https://harbin-israel.example.org/companies/page/2.html">"#))
        // Every language has the same pages, and the filters paginate too.
        let chinese = try #require(page("zh/companies/page/2.html"))
        #expect(chinese.contains(#"<html lang="zh" dir="ltr">"#))
        #expect(chinese.contains(#"<a href="../../../zh/companies/index.html" rel="prev">上一页</a>"#))
        #expect(try listed(page("he/companies/status/signed/page/2.html")) == ["sonarium-medical"])
        let sitemap = try #require(page("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://harbin-israel.example.org/zh/companies/page/2.html</loc>"))
        #expect(sitemap.contains("<loc>https://harbin-israel.example.org/companies/status/signed/page/2.html</loc>"))
        withExtendedLifetime(folder) {}
    }

    @Test func pageSizeZeroKeepsEveryListOnOnePage() throws {
        let (folder, page) = try build(repositoryRoot.appendingPathComponent("content"), adding: "page_size: 0")
        #expect(try listed(page("companies/index.html")).count == 4)
        #expect(page("companies/page/2.html") == nil)
        #expect(page("companies/index.html")?.contains("class=\"pagination\"") == false)
        withExtendedLifetime(folder) {}
    }

    @Test func aSectorsAddressDependsOnlyOnItsOwnName() throws {
        // The CRC-32s are those of the names' UTF-8 bytes (Python: format(zlib.crc32('水处理'.encode()), '08x')).
        let expected = ["Water & Air": "water-air", "water-air": "water-air", "Café München": "cafe-munchen", "Straße": "strasse",
                        "水处理": "d5cba9fa", "膜技术": "3a3b96a2", "חקלאות": "dc790f11", "חקלאות.": "dc790f11",
                        "AI חקלאות": "ai-5d630f70", "—": "99c612ca"]
        for (name, key) in expected {
            #expect(FilterKey.of(name) == key, "\(name)")
        }
        func keys(_ sectors: [String]) throws -> (keys: [String: String], groups: [String: (String, Int)]) {
            var changes: [String: String?] = [:]
            for (index, sector) in sectors.enumerated() {
                changes["companies/a\(index).md"] = "---\nname: a\(index)\nstatus: candidate\nsector: \"\(sector)\"\n---\n"
            }
            let index = ListIndex(try #require(try check(changes).portfolio))
            let groups = (index.groups[.companies] ?? []).filter { $0.filter.dimension == .sector }
            return (index.sectorKeys, Dictionary(uniqueKeysWithValues: groups.map { ($0.filter.key, ($0.value, $0.members.count)) }))
        }
        // Adding sectors, even ones that once took a key first, moves no other sector's page.
        let before = try keys(["חקלאות", "Energy storage"])
        let after = try keys(["חקלאות", "Energy storage", "אנרגיה", "Energy Storage", "Energy storage"])
        #expect(before.keys["חקלאות"] == after.keys["חקלאות"])
        #expect(before.keys["Energy storage"] == after.keys["Energy storage"])
        // Names that differ only in case or punctuation share one page, named as most companies write it.
        #expect(after.keys["Energy Storage"] == "energy-storage")
        #expect(after.groups["energy-storage"]?.0 == "Energy storage")
        #expect(after.groups["energy-storage"]?.1 == 3)
        #expect(after.groups.count == 3)
    }
}
