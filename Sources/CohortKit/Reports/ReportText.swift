/// How the reports write amounts and text, in one place so every format agrees.
enum ReportText {
    /// `USD 4,000,000`, `USD 4,000,000 (estimated)` or `USD 4,000,000 (USD 1,000,000 estimated)`.
    static func total(_ total: Figures.Total) -> String {
        self.total(total.amount.formatted, estimated: total.isEstimated ? total.estimated.formatted : nil, all: total.isAllEstimated)
    }

    /// A total of the diff's snapshots (which keep amounts as written), as `total(_:)` writes one.
    static func total(_ total: PortfolioSnapshot.Total) -> String {
        let estimate = Figures.Total.estimate(total.amount.minorUnits, estimated: total.estimated.minorUnits)
        return self.total(total.amount.formatted, estimated: estimate.any ? total.estimated.formatted : nil, all: estimate.all)
    }

    /// An amount, written, of which `estimated` (written) is an estimate, or `all` of it.
    private static func total(_ amount: String, estimated: String?, all: Bool) -> String {
        guard let estimated else { return amount }
        return all ? self.amount(amount, estimated: true) : "\(amount) (\(estimated) estimated)"
    }

    /// An amount, written, marked when it is an estimate: `USD 500,000 (estimated)`.
    static func amount(_ amount: String, estimated: Bool) -> String { estimated ? amount + " (estimated)" : amount }

    /// Text from content for one line of Markdown, inert wherever the line puts it: in a table cell,
    /// after a list marker, in a heading, on GitHub and in any CommonMark reader. Line breaks become
    /// spaces; Markdown's and GitHub's special characters are escaped, so that no text starts a cell,
    /// a list, a heading, a quote, a link, an image, emphasis, strikethrough, math or HTML; and a zero
    /// width space (`&#8203;`, as Renovate and Dependabot write it) follows `@` and comes between `#`
    /// or `GH-` and a number, so that `@someone`, `@org/team`, `me@example.org`, `#12` and `GH-12`
    /// mention, link or reference nothing. Empty text is a dash.
    static func cell(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "—" }
        // Most names need nothing done: printable ASCII, none of the characters below, no space at
        // either end.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) && !isEscapable($0) }), text.utf8.first != 0x20, text.utf8.last != 0x20 {
            return text
        }
        let characters = Array(line(text).drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !characters.isEmpty else { return "—" }
        let isDigit = { (character: Character) in character.isASCII && character.isNumber }
        var escaped = ""
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            // The three characters before, lower-cased, made only where a case below asks.
            var previous: String { characters[..<index].suffix(3).map { $0.lowercased() }.joined() }
            switch character {
            case "\\", "|", "*", "_", "[", "]", "<", ">", "`", "~", "&", "$":
                escaped += "\\\(character)"
            case "#":
                escaped += next?.isNumber == true ? "\\#&#8203;" : "\\#"
            case "@":
                escaped += next.map { $0.isWhitespace } == false ? "@&#8203;" : "@"
            case "-" where previous.hasSuffix("gh") && next?.isNumber == true:
                escaped += "&#8203;-"
            case ":" where next == "/":
                escaped += "\\:"
            case "." where previous == "www":
                escaped += "\\."
            case "-" where index == 0, "+" where index == 0, "=" where index == 0:
                escaped += "\\\(character)"
            case "." where index > 0 && characters[..<index].allSatisfy(isDigit),
                 ")" where index > 0 && characters[..<index].allSatisfy(isDigit):
                escaped += "\\\(character)"
            default:
                escaped.append(character)
            }
        }
        return escaped
    }

    /// Whether `cell` may escape the ASCII character `byte` or put a zero-width space beside it.
    private static func isEscapable(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "|"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "&"), UInt8(ascii: "$"),
             UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "+"),
             UInt8(ascii: "="), UInt8(ascii: ")"): true
        default: false
        }
    }

    /// Text for one line of plain text: line breaks and tabs become spaces, so that a name cannot
    /// move a terminal's cursor or break a line of a report.
    static func line(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        return String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    /// Text as a Markdown code span, fenced with more backticks than it holds in a row.
    static func code(_ text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + padding + text + padding + fence
    }

    /// A ratio such as a multiple as `2.03x`, or a dash when it is absent.
    static func ratio(_ ratio: Ratio?) -> String { ratio.map { "\($0)x" } ?? "—" }

    /// An annual rate such as an IRR as `24.4%`, or a dash when it is absent.
    static func rate(_ rate: AnnualRate?) -> String { rate?.description ?? "—" }

    /// The sentence under the headline: the day the figures are as of, and how many companies are held
    /// at cost.
    static func asOfNote(_ figures: Figures) -> String {
        let date = figures.reportingDate.map { "Figures as of \($0)." } ?? "The content names no date."
        let count = figures.returns.heldAtCost
        let atCost = count == 0 ? "" : count == 1 ? " 1 company is held at cost: it has no mark yet." : " \(count) companies are held at cost: they have no mark yet."
        return date + atCost
    }

    /// A change of a metric with its sign: `+14`, `-2`, `+USD 930,000`, `0`.
    static func change(_ value: MetricValue, _ kind: Metric.Kind) -> String {
        (value.sign > 0 ? "+" : "") + value.text(kind)
    }

    /// A day as `2011-10-10`, or a dash.
    static func day(_ day: Day?) -> String { day?.description ?? "—" }
}
