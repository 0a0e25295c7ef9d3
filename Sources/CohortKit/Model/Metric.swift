import Foundation

/// A fact the programme collects from its companies every period, such as employees or revenue,
/// declared in `programme.yml` under `metrics`.
public struct Metric: Sendable, Hashable {
    /// What a metric's values are.
    public enum Kind: String, Sendable, CaseIterable {
        /// Whole numbers from zero, such as employees.
        case count
        /// Any number, such as tonnes of water cleaned.
        case number
        /// Money in any currency with a rate; totals are in the reporting currency.
        case money
        /// A percentage, such as a gross margin: never added up.
        case percent
    }

    /// Whether the companies' values of a period are added up.
    public enum Total: String, Sendable, CaseIterable {
        case sum, none
    }

    /// How companies write it in their `metrics`, and how the reports name it in columns.
    public var key: Slug
    /// Its name on the site and in the reports.
    public var name: String
    /// What its values are.
    public var kind: Kind
    /// The IRIS+ metric it follows, such as `PI4874` (total jobs), when the programme says.
    public var iris: String?
    /// What it counts, in a sentence.
    public var description: String?
    /// Whether totals add it up: `sum` by default, `none` for a percentage.
    public var total: Total
    /// Where `key` is written in `programme.yml`.
    public var location: SourceLocation
}

/// The metrics a programme collects and how often: what companies' reports are checked against.
public struct MetricCatalogue: Sendable, Hashable {
    /// The metrics, in the order declared.
    public var metrics: [Metric]
    /// How often companies report.
    public var period: Period.Kind
}

/// A span that companies report metrics for: a year, a quarter or a month.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How long a period is: how often companies report (`metrics_period`).
    public enum Kind: String, Sendable, CaseIterable {
        case year, quarter, month

        /// How a period of this kind is written, for messages: `2024`, `2024-Q3`, `2024-06`.
        var example: String {
            switch self {
            case .year: "2024"
            case .quarter: "2024-Q3"
            case .month: "2024-06"
            }
        }
    }

    /// The period's year.
    public let year: Int
    /// Its quarter (1 to 4) or month (1 to 12) in the year; 0 for a year.
    public let part: Int
    /// Whether it is a year, a quarter or a month.
    public let kind: Kind

    /// Reads `2024`, `2024-Q3` or `2024-06`, which must be of `kind`.
    public init?(_ text: String, kind: Kind) {
        let bytes = Array(text.utf8)
        let digits = { (range: Range<Int>) in bytes[range].allSatisfy { (48...57).contains($0) } }
        guard bytes.count >= 4, digits(0..<4), let year = Int(text.prefix(4)), year >= 1 else { return nil }
        switch kind {
        case .year:
            guard bytes.count == 4 else { return nil }
            self.init(year: year, part: 0, kind: .year)
        case .quarter:
            guard bytes.count == 7, text.dropFirst(4).hasPrefix("-Q"), let quarter = Int(text.suffix(1)), (1...4).contains(quarter)
            else { return nil }
            self.init(year: year, part: quarter, kind: .quarter)
        case .month:
            guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), digits(5..<7), let month = Int(text.suffix(2)), (1...12).contains(month)
            else { return nil }
            self.init(year: year, part: month, kind: .month)
        }
    }

    private init(year: Int, part: Int, kind: Kind) {
        self.year = year
        self.part = part
        self.kind = kind
    }

    /// The period of `kind` that `day` falls in.
    public init(of day: Day, kind: Kind) {
        switch kind {
        case .year: self.init(year: day.year, part: 0, kind: .year)
        case .quarter: self.init(year: day.year, part: day.quarter, kind: .quarter)
        case .month: self.init(year: day.year, part: day.month, kind: .month)
        }
    }

    /// The period's first day.
    public var firstDay: Day {
        let month = switch kind {
        case .year: 1
        case .quarter: (part - 1) * 3 + 1
        case .month: part
        }
        guard let day = Day(year: year, month: month, day: 1) else { preconditionFailure("a period's first day exists") }
        return day
    }

    /// `2024`, `2024-Q3` or `2024-06`.
    public var description: String {
        switch kind {
        case .year: String(year)
        case .quarter: "\(year)-Q\(part)"
        case .month: "\(year)-\(part < 10 ? "0" : "")\(part)"
        }
    }

    /// Orders periods in time (periods of one programme are all of one kind).
    public static func < (lhs: Period, rhs: Period) -> Bool { (lhs.year, lhs.part) < (rhs.year, rhs.part) }
}

/// One value of a metric report, of its metric's kind.
public enum MetricValue: Sendable, Hashable {
    case count(Int)
    /// A number or a percentage, exactly as written.
    case number(Decimal)
    case money(Money)
}

/// What a company reports for one period: some declared metrics' values.
public struct MetricReport: Sendable, Hashable {
    /// One metric's value in a report.
    public struct Entry: Sendable, Hashable {
        public var key: Slug
        public var value: MetricValue
        /// Where the value is written.
        public var location: SourceLocation
    }

    /// The period reported for.
    public var period: Period
    /// The values, in the order of the programme's declaration.
    public var values: [Entry]
    /// Whether the figures are estimates.
    public var estimated: Bool
    /// Where they come from, when the content says.
    public var source: String?
    /// Where the report's `period` is written.
    public var location: SourceLocation

    /// The value of `key`, when reported.
    public func value(of key: Slug) -> MetricValue? { values.first { $0.key == key }?.value }
}
