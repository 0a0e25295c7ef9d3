extension Figures {
    /// One company as the reports show it.
    public struct CompanyLine: Sendable, Hashable {
        /// The company's slug, as text.
        public var slug: String
        /// The company's name.
        public var name: String
        /// Where the company stands in the programme.
        public var status: Company.Status
        /// Its sector, as written.
        public var sector: String?
        /// The country code of where it is based.
        public var country: String?
        /// The focus area's name, not its slug.
        public var focusArea: String?
        /// The focus area's slug.
        public var focusAreaSlug: Slug?
        /// Its rounds added up: in their currency when they share one, else in the reporting currency.
        public var investment: Money?
        /// Its rounds in the reporting currency, with the estimated part; nil without rounds.
        public var committed: Total?
        /// Its disbursed rounds in the reporting currency; nil without rounds.
        public var disbursed: Money?
        /// The date of its first round, or else the day of the company's first signed agreement.
        public var date: Day?
        /// Its rounds, by date.
        public var rounds: [RoundLine]
        /// How the programme left it.
        public var exit: ExitLine?
        /// The marks of the programme's stake, oldest first.
        public var valuations: [ValuationLine]
        /// The money received before or without an exit, by date.
        public var distributions: [DistributionLine]
        /// What its money did as of the reporting date, once any of it is paid: for the companies that
        /// count (signed, funded, exited).
        public var returns: CompanyReturns?
        /// Its reports of the programme's metrics, oldest first.
        public var metrics: [MetricReport]

        /// The latest mark of the programme's stake.
        public var valuation: ValuationLine? { valuations.last }

        /// Whether any part of its investment is an estimate.
        public var estimated: Bool { committed?.isEstimated ?? false }
    }

    /// One round of one company.
    public struct RoundLine: Sendable, Hashable {
        /// The company's slug, as text.
        public var company: String
        /// The company's name.
        public var companyName: String
        /// The company's status.
        public var status: Company.Status
        /// The day the round was agreed; a single `investment` may have none.
        public var date: Day?
        /// Initial or follow-on.
        public var kind: Round.Kind
        /// The form of the money, when given.
        public var instrument: Round.Instrument?
        /// The amount as written.
        public var amount: Money
        /// The amount in the reporting currency.
        public var reporting: Money?
        /// Whether the money was paid.
        public var disbursed: Bool
        /// The day it was paid, when given.
        public var disbursedOn: Day?
        /// Whether the amount is an expectation.
        public var estimated: Bool
        /// The slug of the agreement it is made under.
        public var agreement: String?
        /// The other investors in the round.
        public var coInvestors: [CoInvestorLine]
        /// What they put in, in the reporting currency; nil when no amount is given.
        public var coInvestment: Money?
    }

    /// An organisation that invested beside the programme in one round.
    public struct CoInvestorLine: Sendable, Hashable {
        /// The organisation's slug, as text.
        public var slug: String
        /// The organisation's name.
        public var name: String
        /// What it put in, as written, when given.
        public var amount: Money?
        /// The same in the reporting currency.
        public var reporting: Money?
    }

    /// How the programme left a company.
    public struct ExitLine: Sendable, Hashable {
        /// The day of the exit.
        public var date: Day
        /// Acquisition, IPO, buyback or write-off.
        public var kind: Exit.Kind
        /// What the programme received, as written; nil for a write-off.
        public var proceeds: Money?
        /// The same in the reporting currency.
        public var proceedsReporting: Money?
        /// The acquirer's slug, when given.
        public var acquirer: String?
        /// The acquirer's name.
        public var acquirerName: String?
    }

    /// A mark of the programme's stake in a company.
    public struct ValuationLine: Sendable, Hashable {
        /// The day of the value.
        public var asOf: Day
        /// The value, as written.
        public var amount: Money
        /// The same in the reporting currency.
        public var reporting: Money?
        /// How the value was reached, when the content says.
        public var basis: String?
    }

    /// Money received from a company before or without an exit.
    public struct DistributionLine: Sendable, Hashable {
        /// The day it was received.
        public var date: Day
        /// A dividend, interest, a repayment or a partial sale.
        public var kind: Distribution.Kind
        /// The money, as written.
        public var amount: Money
        /// The same in the reporting currency.
        public var reporting: Money?
    }

    /// One agreement of the register.
    public struct AgreementLine: Sendable, Hashable {
        /// The agreement's slug, as text.
        public var slug: String
        /// The agreement's heading.
        public var title: String
        /// What the agreement is, such as a framework or an MOU.
        public var kind: Agreement.Kind
        /// Where the agreement stands.
        public var status: Agreement.Status
        /// The day it was signed.
        public var signed: Day?
        /// Where it was signed.
        public var place: String?
        /// The money it involves, as written, not converted.
        public var amount: Money?
        /// The parties' names, in the order written.
        public var parties: [String]
        /// The parties' slugs, in the order written.
        public var partySlugs: [String]
    }

    /// One organisation as the reports show it.
    public struct OrganizationLine: Sendable, Hashable {
        /// The organisation's slug, as text.
        public var slug: String
        /// The organisation's name.
        public var name: String
        /// What kind of body it is.
        public var kind: Organization.Kind
        /// The country code of where it is based.
        public var country: String?
        /// `Manager`, `Partner`, or nil.
        public var role: String?
    }

    /// What the lines of companies look up in the rest of the portfolio, gathered once.
    struct LineContext {
        let converter: CurrencyConverter
        /// Focus area names by slug.
        let focusNames: [Slug: String]
        /// Organisation names by slug.
        let organizationNames: [Slug: String]
        /// For each company, the day it is dated by (`Company.entryDate`).
        let entryDates: [Slug: Day]

        init(_ portfolio: Portfolio) {
            converter = portfolio.converter
            focusNames = Dictionary(portfolio.programme.focusAreas.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
            organizationNames = Dictionary(portfolio.organizations.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
            entryDates = Dictionary(portfolio.companies.compactMap { company in
                company.entryDate { portfolio.agreements(of: company.slug) }.map { (company.slug, $0) }
            }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The report line of `company`.
    static func line(of company: Company, _ context: LineContext) -> CompanyLine {
        let converter = context.converter
        let currency = converter.currency
        let name = { (slug: Slug) in context.organizationNames[slug] ?? slug.rawValue }
        let rounds = company.rounds.map { round in
            let investors = round.coInvestors.map { investor in
                CoInvestorLine(slug: investor.organization.value.rawValue, name: name(investor.organization.value),
                               amount: investor.amount?.value, reporting: investor.amount.flatMap { converter.toReporting($0.value) })
            }
            var coInvestment = Tally()
            investors.forEach { coInvestment.add($0.reporting, estimated: false) }
            return RoundLine(
                company: company.slug.rawValue, companyName: company.name, status: company.status, date: round.date, kind: round.kind,
                instrument: round.instrument, amount: round.amount.value, reporting: converter.toReporting(round.amount.value),
                disbursed: round.isDisbursed, disbursedOn: round.disbursedOn, estimated: round.estimated,
                agreement: round.agreement?.value.rawValue,
                coInvestors: investors,
                coInvestment: investors.contains { $0.reporting != nil } ? coInvestment.total(currency).amount : nil)
        }
        var disbursed = Tally()
        for round in rounds where round.disbursed { disbursed.add(round.reporting, estimated: round.estimated) }
        let exit = company.exit.map { exit in
            ExitLine(date: exit.date.value, kind: exit.kind, proceeds: exit.proceeds?.value,
                     proceedsReporting: exit.proceeds.flatMap { converter.toReporting($0.value) },
                     acquirer: exit.acquirer?.value.rawValue, acquirerName: exit.acquirer.map { name($0.value) })
        }
        let valuations = company.valuations.map {
            ValuationLine(asOf: $0.asOf, amount: $0.amount.value, reporting: converter.toReporting($0.amount.value), basis: $0.basis)
        }
        let distributions = company.distributions.map {
            DistributionLine(date: $0.date, kind: $0.kind, amount: $0.amount.value, reporting: converter.toReporting($0.amount.value))
        }
        return CompanyLine(
            slug: company.slug.rawValue, name: company.name, status: company.status, sector: company.sector,
            country: company.country, focusArea: company.focusArea.flatMap { context.focusNames[$0.value] },
            focusAreaSlug: company.focusArea.flatMap { context.focusNames[$0.value] == nil ? nil : $0.value },
            investment: company.investment(converter: converter)?.amount,
            committed: Figures.committed(of: company, converter),
            disbursed: rounds.isEmpty ? nil : disbursed.total(currency).amount,
            date: context.entryDates[company.slug],
            rounds: rounds, exit: exit, valuations: valuations, distributions: distributions, returns: nil, metrics: company.metrics)
    }
}

/// A running sum of amounts in the reporting currency, with the part that is estimated.
struct Tally {
    private(set) var amount = 0
    private(set) var estimated = 0

    /// Adds `money` (nothing when nil), to the estimated part too when `estimated`.
    mutating func add(_ money: Money?, estimated isEstimated: Bool) {
        guard let money else { return }
        amount = amount.saturatingAdding(money.minorUnits)
        if isEstimated { estimated = estimated.saturatingAdding(money.minorUnits) }
    }

    /// Adds a total.
    mutating func add(_ total: Figures.Total) {
        amount = amount.saturatingAdding(total.amount.minorUnits)
        estimated = estimated.saturatingAdding(total.estimated.minorUnits)
    }

    /// The sum as a total in `currency`.
    func total(_ currency: Currency) -> Figures.Total {
        Figures.Total(amount: Money(minorUnits: amount, currency: currency), estimated: Money(minorUnits: estimated, currency: currency))
    }
}
