import Foundation
import Testing
@testable import CohortKit

/// Open Graph, Twitter card and schema.org JSON-LD on every kind of page, all absolute under `base_url`.
@Suite struct MetadataTests {
    let base = "https://harbin-israel.example.org/"

    /// The example built once into a temporary folder, page by path.
    func example() throws -> (TemporaryFolder, (String) -> String) {
        let folder = try TemporaryFolder()
        let run = try cohort(["build", "--content", repositoryRoot.appendingPathComponent("content").path, "--output", folder.path("output")])
        try #require(run.status == 0, "\(run.stderr)")
        return (folder, { folder.read("output/site/" + $0) ?? "" })
    }

    /// The page's JSON-LD graph, parsed.
    func graph(_ page: String) throws -> [[String: Any]] {
        let start = try #require(page.range(of: #"<script type="application/ld+json">"#))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect(json["@context"] as? String == "https://schema.org")
        return try #require(json["@graph"] as? [[String: Any]])
    }

    func node(_ graph: [[String: Any]], _ type: String) throws -> [String: Any] {
        try #require(graph.first { $0["@type"] as? String == type }, "no \(type) in \(graph)")
    }

    @Test func everyPageHasOpenGraphAndTwitterTagsWithAbsoluteAddresses() throws {
        let (folder, page) = try example()
        for (path, type) in [("index.html", "website"), ("companies/index.html", "website"), ("companies/rotec.html", "website"),
                             ("news/programme-announced.html", "article"), ("zh/organizations/city-of-harbin.html", "website")] {
            let html = page(path)
            let url = base + (path == "index.html" ? "" : path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path)
            #expect(html.contains("<meta property=\"og:type\" content=\"\(type)\">"), "\(path)")
            #expect(html.contains("<meta property=\"og:url\" content=\"\(url)\">"), "\(path)")
            #expect(html.contains("<meta property=\"og:site_name\" content=\""), "\(path)")
            #expect(html.contains("<meta name=\"twitter:card\" content=\"summary\">"), "\(path)")
            #expect(html.contains("<meta property=\"og:title\" content=\""), "\(path)")
        }
        let chinese = page("zh/companies/rotec.html")
        #expect(chinese.contains(#"<meta property="og:locale" content="zh">"#))
        #expect(chinese.contains(#"<meta property="og:locale:alternate" content="en">"#))
        #expect(chinese.contains(#"<meta property="og:locale:alternate" content="he">"#))
        withExtendedLifetime(folder) {}
    }

    @Test func jsonLDDescribesEachKindOfPageWithSchemaOrgTypes() throws {
        let (folder, page) = try example()
        let home = try graph(page("index.html"))
        let site = try node(home, "WebSite")
        #expect(site["url"] as? String == base)
        #expect(site["inLanguage"] as? String == "en")
        #expect((site["publisher"] as? [[String: String]])?.map { $0["@id"] } == [
            base + "organizations/infinity-group.html#organization", base + "organizations/city-of-harbin.html#organization",
        ])
        #expect(home.filter { $0["@type"] as? String == "Organization" }.compactMap { $0["name"] as? String } == ["Infinity Group", "City of Harbin"])

        let company = try graph(page("companies/rotec.html"))
        let rotec = try node(company, "Organization")
        #expect(rotec["name"] as? String == "ROTEC")
        #expect(rotec["url"] as? String == base + "companies/rotec.html")
        #expect((rotec["address"] as? [String: String]) == ["@type": "PostalAddress", "addressCountry": "IL"])
        let crumbs = try #require(try node(company, "BreadcrumbList")["itemListElement"] as? [[String: Any]])
        #expect(crumbs.map { $0["item"] as? String } == [base, base + "companies/", base + "companies/rotec.html"])
        #expect(crumbs.map { $0["position"] as? Int } == [1, 2, 3])

        let news = try node(try graph(page("news/programme-announced.html")), "NewsArticle")
        #expect(news["datePublished"] as? String == "2011-10-10")
        #expect(news["url"] as? String == base + "news/programme-announced.html")
        #expect((news["about"] as? [[String: String]])?.isEmpty == false)

        // In another language, the addresses are that language's pages.
        let chinese = try node(try graph(page("zh/organizations/city-of-harbin.html")), "Organization")
        #expect(chinese["url"] as? String == base + "zh/organizations/city-of-harbin.html")
        #expect(chinese["name"] as? String == "哈尔滨市")
        withExtendedLifetime(folder) {}
    }

    /// Every kind of node, to the byte: keys sorted by their bytes, compact, as Foundation's
    /// `JSONEncoder` wrote them (`.sortedKeys`, `.withoutEscapingSlashes`) before the JSON was written
    /// by hand; absent values left out and empty lists kept.
    @Test func eachNodeIsWrittenAsJSONEncoderWroteIt() throws {
        let organization = StructuredData.Organization(
            name: "Q\"b\\s/\n\u{1}é中", url: "https://x.org/o.html", logo: "https://x.org/l.png", foundingDate: "2009",
            address: .init(addressCountry: "IL"), sameAs: ["https://q.com/"])
        let data = StructuredData(graph: [
            .organization(organization),
            .organization(.init(name: "N", url: "u")),
            .webSite(.init(name: "S", url: "https://x.org/", description: "D", inLanguage: "en", publisher: ["a", "b"])),
            .webSite(.init(name: "S", url: "u", inLanguage: "he", publisher: [])),
            .newsArticle(.init(headline: "H", url: "n", datePublished: "2011-10-10", inLanguage: "zh", description: "d",
                               publisher: ["p"], about: ["x", "y"])),
            .newsArticle(.init(headline: "H", url: "n", datePublished: "2011-10-10", inLanguage: "en", publisher: [], about: [])),
            .breadcrumbs(.init(steps: [(name: "Home", url: "h"), (name: "<List>", url: "l")])),
        ])
        let expected = #"{"@context":"https://schema.org","@graph":["#
            + #"{"@id":"https://x.org/o.html#organization","@type":"Organization","address":{"@type":"PostalAddress","addressCountry":"IL"},"#
            + #""foundingDate":"2009","logo":"https://x.org/l.png","name":"Q\"b\\s/\n\u0001é中","sameAs":["https://q.com/"],"url":"https://x.org/o.html"},"#
            + #"{"@id":"u#organization","@type":"Organization","name":"N","url":"u"},"#
            + #"{"@type":"WebSite","description":"D","inLanguage":"en","name":"S","publisher":[{"@id":"a#organization"},{"@id":"b#organization"}],"url":"https://x.org/"},"#
            + #"{"@type":"WebSite","inLanguage":"he","name":"S","publisher":[],"url":"u"},"#
            + #"{"@type":"NewsArticle","about":[{"@id":"x"},{"@id":"y"}],"datePublished":"2011-10-10","description":"d","headline":"H","#
            + #""inLanguage":"zh","mainEntityOfPage":"n","publisher":[{"@id":"p#organization"}],"url":"n"},"#
            + #"{"@type":"NewsArticle","about":[],"datePublished":"2011-10-10","headline":"H","inLanguage":"en","mainEntityOfPage":"n","publisher":[],"url":"n"},"#
            + #"{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","item":"h","name":"Home","position":1},"#
            + #"{"@type":"ListItem","item":"l","name":"\u003cList\u003e","position":2}]}]}"#
        #expect(data.json == expected)
        #expect(try JSONSerialization.jsonObject(with: Data(data.json.utf8)) is [String: Any])
    }

    @Test func textFromContentCannotEndTheScriptElement() {
        let data = StructuredData(graph: [.organization(.init(name: "</script><script>alert(1)</script> & co", url: "https://example.org/"))])
        #expect(!data.json.contains("</script"))
        #expect(data.json.contains(#"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 co"#))
        let decoded = try? JSONSerialization.jsonObject(with: Data(data.json.utf8)) as? [String: Any]
        #expect(((decoded?["@graph"] as? [[String: Any]])?.first?["name"] as? String) == "</script><script>alert(1)</script> & co")
    }
}
