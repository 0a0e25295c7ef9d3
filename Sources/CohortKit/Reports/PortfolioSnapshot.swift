import Foundation

/// `portfolio.json`: the validated model with its computed totals, as stable, pretty-printed JSON whose
/// diff reads well. It is also what `cohort diff` compares, so a saved copy can serve as the base.
///
/// Money is `{"currency": "USD", "minor_units": 100000000, "formatted": "USD 1,000,000"}`: exact
/// integers, never floating point. The schema is documented in docs/reports.md.
public struct PortfolioSnapshot: Codable, Sendable, Hashable {
    private enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", asOf = "as_of", programme, totals, organizations, companies, agreements, breakdowns,
            timeline, performance, cashFlowsLeaveOut = "cash_flows_leave_out", outcomes, metricsCoverage = "metrics_coverage",
            warnings, translations
    }

    /// The schema version this code writes. Bump it when a field changes meaning or goes away.
    /// Version 3: realised counts distributions, unrealised holds companies without a mark at cost.
    public static let currentSchemaVersion = 3

    /// Money as JSON: the currency code, exact minor units and the text the reports show.
    public struct Amount: Codable, Sendable, Hashable {
        private enum CodingKeys: String, CodingKey { case currency, minorUnits = "minor_units", formatted }

        /// The currency code, such as `USD`.
        public var currency: String
        /// The exact amount in the currency's smallest unit, such as cents.
        public var minorUnits: Int
        /// The text the other reports show, such as `USD 1,000,000`.
        public var formatted: String

        init(_ money: Money) {
            currency = money.currency.code
            minorUnits = money.minorUnits
            formatted = money.formatted
        }
    }

    /// An amount with the part of it that comes from estimated investments.
    public struct Total: Codable, Sendable, Hashable {
        /// The sum, estimated part included.
        public var amount: Amount
        /// The part of `amount` that comes from estimated investments.
        public var estimated: Amount

        init(_ total: Figures.Total) {
            amount = Amount(total.amount)
            estimated = Amount(total.estimated)
        }
    }

    /// The programme's settings that the figures depend on.
    public struct Programme: Codable, Sendable, Hashable {
        private enum CodingKeys: String, CodingKey {
            case title, currency, pool, standardTicket = "standard_ticket", targetCompanies = "target_companies",
                exchangeRates = "exchange_rates", exchangeRatesAsOf = "exchange_rates_as_of"
        }

        /// The programme's name.
        public var title: String
        /// The reporting currency's code.
        public var currency: String
        /// The money the programme has to invest, in the reporting currency.
        public var pool: Amount
        /// The usual investment per company.
        public var standardTicket: Amount
        /// How many companies the programme means to back.
        public var targetCompanies: Int
        /// Currency code to rate, as text; present only when some amount was converted.
        public var exchangeRates: [String: String]?
        /// The day the rates were taken, `YYYY-MM-DD`.
        public var exchangeRatesAsOf: String?
    }

    /// The headline figures.
    public struct Totals: Codable, Sendable, Hashable {
        private enum CodingKeys: String, CodingKey {
            case committed, disbursed, followOn = "follow_on", coInvestment = "co_investment", realised,
                unrealised, heldAtCost = "held_at_cost", dpi, rvpi, tvpi, irr, multiple, leverage, remaining,
                companiesSigned = "companies_signed", companiesInProgramme = "companies_in_programme",
                averageTicket = "average_ticket", medianTicket = "median_ticket"
        }

        /// The rounds of signed, funded and exited companies.
        public var committed: Total
        /// Those of the rounds that are paid.
        public var disbursed: Total
        /// Those of the rounds that are follow-ons.
        public var followOn: Total
        /// What co-investors put into those rounds.
        public var coInvestment: Total
        /// Distributions and exit proceeds.
        public var realised: Amount
        /// For each company paid into and not exited, its latest mark, else its cost.
        public var unrealised: Amount
        /// How many of those companies have no mark and are held at cost.
        public var heldAtCost: Int
        /// Realised ÷ disbursed, to two decimals; absent when nothing is disbursed.
        public var dpi: Decimal?
        /// Unrealised ÷ disbursed.
        public var rvpi: Decimal?
        /// (Realised + unrealised) ÷ disbursed.
        public var tvpi: Decimal?
        /// The IRR of the cash flows, an annual rate as a fraction to four decimals; absent when not defined.
        public var irr: Decimal?
        /// The same as `tvpi`, under its earlier name.
        public var multiple: Decimal?
        /// Co-investment / committed, to two decimals; absent when nothing is committed.
        public var leverage: Decimal?
        /// The pool less what is committed; negative when over-committed.
        public var remaining: Amount
        /// Companies that are signed, funded or exited.
        public var companiesSigned: Int
        /// Companies that are selected, signed, funded or exited.
        public var companiesInProgramme: Int
        /// The mean investment of committed companies that have one.
        public var averageTicket: Total?
        /// The middle investment of the same companies.
        public var medianTicket: Total?
    }

    /// One organisation as `portfolio.json` lists it.
    public struct Organization: Codable, Sendable, Hashable {
        /// The organisation's slug.
        public var slug: String
        /// The organisation's name.
        public var name: String
        /// The kind code, such as `government`.
        public var kind: String
        /// The country code of where it is based.
        public var country: String?
        /// `Manager` or `Partner`, when `programme.yml` lists it so.
        public var role: String?
    }

    /// A company's rounds added up, as written and converted.
    public struct Investment: Codable, Sendable, Hashable {
        /// The rounds added up in their currency when they share one, else in the reporting currency.
        public var amount: Amount
        /// The same in the reporting currency.
        public var reporting: Amount?
        /// Whether any part of it is an expectation rather than a stated number.
        public var estimated: Bool
    }

    /// An organisation investing in a round beside the programme.
    public struct CoInvestor: Codable, Sendable, Hashable {
        /// The organisation's slug.
        public var organization: String
        /// What it put in, as written.
        public var amount: Amount?
        /// The same in the reporting currency.
        public var reporting: Amount?
    }

    /// One round of a company.
    public struct Round: Codable, Sendable, Hashable {
        private enum CodingKeys: String, CodingKey {
            case date, kind, instrument, amount, reporting, disbursed, disbursedOn = "disbursed_on", estimated,
                agreement, coInvestors = "co_investors"
        }

        /// The day it was agreed, `YYYY-MM-DD`.
        public var date: String?
        /// `initial` or `follow-on`.
        public var kind: String
        /// `equity`, `convertible`, `safe`, `grant` or `loan`.
        public var instrument: String?
        /// The amount as written.
        public var amount: Amount
        /// The same in the reporting currency.
        public var reporting: Amount?
        /// Whether the money was paid.
        public var disbursed: Bool
        /// The day it was paid, `YYYY-MM-DD`.
        public var disbursedOn: String?
        /// Whether the amount is an expectation.
        public var estimated: Bool
        /// The slug of the agreement it is made under.
        public var agreement: String?
        /// The other investors in the round.
        public var coInvestors: [CoInvestor]
    }

    /// How the programme left a company.
    public struct Exit: Codable, Sendable, Hashable {
        private enum CodingKeys: String, CodingKey {
            case date, kind, proceeds, proceedsReporting = "proceeds_reporting", acquirer
        }

        /// The day of the exit, `YYYY-MM-DD`.
        public var date: String
        /// `acquisition`, `ipo`, `buyback` or `write-off`.
        public var kind: String
        /// What the programme received, as written; absent for a write-off.
        public var proceeds: Amount?
        /// The same in the reporting currency.
        public var proceedsReporting: Amount?
        /// The acquirer's slug.
        public var acquirer: String?
    }

    /// A mark of the programme's stake in a company.
    public struct Valuation: Codable, Sendable, Hashable {
        private enum CodingKeys: String, CodingKey { case asOf = "as_of", amount, reporting, basis }

        /// The day of the value, `YYYY-MM-DD`.
        public var asOf: String
        /// The value as written.
        public var amount: Amount
        /// The same in the reporting currency.
        public var reporting: Amount?
        /// How the value was reached.
        public var basis: String?
    }

    /// Money received from a company before or without an exit.
    public struct Distribution: Codable, Sendable, Hashable {
        /// The day it was received, `YYYY-MM-DD`.
        public var date: String
        /// `dividend`, `interest`, `repayment` or `partial-sale`.
        public var kind: String
        /// The money as written.
        public var amount: Amount
        /// The same in the reporting currency.
        public var reporting: Amount?
    }

    /// A metric's value: a number (counts, numbers, percentages), or money.
    public enum MetricAmount: Codable, Sendable, Hashable {
        case number(Decimal)
        case money(Amount)

        init(_ value: MetricValue) {
            switch value {
            case .count(let count): self = .number(Decimal(count))
            case .number(let number): self = .number(number)
            case .money(let money): self = .money(Amount(money))
            }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let amount = try? container.decode(Amount.self) { self = .money(amount) } else { self = .number(try container.decode(Decimal.self)) }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let number): try container.encode(number)
            case .money(let amount): try container.encode(amount)
            }
        }
    }

    /// A company's report of the programme's metrics for one period.
    public struct MetricReport: Codable, Sendable, Hashable {
        /// `2024`, `2024-Q3` or `2024-06`.
        public var period: String
        /// The values by metric key: money as written.
        public var values: [String: MetricAmount]
        /// Whether the figures are estimates.
        public var estimated: Bool
        /// Where they come from.
        public var source: String?
    }

    /// One declared metric's outcomes.
    public struct Outcome: Codable, Sendable, Hashable {
        private enum CodingKeys: String, CodingKey {
            case key, name, kind, iris, total, periods, sinceEntry = "since_entry", sinceEntryCompanies = "since_entry_companies"
        }

        /// A metric's total for a period.
        public struct Period: Codable, Sendable, Hashable {
            public var period: String
            /// The total: a number, or money in the reporting currency.
            public var total: MetricAmount
            /// How many companies reported it.
            public var companies: Int
        }

        public var key: String
        public var name: String
        /// `count`, `number`, `money` or `percent`.
        public var kind: String
        /// The IRIS+ metric id.
        public var iris: String?
        /// `sum` or `none`.
        public var total: String
        /// For a metric with a total, each period a company reported it for.
        public var periods: [Period]
        /// The change since entry, summed; absent when no company has a value at entry.
        public var sinceEntry: MetricAmount?
        /// How many companies it adds up.
        public var sinceEntryCompanies: Int
    }

    /// Who reported for the latest period.
    public struct MetricsCoverage: Codable, Sendable, Hashable {
        /// The latest period a company that counts reported for; absent when none did.
        public var period: String?
        /// The companies held that did not report for it, by name.
        public var missing: [String]
    }

    /// The returns of the programme as of one day.
    public struct Performance: Codable, Sendable, Hashable {
        private enum CodingKeys: String, CodingKey { case date, disbursed, realised, unrealised, dpi, rvpi, tvpi, irr }

        /// The day, `YYYY-MM-DD`: a quarter's end, or the reporting date.
        public var date: String
        /// Paid in by then.
        public var disbursed: Amount
        /// Received by then.
        public var realised: Amount
        /// Held then.
        public var unrealised: Amount
        /// Realised ÷ disbursed.
        public var dpi: Decimal?
        /// Unrealised ÷ disbursed.
        public var rvpi: Decimal?
        /// (Realised + unrealised) ÷ disbursed.
        public var tvpi: Decimal?
        /// The IRR of the flows until then, the value held as a flow on the day.
        public var irr: Decimal?

        init(_ returns: Returns) {
            date = returns.date?.description ?? ""
            disbursed = Amount(returns.disbursed)
            realised = Amount(returns.realised)
            unrealised = Amount(returns.unrealised)
            dpi = returns.dpi?.decimal
            rvpi = returns.rvpi?.decimal
            tvpi = returns.tvpi?.decimal
            irr = returns.irr?.decimal
        }
    }

    /// One company as `portfolio.json` lists it.
    public struct Company: Codable, Sendable, Hashable {
        private enum CodingKeys: String, CodingKey {
            case slug, name, status, sector, country, focusArea = "focus_area", investment, disbursed, date, rounds,
                exit, valuation, valuations, distributions, realised, unrealised, heldAtCost = "held_at_cost", multiple, irr,
                holdingDays = "holding_days", metrics
        }

        /// The company's slug.
        public var slug: String
        /// The company's name.
        public var name: String
        /// The status code, such as `signed`.
        public var status: String
        /// Its sector, as written.
        public var sector: String?
        /// The country code of where it is based.
        public var country: String?
        /// The focus area's name, not its slug.
        public var focusArea: String?
        /// Its rounds added up.
        public var investment: Investment?
        /// Its disbursed rounds, in the reporting currency.
        public var disbursed: Amount?
        /// The date of its first round, or the company's first signing.
        public var date: String?
        /// Its rounds, by date.
        public var rounds: [Round]
        /// How the programme left it.
        public var exit: Exit?
        /// The latest mark of the programme's stake.
        public var valuation: Valuation?
        /// Every mark, oldest first.
        public var valuations: [Valuation]
        /// The money received before or without an exit, by date.
        public var distributions: [Distribution]
        /// What came back from it; absent until money is paid into a company that counts.
        public var realised: Amount?
        /// Its latest mark, else its cost, while held; zero once left.
        public var unrealised: Amount?
        /// Whether it is held and has no mark.
        public var heldAtCost: Bool?
        /// (Realised + unrealised) ÷ disbursed.
        public var multiple: Decimal?
        /// The IRR of its flows.
        public var irr: Decimal?
        /// Days from its first payment to its exit, or to the reporting date while held.
        public var holdingDays: Int?
        /// Its reports of the programme's metrics, oldest first (optional in files written before metrics).
        public var metrics: [MetricReport]?
    }

    /// One agreement of the register as `portfolio.json` lists it.
    public struct Agreement: Codable, Sendable, Hashable {
        /// The agreement's slug.
        public var slug: String
        /// The agreement's heading.
        public var title: String
        /// The kind code, such as `framework`.
        public var kind: String
        /// The status code, such as `signed`.
        public var status: String
        /// The day it was signed, `YYYY-MM-DD`.
        public var signed: String?
        /// Where it was signed.
        public var place: String?
        /// The money it involves, as written, not converted.
        public var amount: Amount?
        /// The parties' slugs, in the order of the file.
        public var parties: [String]
    }

    /// One row of a breakdown.
    public struct Group: Codable, Sendable, Hashable {
        /// The status label, sector, focus area name or country code, or `Not specified`.
        public var name: String
        /// How many companies the row counts.
        public var companies: Int
        /// The investments of its signed, funded and exited companies.
        public var committed: Total
    }

    /// The figures by status, sector, focus area and country.
    public struct Breakdowns: Codable, Sendable, Hashable {
        private enum CodingKeys: String, CodingKey {
            case byStatus = "by_status", bySector = "by_sector", byFocusArea = "by_focus_area", byCountry = "by_country"
        }

        /// One row per status, every company counted.
        public var byStatus: [Group]
        /// Companies in the programme, grouped by sector.
        public var bySector: [Group]
        /// Companies in the programme, grouped by focus area in `programme.yml` order.
        public var byFocusArea: [Group]
        /// Companies in the programme, grouped by country code.
        public var byCountry: [Group]
    }

    /// One calendar quarter of the timeline, its sums as `portfolio.json` writes them.
    public typealias Quarter = TimelineQuarter<Total>

    /// A warning the content still has.
    public struct Warning: Codable, Sendable, Hashable {
        /// The path of the file it is in, as diagnostics name it.
        public var file: String
        /// The line, counting from 1.
        public var line: Int
        /// The column in Unicode scalars, counting from 1.
        public var column: Int
        /// What is wrong, in one sentence.
        public var message: String
    }

    /// Translation coverage of one language other than the default.
    public struct Translations: Codable, Sendable, Hashable {
        /// The language's code.
        public var language: String
        /// Files with a translation.
        public var translated: Int
        /// Files to translate: `programme.yml` and every entity file.
        public var total: Int
        /// The files without a translation, by path in the content folder.
        public var missing: [String]
    }

    /// The schema version the file was written with.
    public var schemaVersion: Int
    /// The day the figures are as of, `YYYY-MM-DD`; absent when the content names no day.
    public var asOf: String?
    /// The returns at each quarter's end and on the reporting date.
    public var performance: [Performance]
    /// The companies left out of the IRR and `cash-flows.csv`: a payment into them has no day.
    public var cashFlowsLeaveOut: [String]
    /// Each declared metric's totals by period and since entry (optional in files written before metrics).
    public var outcomes: [Outcome]?
    /// Who reported for the latest period (optional in files written before metrics).
    public var metricsCoverage: MetricsCoverage?
    /// The programme's settings that the figures depend on.
    public var programme: Programme
    /// The headline figures.
    public var totals: Totals
    /// Every organisation, by slug.
    public var organizations: [Organization]
    /// Every company, by slug.
    public var companies: [Company]
    /// Every agreement, in register order.
    public var agreements: [Agreement]
    /// The figures by status, sector, focus area and country.
    public var breakdowns: Breakdowns
    /// Quarters with a round agreed or paid, or an agreement signed, oldest first.
    public var timeline: [Quarter]
    /// The warnings the content still has, by file and position.
    public var warnings: [Warning]
    /// Per language other than the default, what is translated; absent for a programme in one language
    /// (and in files written before languages existed).
    public var translations: [Translations]?

    /// The snapshot of `figures`.
    public init(_ figures: Figures) {
        schemaVersion = Self.currentSchemaVersion
        asOf = figures.reportingDate?.description
        performance = figures.performance.map(Performance.init)
        cashFlowsLeaveOut = figures.undatedCompanies.map(\.name)
        outcomes = figures.outcomes.metrics.map { outcome in
            Outcome(key: outcome.metric.key.rawValue, name: outcome.metric.name, kind: outcome.metric.kind.rawValue, iris: outcome.metric.iris,
                    total: outcome.metric.total.rawValue,
                    periods: outcome.periods.map { Outcome.Period(period: $0.period.description, total: MetricAmount($0.total), companies: $0.companies) },
                    sinceEntry: outcome.sinceEntry.map(MetricAmount.init), sinceEntryCompanies: outcome.companiesSinceEntry)
        }
        metricsCoverage = MetricsCoverage(period: figures.outcomes.latestPeriod?.description, missing: figures.outcomes.missing.map(\.name))
        programme = Programme(
            title: figures.title, currency: figures.currency.code, pool: Amount(figures.pool),
            standardTicket: Amount(figures.standardTicket), targetCompanies: figures.targetCompanies,
            exchangeRates: figures.exchangeRates.map { rates in
                Dictionary(uniqueKeysWithValues: rates.rates.map { ($0.key.code, $0.value.description) })
            },
            exchangeRatesAsOf: figures.exchangeRates?.asOf.description)
        totals = Totals(
            committed: Total(figures.committed), disbursed: Total(figures.disbursed),
            followOn: Total(figures.followOn), coInvestment: Total(figures.coInvestment), realised: Amount(figures.realised),
            unrealised: Amount(figures.unrealised), heldAtCost: figures.returns.heldAtCost, dpi: figures.returns.dpi?.decimal,
            rvpi: figures.returns.rvpi?.decimal, tvpi: figures.returns.tvpi?.decimal, irr: figures.returns.irr?.decimal,
            multiple: figures.multiple?.decimal, leverage: figures.leverage?.decimal,
            remaining: Amount(figures.remaining),
            companiesSigned: figures.companiesSigned, companiesInProgramme: figures.companiesInProgramme,
            averageTicket: figures.averageTicket.map(Total.init), medianTicket: figures.medianTicket.map(Total.init))
        organizations = figures.organizations.map {
            Organization(slug: $0.slug, name: $0.name, kind: $0.kind.rawValue, country: $0.country, role: $0.role)
        }
        companies = figures.companies.map { line in
            Company(
                slug: line.slug, name: line.name, status: line.status.rawValue, sector: line.sector, country: line.country,
                focusArea: line.focusArea,
                investment: line.investment.map {
                    Investment(amount: Amount($0), reporting: line.committed.map { Amount($0.amount) }, estimated: line.estimated)
                },
                disbursed: line.disbursed.map(Amount.init), date: line.date?.description,
                rounds: line.rounds.map(Round.init),
                exit: line.exit.map { exit in
                    Exit(date: exit.date.description, kind: exit.kind.rawValue, proceeds: exit.proceeds.map(Amount.init),
                         proceedsReporting: exit.proceedsReporting.map(Amount.init), acquirer: exit.acquirer)
                },
                valuation: line.valuation.map(Valuation.init), valuations: line.valuations.map(Valuation.init),
                distributions: line.distributions.map {
                    Distribution(date: $0.date.description, kind: $0.kind.rawValue, amount: Amount($0.amount), reporting: $0.reporting.map(Amount.init))
                },
                realised: line.returns.map { Amount($0.realised) }, unrealised: line.returns.map { Amount($0.unrealised) },
                heldAtCost: line.returns?.heldAtCost, multiple: line.returns?.multiple?.decimal, irr: line.returns?.irr?.decimal,
                holdingDays: line.returns?.holdingDays,
                metrics: line.metrics.map { report in
                    MetricReport(period: report.period.description,
                                 values: Dictionary(report.values.map { ($0.key.rawValue, MetricAmount($0.value)) }, uniquingKeysWith: { first, _ in first }),
                                 estimated: report.estimated, source: report.source)
                })
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
        timeline = figures.timeline.map { $0.map(Total.init) }
        warnings = figures.warnings.map {
            Warning(file: $0.location.path, line: $0.location.line, column: $0.location.column, message: $0.message)
        }
        translations = figures.translations.isEmpty ? nil : figures.translations.map {
            Translations(language: $0.language, translated: $0.translated, total: $0.total, missing: $0.missing)
        }
    }

    /// The JSON text: keys sorted, two-space indentation as Foundation writes it, a final newline.
    /// (Keys are snake_case by each type's CodingKeys.)
    public func json() -> String {
        String(decoding: PrettyJSON.utf8(self, ending: "\n"), as: UTF8.self)
    }

    /// `json()` as the bytes of `portfolio.json`, written straight from the buffer they were made in
    /// (the file is some megabytes: no copy through a string).
    func file() -> OutputFile {
        OutputFile(path: "portfolio.json", bytes: Data(PrettyJSON.utf8(self, ending: "\n")))
    }

    /// The `schema_version` of a saved `portfolio.json`, or nil when it has none.
    public static func schemaVersion(of data: Data) -> Int? {
        struct Version: Decodable {
            var schemaVersion: Int
            private enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version" }
        }
        return try? JSONDecoder().decode(Version.self, from: data).schemaVersion
    }

    /// Reads a saved `portfolio.json`.
    public static func decode(_ data: Data) throws -> PortfolioSnapshot {
        try JSONDecoder().decode(PortfolioSnapshot.self, from: data)
    }
}

extension PortfolioSnapshot.Valuation {
    init(_ line: Figures.ValuationLine) {
        self.init(asOf: line.asOf.description, amount: PortfolioSnapshot.Amount(line.amount),
                  reporting: line.reporting.map { PortfolioSnapshot.Amount($0) }, basis: line.basis)
    }
}

extension PortfolioSnapshot.Round {
    init(_ line: Figures.RoundLine) {
        typealias Amount = PortfolioSnapshot.Amount
        self.init(date: line.date?.description, kind: line.kind.rawValue, instrument: line.instrument?.rawValue,
                  amount: Amount(line.amount), reporting: line.reporting.map { Amount($0) }, disbursed: line.disbursed,
                  disbursedOn: line.disbursedOn?.description, estimated: line.estimated, agreement: line.agreement,
                  coInvestors: line.coInvestors.map { investor in
                      PortfolioSnapshot.CoInvestor(organization: investor.slug, amount: investor.amount.map { Amount($0) },
                                                   reporting: investor.reporting.map { Amount($0) })
                  })
    }
}
