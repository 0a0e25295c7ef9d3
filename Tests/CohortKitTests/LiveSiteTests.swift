import Foundation
import Synchronization
import Testing
@testable import CohortKit

/// The preview's incremental rebuilds give what a fresh build gives, after any sequence of edits.
@Suite struct LiveSiteTests {
    /// A copy of the example's content and an empty templates folder.
    func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: folder.url.appendingPathComponent("content"))
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("templates"), withIntermediateDirectories: true)
        return folder
    }

    /// What a fresh build of the folder gives: its diagnostics, and its files when there is no error.
    func fresh(_ folder: TemporaryFolder) throws -> (files: [String: Data]?, diagnostics: [Diagnostic]) {
        let project = Project(contentPath: folder.path("content"), templatesPath: folder.path("templates"))
        let files = Mutex<[String: Data]>([:])
        let outcome = project.check { file in files.withLock { $0[file.path] = file.bytes } }
        guard !outcome.diagnostics.hasErrors else { return (nil, outcome.diagnostics) }
        return (files.withLock { $0 }, outcome.diagnostics)
    }

    func live(_ folder: TemporaryFolder) -> LiveSite {
        LiveSite(contentPath: folder.path("content"), templatesPath: folder.path("templates"), templatesRequired: true)
    }

    /// Checks the live site against a fresh build; `step` names the edit in failures. When the fresh
    /// build has errors, every page the preview serves must be the list of them.
    func expectSame(_ site: LiveSite, _ folder: TemporaryFolder, after step: String) throws {
        let expected = try fresh(folder)
        let current = site.current
        #expect(current.diagnostics == expected.diagnostics.sorted(), "after \(step)")
        guard let files = expected.files else {
            let errorPage = PreviewResponse.errorPage(expected.diagnostics.sorted(), sourceLine: { _, _ in nil })
            for target in ["/", "/companies/rotec.html", "/no-such-page.html"] {
                let served = PreviewResponse.answer(method: "GET", target: target, file: { current.version?.file($0) },
                                                    diagnostics: current.diagnostics, sourceLine: { _, _ in nil })
                #expect(served.status == 500 && served.body == errorPage, "\(target) after \(step)")
            }
            return
        }
        let served = try #require(current.version).allFiles()
        let differing = Set(files.keys).union(served.keys).filter { files[$0] != served[$0] }.sorted()
        #expect(differing == [], "after \(step)")
    }

    @Test func aFirstBuildIsAFreshBuild() throws {
        let folder = try project()
        let site = live(folder)
        let rebuild = site.build()
        #expect(rebuild.pagesOutOfDate == 0)
        #expect(site.current.version?.paths.count == (try fresh(folder).files?.count))
        #expect(site.current.version?.isRendered("index.html") == false, "pages render when first asked for")
        try expectSame(site, folder, after: "the first build")
    }

    @Test func aFolderThatCannotBeReadIsAnErrorAsInABuild() throws {
        let folder = try project()
        let site = live(folder)
        _ = site.build()
        // A file where the agreements folder was: the folder cannot be listed (as without permission).
        let agreements = folder.url.appendingPathComponent("content/agreements"), kept = folder.url.appendingPathComponent("agreements")
        try FileManager.default.moveItem(at: agreements, to: kept)
        try folder.write("content/agreements", "not a folder\n")
        _ = site.update([agreements.path])
        #expect(site.current.diagnostics.contains { $0.message == "cannot read folder: Not a directory" && $0.location.path.hasSuffix("content/agreements") })
        try expectSame(site, folder, after: "the agreements folder became a file")
        try FileManager.default.removeItem(at: agreements)
        try FileManager.default.moveItem(at: kept, to: agreements)
        _ = site.update([agreements.path])
        try expectSame(site, folder, after: "the agreements folder came back")
    }

    @Test func editingOneCompanyRendersOnlyThePagesThatShowIt() throws {
        let folder = try project()
        let site = live(folder)
        _ = site.build()
        _ = site.current.version?.allFiles()
        let path = folder.path("content/companies/rotec.md")
        try folder.write("content/companies/rotec.md", try #require(folder.read("content/companies/rotec.md")) + "\nMore about ROTEC.\n")
        let rebuild = site.update([path])
        // In each of the three languages: its page, the home page, the companies and agreements lists
        // (which name it as a party) and the filters that list it or its agreement, the two managers
        // that signed with it, its agreement, the news item about it, and the reports page's register;
        // not the other companies, organisations, agreements or pages.
        #expect(rebuild.pagesOutOfDate == 39, "\(rebuild.pagesOutOfDate)")
        let version = try #require(site.current.version)
        let touched = ["agreements/framework-rotec.html", "agreements/index.html", "agreements/kind/framework/index.html",
                       "agreements/status/signed/index.html", "companies/country/il/index.html", "companies/index.html",
                       "companies/rotec.html", "companies/status/signed/index.html",
                       "index.html", "news/programme-announced.html", "organizations/city-of-harbin.html",
                       "organizations/infinity-group.html", "reports/index.html"]
        #expect(version.paths.filter { $0.hasSuffix(".html") && !version.isRendered($0) }.sorted()
            == (touched + touched.map { "zh/" + $0 } + touched.map { "he/" + $0 }).sorted())
        try expectSame(site, folder, after: "a body edit")
        let unchanged = site.update([folder.path("content/companies/nothing.md")])
        #expect(unchanged.pagesOutOfDate == 0)
    }

    @Test func aBodyLinkToAFileOfTheSiteIsCheckedAgainOnlyWhenThatFileComesOrGoes() throws {
        let folder = try project()
        let site = live(folder)
        let about = try #require(folder.read("content/pages/about.md"))
        try folder.write("content/pages/about.md", about + "\nSee [the companies](/companies/), [the notes](/notes.txt) and [the plan](../static/plan.txt).\n")
        _ = site.build()
        #expect(site.current.diagnostics.filter { $0.severity == .error }.count == 2, "two broken links, once for the three languages")
        try expectSame(site, folder, after: "two links to files the site does not have")
        try folder.write("content/static/notes.txt", "notes\n")
        try folder.write("content/static/plan.txt", "plan\n")
        _ = site.update([folder.path("content/static/notes.txt"), folder.path("content/static/plan.txt")])
        #expect(!site.current.diagnostics.hasErrors)
        try expectSame(site, folder, after: "the files the links name added")
        // Another file, which no body links: the about pages, which link three files of the site, stay.
        _ = try #require(site.current.version).allFiles()
        try folder.write("content/static/other.txt", "other\n")
        _ = site.update([folder.path("content/static/other.txt")])
        let version = try #require(site.current.version)
        #expect(["about.html", "zh/about.html", "he/about.html"].allSatisfy(version.isRendered))
        try expectSame(site, folder, after: "a file no body links added")
        try FileManager.default.removeItem(atPath: folder.path("content/static/plan.txt"))
        _ = site.update([folder.path("content/static/plan.txt")])
        #expect(site.current.diagnostics.filter { $0.severity == .error }.count == 1, "the link to the plan")
        try expectSame(site, folder, after: "a linked file removed")
    }

    @Test func theFiguresOfAFrontMatterEditAreComputedWhenAPageShowsThem() throws {
        let folder = try project()
        let site = live(folder)
        _ = site.build()
        _ = try #require(site.current.version).allFiles()
        let rotec = try #require(folder.read("content/companies/rotec.md"))
        try folder.write("content/companies/rotec.md", rotec.replacingOccurrences(of: "name: \"ROTEC\"", with: "name: \"ROTEC Ltd\"\nsector: \"Water\""))
        _ = site.update([folder.path("content/companies/rotec.md")])
        let edited = try #require(site.current.version)
        _ = edited.file("companies/rotec.html")
        #expect(!edited.figures.isComputed, "the company's page is served without them")
        #expect(!edited.isRendered("index.html") && !edited.isRendered("reports/index.html") && edited.isRendered("about.html"))
        try expectSame(site, folder, after: "a company renamed and given a sector")
        #expect(edited.figures.isComputed)
        // A file no figure reads: the figures, computed already, stay, and so do the pages that show them.
        try folder.write("content/static/notes.txt", "notes\n")
        _ = site.update([folder.path("content/static/notes.txt")])
        let next = try #require(site.current.version)
        #expect(next.figures === edited.figures && next.isRendered("index.html") && next.isRendered("reports/index.html"))
        try expectSame(site, folder, after: "a static file added")
    }

    @Test func aChangeToABodyAloneIsToldApartFromOtherChanges() throws {
        let folder = try project()
        var state = ContentState(directory: folder.url.appendingPathComponent("content"), displayRoot: folder.path("content"))
        state.reload()
        let rotec = try #require(folder.read("content/companies/rotec.md"))
        try folder.write("content/companies/rotec.md", rotec + "\nMore about ROTEC.\n")
        guard case .bodies(let edited) = state.update(["companies/rotec.md"]) else { Issue.record("a body edit"); return }
        #expect(edited.map { $0.body?.markdown.hasSuffix("More about ROTEC.\n") } == [true])
        guard case .bodies(let none) = state.update(["companies/rotec.md", "companies/nothing.md"]) else { Issue.record("no edit"); return }
        #expect(none.isEmpty, "a file saved again as it was changes nothing")
        try folder.write("content/companies/rotec.md", rotec.replacingOccurrences(of: "name: \"ROTEC\"", with: "name: \"ROTEC Ltd\""))
        guard case .files = state.update(["companies/rotec.md"]) else { Issue.record("a front matter edit"); return }
        try folder.write("content/companies/new.md", "---\nname: \"New\"\nstatus: \"candidate\"\n---\n")
        guard case .files = state.update(["companies/new.md"]) else { Issue.record("a new file"); return }
        try folder.write("content/static/notes.txt", "notes\n")
        try folder.write("content/pages/about.md", (folder.read("content/pages/about.md") ?? "") + "\nMore.\n")
        guard case .files = state.update(["static/notes.txt", "pages/about.md"]) else { Issue.record("a body edit and a static file"); return }
    }

    @Test func theInputsANewBodyTouchesAreThoseAComparisonOfThePortfoliosFinds() throws {
        let outcome = Project(contentPath: repositoryRoot.appendingPathComponent("content").path).check()
        let portfolio = try #require(outcome.portfolio), figures = try #require(outcome.figures)
        let body = Body(markdown: "Other text.", firstLine: 5)
        var organization = portfolio.organizations[0], company = portfolio.companies[0], agreement = portfolio.agreements[0]
        var item = portfolio.news[0], page = portfolio.pages[0]
        (organization.body, company.body, agreement.body, item.body, page.body) = (body, body, body, body, body)
        let edits: [Document] = [.organization(organization), .company(company), .agreement(agreement), .newsItem(item), .page(page)]
        for edit in edits {
            let edited = try #require(portfolio.replacingBodies(with: [edit]))
            #expect(PortfolioChanges.bodies(of: [edit]) == PortfolioChanges.between(portfolio, and: edited))
        }
        var renamed = company
        renamed.name += " Ltd"
        #expect(portfolio.replacingBodies(with: [.company(renamed)]) == nil, "not a change to the body alone")
    }

    @Test(arguments: ["companies/rotec.md", "organizations/yissum.md", "agreements/framework-rotec.md", "news/programme-announced.md", "pages/about.md"])
    func aNewBodyShowsAsABuildShowsIt(file: String) throws {
        let folder = try project()
        let site = live(folder)
        _ = site.build()
        _ = site.current.version?.allFiles()
        let path = "content/" + file
        let text = try #require(folder.read(path))
        try folder.write(path, text + "\nA sentence about [BotanoCap](../companies/botanocap.md).\n")
        _ = site.update([folder.path(path)])
        try expectSame(site, folder, after: "a new body of \(file)")
        try folder.write(path, text + "\nA [broken link](../companies/no-such-company.md).\n")
        #expect(site.update([folder.path(path)]).diagnostics.hasErrors)
        try expectSame(site, folder, after: "a broken link in the body of \(file)")
        try folder.write(path, text)
        _ = site.update([folder.path(path)])
        try expectSame(site, folder, after: "the body of \(file) as it was")
        // Its name or title (the first field) changes the other pages that show it.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines[1] = lines[1].dropLast() + " renamed\""
        try folder.write(path, lines.joined(separator: "\n"))
        _ = site.update([folder.path(path)])
        try expectSame(site, folder, after: "renaming \(file)")
    }

    @Test func aChangeToTemplatesAloneShowsAsABuildShowsIt() throws {
        let folder = try project()
        let site = live(folder)
        _ = site.build()
        _ = site.current.version?.allFiles()
        try folder.write("templates/company.mustache", "{{<layout}}\n{{$content}}\n{{#company}}<h1>{{name}} (again)</h1>{{{body}}}{{/company}}\n{{/content}}\n{{/layout}}\n")
        let edited = site.update([folder.path("templates/company.mustache")])
        #expect(edited.pagesOutOfDate == 12, "the four company pages in each of the three languages")
        try expectSame(site, folder, after: "a company template")
        try folder.write("templates/strings/en.yml", "not_translated: \"Not in English yet.\"\n")
        _ = site.update([folder.path("templates/strings/en.yml")])
        try expectSame(site, folder, after: "a string table")
        try folder.write("templates/company.mustache", "{{<layout}}\n{{$content}}\n{{#company}}\n{{/content}}\n{{/layout}}\n")
        #expect(site.update([folder.path("templates/company.mustache")]).diagnostics.hasErrors)
        try expectSame(site, folder, after: "breaking the company template")
        let rotec = try #require(folder.read("content/companies/rotec.md"))
        try folder.write("content/companies/rotec.md", rotec + "\nMore about ROTEC.\n")
        _ = site.update([folder.path("content/companies/rotec.md")])
        try expectSame(site, folder, after: "a new body while a template is broken")
        try FileManager.default.removeItem(atPath: folder.path("templates/company.mustache"))
        _ = site.update([folder.path("templates/company.mustache")])
        try expectSame(site, folder, after: "removing the broken template")
    }

    @Test func aNewCoInvestorRendersItsOrganisationPageAgain() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: lifecycleFixture, to: folder.url.appendingPathComponent("content"))
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("templates"), withIntermediateDirectories: true)
        let site = live(folder)
        _ = site.build()
        _ = site.current.version?.allFiles()
        let alpha = try #require(folder.read("content/companies/alpha.md"))
        try folder.write("content/companies/alpha.md", alpha.replacingOccurrences(of: "organization: angel-fund", with: "organization: bank"))
        _ = site.update([folder.path("content/companies/alpha.md")])
        let version = try #require(site.current.version)
        // The organisation pages that list alpha, before and after; not the others.
        #expect(!version.isRendered("organizations/bank.html"))
        #expect(!version.isRendered("organizations/angel-fund.html"))
        #expect(version.isRendered("organizations/big-corp.html"))
        try expectSame(site, folder, after: "a co-investor changed")
    }

    @Test func thePreviewLeavesTheWholeSiteLinkChecksToCohortCheck() throws {
        let folder = try project()
        try folder.write("templates/news.mustache", "{{<layout}}{{$content}}<a href=\"missing.html\">x</a>{{/content}}{{/layout}}\n")
        try folder.write("content/pages/about.md", (folder.read("content/pages/about.md") ?? "") + "\nSee [the team](../companies/rotec.md#no-such-heading).\n")
        let checked = Project(contentPath: folder.path("content"), templatesPath: folder.path("templates")).check().diagnostics
        #expect(checked.contains { $0.message.hasPrefix("link 'missing.html' names no file of the site") }, "\(located(checked))")
        #expect(checked.contains { $0.message.contains("#no-such-heading") }, "\(located(checked))")
        let previewed = live(folder).build().diagnostics
        #expect(previewed.filter { $0.message.contains("missing.html") || $0.message.contains("#no-such-heading") }.isEmpty,
                "\(located(previewed))")
        #expect(Set(previewed).isSubset(of: Set(checked)))
    }

    @Test func aListPageRecordsTheFolderItShowsOnceNotEachEntity() throws {
        let folder = try TemporaryFolder()
        for file in CorpusGenerator(companies: 250).files() { try folder.write("content/" + file.path, file.bytes) }
        let outcome = Project(contentPath: folder.path("content")).check()
        let portfolio = try #require(outcome.portfolio), figures = try #require(outcome.figures)
        let theme = try #require(Theme.load(overriding: nil, displayRoot: "templates").0)
        let plan = SiteRenderer.plan(portfolio, figures: FiguresWhenAsked(figures), theme: theme)
        let language = portfolio.programme.language
        let recorder = InputRecorder()
        _ = SiteRenderer.render(.list(.companies), in: portfolio, context: plan.context(portfolio, FiguresWhenAsked(figures), language),
                                theme: try #require(plan.themes[language]), recorder: recorder)
        #expect(recorder.inputs.contains(.anyOf(.companies)))
        #expect(recorder.inputs.contains(.list(.companies)))
        // The rows shown read their logos, one entity each: the first page's 100, not all 250.
        let entities = recorder.inputs.filter { if case .entity = $0 { true } else { false } }
        #expect(entities.count == 100, "\(entities.count)")
    }

    /// A small deterministic generator, so a failing sequence can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state ^ (state >> 29)
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomEditSequencesEndWhereAFreshBuildIs(seed: UInt64) throws {
        let folder = try project()
        let site = live(folder)
        _ = site.build()
        var random = Generator(state: seed)
        var companies = ["botanocap", "innovative-implant-solutions", "rotec", "sonarium-medical"]
        let organizations = ["city-of-harbin", "hebrew-university", "idb-group", "infinity-group", "yissum"]
        var broken: String?
        for step in 0..<25 {
            var touched: [String] = []
            func write(_ path: String, _ text: String) throws {
                try folder.write(path, text)
                touched.append(folder.path(path))
            }
            func remove(_ path: String) throws {
                try FileManager.default.removeItem(atPath: folder.path(path))
                touched.append(folder.path(path))
            }
            let name: String
            if let file = broken {
                name = "fix \(file)"
                try write(file, "---\nname: \"Fixed \(step)\"\nkind: \"other\"\n---\nBack again.\n")
                broken = nil
            } else {
                switch Int.random(in: 0..<15, using: &random) {
                case 0:
                    let slug = companies.randomElement(using: &random)!
                    let status = ["candidate", "selected", "signed", "funded", "withdrawn"].randomElement(using: &random)!
                    name = "status of \(slug)"
                    try write("content/companies/\(slug).md", "---\nname: \"\(slug.uppercased()) \(step)\"\nstatus: \"\(status)\"\ninvestment: \"$\(step + 1)00k\"\n---\nEdited at step \(step).\n")
                case 1:
                    let slug = "new-\(step)"
                    name = "add \(slug)"
                    companies.append(slug)
                    let link = companies.randomElement(using: &random)!
                    try write("content/companies/\(slug).md", "---\nname: \"New \(step)\"\nstatus: \"candidate\"\nsector: \"Water\"\n---\nSee [another](\(link).md).\n")
                case 2 where companies.count > 4:
                    let slug = companies.removeLast()
                    name = "remove \(slug)"
                    try remove("content/companies/\(slug).md")
                    // Files that linked it link another now.
                    for other in companies where (folder.read("content/companies/\(other).md") ?? "").contains("(\(slug).md)") {
                        try write("content/companies/\(other).md", "---\nname: \"Relinked\"\nstatus: \"candidate\"\n---\nNo link.\n")
                    }
                case 3:
                    let parties = [organizations.randomElement(using: &random)!, companies.randomElement(using: &random)!]
                    name = "agreement \(parties)"
                    try write("content/agreements/deal-\(step % 3).md", "---\ntitle: \"Deal \(step)\"\nkind: \"investment\"\nstatus: \"signed\"\nsigned: 2012-0\(1 + step % 9)-15\nparties: [\(parties.joined(separator: ", "))]\n---\n")
                case 4:
                    let about = companies.randomElement(using: &random)!
                    name = "news about \(about)"
                    try write("content/news/item-\(step % 2).md", "---\ntitle: \"Item \(step)\"\ndate: 2013-01-0\(1 + step % 9)\nabout: [\(about)]\n---\nFirst paragraph \(step).\n")
                case 5:
                    name = "page order"
                    try write("content/pages/extra.md", "---\ntitle: \"Extra \(step)\"\norder: \(step % 3)\n---\nText.\n")
                case 6:
                    name = "programme title"
                    let programme = try #require(folder.read("content/programme.yml"))
                    try write("content/programme.yml", programme.replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: \"Programme \(step)\"", options: .regularExpression))
                case 7:
                    name = "company template"
                    try write("templates/company.mustache", "{{<layout}}\n{{$content}}\n{{#company}}<h1>{{name}} (\(step))</h1>{{{body}}}{{/company}}\n{{/content}}\n{{/layout}}\n")
                case 8:
                    name = "news-list partial"
                    try write("templates/partials/news-list.mustache", "<ol>{{#news}}<li><a href=\"{{href}}\">{{title}}</a> \(step)</li>{{/news}}</ol>\n")
                case 9:
                    let slug = organizations.randomElement(using: &random)!
                    name = "break \(slug)"
                    broken = "content/organizations/\(slug).md"
                    try write("content/organizations/\(slug).md", "---\nname: [unclosed\n---\n")
                case 10:
                    name = "static file"
                    try write("content/static/notes-\(step % 2).txt", "notes \(step)\n")
                case 11:
                    let slug = companies.randomElement(using: &random)!
                    name = "translate \(slug)"
                    try write("content/companies/\(slug).zh.md", "---\nname: \"企业 \(step)\"\n---\n第\(step)步的译文。\n")
                case 12:
                    name = "programme and page translations"
                    try write("content/programme.he.yml", "title: \"תוכנית \(step)\"\n")
                    try write("content/pages/about.zh.md", "---\ntitle: \"关于 \(step)\"\n---\n")
                case 13:
                    let file = ["content/companies/\(companies.randomElement(using: &random)!).md", "content/news/programme-announced.md",
                                "content/pages/about.md", "content/organizations/yissum.md"].randomElement(using: &random)!
                    name = "body of \(file)"
                    let link = companies.prefix(4).randomElement(using: &random)!
                    try write(file, (folder.read(file) ?? "") + "\nAt step \(step), see [another](../companies/\(link).md).\n")
                default:
                    name = "remove overrides and translations"
                    for path in try FileManager.default.contentsOfDirectory(atPath: folder.path("content/companies")) where path.hasSuffix(".zh.md") {
                        try remove("content/companies/" + path)
                    }
                    for path in ["templates/company.mustache", "templates/partials/news-list.mustache"]
                    where FileManager.default.fileExists(atPath: folder.path(path)) {
                        try remove(path)
                    }
                }
            }
            _ = site.update(touched)
            try expectSame(site, folder, after: "step \(step): \(name)")
        }
    }

    @Test func aDeletedFolderAndARenamedFileAreSeen() throws {
        let folder = try project()
        let site = live(folder)
        _ = site.build()
        try FileManager.default.moveItem(atPath: folder.path("content/news"), toPath: folder.path("content/old-news"))
        _ = site.update([folder.path("content/news"), folder.path("content/old-news")])
        try expectSame(site, folder, after: "moving news/ away")
        #expect(site.current.version?.file("news/programme-announced.html") == nil)
        try FileManager.default.moveItem(atPath: folder.path("content/old-news"), toPath: folder.path("content/news"))
        var moved = [folder.path("content/news"), folder.path("content/old-news")]
        for suffix in [".md", ".zh.md", ".he.md"] {
            try FileManager.default.moveItem(atPath: folder.path("content/pages/about" + suffix), toPath: folder.path("content/pages/about-us" + suffix))
            moved += [folder.path("content/pages/about" + suffix), folder.path("content/pages/about-us" + suffix)]
        }
        _ = site.update(moved)
        try expectSame(site, folder, after: "moving news/ back and renaming a page")
        #expect(site.current.version?.file("about-us.html") != nil && site.current.version?.file("about.html") == nil)
    }

    @Test func aBrokenTemplateIsReportedAndItsFixSeen() throws {
        let folder = try project()
        let site = live(folder)
        _ = site.build()
        _ = site.current.version?.allFiles()
        try folder.write("templates/news.mustache", "{{<layout}}\n{{$content}}\n{{#news}}\n{{/content}}\n{{/layout}}\n")
        let broken = site.update([folder.path("templates/news.mustache")])
        #expect(broken.diagnostics.hasErrors)
        try expectSame(site, folder, after: "breaking a template")
        try folder.write("templates/news.mustache", "{{<layout}}\n{{$content}}\n<h1>All news</h1>\n{{/content}}\n{{/layout}}\n")
        let fixed = site.update([folder.path("templates/news.mustache")])
        #expect(fixed.pagesOutOfDate == 3, "the news page in each of the three languages")
        try expectSame(site, folder, after: "fixing it")
    }
}
