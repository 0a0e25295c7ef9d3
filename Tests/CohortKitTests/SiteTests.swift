import Testing
@testable import CohortKit

@Suite struct RouteTests {
    @Test func linksAreRelative() {
        let company = Route.company(Slug("rotec")!)
        #expect(company.link(to: .home) == "../index.html")
        #expect(company.link(to: .agreement(Slug("framework-rotec")!)) == "../agreements/framework-rotec.html")
        #expect(Route.home.link(to: company) == "companies/rotec.html")
    }

    @Test func absoluteAddressesLeaveOffIndex() {
        #expect(Route.home.absolute(under: "https://example.org/x/") == "https://example.org/x/")
        #expect(Route.companies.absolute(under: "https://example.org/x/") == "https://example.org/x/companies/")
        #expect(Route.company(Slug("rotec")!).absolute(under: "https://example.org/") == "https://example.org/companies/rotec.html")
    }
}

@Suite struct SiteRenderingTests {
    @Test func contentIsEscapedInTemplates() throws {
        let outcome = try check(["companies/acme.md": "---\nname: \"<script>alert(1)</script>\"\nstatus: signed\n---\n"])
        let portfolio = try #require(outcome.portfolio)
        let figures = try #require(outcome.figures)
        let (theme, _) = Theme.load(overriding: nil, displayRoot: "templates")
        let (files, diagnostics) = SiteRenderer.render(portfolio, figures: figures, theme: try #require(theme))
        #expect(diagnostics.isEmpty)
        let page = try #require(files.first { $0.path == "companies/acme.html" })
        let html = String(decoding: page.bytes, as: UTF8.self)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func controlCharactersNeverReachXML() {
        #expect(XML.escape("bell\u{07} tab\t & <x>") == "bell\u{FFFD} tab\t &amp; &lt;x&gt;")
        #expect(XML.escape("a < b & 'c' \"d\" é中\r\n") == "a &lt; b &amp; &apos;c&apos; &quot;d&quot; é中\r\n")
        #expect(XML.escape("\u{1}é中<\u{301}x\u{FFFE}") == "\u{FFFD}é中&lt;\u{301}x\u{FFFD}")
        #expect(XML.escape("<\u{301}script>") == "&lt;\u{301}script&gt;")
    }

    @Test func theHomePageShowsTheReportsFigures() throws {
        // The pool and the standard ticket written in another currency than the reporting one, and a
        // selected company, which counts against the target: the home page showed the pool and the
        // ticket as written and counted signed companies alone.
        var content = validContent
        content["programme.yml"] = programmeYAML.replacingOccurrences(of: "pool: $2m", with: "pool: EUR 2m")
            .replacingOccurrences(of: "standard_ticket: $1m", with: "standard_ticket: EUR 400k")
            + "\nexchange_rates:\n  as_of: 2011-10-10\n  rates:\n    EUR: 1.25\n"
        content["companies/beta.md"] = "---\nname: Beta\nstatus: selected\nfocus_area: agriculture\n---\n"
        let outcome = try check(content)
        let figures = try #require(outcome.figures)
        #expect(figures.pool.formatted == "USD 2,500,000" && figures.companiesInProgramme == 2)
        #expect(figures.standardTicket.formatted == "USD 500,000")
        let (files, _) = SiteRenderer.render(try #require(outcome.portfolio), figures: figures,
                                             theme: try #require(Theme.load(overriding: nil, displayRoot: "templates").0))
        let home = String(decoding: try #require(files.first { $0.path == "index.html" }).bytes, as: UTF8.self)
        #expect(home.contains("<bdi>USD\u{A0}2,500,000</bdi>"))
        #expect(home.contains("<bdi>USD\u{A0}500,000</bdi>"))
        #expect(home.contains("2 of 2"))
        let reports = String(decoding: try #require(files.first { $0.path == "reports/index.html" }).bytes, as: UTF8.self)
        #expect(reports.contains("<bdi>USD\u{A0}2,500,000</bdi>") && reports.contains("<bdi>USD\u{A0}500,000</bdi>"))
        let summary = String(decoding: try #require(Reports.render(figures).first { $0.path == "summary.md" }).bytes, as: UTF8.self)
        #expect(summary.contains("| Pool | USD 2,500,000 |"))
    }

    @Test func sitemapAndFeedUseTheBaseURL() throws {
        let portfolio = try #require(try check(["news/launch.md": "---\ntitle: Launch & more\ndate: 2011-10-11\nabout: [acme]\n---\nWe *launched*.\n"]).portfolio)
        #expect(Sitemap.render(pages: ["index.html", "404.html", "companies/acme.html"], programme: portfolio.programme) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://example.org/test/companies/acme.html</loc></url>
              <url><loc>https://example.org/test/</loc></url>
            </urlset>

            """)
        let feed = Feed.render(portfolio, targets: LinkTargets(portfolio: portfolio, sitePaths: []),
                               strings: Strings(language: Language("en")!, texts: [:]))
        #expect(feed.contains("<id>https://example.org/test/news/launch.html</id>"))
        #expect(feed.contains("<title>Launch &amp; more</title>"))
        #expect(feed.contains("<updated>2011-10-11T00:00:00Z</updated>"))
    }
}

@Suite struct ContentLinkTests {
    @Test func plainRelativeLinksResolveAsTheGeneralRuleDoes() {
        let folder = ["zh", "companies"]
        let plain = ["rotec.html", "../about.html", "../../index.html", "../agreements/framework-rotec.html", "../../static/a b.pdf",
                     "img/logo.svg", "a..b.html"]
        for link in plain {
            let general = LocalLink(link).flatMap { ContentLinks.normalized($0.path, from: folder) }
            #expect(PageLinks.plainRelativePath(link, from: folder) == general, "\(link)")
        }
        let other = ["../../../x.html", "./rotec.html", "a/./b.html", "a/../b.html", "a//b.html", "companies/", "/about.html",
                     "https://example.org", "rotec.html#top", "rotec.html?x", "a%20b.html", "..", "", "a\\b"]
        for link in other {
            #expect(PageLinks.plainRelativePath(link, from: folder) == nil, "\(link)")
        }
    }

    /// A page of free text that links `markdown`, with a static logo beside the usual fixture.
    func press(_ markdown: String) throws -> Project.Outcome {
        try check([
            "pages/press.md": "---\ntitle: Press\n---\n## Logos\n\n" + markdown + "\n",
            "static/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ])
    }

    /// The HTML a body renders to on its page, links resolved as the site resolves them.
    func html(_ markdown: String, writtenIn file: String = "pages/press.md", on route: Route = .page(Slug("press")!)) throws -> String {
        let outcome = try press(markdown)
        let portfolio = try #require(outcome.portfolio)
        let plan = SiteRenderer.plan(portfolio, figures: FiguresWhenAsked(try #require(outcome.figures)), theme: try #require(Theme.load(overriding: nil, displayRoot: "templates").0))
        let links = ContentLinks(targets: plan.targets, language: portfolio.programme.language, defaultLanguage: portfolio.programme.language)
        return Markdown.render(markdown) { links.resolve($0, writtenIn: file, on: route) }.html
    }

    @Test func linksToContentFilesBecomeLinksToPages() throws {
        #expect(try html("See [the fund](../organizations/fund.md#people) and [us](acme.md).", writtenIn: "companies/acme.md",
                         on: .company(Slug("acme")!))
            == "<p>See <a href=\"../organizations/fund.html#people\">the fund</a> and <a href=\"../companies/acme.html\">us</a>.</p>\n")
    }

    @Test func staticFilesAndSiteRootLinksBecomeRelativeToThePage() throws {
        #expect(try html("![logo](../static/logo.svg) [root](/logo.svg) [list](/companies/) [folder](../companies/) [q](/logo.svg?v=2#x)")
            == "<p><img src=\"logo.svg\" alt=\"logo\" /> <a href=\"logo.svg\">root</a> <a href=\"companies/index.html\">list</a> <a href=\"companies/index.html\">folder</a> <a href=\"logo.svg?v=2#x\">q</a></p>\n")
        #expect(try html("[logo](../../static/logo.svg) [home](/)", writtenIn: "companies/archive/acme.md", on: .company(Slug("acme")!))
            == "<p><a href=\"../logo.svg\">logo</a> <a href=\"../index.html\">home</a></p>\n")
        #expect(try press("![logo](../static/logo.svg) and [root](/logo.svg)").lines == [])
    }

    @Test func aDestinationThatNamesNothingIsAnErrorWithTheNearestFile() throws {
        #expect(try press("[a](../logo.svg) [b](/logo.svgg) [c](../companies/acm.md) [d](notes.txt)").lines == [
            "pages/press.md:6:5: error: broken link to '../logo.svg': it names no file",
            "pages/press.md:6:22: error: broken link to '/logo.svgg': it names no file",
            "pages/press.md:6:38: error: broken link to '../companies/acm.md': it names no file",
            "pages/press.md:6:63: error: broken link to 'notes.txt': it names no file",
        ])
        let hints = try press("[a](../logo.svg) [b](/logo.svgg) [c](../companies/acm.md)").diagnostics.map(\.hint)
        #expect(hints == ["did you mean '../static/logo.svg'?", "did you mean '/logo.svg'?", "did you mean '../companies/acme.md'?"])
    }

    @Test func aFragmentThatNamesNoHeadingOrIdIsAWarning() throws {
        #expect(try press("[self](#logos) [bad](#logo) [fund](../organizations/fund.md#nope) [skip](#main-content)").lines == [
            "pages/press.md:6:22: warning: link '#logo': press.html has no heading or id 'logo'",
            "pages/press.md:6:36: warning: link '../organizations/fund.md#nope': organizations/fund.html has no heading or id 'nope'",
        ])
        let hints = try press("[self](#logos) [bad](#logo) [fund](../organizations/fund.md#nope)").diagnostics.map(\.hint)
        #expect(hints == ["did you mean 'logos'?", nil])
    }

    @Test func aPagesIDsAreKeptInOrderWithTheirEntitiesTurnedBack() {
        var ids = PageIDs()
        for raw in ["main-content", "r&amp;d", "", "logos"] { Array(raw.utf8).withUnsafeBufferPointer { ids.add($0) } }
        #expect(ids.all == ["main-content", "r&d", "", "logos"])
        #expect(ids.contains("r&d") && ids.contains("") && ids.contains("logos") && !ids.contains("r&amp;d") && !ids.contains("logo"))
        #expect(!PageIDs().contains("") && PageIDs().all.isEmpty)
    }

    @Test func addressesAndFragmentsOfThisPageAreLeftAlone() throws {
        let portfolio = try #require(try check().portfolio)
        let links = ContentLinks(targets: LinkTargets(portfolio: portfolio, sitePaths: []), language: portfolio.programme.language,
                                 defaultLanguage: portfolio.programme.language)
        for destination in ["https://example.org/a.md", "#top", "//cdn.example.org/x.js", "mailto:a@b.c", "tel:+1", "?q=1"] {
            guard case .keep = links.resolve(destination, writtenIn: "companies/acme.md", on: .home) else {
                Issue.record("\(destination) should be kept")
                continue
            }
        }
    }

    @Test func headingsGetTheIdsGitHubGivesThem() {
        #expect(Markdown.render("## Key figures\n\n## Key figures\n\n### Über *uns*: 2011!\n\n# 孵化器 计划").html == """
            <h2 id="key-figures">Key figures</h2>
            <h2 id="key-figures-1">Key figures</h2>
            <h3 id="über-uns-2011">Über <em>uns</em>: 2011!</h3>
            <h1 id="孵化器-计划">孵化器 计划</h1>

            """)
    }

    @Test func aTemplateLinkToNothingIsAnErrorAtTheTemplate() throws {
        let folder = try TemporaryFolder()
        try folder.write("templates/news.mustache", "{{<layout}}\n{{$content}}\n<p><a href=\"{{site.root}}compnies/\">All</a></p>\n{{/content}}\n{{/layout}}\n")
        for (path, text) in validContent { try folder.write("content/" + path, text) }
        let outcome = Project(contentPath: folder.path("content"), templatesPath: folder.path("templates")).check()
        #expect(outcome.lines == [
            "templates/news.mustache:3:7: error: link '../compnies/' names no file of the site ('compnies/'), on news/index.html",
        ])
        #expect(outcome.diagnostics.first?.hint == "did you mean 'companies/index.html'?")
    }

    /// The links most pages have take a short way (a path read as bytes, looked up by bytes); it must
    /// find what the general rule finds, and leave addresses that are not the site's alone.
    @Test func plainTemplateLinksAreCheckedLikeAnyOther() throws {
        let folder = try TemporaryFolder()
        try folder.write("templates/news.mustache", """
            {{<layout}}
            {{$content}}
            <a href="{{site.root}}companies/acme.html">ok</a> <a href="{{site.root}}companies/acmee.html">typo</a>
            <a href="https://example.org/x.html">web</a> <a href="#top">top</a> <a href="//cdn.example.org/x.js">cdn</a>
            <a href="{{site.root}}companies/acme.html#x">fragment</a> <a href="{{site.root}}companies/acmee.html#x">typo</a>
            <a href="{{site.root}}companies/../companies/acme.html">climbs</a> <a href="{{site.root}}companies/a&amp;b.html">amp</a>
            {{/content}}
            {{/layout}}

            """)
        for (path, text) in validContent { try folder.write("content/" + path, text) }
        let outcome = Project(contentPath: folder.path("content"), templatesPath: folder.path("templates")).check()
        #expect(outcome.lines == [
            "templates/news.mustache:3:54: error: link '../companies/acmee.html' names no file of the site ('companies/acmee.html'), on news/index.html",
            "templates/news.mustache:5:62: error: link '../companies/acmee.html#x' names no file of the site ('companies/acmee.html'), on news/index.html",
            "templates/news.mustache:6:71: error: link '../companies/a&b.html' names no file of the site ('companies/a&b.html'), on news/index.html",
        ])
        #expect(outcome.diagnostics.first?.hint == "did you mean 'companies/acme.html'?")
    }
}

@Suite struct HTMLEscapingTests {
    @Test func escapesTheFiveCharactersMustacheEscapes() {
        #expect(HTMLEscaping().escapeText(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLEscaping().escapeText("Plain text, ünïcode — fine") == "Plain text, ünïcode — fine")
    }
}
