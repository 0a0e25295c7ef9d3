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
    }

    @Test func sitemapAndFeedUseTheBaseURL() throws {
        let portfolio = try #require(try check(["news/launch.md": "---\ntitle: Launch & more\ndate: 2011-10-11\nabout: [acme]\n---\nWe *launched*.\n"]).portfolio)
        #expect(Sitemap.render(pages: ["index.html", "404.html", "companies/acme.html"], baseURL: "https://example.org/test/") == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://example.org/test/companies/acme.html</loc></url>
              <url><loc>https://example.org/test/</loc></url>
            </urlset>

            """)
        let feed = Feed.render(portfolio)
        #expect(feed.contains("<id>https://example.org/test/news/launch.html</id>"))
        #expect(feed.contains("<title>Launch &amp; more</title>"))
        #expect(feed.contains("<updated>2011-10-11T00:00:00Z</updated>"))
    }
}

@Suite struct ContentLinkTests {
    @Test func linksToContentFilesBecomeLinksToPages() throws {
        let outcome = try check([
            "companies/acme.md": "---\nname: Acme\nstatus: signed\n---\nSee [the fund](../organizations/fund.md#people) and [us](acme.md).\n",
        ])
        let portfolio = try #require(outcome.portfolio)
        let links = ContentLinks(portfolio: portfolio)
        let route = Route.company(try #require(Slug("acme")))
        let rendered = Markdown.render("See [the fund](../organizations/fund.md#people) and [us](acme.md).") {
            links.resolve($0, writtenIn: .companies, on: route)
        }
        #expect(rendered.html == "<p>See <a href=\"../organizations/fund.html#people\">the fund</a> and <a href=\"../companies/acme.html\">us</a>.</p>\n")
        #expect(outcome.lines == [])
    }

    @Test func brokenLinkToAContentFileIsAnErrorAtItsLine() throws {
        let outcome = try check([
            "companies/acme.md": "---\nname: Acme\nstatus: signed\n---\nFirst line.\n\nSee [the fund](../organizations/fnd.md).\n",
        ])
        #expect(outcome.lines == ["companies/acme.md:7:16: error: broken link to '../organizations/fnd.md': no such content file"])
    }

    @Test func otherLinksAreLeftAlone() throws {
        let portfolio = try #require(try check().portfolio)
        let links = ContentLinks(portfolio: portfolio)
        for destination in ["https://example.org/a.md", "#top", "/absolute.md", "notes.txt", "mailto:a@b.c"] {
            guard case .keep = links.resolve(destination, writtenIn: .companies, on: .home) else {
                Issue.record("\(destination) should be kept")
                continue
            }
        }
    }
}

@Suite struct HTMLEscapingTests {
    @Test func escapesTheFiveCharactersMustacheEscapes() {
        #expect(HTMLEscaping().escapeText(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLEscaping().escapeText("Plain text, ünïcode — fine") == "Plain text, ünïcode — fine")
    }
}
