extension Figures {
    /// The name of the timeline's row for what has no date.
    static let undated = "Undated"

    /// The timeline by quarter of `committed` companies' rounds and of the signed agreements.
    ///
    /// A round is committed in the quarter of its date and disbursed in the quarter of its payment; a
    /// single `investment` without a date takes its company's date (its first signing) for both. A
    /// company counts in the quarter of its first round, or else of its first signing.
    static func quarters(_ committed: [CompanyLine], agreements: [Agreement], _ currency: Currency) -> [Quarter] {
        var names: Set<String> = []
        var companies: [String: Int] = [:]
        var committedIn: [String: Tally] = [:], disbursedIn: [String: Tally] = [:]
        for line in committed {
            let quarter = quarterName(line.date)
            companies[quarter, default: 0] += 1
            names.insert(quarter)
            for round in line.rounds {
                let agreed = quarterName(round.date ?? line.date)
                committedIn[agreed, default: Tally()].add(round.reporting, estimated: round.estimated)
                names.insert(agreed)
                guard round.disbursed else { continue }
                let paid = quarterName(round.disbursedOn ?? round.date ?? line.date)
                disbursedIn[paid, default: Tally()].add(round.reporting, estimated: round.estimated)
                names.insert(paid)
            }
        }
        var signed: [String: Int] = [:]
        for agreement in agreements where agreement.status == .signed {
            guard let day = agreement.signed else { continue }
            signed[quarterName(day), default: 0] += 1
            names.insert(quarterName(day))
        }
        var cumulative = Tally(), cumulativeDisbursed = Tally()
        // Quarter names sort in time order; "Undated" sorts after digits.
        return names.sorted().map { name in
            let committed = (committedIn[name] ?? Tally()).total(currency)
            let disbursed = (disbursedIn[name] ?? Tally()).total(currency)
            cumulative.add(committed)
            cumulativeDisbursed.add(disbursed)
            return Quarter(
                name: name, companiesCommitted: companies[name] ?? 0, committed: committed,
                cumulative: cumulative.total(currency), disbursed: disbursed,
                cumulativeDisbursed: cumulativeDisbursed.total(currency), agreementsSigned: signed[name] ?? 0)
        }
    }

    private static func quarterName(_ day: Day?) -> String {
        day.map { "\($0.year) Q\($0.quarter)" } ?? undated
    }
}
