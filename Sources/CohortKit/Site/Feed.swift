/// `feed.xml`: an Atom feed of the news, with addresses under `base_url` and dates from the content only,
/// so that two builds give the same bytes.
enum Feed {
    static func render(_ portfolio: Portfolio, targets: LinkTargets) -> String {
        let programme = portfolio.programme
        let base = programme.baseURL
        let updated = portfolio.news.first?.date ?? programme.announced
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XML.escape(programme.language.code))\">\n"
        xml += "  <title>\(XML.escape(programme.title))</title>\n"
        if !programme.tagline.isEmpty { xml += "  <subtitle>\(XML.escape(programme.tagline))</subtitle>\n" }
        xml += "  <id>\(XML.escape(base))</id>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(base))\"/>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XML.escape(Route.feed.absolute(under: base)))\"/>\n"
        xml += "  <updated>\(updated)T00:00:00Z</updated>\n"
        xml += "  <author><name>\(XML.escape(programme.title))</name></author>\n"
        let links = ContentLinks(targets: targets)
        for item in portfolio.news {
            let route = Route.newsItem(item.slug)
            let address = XML.escape(route.absolute(under: base))
            let body = Markdown.render(item.body.markdown, allowRawHTML: programme.allowRawHTML) {
                links.resolve($0, writtenIn: targets.contentPath(of: item.source.path), on: route, absoluteUnder: base)
            }
            xml += "  <entry>\n"
            xml += "    <title>\(XML.escape(item.title))</title>\n"
            xml += "    <id>\(address)</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(address)\"/>\n"
            xml += "    <updated>\(item.date)T00:00:00Z</updated>\n"
            xml += "    <summary>\(XML.escape(body.summary))</summary>\n"
            xml += "    <content type=\"html\">\(XML.escape(body.html))</content>\n"
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }
}
