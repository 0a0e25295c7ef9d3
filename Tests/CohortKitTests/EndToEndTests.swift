import Foundation
import Testing
@testable import CohortKit

/// Runs the built `cohort` binary, as a user would, on the real example and on broken copies of it.
@Suite(.serialized) struct EndToEndTests {
    /// A copy of the repository's content and templates (and, when asked, its committed reports) in a
    /// temporary project folder.
    func exampleProject(withReports: Bool = false) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        if withReports {
            try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("output"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("output/reports"),
                                             to: folder.url.appendingPathComponent("output/reports"))
        }
        for name in ["content", "templates"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        return folder
    }

    @Test func exampleBuildsWithEveryPage() throws {
        let project = try exampleProject()
        let run = try cohort(["build"], in: project.url)
        #expect(run.status == 0, "\(run.stderr)")
        let site = files(under: project.url.appendingPathComponent("output/site"))
        var pages = ["index.html", "404.html", "companies/index.html", "organizations/index.html", "agreements/index.html",
                     "news/index.html", "reports/index.html"]
        // A page for each value the lists can be filtered by (the example's companies are all signed, in Israel).
        pages += ["companies/status/signed/index.html", "companies/country/il/index.html", "agreements/kind/framework/index.html",
                  "agreements/status/signed/index.html"]
        pages += ["corporate", "fund", "government", "tech-transfer", "university"].map { "organizations/kind/\($0)/index.html" }
        // Every page exists in every language; translations (`about.zh.md`) are no pages of their own.
        func isOriginal(_ name: String) -> Bool { name.hasSuffix(".md") && !name.dropLast(3).contains(".") }
        for folder in ["companies", "organizations", "agreements", "news"] {
            let sources = try FileManager.default.contentsOfDirectory(atPath: project.path("content/\(folder)"))
            pages += sources.filter(isOriginal).map { "\(folder)/\($0.dropLast(3)).html" }
        }
        pages += try FileManager.default.contentsOfDirectory(atPath: project.path("content/pages")).filter(isOriginal).map { "\($0.dropLast(3)).html" }
        pages.append("search.html")
        var expected = pages + pages.map { "zh/" + $0 } + pages.map { "he/" + $0 }
        // The theme's stylesheet and script carry the CRC-32 of their bytes in their names.
        let assets = site.keys.filter { $0.wholeMatch(of: /assets\/(style|search)\.[0-9a-f]{8}\.(css|js)/) != nil }
        #expect(assets.count == 2, "\(site.keys.filter { $0.hasPrefix("assets/") })")
        expected += assets
        expected += ["sitemap.xml", "feed.xml", "zh/feed.xml", "he/feed.xml", ".cohort-manifest", "_headers", "_redirects", ".nojekyll",
                     "reports/charts/allocation.svg", "reports/charts/commitments.svg", "reports/charts/performance.svg",
                     "reports/charts/pool.svg"]
        #expect(Set(site.keys.filter { !$0.hasPrefix("pagefind/") }) == Set(expected))
        // And the search index, one per language.
        let entry = try #require(site["pagefind/pagefind-entry.json"])
        let languages = try #require(try JSONSerialization.jsonObject(with: entry) as? [String: Any])["languages"] as? [String: Any]
        #expect(Set(languages?.keys ?? [:].keys) == ["en", "zh", "he"])
    }

    @Test func everyInternalLinkResolvesToAFile() throws {
        let project = try exampleProject()
        #expect(try cohort(["build"], in: project.url).status == 0)
        let links = try relativeLinks(in: project.url.appendingPathComponent("output/site"))
        #expect(links.broken == [])
        #expect(links.checked > 100)
    }

    /// Tests/Fixtures/combination-programme puts the features together (three languages, a sub-path,
    /// logos of both kinds, several pages, filters, rounds and exits); make lint-site also validates,
    /// searches and crawls it.
    @Test func theCombinationProgrammeBuildsStrictlyAndEveryLinkOfEveryLanguageResolves() throws {
        let folder = try TemporaryFolder()
        let content = repositoryRoot.appendingPathComponent("Tests/Fixtures/combination-programme").path
        let run = try cohort(["build", "--strict", "--no-search", "--content", content, "--output", folder.path("output")], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let site = folder.url.appendingPathComponent("output/site")
        let links = try relativeLinks(in: site, basePath: "/fund/")
        #expect(links.broken == [])
        #expect(links.checked > 5_000)
        for language in ["", "zh/", "he/"] {
            #expect(folder.read("output/site/\(language)companies/lotus-water.html")?.contains("src=\"\(language.isEmpty ? "" : "../")../logos/lotus-water.png\"") == true)
            #expect(folder.read("output/site/\(language)companies/sector/energy-storage/index.html") != nil, "one page for both spellings")
            #expect(folder.read("output/site/\(language)companies/sector/dc790f11/index.html") != nil, "חקלאות")
        }
        // Metrics in three languages: the translated names, a percentage's bar of 100 %, and the company
        // that has not reported named as the page's language names it.
        for (language, employees, coverage) in [("", "Employees", "Not reported for 2023: Cedar Grid."), ("zh/", "员工", "尚未报告 2023 的数据：雪松电网。"),
                                                ("he/", "עובדים", "לא דווח על 2023: רשת ארז.")] {
            let company = try #require(folder.read("output/site/\(language)companies/lotus-water.html"))
            #expect(company.contains(employees) && company.contains("<rect class=\"bar\" width=\"40.0%\" height=\"100%\"/>"), "\(language): 40 % fills 40 % of the track")
            let reports = try #require(folder.read("output/site/\(language)reports/index.html"))
            #expect(reports.contains(employees) && reports.contains(coverage), "\(language)reports")
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let first = try exampleProject(), second = try exampleProject()
        #expect(try cohort(["build"], in: first.url).status == 0)
        #expect(try cohort(["build"], in: second.url).status == 0)
        #expect(try cohort(["build"], in: second.url).status == 0)
        // Byte for byte, but the search index: Pagefind names and orders some of its files its own way
        // from run to run (the pages it indexes are the same).
        let one = files(under: first.url.appendingPathComponent("output")), two = files(under: second.url.appendingPathComponent("output"))
        #expect(withoutSearchIndex(one) == withoutSearchIndex(two))
        #expect(one.keys.contains("site/pagefind/pagefind-entry.json"), "the build indexes the site for search")
    }

    @Test func brokenContentListsEveryProblemAndLeavesOldOutputUntouched() throws {
        let project = try exampleProject()
        #expect(try cohort(["build"], in: project.url).status == 0)
        let before = files(under: project.url.appendingPathComponent("output"))

        try project.write("content/companies/rotec.md", "---\nname: ROTEC\nstatus: signed\nfocus_area: water\n---\n")
        try project.write("content/agreements/framework-botanocap.md",
                          "---\ntitle: BotanoCap framework\nkind: framework\nstatus: signed\nsigned: 2011-10-10\nparties: [infinity-group, botanocapp]\n---\n")
        try project.write("content/news/broken.md", "---\ntitle: Broken\ndate: 2011-02-30\n---\n")
        try project.write("content/pages/bad.md", "title: no front matter\n")

        let run = try cohort(["build"], in: project.url)
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [
            "content/agreements/framework-botanocap.md:6:27: error: no organisation or company with slug 'botanocapp'; did you mean 'botanocap'?",
            "content/companies/rotec.md:4:13: error: unknown focus area 'water'; did you mean 'water-treatment'?",
            "content/news/broken.md:3:7: error: invalid date '2011-02-30'; write a real calendar date as YYYY-MM-DD, for example 2011-10-10",
            "content/pages/bad.md:1:1: error: missing front matter: the file must start with a '---' line; put the fields between two '---' lines at the top of the file",
            "4 errors, 0 warnings",
        ])
        #expect(files(under: project.url.appendingPathComponent("output")) == before)
    }

    @Test func checkPrintsJSONAndGitHubAnnotations() throws {
        let project = try exampleProject()
        try project.write("content/companies/rotec.md", "---\nname: ROTEC\nstatus: signed\nfocus_area: water\n---\n")
        let json = try cohort(["check", "--format", "json"], in: project.url)
        #expect(json.status == 1)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(decoded?["errors"] as? Int == 1)
        let github = try cohort(["check", "--format", "github"], in: project.url)
        #expect(github.stdout.contains("::error file=content/companies/rotec.md,line=4,col=13::unknown focus area 'water'"))
    }

    @Test func exitStatusesAreZeroOneAndTwo() throws {
        let project = try exampleProject()
        #expect(try cohort(["check"], in: project.url).status == 0)
        #expect(try cohort(["check", "--no-such-flag"], in: project.url).status == 2)
        #expect(try cohort(["check", "--format", "xml"], in: project.url).status == 2)
        try project.write("content/companies/rotec.md", "---\nname: ROTEC\n---\n")
        #expect(try cohort(["check"], in: project.url).status == 1)
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let project = try exampleProject()
        let agreement = try #require(project.read("content/agreements/framework-rotec.md"))
        try project.write("content/agreements/framework-rotec.md", agreement.replacingOccurrences(of: "status: \"signed\"", with: "status: \"draft\""))
        let lenient = try cohort(["check"], in: project.url)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("content/companies/rotec.md:1:1: warning: company 'rotec' is signed but no signed agreement names it"))
        #expect(try cohort(["build", "--strict"], in: project.url).status == 1)
        #expect(!FileManager.default.fileExists(atPath: project.path("output/site")))
    }

    @Test func anErrorFoundWhileRenderingLeavesTheOutputAsItWas() throws {
        let project = try exampleProject()
        #expect(try cohort(["build"], in: project.url).status == 0)
        let before = files(under: project.url.appendingPathComponent("output"))
        let rotec = try #require(project.read("content/companies/rotec.md"))
        try project.write("content/companies/rotec.md", rotec + "\nSee [the missing one](nowhere.md).\n")
        let run = try cohort(["build"], in: project.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken link to 'nowhere.md'"))
        #expect(files(under: project.url.appendingPathComponent("output")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.path("output")).sorted()
        #expect(leftovers == ["reports", "site"])
    }

    @Test func aRefusedReportsFolderLeavesTheSiteUntouchedToo() throws {
        let project = try exampleProject()
        #expect(try cohort(["build"], in: project.url).status == 0)
        let before = files(under: project.url.appendingPathComponent("output"))
        let rotec = try #require(project.read("content/companies/rotec.md"))
        try project.write("content/companies/rotec.md", rotec.replacingOccurrences(of: "ROTEC is", with: "ROTEC, renamed, is"))
        try project.write("output/reports/notes.md", "mine")
        let run = try cohort(["build"], in: project.url)
        #expect(run.status == 1)
        var after = files(under: project.url.appendingPathComponent("output"))
        after["reports/notes.md"] = nil
        #expect(after == before)
    }

    @Test func refusesAnOutputFolderHoldingOtherFiles() throws {
        let project = try exampleProject()
        try project.write("output/site/precious.txt", "do not delete")
        let run = try cohort(["build"], in: project.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Cohort did not write it"))
        #expect(project.read("output/site/precious.txt") == "do not delete")
        #expect(try cohort(["build", "--output", "content"], in: project.url).status == 1)
    }

    @Test func aRefusedOutputFolderIsNeverCreated() throws {
        let project = try exampleProject()
        let run = try cohort(["build", "--output", "content/out"], in: project.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("refusing to write"))
        #expect(!FileManager.default.fileExists(atPath: project.path("content/out")))
        #expect(try cohort(["check", "--strict"], in: project.url).status == 0)
    }

    @Test func buildWritesEveryReport() throws {
        let project = try exampleProject()
        let run = try cohort(["build"], in: project.url)
        #expect(run.status == 0)
        #expect(run.stderr.contains("wrote 11 files to output/reports"))
        #expect(Set(files(under: project.url.appendingPathComponent("output/reports")).keys) == [
            ".cohort-manifest", "summary.md", "companies.csv", "investments.csv", "agreements.csv", "cash-flows.csv", "metrics.csv", "portfolio.json",
            "charts/allocation.svg", "charts/commitments.svg", "charts/performance.svg", "charts/pool.svg",
        ])
    }

    @Test func committedReportsMatchAFreshBuild() throws {
        let project = try exampleProject(withReports: true)
        let run = try cohort(["build", "--check"], in: project.url)
        #expect(run.status == 0, "output/reports is stale; run make site and commit it:\n\(run.stderr)")
    }

    @Test func staleReportsFailTheCheckAndTheDiffShowsTheChange() throws {
        let project = try exampleProject(withReports: true)
        let rotec = try #require(project.read("content/companies/rotec.md"))
        try project.write("content/companies/rotec.md", rotec.replacingOccurrences(of: "amount: \"$1m\"", with: "amount: \"$1.5m\""))
        let check = try cohort(["report", "--check"], in: project.url)
        #expect(check.status == 1)
        #expect(check.stderr.contains("output/reports/summary.md:10:1: error: report is stale: line 10 is not what the content gives; expected '| Committed | USD 4,500,000 (estimated) |'"))
        let diff = try cohort(["diff", "--base", "output/reports/portfolio.json", "--format", "text"], in: project.url)
        #expect(diff.status == 0)
        #expect(diff.stdout.contains("Committed                   USD 4,000,000 (estimated) -> USD 4,500,000 (estimated)  (+USD 500,000)"))
        #expect(diff.stdout.contains("      investment: USD 1,000,000 -> USD 1,500,000"))
        #expect(diff.stdout.contains("""
                  round 2011-10-10 initial: USD 1,000,000 (estimated), not disbursed, under framework-rotec \
            -> USD 1,500,000 (estimated), not disbursed, under framework-rotec
            """))
        #expect(try cohort(["report"], in: project.url).status == 0)
        #expect(try cohort(["build", "--check"], in: project.url).status == 0)
    }

    @Test func diffReadsTheBaseFromGitWithoutACheckout() throws {
        let project = try exampleProject()
        let git = { (arguments: [String]) throws -> Void in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments
            process.currentDirectoryURL = project.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "git \(arguments) failed")
        }
        try git(["init", "-q", "-b", "main"])
        try git(["add", "content", "templates"])
        try git(["commit", "-q", "-m", "base"])
        #expect(try cohort(["diff"], in: project.url).stdout == "No changes to the programme's reports.\n")
        let botanocap = try #require(project.read("content/companies/botanocap.md"))
        try project.write("content/companies/botanocap.md", botanocap.replacingOccurrences(of: "status: \"signed\"", with: "status: \"withdrawn\""))
        try project.write("content/companies/aquatech.md", "---\nname: AquaTech\nstatus: candidate\nfocus_area: water-treatment\n---\n")
        let diff = try cohort(["diff", "--base", "main"], in: project.url)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("| Committed | USD 4,000,000 (estimated) | USD 3,000,000 (estimated) | -USD 1,000,000 |"))
        #expect(diff.stdout.contains("### Companies added\n\n- **AquaTech** (`aquatech`): candidate"))
        #expect(diff.stdout.contains("### Companies changed\n\n- **BotanoCap** (`botanocap`)\n  - status: signed → withdrawn"))
        #expect(!diff.stdout.contains("Addresses that stop working"))
        let json = try cohort(["diff", "--format", "json"], in: project.url)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(decoded?["changed"] as? Bool == true)
        // A news item's file renamed: its old address stops working in every language, until an alias keeps it.
        let news = try #require(project.read("content/news/programme-announced.md"))
        try FileManager.default.removeItem(at: project.url.appendingPathComponent("content/news/programme-announced.md"))
        try FileManager.default.moveItem(at: project.url.appendingPathComponent("content/news/programme-announced.zh.md"),
                                         to: project.url.appendingPathComponent("content/news/harbin-programme-announced.zh.md"))
        try project.write("content/news/harbin-programme-announced.md", news)
        let renamed = try cohort(["diff", "--base", "main"], in: project.url)
        #expect(renamed.stdout.contains("""
            ### Addresses that stop working

            - `news/programme-announced.html` (en, he, zh): add `aliases: [news/programme-announced.html]` to news/harbin-programme-announced.md

            """), "\(renamed.stdout)")
        try project.write("content/news/harbin-programme-announced.md",
                          news.replacingOccurrences(of: "---\n", with: "---\naliases: [news/programme-announced.html]\n", options: [], range: news.startIndex..<news.index(news.startIndex, offsetBy: 4)))
        #expect(!(try cohort(["diff", "--base", "main"], in: project.url).stdout.contains("Addresses that stop working")))
    }

    @Test func generatedBenchmarkCorpusBuildsCleanly() throws {
        let folder = try TemporaryFolder()
        let generate = try cohort(["corpus", "--companies", "40", "--output", folder.path("content")], in: folder.url)
        #expect(generate.status == 0, "\(generate.stderr)")
        let templates = repositoryRoot.appendingPathComponent("templates").path
        let run = try cohort(["build", "--templates", templates, "--strict", "--timings"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        for stage in ["load", "decode", "link", "report", "render", "write"] {
            #expect(run.stderr.contains("\n\(stage) "), "--timings names the \(stage) stage")
        }
        #expect(!run.stderr.contains("cohort help"), "the hidden commands stay out of the help")
        let help = try cohort(["help"], in: folder.url)
        #expect(!help.stdout.contains("corpus") && !help.stdout.contains("floor"))
    }
}
