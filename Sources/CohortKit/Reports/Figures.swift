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
        public var isEstimated: Bool { estimated.minorUnits > 0 }
        /// Whether all of it is an estimate.
        public var isAllEstimated: Bool { isEstimated && estimated == amount }
    }

    /// One row of a breakdown: a group of companies, how many, and what is committed to them.
    public struct Group: Sendable, Hashable {
        /// The status label, sector, focus area name or country code, or `Not specified`.
        public var name: String
        /// How many companies the row counts.
        public var companies: Int
        /// The investments of its signed, funded and exited companies.
        public var committed: Total
    }

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
        /// The investment as written, in its own currency.
        public var investment: Money?
        /// The investment in the reporting currency.
        public var investmentReporting: Money?
        /// Whether the investment is an expectation rather than a stated number.
        public var estimated: Bool
        /// The investment's date, or else the day of the company's first signed agreement.
        public var date: Day?
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

    /// One calendar quarter of the timeline.
    public struct Quarter: Sendable, Hashable {
        /// Such as `2011 Q4`.
        public var name: String
        /// Committed companies that belong to the quarter.
        public var companiesCommitted: Int
        /// The investments of those companies.
        public var committed: Total
        /// Committed up to and including this quarter.
        public var cumulative: Total
        /// Agreements with status `signed` whose signing date falls in the quarter.
        public var agreementsSigned: Int
    }

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
    /// Investments in signed, funded and exited companies.
    public var committed: Total
    /// Investments in funded and exited companies.
    public var funded: Total
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
    /// The agreement register: by signing date, unsigned ones last, then by slug.
    public var agreements: [AgreementLine]
    /// Quarters with a commitment or a signed agreement, oldest first.
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

    /// Computes the figures of `portfolio`, with `warnings` from the link stage.
    public init(_ portfolio: Portfolio, warnings: [Diagnostic]) {
        let programme = portfolio.programme
        let converter = portfolio.converter
        let currency = programme.currency
        let focusNames = Dictionary(programme.focusAreas.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        let lines = portfolio.companies.map { company in
            CompanyLine(
                slug: company.slug.rawValue, name: company.name, status: company.status, sector: company.sector,
                country: company.country, focusArea: company.focusArea.flatMap { focusNames[$0.value] },
                investment: company.investment?.amount,
                investmentReporting: company.investment.flatMap { converter.toReporting($0.amount) },
                estimated: company.investment?.estimated ?? false,
                date: company.investment?.date ?? Figures.firstSigning(of: company.slug, in: portfolio))
        }
        let committedLines = lines.filter { $0.status.isCommitted }
        let inProgramme = lines.filter(\.status.countsAgainstTarget)

        title = programme.title
        self.currency = currency
        pool = converter.toReporting(programme.pool) ?? programme.pool
        standardTicket = converter.toReporting(programme.standardTicket) ?? programme.standardTicket
        targetCompanies = programme.targetCompanies
        companiesInProgramme = inProgramme.count
        companiesSigned = committedLines.count
        committed = Figures.total(committedLines, currency)
        funded = Figures.total(lines.filter { $0.status.isFunded }, currency)
        remaining = Money(minorUnits: pool.minorUnits.saturatingSubtracting(committed.amount.minorUnits), currency: currency)
        let tickets = committedLines.filter { $0.investmentReporting != nil }
        averageTicket = Figures.average(tickets, currency)
        medianTicket = Figures.median(tickets, currency)
        byStatus = Company.Status.allCases.map { status in
            let group = lines.filter { $0.status == status }
            return Group(name: Labels.label(status), companies: group.count,
                         committed: Figures.total(group.filter { $0.status.isCommitted }, currency))
        }
        bySector = Figures.groups(inProgramme, by: \.sector, currency)
        byFocusArea = Figures.groups(inProgramme, by: \.focusArea, currency,
                                     order: programme.focusAreas.map(\.name))
        byCountry = Figures.groups(inProgramme, by: \.country, currency)
        organizations = portfolio.organizations.map { organization in
            let slug = organization.slug
            let role = programme.managers.contains { $0.value == slug } ? "Manager"
                : programme.partners.contains { $0.value == slug } ? "Partner" : nil
            return OrganizationLine(slug: slug.rawValue, name: organization.name, kind: organization.kind,
                                    country: organization.country, role: role)
        }
        companies = lines
        agreements = portfolio.agreements.map { agreement in
            AgreementLine(
                slug: agreement.slug.rawValue, title: agreement.title, kind: agreement.kind, status: agreement.status,
                signed: agreement.signed, place: agreement.place, amount: agreement.amount?.value,
                parties: agreement.parties.map { Figures.name(of: $0.value, in: portfolio) },
                partySlugs: agreement.parties.map(\.value.rawValue))
        }
        timeline = Figures.quarters(committedLines, agreements: portfolio.agreements, currency)
        let converted = lines.contains { $0.investment.map(converter.needsConversion) ?? false }
            || portfolio.agreements.contains { $0.amount.map { converter.needsConversion($0.value) } ?? false }
            || converter.needsConversion(programme.pool) || converter.needsConversion(programme.standardTicket)
        exchangeRates = converted ? programme.exchangeRates : nil
        self.warnings = warnings.warnings.sorted()
        translations = Figures.coverage(portfolio)
    }

    /// Translation coverage per language other than the default.
    private static func coverage(_ portfolio: Portfolio) -> [TranslationCoverage] {
        let programme = portfolio.programme
        guard programme.languages.count > 1 else { return [] }
        // Files by their path in the content folder, subfolders included.
        let root = String(programme.source.path.dropLast("programme.yml".count))
        let path = { (source: SourceLocation) in source.path.hasPrefix(root) ? String(source.path.dropFirst(root.count)) : source.path }
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

    private static func total(_ lines: [CompanyLine], _ currency: Currency) -> Total {
        var amount = 0, estimated = 0
        for line in lines {
            guard let money = line.investmentReporting else { continue }
            amount = amount.saturatingAdding(money.minorUnits)
            if line.estimated { estimated = estimated.saturatingAdding(money.minorUnits) }
        }
        return Total(amount: Money(minorUnits: amount, currency: currency), estimated: Money(minorUnits: estimated, currency: currency))
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
        let sorted = lines.filter { $0.investmentReporting != nil }
            .sorted { ($0.investmentReporting?.minorUnits ?? 0, $0.slug) < ($1.investmentReporting?.minorUnits ?? 0, $1.slug) }
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

    private static func groups(_ lines: [CompanyLine], by key: KeyPath<CompanyLine, String?>, _ currency: Currency,
                               order: [String] = []) -> [Group] {
        var grouped: [String: [CompanyLine]] = [:]
        for line in lines { grouped[line[keyPath: key] ?? unspecified, default: []].append(line) }
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let names = grouped.keys.sorted { lhs, rhs in
            if lhs == unspecified || rhs == unspecified { return rhs == unspecified && lhs != unspecified }
            return (rank[lhs] ?? Int.max, lhs) < (rank[rhs] ?? Int.max, rhs)
        }
        return names.map { name in
            let members = grouped[name] ?? []
            return Group(name: name, companies: members.count,
                         committed: total(members.filter { $0.status.isCommitted }, currency))
        }
    }

    private static func quarters(_ committed: [CompanyLine], agreements: [Agreement], _ currency: Currency) -> [Quarter] {
        var names: Set<String> = []
        var byQuarter: [String: [CompanyLine]] = [:]
        for line in committed {
            let name = line.date.map(quarterName) ?? "Undated"
            byQuarter[name, default: []].append(line)
            names.insert(name)
        }
        var signed: [String: Int] = [:]
        for agreement in agreements where agreement.status == .signed {
            guard let day = agreement.signed else { continue }
            signed[quarterName(day), default: 0] += 1
            names.insert(quarterName(day))
        }
        var running = 0, runningEstimated = 0
        // Quarter names sort in time order; "Undated" sorts after digits.
        return names.sorted().map { name in
            let lines = byQuarter[name] ?? []
            let sum = total(lines, currency)
            running = running.saturatingAdding(sum.amount.minorUnits)
            runningEstimated = runningEstimated.saturatingAdding(sum.estimated.minorUnits)
            return Quarter(
                name: name, companiesCommitted: lines.count, committed: sum,
                cumulative: Total(amount: Money(minorUnits: running, currency: currency),
                                  estimated: Money(minorUnits: runningEstimated, currency: currency)),
                agreementsSigned: signed[name] ?? 0)
        }
    }

    private static func quarterName(_ day: Day) -> String { "\(day.year) Q\(day.quarter)" }

    /// The day a company first signed an agreement, for companies whose investment has no date.
    private static func firstSigning(of slug: Slug, in portfolio: Portfolio) -> Day? {
        portfolio.agreements(of: slug).filter { $0.status == .signed }.compactMap(\.signed).min()
    }

    private static func name(of slug: Slug, in portfolio: Portfolio) -> String {
        portfolio.organization(slug)?.name ?? portfolio.company(slug)?.name ?? slug.rawValue
    }
}
