/// `companies.csv`, `investments.csv`, `agreements.csv`, `cash-flows.csv` and `metrics.csv`: RFC 4180 after a UTF-8 byte order mark, a header and one row
/// per entity in a fixed column order. Amounts are plain numbers without separators so that
/// spreadsheets read them as numbers; text from content is made inert for spreadsheets (see `Cell`).
enum CSVReport {
    static let companyColumns = [
        "slug", "name", "status", "sector", "country", "focus_area",
        "investment_amount", "investment_currency", "reporting_amount", "reporting_currency", "estimated", "date",
        "disbursed_amount", "rounds", "exit_kind", "exit_date", "realised_amount", "valuation_amount", "valuation_as_of",
    ]

    static let investmentColumns = [
        "company", "company_name", "status", "date", "kind", "instrument", "amount", "currency", "reporting_amount",
        "reporting_currency", "estimated", "disbursed", "disbursed_date", "agreement", "co_investors", "co_investment_amount",
    ]

    static let agreementColumns = ["slug", "title", "kind", "status", "signed", "place", "amount", "currency", "parties"]

    static let metricColumns = [
        "company", "company_name", "status", "period", "metric", "value", "currency", "reporting_value", "reporting_currency", "estimated",
        "source",
    ]

    static let cashFlowColumns = ["date", "company", "company_name", "kind", "amount", "currency", "reporting_amount", "reporting_currency"]

    /// Written first so that Excel, which otherwise reads a CSV in the system's code page, reads
    /// UTF-8: names such as 松花江膜技术 or מים טובים open as written.
    static let byteOrderMark = "\u{FEFF}"

    /// One cell of a row.
    enum Cell: Equatable {
        /// Text: written as it is unless a spreadsheet would take it for a formula (`neutralized`).
        case text(String)
        /// A number in plain digits (`1000000`, `-2500.50`): written as it is, never neutralised.
        case number(String)
    }

    /// Amounts after `reporting_currency` are in the reporting currency too.
    static func companies(_ figures: Figures) -> String {
        table(companyColumns, figures.companies.map { line in
            let reporting = [line.committed?.amount, line.returns?.realised, line.valuation?.reporting].contains { $0 != nil }
            return [
                .text(line.slug), .text(line.name), .text(line.status.rawValue), .text(line.sector ?? ""),
                .text(line.country ?? ""), .text(line.focusArea ?? ""),
                amount(line.investment), .text(line.investment?.currency.code ?? ""),
                amount(line.committed?.amount), .text(reporting ? figures.currency.code : ""),
                .text(line.investment == nil ? "" : String(line.estimated)), .text(line.date?.description ?? ""),
                amount(line.disbursed), .number(String(line.rounds.count)), .text(line.exit?.kind.rawValue ?? ""),
                .text(line.exit?.date.description ?? ""), amount(line.returns?.realised),
                amount(line.valuation?.reporting), .text(line.valuation?.asOf.description ?? ""),
            ]
        })
    }

    /// One row per round of every company, by date, then company.
    static func investments(_ figures: Figures) -> String {
        table(investmentColumns, figures.rounds.map { round in
            [
                .text(round.company), .text(round.companyName), .text(round.status.rawValue), .text(round.date?.description ?? ""),
                .text(round.kind.rawValue), .text(round.instrument?.rawValue ?? ""), amount(round.amount),
                .text(round.amount.currency.code), amount(round.reporting), .text(round.reporting == nil ? "" : figures.currency.code),
                .text(String(round.estimated)), .text(String(round.disbursed)), .text(round.disbursedOn?.description ?? ""),
                .text(round.agreement ?? ""), .text(round.coInvestors.map(\.slug).joined(separator: ";")), amount(round.coInvestment),
            ]
        })
    }

    static func agreements(_ figures: Figures) -> String {
        table(agreementColumns, figures.agreements.map { line in
            [
                .text(line.slug), .text(line.title), .text(line.kind.rawValue), .text(line.status.rawValue),
                .text(line.signed?.description ?? ""), .text(line.place ?? ""),
                amount(line.amount), .text(line.amount?.currency.code ?? ""),
                .text(line.partySlugs.joined(separator: ";")),
            ]
        })
    }

    /// One row per dated flow of money between the programme and a company, by date, then company:
    /// what the IRR is computed from. `reporting_amount` is signed, negative when paid in, so that a
    /// spreadsheet's XIRR over it and `date` gives the reported IRR.
    static func cashFlows(_ figures: Figures) -> String {
        table(cashFlowColumns, figures.cashFlows.map { flow in
            [
                .text(flow.date.description), .text(flow.company), .text(flow.companyName), .text(flow.kind.rawValue),
                amount(flow.amount), .text(flow.amount.currency.code), amount(flow.reporting), .text(flow.reporting.currency.code),
            ]
        })
    }

    /// One row per company, period and metric with a value, in the order companies and their reports
    /// are: `value` as written (money in its own currency, named in `currency`), `reporting_value` in
    /// the reporting currency for money and the same number otherwise.
    static func metrics(_ figures: Figures) -> String {
        table(metricColumns, figures.outcomes.rows.map { row in
            let money: Money? = if case .money(let money) = row.value { money } else { nil }
            return [
                .text(row.company), .text(row.companyName), .text(row.status.rawValue), .text(row.period.description),
                .text(row.metric.key.rawValue), .number(row.value.plain), .text(money?.currency.code ?? ""),
                .number(row.reporting.plain), .text(money == nil ? "" : figures.currency.code), .text(String(row.estimated)),
                .text(row.source ?? ""),
            ]
        })
    }

    private static func amount(_ money: Money?) -> Cell { money.map { .number($0.plainAmount) } ?? .text("") }

    private static func table(_ header: [String], _ rows: [[Cell]]) -> String {
        // One string, grown in place: the tables have a line per company, round or report.
        var table = byteOrderMark
        for row in [header.map(Cell.text)] + rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { table += "," }
                table += field(cell)
            }
            table += "\r\n"
        }
        return table
    }

    /// A cell as a field: text neutralised, then quoted when it holds a comma, a quote, a semicolon, a
    /// tab or a line break (RFC 4180; the semicolon and the tab because spreadsheets offer them as
    /// separators too).
    static func field(_ cell: Cell) -> String {
        let text: String
        switch cell {
        case .number(let digits): return digits
        case .text(let plain): text = neutralized(plain)
        }
        // All six are ASCII, so their bytes tell: no other character's UTF-8 holds an ASCII byte.
        let quotes = { (byte: UInt8) in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
        guard text.utf8.containsByte(where: quotes) else { return text }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        quoted.reserveCapacity(text.utf8.count + 4)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
            quoted.append(byte)
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }

    /// Text a spreadsheet shows as text, not as a formula (OWASP's advice on CSV injection): an
    /// apostrophe starts text whose first character other than spaces is `=`, `+`, `-`, `@`, a tab or
    /// a carriage return; and goes after a semicolon followed by one, where a spreadsheet that splits
    /// at semicolons regardless of quotes (Excel set to a semicolon list separator) would start a cell.
    static func neutralized(_ text: String) -> String {
        // Most text is empty, or starts with a letter and holds no semicolon: nothing to look at
        // byte by byte.
        guard let first = text.utf8.first else { return text }
        if first != UInt8(ascii: " "), !isTrigger(first), !text.utf8.containsByte(UInt8(ascii: ";")) {
            return text
        }
        // The bytes tell, as every character looked for is ASCII. A cell's leading spaces are held
        // back until its first other character shows whether an apostrophe goes before them.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 4)
        var spaces = 0
        var atCellStart = true
        for byte in text.utf8 {
            if atCellStart {
                if byte == UInt8(ascii: " ") {
                    spaces += 1
                    continue
                }
                if isTrigger(byte) { result.append(UInt8(ascii: "'")) }
                result += repeatElement(UInt8(ascii: " "), count: spaces)
                spaces = 0
                atCellStart = false
            }
            result.append(byte)
            if byte == UInt8(ascii: ";") { atCellStart = true }
        }
        result += repeatElement(UInt8(ascii: " "), count: spaces)
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether a cell starting with `byte` would be read as a formula: `=`, `+`, `-`, `@`, a tab or a
    /// carriage return.
    private static func isTrigger(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): true
        default: false
        }
    }
}
