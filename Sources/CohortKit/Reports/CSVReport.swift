/// `companies.csv` and `agreements.csv`: RFC 4180, a header and one row per entity in a fixed column
/// order, plain numbers without separators so that spreadsheets read them.
enum CSVReport {
    static let companyColumns = [
        "slug", "name", "status", "sector", "country", "focus_area",
        "investment_amount", "investment_currency", "reporting_amount", "reporting_currency", "estimated", "date",
    ]

    static let agreementColumns = ["slug", "title", "kind", "status", "signed", "place", "amount", "currency", "parties"]

    static func companies(_ figures: Figures) -> String {
        table(companyColumns, figures.companies.map { line in
            [
                line.slug, line.name, line.status.rawValue, line.sector ?? "", line.country ?? "", line.focusArea ?? "",
                line.investment?.plainAmount ?? "", line.investment?.currency.code ?? "",
                line.investmentReporting?.plainAmount ?? "", line.investmentReporting == nil ? "" : figures.currency.code,
                line.investment == nil ? "" : String(line.estimated), line.date?.description ?? "",
            ]
        })
    }

    static func agreements(_ figures: Figures) -> String {
        table(agreementColumns, figures.agreements.map { line in
            [
                line.slug, line.title, line.kind.rawValue, line.status.rawValue, line.signed?.description ?? "",
                line.place ?? "", line.amount?.plainAmount ?? "", line.amount?.currency.code ?? "",
                line.partySlugs.joined(separator: ";"),
            ]
        })
    }

    private static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
