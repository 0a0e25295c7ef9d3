import Foundation

/// `portfolio.json`: the validated model with its computed totals, as stable, pretty-printed JSON whose
/// diff reads well. It is also what `cohort diff` compares, so a saved copy can serve as the base.
///
/// Money is `{"currency": "USD", "minor_units": 100000000, "formatted": "USD 1,000,000"}`: exact
/// integers, never floating point. The schema is documented in docs/reports.md.
public struct PortfolioSnapshot: Codable, Sendable, Hashable {
    /// The schema version this code writes. Bump it when a field changes meaning or goes away.
    public static let currentSchemaVersion = 1

    public struct Amount: Codable, Sendable, Hashable {
        public var currency: String
        public var minorUnits: Int
        public var formatted: String

        init(_ money: Money) {
            currency = money.currency.code
            minorUnits = money.minorUnits
            formatted = money.formatted
        }
    }

    public struct Total: Codable, Sendable, Hashable {
        public var amount: Amount
        public var estimated: Amount

        init(_ total: Figures.Total) {
            amount = Amount(total.amount)
            estimated = Amount(total.estimated)
        }
    }

    public struct Programme: Codable, Sendable, Hashable {
        public var title: String
        public var currency: String
        public var pool: Amount
        public var standardTicket: Amount
        public var targetCompanies: Int
        public var exchangeRates: [String: String]?
        public var exchangeRatesAsOf: String?
    }

    public struct Totals: Codable, Sendable, Hashable {
        public var committed: Total
        public var funded: Total
        public var remaining: Amount
        public var companiesSigned: Int
        public var companiesInProgramme: Int
        public var averageTicket: Total?
        public var medianTicket: Total?
    }

    public struct Organization: Codable, Sendable, Hashable {
        public var slug: String
        public var name: String
        public var kind: String
        public var country: String?
        public var role: String?
    }

    public struct Investment: Codable, Sendable, Hashable {
        public var amount: Amount
        public var reporting: Amount?
        public var estimated: Bool
    }

    public struct Company: Codable, Sendable, Hashable {
        public var slug: String
        public var name: String
        public var status: String
        public var sector: String?
        public var country: String?
        public var focusArea: String?
        public var investment: Investment?
        /// The investment's date, or the company's first signing.
        public var date: String?
    }

    public struct Agreement: Codable, Sendable, Hashable {
        public var slug: String
        public var title: String
        public var kind: String
        public var status: String
        public var signed: String?
        public var place: String?
        public var amount: Amount?
        public var parties: [String]
    }

    public struct Group: Codable, Sendable, Hashable {
        public var name: String
        public var companies: Int
        public var committed: Total
    }

    public struct Breakdowns: Codable, Sendable, Hashable {
        public var byStatus: [Group]
        public var bySector: [Group]
        public var byFocusArea: [Group]
        public var byCountry: [Group]
    }

    public struct Quarter: Codable, Sendable, Hashable {
        public var quarter: String
        public var companiesCommitted: Int
        public var committed: Total
        public var cumulative: Total
        public var agreementsSigned: Int
    }

    public struct Warning: Codable, Sendable, Hashable {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
    }

    public var schemaVersion: Int
    public var programme: Programme
    public var totals: Totals
    public var organizations: [Organization]
    public var companies: [Company]
    public var agreements: [Agreement]
    public var breakdowns: Breakdowns
    public var timeline: [Quarter]
    public var warnings: [Warning]

    /// The snapshot of `figures`.
    public init(_ figures: Figures) {
        schemaVersion = Self.currentSchemaVersion
        programme = Programme(
            title: figures.title, currency: figures.currency.code, pool: Amount(figures.pool),
            standardTicket: Amount(figures.standardTicket), targetCompanies: figures.targetCompanies,
            exchangeRates: figures.exchangeRates.map { rates in
                Dictionary(uniqueKeysWithValues: rates.rates.map { ($0.key.code, $0.value.description) })
            },
            exchangeRatesAsOf: figures.exchangeRates?.asOf.description)
        totals = Totals(
            committed: Total(figures.committed), funded: Total(figures.funded), remaining: Amount(figures.remaining),
            companiesSigned: figures.companiesSigned, companiesInProgramme: figures.companiesInProgramme,
            averageTicket: figures.averageTicket.map(Total.init), medianTicket: figures.medianTicket.map(Total.init))
        organizations = figures.organizations.map {
            Organization(slug: $0.slug, name: $0.name, kind: $0.kind.rawValue, country: $0.country, role: $0.role)
        }
        companies = figures.companies.map { line in
            Company(
                slug: line.slug, name: line.name, status: line.status.rawValue, sector: line.sector, country: line.country,
                focusArea: line.focusArea,
                investment: line.investment.map { Investment(amount: Amount($0), reporting: line.investmentReporting.map(Amount.init), estimated: line.estimated) },
                date: line.date?.description)
        }
        agreements = figures.agreements.map { line in
            Agreement(slug: line.slug, title: line.title, kind: line.kind.rawValue, status: line.status.rawValue,
                      signed: line.signed?.description, place: line.place, amount: line.amount.map(Amount.init), parties: line.partySlugs)
        }
        let groups = { (groups: [Figures.Group]) in
            groups.map { Group(name: $0.name, companies: $0.companies, committed: Total($0.committed)) }
        }
        breakdowns = Breakdowns(byStatus: groups(figures.byStatus), bySector: groups(figures.bySector),
                                byFocusArea: groups(figures.byFocusArea), byCountry: groups(figures.byCountry))
        timeline = figures.timeline.map {
            Quarter(quarter: $0.name, companiesCommitted: $0.companiesCommitted, committed: Total($0.committed),
                    cumulative: Total($0.cumulative), agreementsSigned: $0.agreementsSigned)
        }
        warnings = figures.warnings.map {
            Warning(file: $0.location.path, line: $0.location.line, column: $0.location.column, message: $0.message)
        }
    }

    /// The JSON text: keys sorted, two-space indentation as Foundation writes it, a final newline.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(self) else { preconditionFailure("a snapshot always encodes") }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a saved `portfolio.json`.
    public static func decode(_ data: Data) throws -> PortfolioSnapshot {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(PortfolioSnapshot.self, from: data)
    }
}
