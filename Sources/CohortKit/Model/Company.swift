/// A company the programme considers or backs, from `companies/<slug>.md`.
public struct Company: Sendable, Hashable {
    /// Where a company stands in the programme.
    public enum Status: String, Sendable, CaseIterable {
        /// As written in the `status` field, from first considered to exited or withdrawn.
        case candidate, selected, signed, funded, exited, withdrawn

        /// Whether the company's investment counts as committed: it signed.
        public var isCommitted: Bool { self == .signed || self == .funded || self == .exited }

        /// Whether the company's investment counts as paid out.
        public var isFunded: Bool { self == .funded || self == .exited }

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
    /// What the programme puts, or expects to put, into the company.
    public var investment: Investment?
    /// Its website, an http(s) address.
    public var website: String?
    /// The four-digit year the company was founded.
    public var founded: Int?
    /// Free labels.
    public var tags: [String]
    /// The Markdown after the front matter, describing the company.
    public var body: Body
    /// The start of the company's file.
    public var source: SourceLocation
}

/// Money the programme puts, or expects to put, into a company.
public struct Investment: Sendable, Hashable {
    /// The money, in the currency it was written in.
    public var amount: Money
    /// When the money was, or is to be, invested.
    public var date: Day?
    /// True when the figure is an expectation rather than a stated number.
    public var estimated: Bool
    /// Where the amount was written.
    public var location: SourceLocation
}
