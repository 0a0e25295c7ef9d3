import Foundation
import Testing
@testable import CohortKit

/// What any web host needs to serve the site and keep its addresses: aliases, `_redirects`,
/// `_headers`, `.nojekyll`, fingerprinted assets, and the addresses a change would lose.
@Suite struct PublishingTests {
    /// The test programme (`base_url` under `/test/`) in English and Chinese.
    static let bilingual: [String: String?] = [
        "programme.yml": programmeYAML.replacingOccurrences(of: "language: en", with: "languages: [en, zh]"),
    ]

    /// The acme company with `aliases` added to its front matter.
    static func acme(aliases: String) -> String {
        "---\nname: Acme\nstatus: signed\nfocus_area: water-treatment\ninvestment: $1m\naliases: \(aliases)\n---\nAcme makes things.\n"
    }

    /// The site of `changes` over the bilingual programme, by path.
    func site(_ changes: [String: String?], theme: Theme? = nil) throws -> [String: Data] {
        let outcome = try check(Self.bilingual.merging(changes) { _, new in new })
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.lines)")
        let (files, diagnostics) = SiteRenderer.render(try #require(outcome.portfolio), figures: try #require(outcome.figures),
                                                       theme: try #require(theme ?? Theme.load(overriding: nil, displayRoot: "templates").0))
        #expect(!diagnostics.hasErrors, "\(located(diagnostics))")
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
    }

    func text(_ files: [String: Data], _ path: String) throws -> String {
        String(decoding: try #require(files[path], "\(path) is missing"), as: UTF8.self)
    }

    @Test func eachAliasIsARedirectPageInEveryLanguageAndALineOfRedirects() throws {
        let files = try site(["companies/acme.md": Self.acme(aliases: "[companies/acme-labs.html, /old/acme/]")])
        #expect(try text(files, "companies/acme-labs.html") == """
            <!doctype html>
            <html lang="en" dir="ltr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Page moved</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="https://example.org/test/companies/acme.html">
            <meta http-equiv="refresh" content="0; url=../companies/acme.html">
            </head>
            <body>
            <p>This page has moved to <a href="../companies/acme.html">https://example.org/test/companies/acme.html</a></p>
            </body>
            </html>

            """)
        let chinese = try text(files, "zh/old/acme/index.html")
        #expect(chinese.contains(#"<html lang="zh" dir="ltr">"#) && chinese.contains("<title>页面已移动</title>"))
        #expect(chinese.contains(#"<meta http-equiv="refresh" content="0; url=../../../zh/companies/acme.html">"#))
        #expect(chinese.contains(#"<link rel="canonical" href="https://example.org/test/zh/companies/acme.html">"#))
        #expect(try text(files, "_redirects") == """
            # Earlier addresses of pages (aliases:), each to the page's address, for hosts that read this file
            # (Netlify, Cloudflare Pages). Written by cohort build: see README.md, Publishing.
            /test/companies/acme-labs.html /test/companies/acme.html 301
            /test/old/acme/ /test/companies/acme.html 301
            /test/zh/companies/acme-labs.html /test/zh/companies/acme.html 301
            /test/zh/old/acme/ /test/zh/companies/acme.html 301

            """)
        // Not pages of the site: neither in the sitemap nor marked for the search index.
        let sitemap = try text(files, "sitemap.xml")
        #expect(sitemap.contains("companies/acme.html") && !sitemap.contains("acme-labs") && !sitemap.contains("old/acme"))
        #expect(!chinese.contains("data-pagefind"))
        #expect(files[".nojekyll"] == Data())
    }

    @Test func anAliasThatIsNotAnAddressOfThisSiteIsAnErrorWhereItIsWritten() throws {
        let aliases = #"[https://old.example.org/acme, ../acme.html, "acme labs.html", acme.pdf, acme.html, acme.html]"#
        #expect(try check(["companies/acme.md": Self.acme(aliases: aliases)]).lines == [
            "companies/acme.md:6:11: error: 'https://old.example.org/acme': an alias is a path on this site, not a full address",
            "companies/acme.md:6:41: error: '../acme.html': an alias cannot leave the site or name '.' and '..' folders",
            "companies/acme.md:6:55: error: 'acme labs.html': an alias is ASCII letters, digits, '-', '_', '~', '.' and '/', each folder's name starting with no '.'",
            "companies/acme.md:6:73: error: 'acme.pdf': an alias names a page or a folder, and 'acme.pdf' is neither: a host would not serve it as a page",
            "companies/acme.md:6:94: error: the alias 'acme.html' is listed twice",
        ])
    }

    @Test func anAliasMayNotTakeAnotherPagesAddressOrOneAnotherPageClaims() throws {
        let lines = try check(Self.bilingual.merging([
            // The Chinese home page; the companies list (a folder alias); a folder where the site has a file.
            "companies/acme.md": Self.acme(aliases: "[zh/index.html, companies, companies/acme.html/old.html, old.html]"),
            "organizations/fund.md": "---\nname: The Fund\nkind: fund\naliases: [old.html]\n---\nA fund.\n",
        ]) { _, new in new }).lines
        #expect(lines.dropLast() == [
            "companies/acme.md:6:11: error: the alias names zh/index.html, an address the site has: it would replace that page",
            "companies/acme.md:6:26: error: the alias names companies/index.html, an address the site has: it would replace that page",
            "companies/acme.md:6:37: error: the alias companies/acme.html/old.html would need a file where the site has a folder, or a folder where it has a file",
        ])
        // Organisations come first: the company's claim is the second, and names the first where it is.
        #expect(lines.last?.hasPrefix("companies/acme.md:6:67: error: the alias old.html is claimed twice: also at ") == true)
        #expect(lines.last?.hasSuffix("organizations/fund.md:4:11") == true)
    }

    @Test func hostsReadTheSecurityAndCachingHeaders() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>"
        // SVG files get a policy that runs and loads nothing: a folder of pictures at once, a file
        // beside a page or a script alone (the policy would stop them).
        let files = try site(["static/logos/acme.svg": svg, "static/logos/acme.png": nil, "static/docs/plan.svg": svg,
                              "static/docs/plan.html": "<!doctype html><title>Plan</title>"])
        let style = try #require(files.keys.first { $0.hasPrefix("assets/style.") })
        let script = try #require(files.keys.first { $0.hasPrefix("assets/search.") })
        #expect(try text(files, "_headers") == """
            # The HTTP headers of the site, for hosts that read this file (Netlify, Cloudflare Pages).
            # Written by cohort build: see README.md, Publishing.
            /test/*
              X-Content-Type-Options: nosniff
              Referrer-Policy: strict-origin-when-cross-origin
              Content-Security-Policy: frame-ancestors 'self'
            /test/docs/plan.svg
              Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox
            /test/logos/*
              Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox
            /test/reports/charts/*
              Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox
            /test/\(script)
              Cache-Control: public, max-age=31536000, immutable
            /test/\(style)
              Cache-Control: public, max-age=31536000, immutable
            /test/
              Cache-Control: no-cache
            /test/404.html
              Cache-Control: no-cache
            /test/agreements/*
              Cache-Control: no-cache
            /test/companies/*
              Cache-Control: no-cache
            /test/docs/*
              Cache-Control: no-cache
            /test/feed.xml
              Cache-Control: no-cache
            /test/index.html
              Cache-Control: no-cache
            /test/logos/*
              Cache-Control: no-cache
            /test/news/*
              Cache-Control: no-cache
            /test/organizations/*
              Cache-Control: no-cache
            /test/pagefind/*
              Cache-Control: no-cache
            /test/reports/*
              Cache-Control: no-cache
            /test/search.html
              Cache-Control: no-cache
            /test/sitemap.xml
              Cache-Control: no-cache
            /test/zh/*
              Cache-Control: no-cache

            """)
        // Every page carries the policy first thing, and has no inline style or script, which the policy
        // would block (JSON-LD is data, not script).
        for (path, data) in files where path.hasSuffix(".html") && !path.hasPrefix("docs/") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.contains("<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;self&#39;; "
                                  + "script-src &#39;self&#39; &#39;wasm-unsafe-eval&#39;; style-src &#39;self&#39;; img-src &#39;self&#39; data:; "
                                  + "font-src &#39;self&#39;; connect-src &#39;self&#39;; object-src &#39;none&#39;; base-uri &#39;self&#39;; "
                                  + "form-action &#39;self&#39;\">\n"), "\(path)")
            #expect(!html.contains(" style=\"") && !html.contains("<style") && !html.contains(" onclick="), "\(path)")
            #expect(html.components(separatedBy: "<script").dropFirst().allSatisfy { $0.hasPrefix(" src=") || $0.hasPrefix(#" type="application/ld+json""#) },
                    "\(path)")
        }
    }

    @Test func theStylesheetAndScriptsAreNamedForTheirBytes() throws {
        let builtIn = try site([:])
        let style = try #require(builtIn.keys.first { $0.hasPrefix("assets/style.") })
        let bytes = try #require(EmbeddedFolder.theme.files.first { $0.path == "assets/style.css" }?.bytes)
        #expect(style == "assets/style.\(Checksum.crc32(bytes)).css")
        #expect(builtIn["assets/style.css"] == nil && builtIn[style] == bytes)
        #expect(try text(builtIn, "companies/acme.html").contains(#"<link rel="stylesheet" href="../\#(style)">"#))
        // The same bytes, the same name; a programme's own stylesheet, its own name, and the script keeps its.
        #expect(try site([:]).keys.sorted() == builtIn.keys.sorted())
        let folder = try TemporaryFolder(["assets/style.css": "body { color: black; }\n"])
        let own = try site([:], theme: try #require(Theme.load(overriding: folder.url, displayRoot: "templates").0))
        let ownStyle = "assets/style.\(Checksum.crc32(Data("body { color: black; }\n".utf8))).css"
        #expect(own[ownStyle] != nil && own[style] == nil)
        #expect(own.keys.filter { $0.hasPrefix("assets/search.") } == builtIn.keys.filter { $0.hasPrefix("assets/search.") })
        #expect(try text(own, "404.html").contains(#"<link rel="stylesheet" href="/test/\#(ownStyle)">"#), "the 404 page links from the host's root")
    }

    @Test func aDiffNamesTheAddressesAChangeStopsServing() throws {
        let base = try check(["companies/zeta-sense.md": "---\nname: Zeta Sense\nstatus: candidate\n---\nZeta.\n"])
        let renamed = try check(["companies/zeta-labs.md": "---\nname: Zeta Labs\nstatus: candidate\n---\nZeta.\n"])
        let aliased = try check(["companies/zeta-labs.md": "---\nname: Zeta Labs\nstatus: candidate\naliases: [companies/zeta-sense.html]\n---\nZeta.\n"])
        let before = SiteAddresses(try #require(base.portfolio))
        let lost = before.lost(in: SiteAddresses(try #require(renamed.portfolio)))
        #expect(lost == [LostAddress(address: "companies/zeta-sense.html", languages: [],
                                     fix: "add `aliases: [companies/zeta-sense.html]` to companies/zeta-labs.md")])
        #expect(before.lost(in: SiteAddresses(try #require(aliased.portfolio))) == [])
        let summary = ChangeSummary(from: try #require(base.figures.map(PortfolioSnapshot.init)), to: try #require(renamed.figures.map(PortfolioSnapshot.init)),
                                    addresses: (before, SiteAddresses(try #require(renamed.portfolio))))
        #expect(ChangeReport.markdown.render(summary, base: "main").contains("""
            ### Addresses that stop working

            - `companies/zeta-sense.html`: add `aliases: [companies/zeta-sense.html]` to companies/zeta-labs.md

            """))
        #expect(ChangeReport.text.render(summary, base: "main").contains("""
            Addresses that stop working:
              x companies/zeta-sense.html: add aliases: [companies/zeta-sense.html] to companies/zeta-labs.md

            """))
        // A language dropped loses every page of it, named once each with the language.
        let bilingual = try check(Self.bilingual.compactMapValues { $0 })
        let dropped = SiteAddresses(try #require(bilingual.portfolio)).lost(in: SiteAddresses(try #require(check().portfolio)))
        #expect(dropped.contains(LostAddress(address: "/", languages: ["zh"], fix: nil)))
        #expect(dropped.contains(LostAddress(address: "companies/acme.html", languages: ["zh"], fix: nil)))
    }
}
