import Foundation

/// What the programme's companies achieved, metric by metric, computed once beside the money figures
/// from the reports of the companies that count (signed, funded or exited), as of the reporting date.
public struct Outcomes: Sendable, Hashable {
    /// One declared metric's figures.
    public struct Outcome: Sendable, Hashable {
        /// The metric, as declared.
        public var metric: Metric
        /// For a metric with a total, each period in which a company reported it, oldest first: the
        /// total over those companies (money in the reporting currency) and how many they are.
        public var periods: [PeriodTotal]
        /// For a metric with a total, the change since entry summed over the companies that have a
        /// value at entry: each one's latest value less its value at entry. IRIS+ calls it jobs
        /// created for employees (PI3687). Nil when no company has a value at entry.
        public var sinceEntry: MetricValue?
        /// How many companies the change since entry adds up.
        public var companiesSinceEntry: Int
    }

    /// A metric's total for one period.
    public struct PeriodTotal: Sendable, Hashable {
        public var period: Period
        public var total: MetricValue
        /// How many companies reported the metric for the period.
        public var companies: Int
    }

    /// One value a company reported, as `metrics.csv` lists it.
    public struct Row: Sendable, Hashable {
        public var company: String
        public var companyName: String
        public var status: Company.Status
        public var period: Period
        public var metric: Metric
        /// As written: a money value in its own currency.
        public var value: MetricValue
        /// In the reporting currency for money, else the same as `value`.
        public var reporting: MetricValue
        public var estimated: Bool
        public var source: String?
    }

    /// Each declared metric's figures, in the order declared.
    public var metrics: [Outcome]
    /// The latest period any company that counts reported for.
    public var latestPeriod: Period?
    /// The companies held (paid into and not exited) that did not report for `latestPeriod`, in the
    /// portfolio's order.
    public var missing: [Figures.NamedCompany]
    /// Every value every company reported, by company, period and the metrics' order.
    public var rows: [Row]

    /// The outcomes of `portfolio`'s companies.
    init(_ portfolio: Portfolio) {
        let programme = portfolio.programme
        let converter = portfolio.converter
        let reporting = { (value: MetricValue) -> MetricValue in
            guard case .money(let money) = value else { return value }
            return .money(converter.toReportingOrAsWritten(money))
        }
        let counted = portfolio.companies.filter(\.status.isCommitted)
        metrics = programme.metrics.map { metric in
            guard metric.total == .sum else { return Outcome(metric: metric, periods: [], sinceEntry: nil, companiesSinceEntry: 0) }
            var byPeriod: [Period: (total: MetricValue, companies: Int)] = [:]
            var since: MetricValue?, companies = 0
            for company in counted {
                let values = company.metrics.compactMap { report in report.value(of: metric.key).map { (report.period, reporting($0)) } }
                for (period, value) in values {
                    let sum = byPeriod[period].map { Self.add($0.total, value) } ?? value
                    byPeriod[period] = (sum, (byPeriod[period]?.companies ?? 0) + 1)
                }
                // The value at entry: the report for the period of the first payment, else the first after it.
                guard let paid = company.rounds.compactMap(\.disbursedOn).min() else { continue }
                let entry = Period(of: paid, kind: programme.metricsPeriod)
                guard let first = values.first(where: { $0.0 >= entry }), let last = values.last else { continue }
                let change = Self.subtract(last.1, first.1)
                since = since.map { Self.add($0, change) } ?? change
                companies += 1
            }
            return Outcome(metric: metric, periods: byPeriod.keys.sorted().map { PeriodTotal(period: $0, total: byPeriod[$0]?.total ?? .count(0),
                                                                                               companies: byPeriod[$0]?.companies ?? 0) },
                           sinceEntry: since, companiesSinceEntry: companies)
        }
        let latest = counted.flatMap { $0.metrics.map(\.period) }.max()
        latestPeriod = latest
        missing = latest.map { latest in
            counted.filter { company in
                company.exit == nil && company.rounds.contains(where: \.isDisbursed) && !company.metrics.contains { $0.period == latest }
            }.map { Figures.NamedCompany(slug: $0.slug, name: $0.name) }
        } ?? []
        let declared = Dictionary(programme.metrics.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        rows = portfolio.companies.flatMap { company in
            company.metrics.flatMap { report in
                report.values.compactMap { entry -> Row? in
                    guard let metric = declared[entry.key] else { return nil }
                    return Row(company: company.slug.rawValue, companyName: company.name, status: company.status, period: report.period,
                               metric: metric, value: entry.value, reporting: reporting(entry.value), estimated: report.estimated,
                               source: report.source)
                }
            }
        }
    }

    /// Two values of one metric added up (money in one currency, the reporting one).
    static func add(_ lhs: MetricValue, _ rhs: MetricValue) -> MetricValue {
        switch (lhs, rhs) {
        case let (.count(a), .count(b)): .count(a.saturatingAdding(b))
        case let (.number(a), .number(b)): .number(a + b)
        case let (.money(a), .money(b)): .money(Money(minorUnits: a.minorUnits.saturatingAdding(b.minorUnits), currency: a.currency))
        default: lhs
        }
    }

    /// `lhs` less `rhs`; a change of a count may be negative.
    static func subtract(_ lhs: MetricValue, _ rhs: MetricValue) -> MetricValue {
        switch (lhs, rhs) {
        case let (.count(a), .count(b)): .count(a.saturatingSubtracting(b))
        case let (.number(a), .number(b)): .number(a - b)
        case let (.money(a), .money(b)): .money(Money(minorUnits: a.minorUnits.saturatingSubtracting(b.minorUnits), currency: a.currency))
        default: lhs
        }
    }
}

extension MetricValue {
    /// The value as the reports write it: `1,234`, `35.5`, `USD 800,000` (a percentage gets its `%`
    /// from `kind`).
    func text(_ kind: Metric.Kind) -> String {
        switch self {
        case .count(let count): Money.grouped(String(count))
        case .number(let number): Money.grouped(number.description) + (kind == .percent ? "%" : "")
        case .money(let money): money.formatted
        }
    }

    /// -1, 0 or 1, as the value is below, at or above zero.
    var sign: Int {
        switch self {
        case .count(let count): count.signum()
        case .number(let number): number < 0 ? -1 : number == 0 ? 0 : 1
        case .money(let money): money.minorUnits.signum()
        }
    }

    /// The value as a plain number, for CSV and JSON: `1234`, `35.5`, `800000`.
    var plain: String {
        switch self {
        case .count(let count): String(count)
        case .number(let number): number.description
        case .money(let money): money.plainAmount
        }
    }
}
