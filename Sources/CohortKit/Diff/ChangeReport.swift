import Foundation

/// How `cohort diff` prints a `ChangeSummary`: Markdown for a pull-request comment, plain text, or JSON.
public enum ChangeReport: String, Sendable, CaseIterable {
    /// The values `cohort diff --format` accepts.
    case markdown, text, json

    /// Said when the reports changed in ways the summary does not list (organisations, the programme's title).
    static let otherChanges = "Other details changed (such as the programme's title or exchange rates): see the diff of output/reports."

    /// The one line printed when nothing the reports show has changed.
    public static let noChanges = "No changes to the programme's reports."

    /// Renders `summary`; `base` names what it was compared with.
    public func render(_ summary: ChangeSummary, base: String) -> String {
        switch self {
        case .json: return Self.json(summary, base: base)
        case .markdown, .text:
            guard !summary.isEmpty else { return Self.noChanges + "\n" }
            return self == .markdown ? Self.markdown(summary, base: base) : Self.text(summary, base: base)
        }
    }

    private static func markdown(_ summary: ChangeSummary, base: String) -> String {
        var lines = ["## Programme changes", "", "Compared with \(ReportText.code(base)).", ""]
        lines += ["| Figure | Before | After | Change |", "| --- | ---: | ---: | ---: |"]
        for figure in summary.totals {
            // A metric's total is named by the metric, which is text from content.
            lines.append("| \(ReportText.cell(figure.name)) | \(figure.before) | \(figure.after) | \(figure.difference ?? (figure.before == figure.after ? "" : "changed")) |")
        }
        lines.append("")
        let groups = [
            ("Companies", summary.companiesAdded, summary.companiesRemoved, summary.companiesChanged),
            ("Agreements", summary.agreementsAdded, summary.agreementsRemoved, summary.agreementsChanged),
            ("Organisations", summary.organizationsAdded, summary.organizationsRemoved, summary.organizationsChanged),
        ]
        for (title, added, removed, changed) in groups {
            lines += section("\(title) added", added.map(markdownEntity))
            lines += section("\(title) removed", removed.map(markdownEntity))
            lines += section("\(title) changed", changed.flatMap(markdownChange))
        }
        lines += section("Addresses that stop working", lost(summary.addressesLost) { address in
            ReportText.code(address.address) + (address.languages.isEmpty ? "" : " (\(address.languages.joined(separator: ", ")))")
                + (address.fix.map { ": " + $0 } ?? "")
        })
        lines += section("Translations", summary.translations.map {
            "\(ReportText.cell($0.name)): \($0.before) → \($0.after) files translated" + ($0.difference.map { " (\($0))" } ?? "")
        })
        lines += section("New warnings", summary.warningsAdded.map { "⚠️ \(ReportText.cell($0))" })
        lines += section("Resolved warnings", summary.warningsResolved.map { ReportText.cell($0) })
        if summary.onlyOtherChanges { lines += [otherChanges, ""] }
        return lines.joined(separator: "\n")
    }

    private static func markdownEntity(_ entity: ChangeSummary.Entity) -> String {
        "**\(ReportText.cell(entity.name))** (\(ReportText.code(entity.slug))): \(ReportText.cell(entity.detail))"
    }

    private static func markdownChange(_ change: ChangeSummary.EntityChange) -> [String] {
        ["**\(ReportText.cell(change.name))** (\(ReportText.code(change.slug)))"]
            + change.fields.map { "  - \($0.field): \(ReportText.cell($0.before)) → \(ReportText.cell($0.after))" }
    }

    /// How many lost addresses a comment lists; `--format json` gives them all.
    static let lostAddressesListed = 50

    /// The first lost addresses, each a line, and a last line saying how many more there are.
    private static func lost(_ addresses: [LostAddress], _ line: (LostAddress) -> String) -> [String] {
        addresses.prefix(lostAddressesListed).map(line)
            + (addresses.count > lostAddressesListed ? ["and \(addresses.count - lostAddressesListed) more (cohort diff --format json lists them all)"] : [])
    }

    private static func section(_ title: String, _ items: [String]) -> [String] {
        items.isEmpty ? [] : ["### \(title)", ""] + items.map { $0.hasPrefix("  ") ? $0 : "- " + $0 } + [""]
    }

    private static func text(_ summary: ChangeSummary, base: String) -> String {
        var lines = ["Programme changes compared with \(base):", ""]
        let width = summary.totals.map { ReportText.line($0.name).count }.max() ?? 0
        for figure in summary.changedTotals {
            let name = ReportText.line(figure.name).padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  \(name)  \(figure.before) -> \(figure.after)\(figure.difference.map { "  (\($0))" } ?? "")")
        }
        if summary.changedTotals.isEmpty { lines.append("  Totals unchanged.") }
        lines.append("")
        let entity = { (sign: String, item: ChangeSummary.Entity) in "  \(sign) \(ReportText.line(item.name)) (\(item.slug)): \(ReportText.line(item.detail))" }
        let change = { (item: ChangeSummary.EntityChange) in
            ["  ~ \(ReportText.line(item.name)) (\(item.slug))"]
                + item.fields.map { "      \($0.field): \(ReportText.line($0.before)) -> \(ReportText.line($0.after))" }
        }
        let groups: [(String, [String])] = [
            ("Companies", summary.companiesAdded.map { entity("+", $0) } + summary.companiesRemoved.map { entity("-", $0) }
                + summary.companiesChanged.flatMap(change)),
            ("Agreements", summary.agreementsAdded.map { entity("+", $0) } + summary.agreementsRemoved.map { entity("-", $0) }
                + summary.agreementsChanged.flatMap(change)),
            ("Organisations", summary.organizationsAdded.map { entity("+", $0) } + summary.organizationsRemoved.map { entity("-", $0) }
                + summary.organizationsChanged.flatMap(change)),
            ("Addresses that stop working", lost(summary.addressesLost) { address in
                "  x \(address.address)" + (address.languages.isEmpty ? "" : " (\(address.languages.joined(separator: ", ")))")
                    + (address.fix.map { ": " + $0.replacingOccurrences(of: "`", with: "") } ?? "")
            }),
            ("Translations", summary.translations.map {
                "  \($0.name): \($0.before) -> \($0.after) files translated" + ($0.difference.map { "  (\($0))" } ?? "")
            }),
            ("New warnings", summary.warningsAdded.map { "  ! " + ReportText.line($0) }),
            ("Resolved warnings", summary.warningsResolved.map { "  - " + ReportText.line($0) }),
        ]
        for (title, items) in groups where !items.isEmpty {
            lines += ["\(title):"] + items + [""]
        }
        if summary.onlyOtherChanges { lines += [otherChanges, ""] }
        return lines.joined(separator: "\n")
    }

    private struct Document: Encodable {
        var base: String
        var changed: Bool
        var summary: ChangeSummary
    }

    private static func json(_ summary: ChangeSummary, base: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(Document(base: base, changed: !summary.isEmpty, summary: summary)) else {
            preconditionFailure("a change summary always encodes")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
