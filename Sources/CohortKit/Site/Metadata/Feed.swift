/// `feed.xml`, and `<language>/feed.xml` for each other language: an Atom feed of the news in that
/// language, with addresses under `base_url` and dates from the content only, so that two builds give
/// the same bytes.
enum Feed {
    static func render(_ portfolio: Portfolio, targets: LinkTargets, strings: Strings) -> String {
        let programme = portfolio.programme
        let language = strings.language
        let base = programme.baseURL
        func text(_ original: Translation.Original, _ field: TranslatedText, _ value: String) -> String {
            portfolio.text(original, field, value, in: language).text
        }
        func localized(_ route: Route) -> Route { route.localized(language, default: programme.language) }
        let title = text(.programme, .title, programme.title)
        let tagline = text(.programme, .tagline, programme.tagline)
        let updated = portfolio.news.first?.date ?? programme.announced
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XML.escape(language.code))\">\n"
        xml += "  <title>\(XML.escape(title))</title>\n"
        if !tagline.isEmpty { xml += "  <subtitle>\(XML.escape(tagline))</subtitle>\n" }
        xml += "  <id>\(XML.escape(localized(.home).absolute(under: base)))</id>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(localized(.home).absolute(under: base)))\"/>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XML.escape(localized(.feed).absolute(under: base)))\"/>\n"
        xml += "  <updated>\(updated)T00:00:00Z</updated>\n"
        xml += "  <author><name>\(XML.escape(title))</name></author>\n"
        let links = ContentLinks(targets: targets, language: language, defaultLanguage: programme.language)
        for item in portfolio.news {
            let route = Route.newsItem(item.slug)
            let address = XML.escape(localized(route).absolute(under: base))
            let translated = portfolio.translatedBody(of: .entity(.news, item.slug), in: language)
            let body = translated?.body ?? item.body
            let file = targets.contentPath(of: (translated?.source ?? item.source).path)
            let rendered = Markdown.render(body.markdown, allowRawHTML: programme.allowRawHTML) {
                links.resolve($0, writtenIn: file, on: route, absoluteUnder: base)
            }
            xml += "  <entry>\n"
            xml += "    <title>\(XML.escape(text(.entity(.news, item.slug), .title, item.title)))</title>\n"
            xml += "    <id>\(address)</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(address)\"/>\n"
            xml += "    <updated>\(item.date)T00:00:00Z</updated>\n"
            xml += "    <summary>\(XML.escape(rendered.summary))</summary>\n"
            xml += "    <content type=\"html\">\(XML.escape(rendered.html))</content>\n"
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }
}
