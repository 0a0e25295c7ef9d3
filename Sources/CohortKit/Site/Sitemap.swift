/// `sitemap.xml`: every HTML page but the 404, under `base_url`.
enum Sitemap {
    static func render(pages: [String], baseURL: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pages.sorted() where path.hasSuffix(".html") && path != Route.notFound.path {
            xml += "  <url><loc>\(XML.escape(Route(path).absolute(under: baseURL)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
