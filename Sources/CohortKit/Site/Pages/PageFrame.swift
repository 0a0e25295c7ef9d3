/// What every page has around its own values: the interface's words (`t`), the site (`site`) and
/// the page's metadata (`page`).
struct PageFrame: TemplateObject {
    var t = StringTableField()
    var site: SiteValues
    var page: PageMetadata

    static let fields = TemplateFields<PageFrame>("page frame", plural: "page frames", [
        .init("t", \.t, "The interface's words in the page's language, by key: `{{t.companies}}`, `{{t.not_translated}}`. See [Languages and string tables](#languages-and-string-tables)."),
        .init("site", \.site, "The site around the page."),
        .init("page", \.page, "The page's own title, description and addresses."),
    ])
}

/// The site around a page: its title, language, navigation and the links every page has.
struct SiteValues: TemplateObject {
    var title: String
    var titleLang: String?
    var tagline: String?
    var taglineLang: String?
    var language: String
    var direction: String
    var home: String
    var root: String
    var stylesheet: String
    var searchScript: String?
    var contentSecurityPolicy: String
    var feed: String
    var feedTitle: String
    var nav: [NavigationItem]
    var languages: [LanguageLink]
    var searchHref: String?

    static let fields = TemplateFields<SiteValues>("site", plural: "sites", [
        .init("title", \.title, "The programme's title, translated when `programme.<lang>.yml` gives one."),
        .init("title_lang", \.titleLang, "The language of `site.title` when it is not the page's (an untranslated title): for a `lang` attribute."),
        .init("tagline", \.tagline, "The tagline. Absent when the programme has none or it is empty."),
        .init("tagline_lang", \.taglineLang, "As `site.title_lang`, for the tagline."),
        .init("language", \.language, "The page's language code, such as `en` or `zh`."),
        .init("direction", \.direction, "`rtl` for a language written right to left (Hebrew, Arabic, Persian, ...), else `ltr`: for `<html dir>`."),
        .init("home", \.home, "Link to the home page."),
        .init("root", \.root, "The way up to the site's top from this page: `../` from `companies/rotec.html`, `./` on the home page, and on the 404 page, which a host serves at any address, the path of `base_url` (`/` or `/fund/`). `{{site.root}}companies/` links the companies list from any page."),
        .init("stylesheet", \.stylesheet, "Link to the theme's stylesheet, `assets/style.css`, published with the CRC-32 of its bytes in its name (`assets/style.3f2a9c1e.css`) so that hosts may cache it for good."),
        .init("search_script", \.searchScript, "Link to the search script, `assets/search.js`, published with a fingerprint in the same way; absent when the programme has `search: false`."),
        .init("content_security_policy", \.contentSecurityPolicy, "The Content-Security-Policy of the built-in theme's pages, for `<meta http-equiv=\"Content-Security-Policy\" content=\"{{site.content_security_policy}}\">` as the first thing in `<head>`: the site's own files, `data:` images and the search index's WebAssembly; no inline script or style, no other site. A theme that loads from elsewhere writes its own policy instead."),
        .init("feed", \.feed, "Link to the page's language's feed: `feed.xml`, `zh/feed.xml`."),
        .init("feed_title", \.feedTitle, "The feed's title, such as `Harbin-Israel Incubator: news`."),
        .init("nav", \.nav, "The navigation: Home, Companies, Organisations, Agreements, News, Reports, then each page in page order."),
        .init("languages", \.languages, "The language switcher: one entry per language. Empty on a site in one language."),
        .init("search_href", \.searchHref, "Link to the search page; absent when the programme has `search: false`."),
    ])
}

/// An entry of the navigation.
struct NavigationItem: TemplateObject {
    var title: String
    var lang: String?
    var href: String
    var current: Bool

    static let fields = TemplateFields<NavigationItem>("navigation entry", plural: "navigation entries", [
        .init("title", \.title, "The entry's label, from the string table, or a page's `title`."),
        .init("lang", \.lang, "The language of an untranslated page's title."),
        .init("href", \.href, "Link to it."),
        .init("current", \.current, "`true` on the page the entry links to. On a company page, the Companies entry is not current."),
    ])
}

/// The same page in one of the site's languages.
struct LanguageLink: TemplateObject {
    var code: String
    var name: String
    var direction: String
    var href: String
    var current: Bool

    static let fields = TemplateFields<LanguageLink>("language link", plural: "language links", [
        .init("code", \.code, "The language's code, such as `zh`."),
        .init("name", \.name, "The language's own name from its string table: `English`, `中文`, `עברית`."),
        .init("direction", \.direction, "`rtl` or `ltr`."),
        .init("href", \.href, "The same page in that language."),
        .init("current", \.current, "`true` for the page's own language."),
    ])
}

/// A page's title, description and addresses, for its head.
struct PageMetadata: TemplateObject {
    var title: String
    var description: String?
    var canonical: String
    var isHome: Bool
    var alternates: [Alternate]
    var type: String
    var locale: String
    var localeAlternates: [String]
    var jsonLD: String?
    var image: SharedImage?
    var prev: String?
    var next: String?

    static let fields = TemplateFields<PageMetadata>("page", plural: "pages", [
        .init("title", \.title, "The page's title: the programme title on the home page; `Companies`, `Organisations`, `Agreements` or `News` on the lists; `Reports` on the report page; the entity's name or title; `Page not found` on the 404 page."),
        .init("description", \.description, "The meta description: on the home page the programme's `description`, or else its tagline; on the lists a fixed sentence such as `The companies of <title>.`; on the report page `The figures of <title>.`; on entity and free pages the plain text of the body's first paragraph. Absent when empty, and always on the 404 page."),
        .init("canonical", \.canonical, "The page's absolute address under `base_url`, with `index.html` left off (`https://example.org/companies/`, `https://example.org/zh/companies/`)."),
        .init("is_home", \.isHome, "`true` on the home page only."),
        .init("alternates", \.alternates, "For `<link rel=\"alternate\" hreflang>`: one entry per language and `x-default`. Empty on a site in one language."),
        .init("type", \.type, "The Open Graph type: `article` for a news item, `website` for every other page."),
        .init("locale", \.locale, "The page's language as Open Graph writes locales (`en`, `zh`, `pt_BR`), for `og:locale`."),
        .init("locale_alternates", \.localeAlternates, "The site's other languages, written the same way, for `og:locale:alternate`."),
        .init("json_ld", \.jsonLD, "The page's schema.org description as JSON-LD, for `<script type=\"application/ld+json\">{{{page.json_ld}}}</script>` (print it with three braces: it is JSON, and `<`, `>` and `&` in it are written as `\\u003c`, `\\u003e`, `\\u0026`, so no text can end the element). The home page has a `WebSite` published by the programme's managers and each manager as an `Organization`; a company's or organisation's page an `Organization` (name, address, url, country, founding year, website as `sameAs`) and a `BreadcrumbList` (home, list, page); a news item a `NewsArticle` (headline, date, publishers, what it is about) and its breadcrumbs. Every address is absolute, in the page's language."),
        .init("image", \.image, "The picture of shared links, from the page's organisation's or company's logo, else the programme's: the logo when it is a PNG or JPEG, else its card."),
        .init("prev", \.prev, "On a list's later pages, the previous page, for `<link rel=\"prev\">`."),
        .init("next", \.next, "On a list's pages but the last, the next page, for `<link rel=\"next\">`."),
    ])
}

/// The same page in another language, for `hreflang`.
struct Alternate: TemplateObject {
    var lang: String
    var href: String

    static let fields = TemplateFields<Alternate>("alternate", plural: "alternates", [
        .init("lang", \.lang, "The language code, or `x-default`."),
        .init("href", \.href, "The page's absolute address in that language."),
    ])
}

/// The picture of a shared link.
struct SharedImage: TemplateObject {
    var url: String
    var width: Int
    var height: Int

    static let fields = TemplateFields<SharedImage>("shared image", plural: "shared images", [
        .init("url", \.url, "Its absolute address."),
        .init("width", \.width, "Its width in pixels."),
        .init("height", \.height, "Its height in pixels."),
    ])
}

extension SiteContext {
    /// The frame of the page at `route`: `structuredData` is its JSON-LD, `type` its Open Graph type,
    /// and the picture of a shared link is the logo of `imageOf`, else the programme's.
    func frame(_ route: Route, title: String, description: String, structuredData: StructuredData? = nil,
               type: String = "website", imageOf: Slug? = nil) -> PageFrame {
        let base = programme.baseURL
        let languages = programme.languages
        let siteTitle = text(.programme, .title, programme.title)
        let tagline = text(.programme, .tagline, programme.tagline)
        let alternates = route.alternates(in: languages, default: programme.language, under: base).map {
            Alternate(lang: $0.hreflang, href: $0.address)
        }
        return PageFrame(
            site: SiteValues(
                title: siteTitle.text, titleLang: languageCode(siteTitle.language),
                tagline: tagline.text, taglineLang: languageCode(tagline.language),
                language: language.code, direction: language.direction,
                home: link(route, .home), root: localized(route).depth == 0 ? "./" : fileLink(route, Route("")),
                stylesheet: fileLink(route, assets.route(of: .stylesheet)),
                searchScript: programme.search ? fileLink(route, assets.route(of: .searchScript)) : nil,
                contentSecurityPolicy: HostFiles.pagePolicy, feed: link(route, .feed),
                feedTitle: strings.format(.feedTitle, [("programme", siteTitle.text)]),
                nav: navigation(from: route), languages: languageSwitcher(for: route),
                searchHref: programme.search ? link(route, .search) : nil),
            page: PageMetadata(
                title: title, description: description, canonical: localized(route).absolute(under: base),
                isHome: route == .home, alternates: alternates, type: type, locale: Self.openGraphLocale(language),
                localeAlternates: languages.filter { $0 != language }.map(Self.openGraphLocale),
                jsonLD: structuredData?.json, image: sharedImage(of: imageOf)))
    }

    /// The frame of the 404 page, which a host serves at any address that names no file: its links
    /// start at the host's root, with the path of `base_url` (`/fund/companies/`), so that they work at
    /// any depth, on any host that serves the site where `base_url` says.
    func notFoundFrame() -> PageFrame {
        var frame = frame(Route.notFound, title: strings[.pageNotFound], description: "")
        let base = programme.basePath
        frame.site.home = localized(.home).absolute(under: base)
        frame.site.root = base
        frame.site.stylesheet = assets.route(of: .stylesheet).absolute(under: base)
        frame.site.searchScript = programme.search ? assets.route(of: .searchScript).absolute(under: base) : nil
        frame.site.feed = localized(.feed).absolute(under: base)
        frame.site.nav = navigation(from: nil)
        frame.site.searchHref = programme.search ? localized(.search).absolute(under: base) : nil
        frame.site.languages = languageSwitcher(for: nil)
        return frame
    }

    /// A language as Open Graph writes locales: `en`, `zh`, `pt_BR`.
    private static func openGraphLocale(_ language: Language) -> String {
        // Most codes have no region: they are written as they are, without Foundation's search.
        language.code.utf8.contains(UInt8(ascii: "-")) ? language.code.replacingOccurrences(of: "-", with: "_") : language.code
    }

    /// The other languages' versions of the page at `route` (from the host's root, for the 404 page, when nil),
    /// each named in its own language; empty for a site in one language.
    private func languageSwitcher(for route: Route?) -> [LanguageLink] {
        let languages = programme.languages
        guard languages.count > 1 else { return [] }
        return languages.map { other in
            let target = (route ?? .home).localized(other, default: programme.language)
            return LanguageLink(code: other.code, name: languageNames[other] ?? other.code, direction: other.direction,
                                href: route.map { localized($0).link(to: target) } ?? target.absolute(under: programme.basePath),
                                current: other == language)
        }
    }

    /// The navigation of the page at `route` (absolute under `base_url` without one, as on the 404
    /// page): made once for each depth of page when no reads are recorded, then the entry for the page
    /// itself marked current.
    private func navigation(from route: Route?) -> [NavigationItem] {
        recorder?.record(.navigation)
        let start = route.map(climb(from:))
        let made = recorder == nil ? navigations.value(for: start) { navigation(start: start) } : navigation(start: start)
        guard let route, let current = made.targets.firstIndex(of: route) else { return made.items }
        var items = made.items
        items[current].current = true
        return items
    }

    /// The navigation's entries, none current, with links that start at `start` (see `climb(from:)`),
    /// or absolute ones without it; and the page each goes to.
    private func navigation(start: String?) -> Navigation {
        var entries: [(String, Language?, Route)] = [
            (strings[.home], nil, .home), (strings[.companies], nil, .companies), (strings[.organizations], nil, .organizations),
            (strings[.agreements], nil, .agreements), (strings[.news], nil, .news), (strings[.reports], nil, .reports),
        ]
        entries += source.pages.map { page in
            let title = text(.entity(.pages, page.slug), .title, page.title)
            return (title.text, title.language, Route.page(page.slug))
        }
        return Navigation(
            items: entries.map { title, language, target in
                NavigationItem(title: title, lang: languageCode(language),
                               href: start.map { $0 + rootLink(target) } ?? localized(target).absolute(under: programme.basePath),
                               current: false)
            },
            targets: entries.map(\.2))
    }
}

/// A page's navigation entries, and the page each goes to.
struct Navigation: Sendable {
    var items: [NavigationItem]
    var targets: [Route]
}
