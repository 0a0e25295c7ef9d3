import Foundation

/// What a change to the content does to the programme: totals before and after, and the entities
/// added, removed and changed, computed from two snapshots.
public struct ChangeSummary: Sendable, Hashable, Encodable {
    /// A figure before and after.
    public struct Figure: Sendable, Hashable, Encodable {
        /// The figure's label, such as `Committed`.
        public var name: String
        /// Its value as shown before the change.
        public var before: String
        /// Its value as shown after the change.
        public var after: String
        /// `+USD 250,000`, `-1`, or nil when it is not a number.
        public var difference: String?
    }

    /// One field that changed.
    public struct FieldChange: Sendable, Hashable, Encodable {
        /// The field's label, such as `status`.
        public var field: String
        /// Its value before the change, `—` when absent.
        public var before: String
        /// Its value after the change, `—` when absent.
        public var after: String
    }

    /// An entity that changed, field by field.
    public struct EntityChange: Sendable, Hashable, Encodable {
        /// The slug that matches the entity across the two snapshots.
        public var slug: String
        /// Its name, or an agreement's title, after the change.
        public var name: String
        /// The fields whose value differs, in report order.
        public var fields: [FieldChange]
    }

    /// An entity that was added or removed.
    public struct Entity: Sendable, Hashable, Encodable {
        /// The entity's slug, as text.
        public var slug: String
        /// Its name, or an agreement's title.
        public var name: String
        /// A one-line description such as `signed, USD 1,000,000 (estimated)`.
        public var detail: String
    }

    /// Every headline figure, changed or not.
    public var totals: [Figure]
    /// Companies only in the new snapshot.
    public var companiesAdded: [Entity]
    /// Companies only in the old snapshot.
    public var companiesRemoved: [Entity]
    /// Companies in both snapshots whose fields differ.
    public var companiesChanged: [EntityChange]
    /// Agreements only in the new snapshot.
    public var agreementsAdded: [Entity]
    /// Agreements only in the old snapshot.
    public var agreementsRemoved: [Entity]
    /// Agreements in both snapshots whose fields differ.
    public var agreementsChanged: [EntityChange]
    /// Organisations only in the new snapshot.
    public var organizationsAdded: [Entity]
    /// Organisations only in the old snapshot.
    public var organizationsRemoved: [Entity]
    /// Organisations in both snapshots whose fields differ.
    public var organizationsChanged: [EntityChange]
    /// Translation coverage per language, when it changed: `zh: 5 of 16 → 6 of 16`.
    public var translations: [Figure]
    /// Warnings the change introduces, as `file: message`.
    public var warningsAdded: [String]
    /// Warnings the change clears, as `file: message`.
    public var warningsResolved: [String]
    /// The addresses of the site's pages that the change stops serving, neither as a page nor as an
    /// alias (compared with a git revision only: a saved portfolio.json does not list them).
    public var addressesLost: [LostAddress]
    /// Whether nothing the reports show differs.
    public var isEmpty: Bool

    /// Compares `before` with `after`, and when given, the addresses of their sites.
    public init(from before: PortfolioSnapshot, to after: PortfolioSnapshot, addresses: (before: SiteAddresses, after: SiteAddresses)? = nil) {
        addressesLost = addresses.map { $0.before.lost(in: $0.after) } ?? []
        isEmpty = before == after && addressesLost.isEmpty
        totals = Self.figures(before).indices.map { index in
            let old = Self.figures(before)[index], new = Self.figures(after)[index]
            return Figure(name: old.name, before: old.text, after: new.text, difference: Self.difference(old.value, new.value))
        } + Self.outcomes(before, after)
        (companiesAdded, companiesRemoved, companiesChanged) = Self.compare(
            before.companies, after.companies, slug: \.slug, name: \.name, entity: Self.entity, fields: Self.fields)
        (agreementsAdded, agreementsRemoved, agreementsChanged) = Self.compare(
            before.agreements, after.agreements, slug: \.slug, name: \.title, entity: Self.entity, fields: Self.fields)
        (organizationsAdded, organizationsRemoved, organizationsChanged) = Self.compare(
            before.organizations, after.organizations, slug: \.slug, name: \.name, entity: Self.entity, fields: Self.fields)
        translations = Self.coverage(before, after)
        let oldWarnings = Set(before.warnings.map(Self.warning)), newWarnings = Set(after.warnings.map(Self.warning))
        warningsAdded = after.warnings.map(Self.warning).filter { !oldWarnings.contains($0) }
        warningsResolved = before.warnings.map(Self.warning).filter { !newWarnings.contains($0) }
    }

    /// Whether the reports changed but nothing this summary lists did.
    public var onlyOtherChanges: Bool {
        !isEmpty && changedTotals.isEmpty && companiesAdded.isEmpty && companiesRemoved.isEmpty && companiesChanged.isEmpty
            && agreementsAdded.isEmpty && agreementsRemoved.isEmpty && agreementsChanged.isEmpty
            && organizationsAdded.isEmpty && organizationsRemoved.isEmpty && organizationsChanged.isEmpty
            && translations.isEmpty && warningsAdded.isEmpty && warningsResolved.isEmpty && addressesLost.isEmpty
    }

    /// The headline figures whose value changed.
    public var changedTotals: [Figure] { totals.filter { $0.before != $0.after } }

    // MARK: - Figures

    private enum Value: Equatable {
        case money(PortfolioSnapshot.Amount?)
        case count(Int)
        case ratio(Decimal?)
        case rate(Decimal?)
    }

    private static func figures(_ snapshot: PortfolioSnapshot) -> [(name: String, text: String, value: Value)] {
        let totals = snapshot.totals
        let total = { (total: PortfolioSnapshot.Total?) -> String in total.map(ReportText.total) ?? "—" }
        let target = snapshot.programme.targetCompanies
        return [
            ("Pool", snapshot.programme.pool.formatted, .money(snapshot.programme.pool)),
            ("Committed", total(totals.committed), .money(totals.committed.amount)),
            ("Disbursed", total(totals.disbursed), .money(totals.disbursed.amount)),
            ("Remaining", totals.remaining.formatted, .money(totals.remaining)),
            ("Follow-on", total(totals.followOn), .money(totals.followOn.amount)),
            ("Co-investment", total(totals.coInvestment), .money(totals.coInvestment.amount)),
            ("Realised", totals.realised.formatted, .money(totals.realised)),
            ("Unrealised", totals.unrealised.formatted, .money(totals.unrealised)),
            ("DPI", ratio(totals.dpi), .ratio(totals.dpi)),
            ("RVPI", ratio(totals.rvpi), .ratio(totals.rvpi)),
            ("TVPI (multiple)", ratio(totals.tvpi), .ratio(totals.tvpi)),
            ("IRR", rate(totals.irr), .rate(totals.irr)),
            ("Held at cost", "\(totals.heldAtCost)", .count(totals.heldAtCost)),
            ("Leverage", ratio(totals.leverage), .ratio(totals.leverage)),
            ("Companies signed", "\(totals.companiesSigned) of \(target)", .count(totals.companiesSigned)),
            ("Companies in the programme", "\(totals.companiesInProgramme) of \(target)", .count(totals.companiesInProgramme)),
            ("Average ticket", total(totals.averageTicket), .money(totals.averageTicket?.amount)),
            ("Median ticket", total(totals.medianTicket), .money(totals.medianTicket?.amount)),
        ]
    }

    /// Each metric's totals by period and since entry, matched by metric key and period: those that
    /// differ, and those only one side has. (A metric's totals are figures too, but unlike the others
    /// they come and go with the programme's metrics and periods, so only changed ones are listed.)
    private static func outcomes(_ before: PortfolioSnapshot, _ after: PortfolioSnapshot) -> [Figure] {
        let (previous, current) = (before.outcomes ?? [], after.outcomes ?? [])
        let old = Dictionary(previous.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let keys = current.map(\.key) + previous.map(\.key).filter { key in !current.contains { $0.key == key } }
        var figures: [Figure] = []
        for key in keys {
            let was = old[key], now = current.first { $0.key == key }
            let name = now?.name ?? was?.name ?? key
            let periods = Set((was?.periods ?? []).map(\.period) + (now?.periods ?? []).map(\.period)).sorted()
            for period in periods {
                let a = was?.periods.first { $0.period == period }, b = now?.periods.first { $0.period == period }
                guard a?.total != b?.total else { continue }
                figures.append(Figure(name: "\(name), \(period)", before: a.map { text($0.total) } ?? "—", after: b.map { text($0.total) } ?? "—",
                                      difference: difference(a?.total, b?.total)))
            }
            if was?.sinceEntry != now?.sinceEntry {
                figures.append(Figure(name: "\(name) since entry", before: was?.sinceEntry.map(text) ?? "—", after: now?.sinceEntry.map(text) ?? "—",
                                      difference: difference(was?.sinceEntry, now?.sinceEntry)))
            }
        }
        return figures
    }

    /// A metric's value as the summary writes it: `1,234`, `USD 800,000`.
    private static func text(_ amount: PortfolioSnapshot.MetricAmount) -> String {
        switch amount {
        case .number(let number): Money.grouped(number.description)
        case .money(let money): money.formatted
        }
    }

    /// `+2`, `-USD 100,000`: the difference of two totals of a metric, when both are there.
    private static func difference(_ old: PortfolioSnapshot.MetricAmount?, _ new: PortfolioSnapshot.MetricAmount?) -> String? {
        switch (old, new) {
        case let (.number(a)?, .number(b)?): (b > a ? "+" : "") + Money.grouped((b - a).description)
        case let (.money(a)?, .money(b)?): difference(Value.money(a), Value.money(b))
        default: nil
        }
    }

    /// `2.03x`, as the summary shows a ratio, or a dash.
    private static func ratio(_ value: Decimal?) -> String {
        value.map { ReportText.ratio(Ratio(hundredths: NSDecimalNumber(decimal: $0 * 100).intValue)) } ?? "—"
    }

    /// `24.4%`, as the summary shows a rate, or a dash.
    private static func rate(_ value: Decimal?) -> String {
        ReportText.rate(value.map { AnnualRate(tenThousandths: NSDecimalNumber(decimal: $0 * 10_000).intValue) })
    }

    private static func difference(_ old: Value, _ new: Value) -> String? {
        switch (old, new) {
        case let (.rate(before?), .rate(after?)):
            let delta = AnnualRate(tenThousandths: NSDecimalNumber(decimal: (after - before) * 10_000).intValue)
            guard delta.tenThousandths != 0 else { return nil }
            // Percentage points: 20.1% to 24.4% is +4.3 points.
            return (delta.tenThousandths > 0 ? "+" : "") + delta.percent(decimalSeparator: ".") + " points"
        case let (.ratio(before?), .ratio(after?)):
            let delta = Ratio(hundredths: NSDecimalNumber(decimal: (after - before) * 100).intValue)
            guard delta.hundredths != 0 else { return nil }
            return (delta.hundredths > 0 ? "+" : "") + delta.description
        case let (.count(before), .count(after)):
            return after == before ? nil : (after > before ? "+" : "") + String(after.saturatingSubtracting(before))
        case let (.money(before?), .money(after?)) where before.currency == after.currency:
            let delta = after.minorUnits.saturatingSubtracting(before.minorUnits)
            guard delta != 0, let currency = Currency(after.currency) else { return nil }
            let magnitude = Money(minorUnits: delta == Int.min ? Int.max : abs(delta), currency: currency).formatted
            return (delta > 0 ? "+" : "-") + magnitude
        default:
            return nil
        }
    }

    /// The languages whose coverage changed, with the files newly translated or no longer.
    private static func coverage(_ before: PortfolioSnapshot, _ after: PortfolioSnapshot) -> [Figure] {
        let old = Dictionary((before.translations ?? []).map { ($0.language, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary((after.translations ?? []).map { ($0.language, $0) }, uniquingKeysWith: { first, _ in first })
        let text = { (coverage: PortfolioSnapshot.Translations?) in coverage.map { "\($0.translated) of \($0.total)" } ?? "—" }
        return Set(old.keys).union(new.keys).sorted().compactMap { language in
            let was = old[language], now = new[language]
            guard was != now, text(was) != text(now) || was?.missing != now?.missing else { return nil }
            let delta = (now?.translated ?? 0).saturatingSubtracting(was?.translated ?? 0)
            return Figure(name: language, before: text(was), after: text(now),
                          difference: delta == 0 ? nil : (delta > 0 ? "+" : "") + String(delta))
        }
    }

    // MARK: - Entities

    private static func entity(_ company: PortfolioSnapshot.Company) -> Entity {
        let amount = company.investment.map { ", " + ReportText.amount($0.amount.formatted, estimated: $0.estimated) } ?? ""
        let rounds = company.rounds.count > 1 ? " in \(company.rounds.count) rounds" : ""
        return Entity(slug: company.slug, name: company.name, detail: company.status + amount + rounds)
    }

    private static func entity(_ agreement: PortfolioSnapshot.Agreement) -> Entity {
        Entity(slug: agreement.slug, name: agreement.title,
               detail: "\(agreement.kind), \(agreement.status)" + (agreement.signed.map { ", signed \($0)" } ?? ""))
    }

    private static func entity(_ organization: PortfolioSnapshot.Organization) -> Entity {
        Entity(slug: organization.slug, name: organization.name, detail: organization.kind + (organization.role.map { ", " + $0.lowercased() } ?? ""))
    }

    private static func fields(_ organization: PortfolioSnapshot.Organization) -> [(String, String)] {
        [("name", organization.name), ("kind", organization.kind), ("country", organization.country ?? "—"), ("role", organization.role ?? "—")]
    }

    private static func fields(_ company: PortfolioSnapshot.Company) -> [(String, String)] {
        [
            ("name", company.name), ("status", company.status), ("sector", company.sector ?? "—"),
            ("country", company.country ?? "—"), ("focus area", company.focusArea ?? "—"),
            ("investment", company.investment?.amount.formatted ?? "—"),
            ("estimated", company.investment.map { $0.estimated ? "yes" : "no" } ?? "—"),
            ("date", company.date ?? "—"),
        ] + rounds(company.rounds) + [
            ("exit", company.exit.map(describe) ?? "—"),
        ] + company.valuations.map { ("mark \($0.asOf)", $0.amount.formatted + ($0.basis.map { " (\($0))" } ?? "")) }
          + distributions(company.distributions) + metrics(company.metrics ?? []) + [
            ("realised", company.realised?.formatted ?? "—"),
            ("unrealised", company.unrealised.map { $0.formatted + (company.heldAtCost == true ? " (at cost)" : "") } ?? "—"),
            ("multiple", ratio(company.multiple)),
            ("IRR", rate(company.irr)),
        ]
    }

    /// One field per reported value, named by its period and metric: `metric 2022 employees`.
    private static func metrics(_ reports: [PortfolioSnapshot.MetricReport]) -> [(String, String)] {
        reports.flatMap { report in
            report.values.keys.sorted().compactMap { key in
                report.values[key].map { ("metric \(report.period) \(key)", ReportText.amount(text($0), estimated: report.estimated)) }
            }
        }
    }

    /// One field per distribution, named by its date and kind, as rounds are.
    private static func distributions(_ distributions: [PortfolioSnapshot.Distribution]) -> [(String, String)] {
        var seen: [String: Int] = [:]
        return distributions.map { distribution in
            let key = "distribution \(distribution.date) \(distribution.kind)"
            seen[key, default: 0] += 1
            let count = seen[key] ?? 1
            return (count > 1 ? "\(key) (\(count))" : key, distribution.amount.formatted)
        }
    }

    /// One field per round, named by its date and kind (`round 2012-03-01 follow-on`, with ` (2)` for
    /// a second round of the same day and kind), so that a round added, removed or changed shows as
    /// its own line.
    private static func rounds(_ rounds: [PortfolioSnapshot.Round]) -> [(String, String)] {
        var seen: [String: Int] = [:]
        return rounds.map { round in
            let key = "round \(round.date ?? "undated") \(round.kind)"
            seen[key, default: 0] += 1
            let count = seen[key] ?? 1
            return (count > 1 ? "\(key) (\(count))" : key, describe(round))
        }
    }

    /// `USD 500,000 (estimated), equity, disbursed 2012-04-01, under x-framework, with fund (USD 250,000)`.
    private static func describe(_ round: PortfolioSnapshot.Round) -> String {
        var parts = [ReportText.amount(round.amount.formatted, estimated: round.estimated)]
        if let instrument = round.instrument { parts.append(instrument) }
        parts.append(round.disbursedOn.map { "disbursed \($0)" } ?? (round.disbursed ? "disbursed" : "not disbursed"))
        if let agreement = round.agreement { parts.append("under \(agreement)") }
        if !round.coInvestors.isEmpty {
            parts.append("with " + round.coInvestors.map { $0.organization + ($0.amount.map { " (\($0.formatted))" } ?? "") }
                .joined(separator: ", "))
        }
        return parts.joined(separator: ", ")
    }

    /// `acquisition on 2015-06-30, USD 3,000,000, by acme-corp`.
    private static func describe(_ exit: PortfolioSnapshot.Exit) -> String {
        "\(exit.kind) on \(exit.date)" + (exit.proceeds.map { ", \($0.formatted)" } ?? "") + (exit.acquirer.map { ", by \($0)" } ?? "")
    }

    private static func fields(_ agreement: PortfolioSnapshot.Agreement) -> [(String, String)] {
        [
            ("title", agreement.title), ("kind", agreement.kind), ("status", agreement.status),
            ("signed", agreement.signed ?? "—"), ("place", agreement.place ?? "—"),
            ("amount", agreement.amount?.formatted ?? "—"), ("parties", agreement.parties.joined(separator: ", ")),
        ]
    }

    /// The entities added, removed and changed between two lists, matched by slug.
    private static func compare<Item>(
        _ before: [Item], _ after: [Item], slug: (Item) -> String, name: (Item) -> String,
        entity: (Item) -> Entity, fields: (Item) -> [(String, String)]
    ) -> ([Entity], [Entity], [EntityChange]) {
        let old = Dictionary(before.map { (slug($0), $0) }, uniquingKeysWith: { first, _ in first })
        let new = Set(after.map(slug))
        let added = after.filter { old[slug($0)] == nil }.map(entity)
        let removed = before.filter { !new.contains(slug($0)) }.map(entity)
        let changed = after.compactMap { item -> EntityChange? in
            guard let previous = old[slug(item)] else { return nil }
            let differences = changes(fields(previous), fields(item))
            return differences.isEmpty ? nil : EntityChange(slug: slug(item), name: name(item), fields: differences)
        }
        return (added, removed, changed)
    }

    /// The fields whose value differs, matched by name: those of `new` in its order, then those only
    /// `old` has; a field one side lacks is `—` there.
    private static func changes(_ old: [(String, String)], _ new: [(String, String)]) -> [FieldChange] {
        let before = Dictionary(old, uniquingKeysWith: { first, _ in first })
        let names = Set(new.map(\.0))
        return new.compactMap { name, value in
            before[name] == value ? nil : FieldChange(field: name, before: before[name] ?? "—", after: value)
        } + old.filter { !names.contains($0.0) }.map { FieldChange(field: $0.0, before: $0.1, after: "—") }
    }

    private static func warning(_ warning: PortfolioSnapshot.Warning) -> String {
        "\(warning.file): \(warning.message)"
    }
}
