/// Where a page lives in the site, and how to link to it relatively from anywhere else.
///
/// Every page is a file with an explicit name (`companies/rotec.html`, `companies/index.html`), and every
/// internal link is relative, so the same site works at a domain root, under a sub-path, and from disk.
public struct Route: Hashable, Sendable, Comparable {
    /// The path relative to the site's root, with `/` separators.
    public let path: String

    init(_ path: String) { self.path = path }

    static let home = Route("index.html")
    static let notFound = Route("404.html")
    /// The theme's stylesheet and search script, as the theme names them (see `AssetNames` for the
    /// names they are published under).
    static let stylesheet = Route("assets/style.css")
    static let searchScript = Route("assets/search.js")
    static let feed = Route("feed.xml")
    static let sitemap = Route("sitemap.xml")
    static let companies = Route("companies/index.html")
    static let organizations = Route("organizations/index.html")
    static let agreements = Route("agreements/index.html")
    static let news = Route("news/index.html")
    static let reports = Route("reports/index.html")
    static let search = Route("search.html")

    static func company(_ slug: Slug) -> Route { Route("companies/" + slug.rawValue + ".html") }
    static func organization(_ slug: Slug) -> Route { Route("organizations/" + slug.rawValue + ".html") }
    static func agreement(_ slug: Slug) -> Route { Route("agreements/" + slug.rawValue + ".html") }
    static func newsItem(_ slug: Slug) -> Route { Route("news/" + slug.rawValue + ".html") }
    static func page(_ slug: Slug) -> Route { Route(slug.rawValue + ".html") }

    /// The names at the top of the site that pages may not take.
    static let reservedNames: Set<String> = ["index", "404", "search"]

    /// The same page in `language`: under `<language>/` unless it is `defaultLanguage`.
    func localized(_ language: Language, default defaultLanguage: Language) -> Route {
        language == defaultLanguage ? self : Route(language.code + "/" + path)
    }

    /// This page (given in the default language) in each of `languages`, then `x-default` (the default
    /// language's), each absolute under `base`: the hreflang alternates of pages and of the sitemap.
    /// None for a site in one language.
    func alternates(in languages: [Language], default defaultLanguage: Language, under base: String) -> [(hreflang: String, address: String)] {
        guard languages.count > 1 else { return [] }
        return languages.map { ($0.code, localized($0, default: defaultLanguage).absolute(under: base)) } + [("x-default", absolute(under: base))]
    }

    /// The folders the page lies in, the outermost first: `a/b/c.html` gives `a` and `a/b`.
    var folders: [String] {
        let components = path.split(separator: "/").dropLast()
        return components.indices.map { components[...$0].joined(separator: "/") }
    }

    /// How many folders deep the page is.
    var depth: Int {
        let slash = UInt8(ascii: "/")
        // Counted over the bytes in place: every link a page makes asks.
        return path.utf8.withContiguousStorageIfAvailable { bytes in bytes.reduce(0) { $1 == slash ? $0 + 1 : $0 } }
            ?? path.utf8.reduce(0) { $1 == slash ? $0 + 1 : $0 }
    }

    /// A relative link from this page to `other`.
    func link(to other: Route) -> String {
        climb + other.path
    }

    /// The start of every relative link from this page: `../` for each folder it is in, up to the site's root.
    var climb: String {
        let depth = depth
        return depth < Self.climbs.count ? Self.climbs[depth] : String(repeating: "../", count: depth)
    }

    /// `../` as many times as the index: the start of a link from most pages, made once.
    private static let climbs = (0..<8).map { String(repeating: "../", count: $0) }

    /// The absolute address under `baseURL`, with `index.html` left off as web hosts serve it.
    func absolute(under baseURL: String) -> String {
        let path = self.path == "index.html" ? "" : self.path.hasSuffix("/index.html") ? String(self.path.dropLast("index.html".count)) : self.path
        return baseURL + path
    }

    /// Orders routes by path.
    public static func < (lhs: Route, rhs: Route) -> Bool { lhs.path < rhs.path }
}
