/// A company the programme considers or backs, from `companies/<slug>.md`.
public struct Company: Sendable, Hashable {
    /// Where a company stands in the programme.
    public enum Status: String, Sendable, CaseIterable {
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

    public var slug: Slug
    public var name: String
    public var status: Status
    public var sector: String?
    /// ISO 3166 alpha-2.
    public var country: String?
    public var focusArea: Located<Slug>?
    public var investment: Investment?
    public var website: String?
    public var founded: Int?
    public var tags: [String]
    public var body: Body
    public var source: SourceLocation
}

/// Money the programme puts, or expects to put, into a company.
public struct Investment: Sendable, Hashable {
    public var amount: Money
    public var date: Day?
    /// True when the figure is an expectation rather than a stated number.
    public var estimated: Bool
    public var location: SourceLocation
}
