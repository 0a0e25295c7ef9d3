/// Every figure the reports show, computed once from the portfolio: each format (Markdown, CSV, JSON,
/// SVG, the site's report pages) is a view of these values and never adds anything up on its own.
public struct Figures: Sendable, Hashable {
    /// An amount in the reporting currency, with how much of it is an estimate.
    public struct Total: Sendable, Hashable {
        /// The sum, estimated part included.
        public var amount: Money
        /// The part of `amount` that comes from estimated investments.
        public var estimated: Money

        /// Whether any of it is an estimate.
        public var isEstimated: Bool { Total.estimate(amount.minorUnits, estimated: estimated.minorUnits).any }
        /// Whether all of it is an estimate.
        public var isAllEstimated: Bool { Total.estimate(amount.minorUnits, estimated: estimated.minorUnits).all }

        /// Whether any, and whether all, of an amount is an estimate, given its minor units and those of
        /// its estimated part: the rule for totals kept as written too (the diff's snapshots).
        static func estimate(_ amount: Int, estimated: Int) -> (any: Bool, all: Bool) {
            (estimated > 0, estimated > 0 && estimated == amount)
        }
    }

    /// A company that a figure names: in the reports by `name`, on the site in the page's language.
    public struct NamedCompany: Sendable, Hashable {
        public var slug: Slug
        /// Its name in the default language.
        public var name: String
    }

    /// One row of a breakdown: a group of companies, how many, and what is committed to them.
    public struct Group: Sendable, Hashable {
        /// What the companies share. Each view names it in its own words.
        public var key: GroupKey
        /// How many companies the row counts.
        public var companies: Int
        /// The investments of its signed, funded and exited companies.
        public var committed: Total

        /// The group's name in the reports' English: the status label, the sector, the focus area's
        /// name, the country code, or `Not specified`.
        public var name: String {
            switch key {
            case .status(let status): Labels.label(status)
            case .value(let value): value
            case .focusArea(_, let name): name
            case .unspecified: Figures.unspecified
            }
        }
    }

    /// What the companies of a group share: a status, a sector or country code as written, a focus
    /// area, or nothing (they do not say), which is never mistaken for a value of that name.
    public enum GroupKey: Sendable, Hashable {
        case status(Company.Status)
        case value(String)
        case focusArea(Slug, name: String)
        case unspecified
    }

    /// One calendar quarter of the timeline, its sums as the figures hold them.
    public typealias Quarter = TimelineQuarter<Total>

    /// The programme's name.
    public var title: String
    /// The reporting currency that every total is in.
    public var currency: Currency
    /// The money the programme has to invest, in the reporting currency.
    public var pool: Money
    /// The usual investment per company.
    public var standardTicket: Money
    /// How many companies the programme means to back.
    public var targetCompanies: Int
    /// Companies that are selected, signed, funded or exited.
    public var companiesInProgramme: Int
    /// Companies that are signed, funded or exited.
    public var companiesSigned: Int
    /// The rounds of signed, funded and exited companies.
    public var committed: Total
    /// Those of the rounds that are paid.
    public var disbursed: Total
    /// Those of the rounds that are follow-ons.
    public var followOn: Total
    /// What co-investors put into those rounds, where the content says.
    public var coInvestment: Total
    /// The day the figures are as of (`Portfolio.reportingDate`); nil when the content names no day.
    public var reportingDate: Day?
    /// Distributions and exit proceeds.
    public var realised: Money
    /// For each company paid into and not exited, its latest mark, else its cost.
    public var unrealised: Money
    /// (Realised + unrealised) / disbursed, the TVPI; nil when nothing is disbursed.
    public var multiple: Ratio?
    /// Paid in, realised, unrealised, DPI, RVPI, TVPI and IRR as of the reporting date.
    public var returns: Returns
    /// The returns at each quarter's end from the first disbursement's quarter to the reporting
    /// date, and on the reporting date: what `--as-of` each of those days gives.
    public var performance: [Returns]
    /// The dated flows of money the IRR is computed from, by date.
    public var cashFlows: [CashFlow]
    /// The companies left out of the IRR and the cash flows because a payment into them has no day.
    public var undatedCompanies: [NamedCompany]
    /// What the companies achieved: the programme's metrics by period, since entry, and who reported.
    public var outcomes: Outcomes
    /// Co-investment / committed: money mobilised per unit committed; nil when nothing is committed.
    public var leverage: Ratio?
    /// The pool less what is committed; negative when over-committed.
    public var remaining: Money
    /// The mean investment of committed companies that have one; nil when there are none.
    public var averageTicket: Total?
    /// The middle investment of the same companies; nil when there are none.
    public var medianTicket: Total?
    /// One row per status, every company counted.
    public var byStatus: [Group]
    /// Companies in the programme, grouped by sector.
    public var bySector: [Group]
    /// Companies in the programme, grouped by focus area in `programme.yml` order.
    public var byFocusArea: [Group]
    /// Companies in the programme, grouped by country code.
    public var byCountry: [Group]
    /// Every organisation, by slug.
    public var organizations: [OrganizationLine]
    /// Every company, by slug.
    public var companies: [CompanyLine]
    /// Every round of every company, by date (undated ones last), then company.
    public var rounds: [RoundLine]
    /// The agreement register: by signing date, unsigned ones last, then by slug.
    public var agreements: [AgreementLine]
    /// Quarters with a round agreed or paid, or an agreement signed, oldest first.
    public var timeline: [Quarter]
    /// The rates used, when any amount had to be converted.
    public var exchangeRates: ExchangeRates?
    /// The warnings the content still has.
    public var warnings: [Diagnostic]
    /// How much of the content each language other than the default has in translation.
    public var translations: [TranslationCoverage]

    /// The content files of one language that are translated, and those that are not yet.
    public struct TranslationCoverage: Sendable, Hashable {
        /// The language.
        public var language: String
        /// How many of the programme's files (`programme.yml` and each entity file) have a translation.
        public var translated: Int
        /// How many files there are to translate.
        public var total: Int
        /// The files without one, by their path in the content folder, in folder order.
        public var missing: [String]
    }

    /// The name of a group of companies that do not say.
    static let unspecified = "Not specified"

    /// What is committed (the rounds of `signed`, `funded` and `exited` companies, in the reporting
    /// currency) and how many companies count against `target_companies`, company by company: the
    /// figures' own, and what the link stage checks against the pool and the target (`Rules.warnings`).
    static func commitment(of portfolio: Portfolio) -> (committed: Total, companiesInProgramme: Int) {
        let converter = portfolio.converter
        var tally = Tally()
        var counted = 0
        for company in portfolio.companies {
            if company.status.countsAgainstTarget { counted += 1 }
            if company.status.isCommitted, let committed = committed(of: company, converter) { tally.add(committed) }
        }
        return (tally.total(converter.currency), counted)
    }

    /// What `company`'s rounds add up to in the reporting currency, with the estimated part; nil
    /// without rounds: its line's `committed`, and its part of what is committed.
    static func committed(of company: Company, _ converter: CurrencyConverter) -> Total? {
        guard !company.rounds.isEmpty else { return nil }
        var tally = Tally()
        for round in company.rounds { tally.add(converter.toReporting(round.amount.value), estimated: round.estimated) }
        return tally.total(converter.currency)
    }

    /// Computes the figures of `portfolio`, with `warnings` from the link stage.
    public init(_ portfolio: Portfolio, warnings: [Diagnostic]) {
        let programme = portfolio.programme
        let converter = portfolio.converter
        let currency = programme.currency
        let context = LineContext(portfolio)
        let lines = portfolio.companies.map { Figures.line(of: $0, context) }
        let committedLines = lines.filter { $0.status.isCommitted }
        let inProgramme = lines.filter(\.status.countsAgainstTarget)
        let commitment = Figures.commitment(of: portfolio)

        title = programme.title
        self.currency = currency
        pool = converter.toReportingOrAsWritten(programme.pool)
        standardTicket = converter.toReportingOrAsWritten(programme.standardTicket)
        targetCompanies = programme.targetCompanies
        companiesInProgramme = commitment.companiesInProgramme
        companiesSigned = committedLines.count
        let life = Life(committedLines, currency)
        committed = commitment.committed
        disbursed = life.disbursed
        followOn = life.followOn
        coInvestment = life.coInvestment
        let date = portfolio.reportingDate
        let histories = portfolio.companies.filter(\.status.isCommitted).map { MoneyHistory($0, converter: converter) }
        let ledger = Ledger(histories: histories, currency: currency)
        reportingDate = date
        returns = ledger.returns(on: date)
        realised = returns.realised
        unrealised = returns.unrealised
        multiple = returns.tvpi
        performance = ledger.performance(to: date)
        cashFlows = ledger.flows(on: date)
        undatedCompanies = ledger.undated
        outcomes = Outcomes(portfolio)
        leverage = Ratio(life.coInvestment.amount.minorUnits, over: committed.amount.minorUnits)
        remaining = Money(minorUnits: pool.minorUnits.saturatingSubtracting(committed.amount.minorUnits), currency: currency)
        let tickets = committedLines.filter { $0.committed != nil }
        averageTicket = Figures.average(tickets, currency)
        medianTicket = Figures.median(tickets, currency)
        byStatus = Company.Status.allCases.map { status in
            let group = lines.filter { $0.status == status }
            return Group(key: .status(status), companies: group.count,
                         committed: Figures.total(group.filter { $0.status.isCommitted }, currency))
        }
        let focusNames = Dictionary(programme.focusAreas.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        bySector = Figures.groups(inProgramme, currency) { $0.sector.map(GroupKey.value) }
        byFocusArea = Figures.groups(inProgramme, currency, order: programme.focusAreas.map { .focusArea($0.slug, name: $0.name) }) { line in
            line.focusAreaSlug.map { GroupKey.focusArea($0, name: focusNames[$0] ?? $0.rawValue) }
        }
        byCountry = Figures.groups(inProgramme, currency) { $0.country.map(GroupKey.value) }
        organizations = portfolio.organizations.map { organization in
            let slug = organization.slug
            let role = programme.managers.contains { $0.value == slug } ? "Manager"
                : programme.partners.contains { $0.value == slug } ? "Partner" : nil
            return OrganizationLine(slug: slug.rawValue, name: organization.name, kind: organization.kind,
                                    country: organization.country, role: role)
        }
        let companyReturns = Dictionary(histories.map { ($0.slug.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        companies = lines.map { line in
            var line = line
            line.returns = companyReturns[line.slug]?.returns(on: date)
            return line
        }
        rounds = Figures.byDate(lines)
        agreements = portfolio.agreements.map { agreement in
            AgreementLine(
                slug: agreement.slug.rawValue, title: agreement.title, kind: agreement.kind, status: agreement.status,
                signed: agreement.signed, place: agreement.place, amount: agreement.amount?.value,
                parties: agreement.parties.map { Figures.name(of: $0.value, in: portfolio) },
                partySlugs: agreement.parties.map(\.value.rawValue))
        }
        // Agreements signed after the reporting date are not yet signed as of it.
        timeline = Figures.quarters(committedLines, agreements: portfolio.agreements.filter { agreement in
            guard let date, let signed = agreement.signed else { return true }
            return signed <= date
        }, currency)
        // No `Optional.map { } ?? false` over the agreements here: in this function that pattern crashes the
        // optimizer of Swift 6.3.1 in release builds (CopyPropagation; swiftlang/swift#90614).
        let amounts = Figures.amounts(lines) + portfolio.agreements.compactMap { $0.amount?.value } + [programme.pool, programme.standardTicket]
        exchangeRates = amounts.contains(where: converter.needsConversion) ? programme.exchangeRates : nil
        self.warnings = warnings.warnings.map { warning in
            var warning = warning
            warning.location = programme.portable(warning.location)
            return warning
        }.sorted()
        translations = Figures.coverage(portfolio)
    }

    /// Translation coverage per language other than the default.
    private static func coverage(_ portfolio: Portfolio) -> [TranslationCoverage] {
        let programme = portfolio.programme
        guard programme.languages.count > 1 else { return [] }
        // Files by their path in the content folder, subfolders included.
        let path = { (source: SourceLocation) in programme.pathInContent(source.path) }
        var originals: [(Translation.Original, String)] = [(.programme, "programme.yml")]
        originals += portfolio.organizations.map { (.entity(.organizations, $0.slug), path($0.source)) }
        originals += portfolio.companies.map { (.entity(.companies, $0.slug), path($0.source)) }
        originals += portfolio.agreements.sorted { $0.slug < $1.slug }.map { (.entity(.agreements, $0.slug), path($0.source)) }
        originals += portfolio.news.sorted { $0.slug < $1.slug }.map { (.entity(.news, $0.slug), path($0.source)) }
        originals += portfolio.pages.sorted { $0.slug < $1.slug }.map { (.entity(.pages, $0.slug), path($0.source)) }
        return programme.languages.dropFirst().map { language in
            let missing = originals.filter { portfolio.translation(of: $0.0, in: language) == nil }.map(\.1)
            return TranslationCoverage(language: language.code, translated: originals.count - missing.count,
                                       total: originals.count, missing: missing)
        }
    }

    /// The sums of the rounds of the companies that count: what was paid, followed on and co-invested,
    /// with their estimated parts.
    private struct Life {
        var disbursed: Total
        var followOn: Total
        var coInvestment: Total

        init(_ committed: [CompanyLine], _ currency: Currency) {
            var disbursed = Tally(), followOn = Tally(), coInvestment = Tally()
            for line in committed {
                for round in line.rounds {
                    if round.disbursed { disbursed.add(round.reporting, estimated: round.estimated) }
                    if round.kind == .followOn { followOn.add(round.reporting, estimated: round.estimated) }
                    coInvestment.add(round.coInvestment, estimated: round.estimated)
                }
            }
            self.disbursed = disbursed.total(currency)
            self.followOn = followOn.total(currency)
            self.coInvestment = coInvestment.total(currency)
        }
    }

    /// Every round of `lines`, by date (undated ones last), then company slug, then the company's order.
    private static func byDate(_ lines: [CompanyLine]) -> [RoundLine] {
        var indexed: [(slug: String, offset: Int, round: RoundLine)] = []
        for line in lines {
            for (offset, round) in line.rounds.enumerated() { indexed.append((line.slug, offset, round)) }
        }
        indexed.sort { lhs, rhs in
            if lhs.round.date != rhs.round.date {
                guard let left = lhs.round.date else { return false }
                guard let right = rhs.round.date else { return true }
                return left < right
            }
            return (lhs.slug, lhs.offset) < (rhs.slug, rhs.offset)
        }
        return indexed.map(\.round)
    }

    /// Every amount of the companies' rounds, co-investors, exits and valuations, as written.
    private static func amounts(_ lines: [CompanyLine]) -> [Money] {
        var amounts: [Money] = []
        for line in lines {
            for round in line.rounds { amounts += [round.amount] + round.coInvestors.compactMap(\.amount) }
            amounts += [line.exit?.proceeds].compactMap { $0 } + line.valuations.map(\.amount) + line.distributions.map(\.amount)
        }
        return amounts
    }

    /// The committed totals of `lines` added up.
    private static func total(_ lines: [CompanyLine], _ currency: Currency) -> Total {
        var tally = Tally()
        for line in lines { line.committed.map { tally.add($0) } }
        return tally.total(currency)
    }

    /// The mean ticket; its estimated part is the mean of the estimated parts.
    private static func average(_ lines: [CompanyLine], _ currency: Currency) -> Total? {
        guard !lines.isEmpty else { return nil }
        let sum = total(lines, currency)
        return Total(amount: Money(minorUnits: roundedDivision(sum.amount.minorUnits, lines.count), currency: currency),
                     estimated: Money(minorUnits: roundedDivision(sum.estimated.minorUnits, lines.count), currency: currency))
    }

    /// The median ticket (the mean of the middle two for an even count); its estimated part is taken the same way.
    private static func median(_ lines: [CompanyLine], _ currency: Currency) -> Total? {
        let sorted = lines.filter { $0.committed != nil }
            .sorted { ($0.committed?.amount.minorUnits ?? 0, $0.slug) < ($1.committed?.amount.minorUnits ?? 0, $1.slug) }
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return average(sorted.count % 2 == 1 ? [sorted[middle]] : [sorted[middle - 1], sorted[middle]], currency)
    }

    /// `value / divisor`, rounding half to even, so the figure never depends on floating point.
    private static func roundedDivision(_ value: Int, _ divisor: Int) -> Int {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        let twice = remainder * 2
        return twice > divisor || (twice == divisor && quotient % 2 != 0) ? quotient + 1 : quotient
    }

    /// The groups of `lines` by `key` (nil: not specified), those in `order` first in that order, then
    /// the others by name, then the unspecified.
    private static func groups(_ lines: [CompanyLine], _ currency: Currency, order: [GroupKey] = [],
                               by key: (CompanyLine) -> GroupKey?) -> [Group] {
        var grouped: [GroupKey: [CompanyLine]] = [:]
        for line in lines { grouped[key(line) ?? .unspecified, default: []].append(line) }
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let sortName = { (key: GroupKey) -> String in
            switch key {
            case .value(let value): value
            case .focusArea(let slug, _): slug.rawValue
            case .status(let status): status.rawValue
            case .unspecified: ""
            }
        }
        let keys = grouped.keys.sorted { lhs, rhs in
            if lhs == .unspecified || rhs == .unspecified { return rhs == .unspecified && lhs != .unspecified }
            return (rank[lhs] ?? Int.max, sortName(lhs)) < (rank[rhs] ?? Int.max, sortName(rhs))
        }
        return keys.map { key in
            let members = grouped[key] ?? []
            return Group(key: key, companies: members.count, committed: total(members.filter { $0.status.isCommitted }, currency))
        }
    }

    private static func name(of slug: Slug, in portfolio: Portfolio) -> String {
        portfolio.organization(slug)?.name ?? portfolio.company(slug)?.name ?? slug.rawValue
    }
}
