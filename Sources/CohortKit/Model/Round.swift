/// One round of money the programme puts, or means to put, into a company: an initial round or a
/// follow-on, agreed on a day, paid then or later.
public struct Round: Sendable, Hashable {
    /// Whether a round is the company's first or a later one.
    public enum Kind: String, Sendable, CaseIterable {
        /// As written in the `kind` field.
        case initial, followOn = "follow-on"
    }

    /// The form the money takes.
    public enum Instrument: String, Sendable, CaseIterable {
        /// As written in the `instrument` field.
        case equity, convertible, safe, grant, loan
    }

    /// Whether the money of a round has been paid.
    public enum Disbursement: Sendable, Hashable {
        /// Committed, not paid yet.
        case pending
        /// Paid, on the day given; a single `investment` of a funded company written without a date
        /// was paid on a day the content does not say.
        case paid(Day?)
    }

    /// The day the round was agreed; only a round written in the single `investment` form may lack one.
    public var date: Day?
    /// The money, in the currency it was written in, and where.
    public var amount: Located<Money>
    /// Initial or follow-on.
    public var kind: Kind
    /// The form the money takes, when the content says.
    public var instrument: Instrument?
    /// Whether, and when, the money was paid.
    public var disbursement: Disbursement
    /// True when the amount is an expectation rather than a stated number.
    public var estimated: Bool
    /// The agreement the round is made under, which the company is a party to.
    public var agreement: Located<Slug>?
    /// The other investors in the round.
    public var coInvestors: [CoInvestment]

    /// Whether the money has been paid.
    public var isDisbursed: Bool {
        if case .paid = disbursement { true } else { false }
    }

    /// The day the money was paid, when it was paid and the day is known.
    public var disbursedOn: Day? {
        if case .paid(let day) = disbursement { day } else { nil }
    }
}

/// An organisation that invests in a round beside the programme.
public struct CoInvestment: Sendable, Hashable {
    /// The organisation, by slug.
    public var organization: Located<Slug>
    /// What it puts in, when the content says.
    public var amount: Located<Money>?
}
