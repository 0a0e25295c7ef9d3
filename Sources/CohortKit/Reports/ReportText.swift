/// How the reports write amounts and text, in one place so every format agrees.
enum ReportText {
    /// `USD 4,000,000`, `USD 4,000,000 (estimated)` or `USD 4,000,000 (USD 1,000,000 estimated)`.
    static func total(_ total: Figures.Total) -> String {
        if total.isAllEstimated { return "\(total.amount.formatted) (estimated)" }
        if total.isEstimated { return "\(total.amount.formatted) (\(total.estimated.formatted) estimated)" }
        return total.amount.formatted
    }

    /// Text for a Markdown table cell: one line, with Markdown's special characters escaped.
    static func cell(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "—" }
        var escaped = ""
        for character in text {
            if character.isNewline {
                escaped.append(" ")
                continue
            }
            switch character {
            case "|", "\\", "*", "_", "[", "]", "<", ">", "`", "#": escaped += "\\\(character)"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A day as `2011-10-10`, or a dash.
    static func day(_ day: Day?) -> String { day?.description ?? "—" }
}
