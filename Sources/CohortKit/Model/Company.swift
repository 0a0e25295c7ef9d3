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

    /// What a company holds, shared by its copies (`SharedFields`).
    struct Fields: Sendable, Hashable {
        var slug: Slug
        var name: String
        var status: Status
        var sector: String?
        var country: String?
        var focusArea: Located<Slug>?
        var rounds: [Round]
        var exit: Exit?
        var valuations: [Valuation]
        var distributions: [Distribution]
        var metrics: [MetricReport]
        var website: String?
        var logo: Located<String>?
        var founded: Int?
        var tags: [String]
        var body: Body
        var source: SourceLocation
        var aliases: [Located<String>] = []
    }

    private var shared: SharedFields<Fields>

    /// A company with these fields.
    init(_ fields: Fields) { shared = SharedFields(fields) }

    /// The file name without `.md`, which identifies the company.
    public var slug: Slug { get { shared.fields.slug } set { shared.set(\.slug, newValue) } }
    /// The company's name as shown on the site.
    public var name: String { get { shared.fields.name } set { shared.set(\.name, newValue) } }
    /// Where the company stands in the programme.
    public var status: Status { get { shared.fields.status } set { shared.set(\.status, newValue) } }
    /// Its field of business, as free text.
    public var sector: String? { get { shared.fields.sector } set { shared.set(\.sector, newValue) } }
    /// ISO 3166 alpha-2.
    public var country: String? { get { shared.fields.country } set { shared.set(\.country, newValue) } }
    /// One of the programme's focus areas, by slug.
    public var focusArea: Located<Slug>? { get { shared.fields.focusArea } set { shared.set(\.focusArea, newValue) } }
    /// The rounds of money the programme puts, or means to put, into the company, by date (in the
    /// order written on the same day).
    public var rounds: [Round] { get { shared.fields.rounds } set { shared.set(\.rounds, newValue) } }
    /// How the programme left the company, once it has.
    public var exit: Exit? { get { shared.fields.exit } set { shared.set(\.exit, newValue) } }
    /// The marks of the programme's stake, oldest first.
    public var valuations: [Valuation] { get { shared.fields.valuations } set { shared.set(\.valuations, newValue) } }
    /// The money the programme received before or without an exit, by date.
    public var distributions: [Distribution] { get { shared.fields.distributions } set { shared.set(\.distributions, newValue) } }
    /// What it reported of the programme's metrics, one report per period, oldest first.
    public var metrics: [MetricReport] { get { shared.fields.metrics } set { shared.set(\.metrics, newValue) } }
    /// Its website, an http(s) address.
    public var website: String? { get { shared.fields.website } set { shared.set(\.website, newValue) } }
    /// Its logo, as written: a file under `static/`.
    public var logo: Located<String>? { get { shared.fields.logo } set { shared.set(\.logo, newValue) } }
    /// The four-digit year the company was founded.
    public var founded: Int? { get { shared.fields.founded } set { shared.set(\.founded, newValue) } }
    /// Free labels.
    public var tags: [String] { get { shared.fields.tags } set { shared.set(\.tags, newValue) } }
    /// The Markdown after the front matter, describing the company.
    public var body: Body { get { shared.fields.body } set { shared.set(\.body, newValue) } }
    /// The start of the company's file.
    public var source: SourceLocation { get { shared.fields.source } set { shared.set(\.source, newValue) } }
    /// Earlier addresses of its page, as site paths (`companies/alpha-farms.html`,
    /// `old/about/index.html`): each is kept as a page that sends readers on (see `aliases:` in
    /// docs/content-format.md).
    public var aliases: [Located<String>] { get { shared.fields.aliases } set { shared.set(\.aliases, newValue) } }
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
