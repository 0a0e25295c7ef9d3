/// The programme itself and the site-wide settings, from `programme.yml`.
public struct Programme: Sendable, Hashable {
    public var title: String
    public var tagline: String
    /// A plain-text summary for the home page and meta descriptions.
    public var description: String?
    /// The absolute address the site is published at, ending in `/`; used for sitemap, feed and canonical links only.
    public var baseURL: String
    public var language: String
    /// The reporting currency.
    public var currency: Currency
    public var pool: Money
    /// How many companies the programme means to back.
    public var targetCompanies: Int
    public var standardTicket: Money
    public var announced: Day
    public var managers: [Located<Slug>]
    public var partners: [Located<Slug>]
    public var focusAreas: [FocusArea]
    public var exchangeRates: ExchangeRates?
    /// Whether Markdown may carry raw HTML through to the site.
    public var allowRawHTML: Bool
    /// Where the programme file is.
    public var source: SourceLocation
}

/// A field of activity the programme backs, such as water treatment.
public struct FocusArea: Sendable, Hashable {
    public var slug: Slug
    public var name: String
}

/// Declared conversion rates into the reporting currency.
public struct ExchangeRates: Sendable, Hashable {
    /// The day the rates were taken.
    public var asOf: Day
    /// For each currency, how many units of the reporting currency one unit is worth.
    public var rates: [Currency: Rate]
}
