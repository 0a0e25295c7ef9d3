/// `sitemap.xml`: every HTML page but the 404, under `base_url`; on a site in several languages,
/// every page in every language, each with its alternates in the others.
enum Sitemap {
    /// `pages` are the default language's paths.
    static func render(pages: [String], programme: Programme) -> String {
        let languages = programme.languages, base = programme.baseURL
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += languages.count > 1 ? "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
            : "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let routes = pages.sorted().filter { $0.hasSuffix(".html") && $0 != Route.notFound.path }.map(Route.init)
        for language in languages {
            for route in routes {
                let address = route.localized(language, default: programme.language).absolute(under: base)
                let alternates = route.alternates(in: languages, default: programme.language, under: base)
                guard !alternates.isEmpty else {
                    xml += "  <url><loc>\(XML.escape(address))</loc></url>\n"
                    continue
                }
                xml += "  <url><loc>\(XML.escape(address))</loc>\n"
                for alternate in alternates {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(XML.escape(alternate.hreflang))\" href=\"\(XML.escape(alternate.address))\"/>\n"
                }
                xml += "  </url>\n"
            }
        }
        return xml + "</urlset>\n"
    }
}
