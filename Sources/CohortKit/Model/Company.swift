/// A company the programme considers or backs, from `companies/<slug>.md`.
public struct Company: Sendable, Hashable {
    /// Where a company stands in the programme.
    public enum Status: String, Sendable, CaseIterable {
        /// As written in the `status` field, from first considered to exited or withdrawn.
        case candidate, selected, signed, funded, exited, withdrawn

        /// Whether the company's rounds count in the figures: it signed.
        public var isCommitted: Bool { self == .signed || self == .funded || self == .exited }

        /// Whether a company in this status counts against `target_companies`.
        public var countsAgainstTarget: Bool {
            switch self {
            case .selected, .signed, .funded, .exited: true
            case .candidate, .withdrawn: false
            }
        }
    }

    /// The file name without `.md`, which identifies the company.
    public var slug: Slug
    /// The company's name as shown on the site.
    public var name: String
    /// Where the company stands in the programme.
    public var status: Status
    /// Its field of business, as free text.
    public var sector: String?
    /// ISO 3166 alpha-2.
    public var country: String?
    /// One of the programme's focus areas, by slug.
    public var focusArea: Located<Slug>?
    /// The rounds of money the programme puts, or means to put, into the company, by date (in the
    /// order written on the same day).
    public var rounds: [Round]
    /// How the programme left the company, once it has.
    public var exit: Exit?
    /// The marks of the programme's stake, oldest first.
    public var valuations: [Valuation]
    /// The money the programme received before or without an exit, by date.
    public var distributions: [Distribution]
    /// What it reported of the programme's metrics, one report per period, oldest first.
    public var metrics: [MetricReport]
    /// Its website, an http(s) address.
    public var website: String?
    /// Its logo, as written: a file under `static/`.
    public var logo: Located<String>?
    /// The four-digit year the company was founded.
    public var founded: Int?
    /// Free labels.
    public var tags: [String]
    /// The Markdown after the front matter, describing the company.
    public var body: Body
    /// The start of the company's file.
    public var source: SourceLocation
    /// Earlier addresses of its page, as site paths (`companies/alpha-farms.html`,
    /// `old/about/index.html`): each is kept as a page that sends readers on (see `aliases:` in
    /// docs/content-format.md).
    public var aliases: [Located<String>] = []
}

extension Company {
    /// The latest mark of the programme's stake.
    public var valuation: Valuation? { valuations.last }

    /// The day the company is dated by, on the site and in the reports alike: its first round's date,
    /// or else the day of its first signed agreement among `agreements` (asked for only then).
    func entryDate(agreements: () -> [Agreement]) -> Day? {
        rounds.compactMap(\.date).min() ?? agreements().filter { $0.status == .signed }.compactMap(\.signed).min()
    }

    /// The company's rounds added up, with the part that is estimated: in the rounds' currency when
    /// they share one, else in the reporting currency; nil for a company without rounds.
    public func investment(converter: CurrencyConverter) -> (amount: Money, estimated: Money)? {
        guard let first = rounds.first?.amount.value.currency else { return nil }
        let shared = rounds.allSatisfy { $0.amount.value.currency == first }
        var amount = 0, estimated = 0
        for round in rounds {
            let value = shared ? round.amount.value.minorUnits : converter.toReporting(round.amount.value)?.minorUnits ?? 0
            amount = amount.saturatingAdding(value)
            if round.estimated { estimated = estimated.saturatingAdding(value) }
        }
        let currency = shared ? first : converter.currency
        return (Money(minorUnits: amount, currency: currency), Money(minorUnits: estimated, currency: currency))
    }
}
