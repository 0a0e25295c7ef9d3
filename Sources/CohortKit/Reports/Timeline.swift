extension Figures {
    /// The name of the timeline's row for what has no date.
    static let undated = "Undated"

    /// The timeline by quarter of `committed` companies' rounds and of the signed agreements, in the
    /// order of the quarters in time, the undated row last.
    ///
    /// A round is committed in the quarter of its date and disbursed in the quarter of its payment; a
    /// single `investment` without a date takes its company's date (its first signing) for both. A
    /// company counts in the quarter of its first round, or else of its first signing.
    static func quarters(_ committed: [CompanyLine], agreements: [Agreement], _ currency: Currency) -> [Quarter] {
        var quarters: Set<Period?> = []
        var companies: [Period?: Int] = [:]
        var committedIn: [Period?: Tally] = [:], disbursedIn: [Period?: Tally] = [:]
        for line in committed {
            let quarter = quarter(of: line.date)
            companies[quarter, default: 0] += 1
            quarters.insert(quarter)
            for round in line.rounds {
                let agreed = self.quarter(of: round.date ?? line.date)
                committedIn[agreed, default: Tally()].add(round.reporting, estimated: round.estimated)
                quarters.insert(agreed)
                guard round.disbursed else { continue }
                let paid = self.quarter(of: round.disbursedOn ?? round.date ?? line.date)
                disbursedIn[paid, default: Tally()].add(round.reporting, estimated: round.estimated)
                quarters.insert(paid)
            }
        }
        var signed: [Period?: Int] = [:]
        for agreement in agreements where agreement.status == .signed {
            guard let day = agreement.signed else { continue }
            signed[quarter(of: day), default: 0] += 1
            quarters.insert(quarter(of: day))
        }
        var cumulative = Tally(), cumulativeDisbursed = Tally()
        return quarters.sorted(by: inTimeOrder).map { quarter in
            let committed = (committedIn[quarter] ?? Tally()).total(currency)
            let disbursed = (disbursedIn[quarter] ?? Tally()).total(currency)
            cumulative.add(committed)
            cumulativeDisbursed.add(disbursed)
            return Quarter(
                name: quarter.map { "\($0.year) Q\($0.part)" } ?? undated, companiesCommitted: companies[quarter] ?? 0,
                committed: committed, cumulative: cumulative.total(currency), disbursed: disbursed,
                cumulativeDisbursed: cumulativeDisbursed.total(currency), agreementsSigned: signed[quarter] ?? 0)
        }
    }

    /// The calendar quarter of `day`; nil for no day.
    private static func quarter(of day: Day?) -> Period? {
        day.map { Period(of: $0, kind: .quarter) }
    }

    /// Whether quarter `lhs` comes before `rhs`: by date, never by name (a year before 1000 is written
    /// with fewer digits), and the undated row after every quarter.
    private static func inTimeOrder(_ lhs: Period?, _ rhs: Period?) -> Bool {
        switch (lhs, rhs) {
        case let (lhs?, rhs?): lhs < rhs
        case (.some, nil): true
        case (nil, _): false
        }
    }
}

/// One calendar quarter of the timeline: in the figures with their totals, in `portfolio.json` with its
/// amounts (`Sum`), field for field the same.
public struct TimelineQuarter<Sum: Sendable & Hashable>: Sendable, Hashable {
    /// Such as `2011 Q4`, or `Undated`; `quarter` in `portfolio.json`.
    public var name: String
    /// Committed companies whose first round (or first signing) falls in the quarter.
    public var companiesCommitted: Int
    /// The rounds agreed in the quarter.
    public var committed: Sum
    /// Committed up to and including this quarter.
    public var cumulative: Sum
    /// The rounds paid in the quarter.
    public var disbursed: Sum
    /// Disbursed up to and including this quarter.
    public var cumulativeDisbursed: Sum
    /// Agreements with status `signed` whose signing date falls in the quarter.
    public var agreementsSigned: Int

    /// The same quarter with each sum made by `transform`.
    func map<Other>(_ transform: (Sum) -> Other) -> TimelineQuarter<Other> {
        TimelineQuarter<Other>(name: name, companiesCommitted: companiesCommitted, committed: transform(committed),
                               cumulative: transform(cumulative), disbursed: transform(disbursed),
                               cumulativeDisbursed: transform(cumulativeDisbursed), agreementsSigned: agreementsSigned)
    }
}

extension TimelineQuarter: Codable where Sum: Codable {
    private enum CodingKeys: String, CodingKey {
        case name = "quarter", companiesCommitted = "companies_committed", committed, cumulative, disbursed,
            cumulativeDisbursed = "cumulative_disbursed", agreementsSigned = "agreements_signed"
    }
}
