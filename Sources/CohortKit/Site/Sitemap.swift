/// `sitemap.xml`: every HTML page but the 404, under `base_url`; on a site in several languages,
/// every page in every language, each with its alternates in the others.
enum Sitemap {
    /// `pages` are the default language's paths.
    static func render(pages: [String], languages: [Language], baseURL: String) -> String {
        let multilingual = languages.count > 1
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += multilingual ? "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
            : "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let routes = pages.sorted().filter { $0.hasSuffix(".html") && $0 != Route.notFound.path }.map(Route.init)
        for language in languages {
            for route in routes {
                let address = route.localized(language, default: languages[0]).absolute(under: baseURL)
                guard multilingual else {
                    xml += "  <url><loc>\(XML.escape(address))</loc></url>\n"
                    continue
                }
                xml += "  <url><loc>\(XML.escape(address))</loc>\n"
                for other in languages {
                    let alternate = route.localized(other, default: languages[0]).absolute(under: baseURL)
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(XML.escape(other.code))\" href=\"\(XML.escape(alternate))\"/>\n"
                }
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XML.escape(route.absolute(under: baseURL)))\"/>\n"
                xml += "  </url>\n"
            }
        }
        return xml + "</urlset>\n"
    }
}
