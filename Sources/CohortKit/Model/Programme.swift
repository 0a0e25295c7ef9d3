import Foundation

/// The programme itself and the site-wide settings, from `programme.yml`.
public struct Programme: Sendable, Hashable {
    /// The programme's name, used as the site and feed title.
    public var title: String
    /// One line shown under the title; empty when not given.
    public var tagline: String
    /// A plain-text summary for the home page and meta descriptions.
    public var description: String?
    /// The absolute address the site is published at, ending in `/`; used for sitemap, feed and canonical links only.
    public var baseURL: String
    /// The languages of the site, the default first (`en` when the programme names none).
    public var languages: [Language]
    /// The reporting currency.
    public var currency: Currency
    /// The money the programme has to invest.
    public var pool: Money
    /// How many companies the programme means to back.
    public var targetCompanies: Int
    /// The usual investment per company.
    public var standardTicket: Money
    /// The day the programme was announced.
    public var announced: Day
    /// The day the figures are as of, when `programme.yml` (or `--as-of`) says; else the latest day
    /// the content names (`Portfolio.reportingDate`).
    public var reportingDate: Day?
    /// Organisations that run the programme.
    public var managers: [Located<Slug>]
    /// Other organisations involved in the programme.
    public var partners: [Located<Slug>]
    /// The fields of activity the programme backs.
    public var focusAreas: [FocusArea]
    /// Rates into the reporting currency, when the programme declares any.
    public var exchangeRates: ExchangeRates?
    /// The facts the programme collects from its companies, in the order declared.
    public var metrics: [Metric] = []
    /// How often companies report them.
    public var metricsPeriod: Period.Kind = .year

    /// The path of `baseURL` on its host, from `/` and ending in `/`: `/` for `https://example.org/`,
    /// `/fund/` for `https://example.org/fund/`.
    public var basePath: String {
        guard let path = URLComponents(string: baseURL)?.percentEncodedPath, path.hasPrefix("/") else { return "/" }
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// The metrics and their period, which companies' reports are checked against.
    public var metricCatalogue: MetricCatalogue { MetricCatalogue(metrics: metrics, period: metricsPeriod) }
    /// Whether Markdown may carry raw HTML through to the site.
    public var allowRawHTML: Bool
    /// How many rows a list page shows before the next page, one of `pageSizes`; 0 for one page however long.
    public var pageSize: Int
    /// Whether the site has full-text search (a Pagefind index, a search page and box).
    public var search: Bool
    /// The programme's logo, as written: a file under `static/`, the picture of shared links to pages
    /// without one of their own.
    public var logo: Located<String>?
    /// Where the programme file is.
    public var source: SourceLocation

    /// The rows of a list page when `page_size` is not given.
    public static let defaultPageSize = 100

    /// The values `page_size` may take: 0 (one page however long) up to a size no page needs, so that
    /// the pages' arithmetic cannot overflow.
    public static let pageSizes = 0...10_000

    /// The default language: its pages are at the site's top, its files hold the facts.
    public var language: Language { languages[0] }

    /// The content folder as diagnostics name it, with its slash: `content/` for `content/programme.yml`.
    public var contentRoot: String { String(Substring(contentRootBytes)) }

    /// `contentRoot`'s bytes, read in place in the programme file's path.
    private var contentRootBytes: Substring.UTF8View { source.path.utf8.dropLast("programme.yml".utf8.count) }

    /// The path in the content folder of a file diagnostics name `path`: `companies/rotec.md` for
    /// `content/companies/rotec.md`.
    func pathInContent(_ path: String) -> String {
        // By bytes, the root read in place, not made: every entity's path comes here on every relink,
        // and counting characters would walk both.
        let root = contentRootBytes
        guard path.utf8.starts(with: root) else { return path }
        return String(path[path.utf8.index(path.startIndex, offsetBy: root.count)...])
    }

    /// `location` as committed reports name it: in a content folder given as a relative path, such as
    /// `content`, unchanged; in one given as an absolute path or one above the current folder, such as
    /// `/home/ana/fund/content` or `../content`, under the folder's name alone (`content/...`), so that
    /// the reports read the same on every machine and from every folder.
    func portable(_ location: SourceLocation) -> SourceLocation {
        let root = contentRoot
        guard location.path.hasPrefix(root), root.hasPrefix("/") || root.split(separator: "/").contains("..") else { return location }
        let name = root.split(separator: "/").last { $0 != "." && $0 != ".." }.map { $0 + "/" } ?? ""
        var portable = location
        portable.path = name + pathInContent(location.path)
        return portable
    }
}

/// A field of activity the programme backs, such as water treatment.
public struct FocusArea: Sendable, Hashable {
    /// How companies refer to it in `focus_area`.
    public var slug: Slug
    /// The label shown on the site and in the reports.
    public var name: String
}

/// Declared conversion rates into the reporting currency.
public struct ExchangeRates: Sendable, Hashable {
    /// The day the rates were taken.
    public var asOf: Day
    /// For each currency, how many units of the reporting currency one unit is worth.
    public var rates: [Currency: Rate]
}
