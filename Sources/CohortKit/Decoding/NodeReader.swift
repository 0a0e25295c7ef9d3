/// Reads typed values out of a YAML node tree, reporting every problem at the node's own line and column.
///
/// Cohort decodes from a `YAMLNode` tree rather than through `Codable` so that type errors, unknown
/// fields and bad values are located, and so that YAML 1.1 surprises (`NO` read as false, dates read as
/// timestamps) cannot happen: a scalar is only ever read as the type its field declares.
final class NodeReader {
    /// The file being read.
    let file: SourceFile
    /// The file line on which the YAML text starts.
    let firstLine: Int
    /// The programme's currency, which a bare number takes.
    let defaultCurrency: Currency?
    /// The problems found so far.
    private(set) var diagnostics: [Diagnostic] = []

    init(file: SourceFile, firstLine: Int, defaultCurrency: Currency?) {
        self.file = file
        self.firstLine = firstLine
        self.defaultCurrency = defaultCurrency
    }

    // MARK: - Parsing

    /// Parses `yaml` into a node tree; an empty document gives an empty mapping.
    func compose(_ yaml: String) -> YAMLNode? {
        switch YAMLComposer.compose(yaml) {
        case .success(let root):
            return root ?? .mapping(YAMLNode.Mapping(pairs: [], mark: YAMLNode.Mark(line: 1, column: 1)))
        case .failure(.malformed(let problem, let mark, let context)):
            let detail = context.map { context in
                let start = location(context.mark)
                return " \(context.text) that starts at line \(start.line), column \(start.column)"
            } ?? ""
            diagnostics.append(.error(at: location(mark), "malformed YAML: \(problem)\(detail)"))
        case .failure(.duplicateKeys(let keys)):
            for (key, mark) in keys {
                diagnostics.append(.error(at: location(mark), "duplicate field '\(key)'", hint: "each field may appear once; remove the repeated one"))
            }
        case .failure(.unreadable(let problem)):
            diagnostics.append(.error(at: file.location(line: firstLine, column: 1), "malformed YAML: \(problem)"))
        }
        return nil
    }

    // MARK: - Locations and problems

    /// The file location of a YAML mark.
    func location(_ mark: YAMLNode.Mark) -> SourceLocation {
        file.location(line: mark.line + firstLine - 1, column: mark.column)
    }

    /// The file location of a node.
    func location(_ node: YAMLNode) -> SourceLocation { location(node.mark) }

    /// Records an error at `location`.
    func error(at location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(at: location, message, hint: hint))
    }

    /// Records a warning at `location`.
    func warning(at location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(.warning(at: location, message, hint: hint))
    }

    /// Records an error at `node`.
    func error(_ node: YAMLNode, _ message: String, hint: String? = nil) {
        error(at: location(node), message, hint: hint)
    }

    // MARK: - Structures

    /// The fields of a mapping node whose fields are `declared` (whether each is required comes from
    /// there), and `also` these optional ones, named only when the content is read (a programme's
    /// metrics, the text a translation may set); any other key is reported with a suggestion.
    func fields(_ node: YAMLNode, declared: [SchemaField], also: [String] = []) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(node, "expected fields (key: value pairs), found \(node.kindDescription)")
            return nil
        }
        var entries = [String: (key: YAMLNode, value: YAMLNode)](minimumCapacity: mapping.pairs.count)
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error(key, "a field name must be text, found \(key.kindDescription)")
                continue
            }
            guard declared.contains(where: { $0.name == scalar.string }) || also.contains(scalar.string) else {
                let known = declared.map(\.name) + also
                error(key, "unknown field '\(scalar.string)'",
                      hint: Suggestion.hint(for: scalar.string, among: known)
                        ?? "known fields: \(known.joined(separator: ", "))")
                continue
            }
            entries[scalar.string] = (key, value)
        }
        return Fields(reader: self, node: node, entries: entries, declared: declared, also: also)
    }

    /// The items of a sequence node.
    func list(_ node: YAMLNode) -> [YAMLNode]? {
        guard case .sequence(let sequence) = node else {
            error(node, "expected a list, found \(node.kindDescription)", hint: "write one '- item' per line")
            return nil
        }
        return sequence.items
    }

    /// Reads each item of a list with `read`, keeping the ones that read.
    func list<T>(_ node: YAMLNode, _ read: (YAMLNode) -> T?) -> [T]? {
        list(node).map { $0.compactMap(read) }
    }

    // MARK: - Scalars

    /// Text, from any scalar, without control characters other than tabs and line breaks (YAML's
    /// escapes such as `"\e"` can write them; a terminal or a spreadsheet showing a name could act on
    /// them).
    func string(_ node: YAMLNode) -> String? {
        guard case .scalar(let scalar) = node else {
            error(node, "expected text, found \(node.kindDescription)")
            return nil
        }
        if Self.mayHoldControl(scalar.string), let control = scalar.string.unicodeScalars.first(where: Self.isForbiddenControl) {
            let code = String(control.value, radix: 16, uppercase: true)
            error(node, "text cannot hold the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)",
                  hint: "remove the escape that writes it")
            return nil
        }
        return scalar.string
    }

    /// Whether `text` has a byte of a C0 control other than tab and line breaks, DEL, or the lead byte
    /// of a C1 control: a quick test before looking at its characters.
    private static func mayHoldControl(_ text: String) -> Bool {
        text.utf8.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xC2 }
    }

    private static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// Text that is not empty.
    func nonEmptyString(_ node: YAMLNode) -> String? {
        guard let text = string(node) else { return nil }
        guard !text.trimsToEmpty else {
            error(node, "expected text, found an empty value")
            return nil
        }
        return text
    }

    /// Text that is not empty, with its location.
    func locatedText(_ node: YAMLNode) -> Located<String>? {
        nonEmptyString(node).map { Located($0, at: location(node)) }
    }

    /// A whole number written plainly, such as `10`.
    func int(_ node: YAMLNode) -> Int? {
        guard let text = plainScalar(node, expected: "a whole number"),
              !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int(text) else {
            if case .scalar = node { error(node, "expected a whole number, found '\(node.scalarText)'") }
            return nil
        }
        return value
    }

    /// A whole number written plainly, from `range`: digits outside it, however many, are an error
    /// that names the range.
    func int(_ node: YAMLNode, in range: ClosedRange<Int>) -> Int? {
        let text = node.scalarText
        guard !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return int(node) }
        guard let value = Int(text), range.contains(value) else {
            error(node, "expected a whole number from \(range.lowerBound) to \(range.upperBound), found '\(text)'")
            return nil
        }
        return value
    }

    /// `true` or `false`, and nothing else: YAML 1.1's `yes`, `no`, `on` and `off` are errors.
    func bool(_ node: YAMLNode) -> Bool? {
        switch plainScalar(node, expected: "true or false") {
        case "true": return true
        case "false": return false
        case nil: return nil
        case let other?:
            error(node, "expected true or false, found '\(other)'")
            return nil
        }
    }

    /// A calendar date `YYYY-MM-DD`.
    func day(_ node: YAMLNode) -> Day? {
        guard let text = string(node) else { return nil }
        guard let day = Day(iso: text) else {
            error(node, "invalid date '\(text)'", hint: "write a real calendar date as YYYY-MM-DD, for example 2011-10-10")
            return nil
        }
        return isAccepted(year: day.year, of: "date \(text)", at: node) ? day : nil
    }

    /// Whether `year` is one of `Day.acceptedYears`; if not, an error at `node` naming what has it
    /// (`date 0999-05-15`, `period 0999-Q2`).
    func isAccepted(year: Int, of what: String, at node: YAMLNode) -> Bool {
        guard !Day.acceptedYears.contains(year) else { return true }
        error(node, "the \(what) is outside the years Cohort accepts, \(Day.acceptedYears.lowerBound) to \(Day.acceptedYears.upperBound)",
              hint: "check the year")
        return false
    }

    /// A slug, with its location.
    func slug(_ node: YAMLNode) -> Located<Slug>? {
        guard let text = string(node) else { return nil }
        guard let slug = Slug(text) else {
            error(node, "invalid slug '\(text)'", hint: "a slug uses lower-case letters, digits and '-', and starts with a letter or digit")
            return nil
        }
        return Located(slug, at: location(node))
    }

    /// A currency code such as `USD`.
    func currency(_ node: YAMLNode) -> Currency? {
        guard let text = string(node) else { return nil }
        guard let currency = Currency(text) else {
            error(node, "invalid currency '\(text)'", hint: "write an ISO 4217 code in capitals, such as USD, EUR or CNY")
            return nil
        }
        return currency
    }

    /// One of the raw values of `T`, with a suggestion when it is misspelt.
    func choice<T: CaseIterable & RawRepresentable>(_ node: YAMLNode, _ type: T.Type, what: String) -> T?
    where T.RawValue == String {
        guard let text = string(node) else { return nil }
        if let value = T(rawValue: text) { return value }
        let options = T.allCases.map(\.rawValue)
        error(node, "unknown \(what) '\(text)'",
              hint: Suggestion.hint(for: text, among: options) ?? "expected one of: \(options.joined(separator: ", "))")
        return nil
    }

    /// Money: a map `{amount, currency}`, a short text such as `$1m`, or a bare number in the programme's currency.
    func money(_ node: YAMLNode) -> Money? {
        if case .mapping = node {
            guard let fields = fields(node, declared: ContentSchema.moneyMap),
                  let amount = fields.value("amount") else { return nil }
            return money(amount: amount, currency: fields.node("currency"))
        }
        return money(amount: node, currency: nil)
    }

    /// Money from an amount node and an optional separate currency node.
    func money(amount: YAMLNode, currency currencyNode: YAMLNode?) -> Money? {
        guard let text = string(amount) else { return nil }
        var currency = defaultCurrency
        if let currencyNode {
            guard let declared = self.currency(currencyNode) else { return nil }
            currency = declared
        }
        switch MoneyText.parse(text, defaultCurrency: currency) {
        case .success(let money):
            if let currencyNode, let currency, money.currency != currency {
                error(currencyNode, "currency \(currency.code) contradicts the amount '\(text)', which is in \(money.currency.code)",
                      hint: "keep one currency: drop this field or change the amount")
                return nil
            }
            return money
        case .failure(let problem):
            error(amount, problem.message, hint: problem.hint)
            return nil
        }
    }

    /// A decimal number such as `7.8125`, kept as text so no precision is lost.
    func decimal(_ node: YAMLNode) -> Rate? {
        guard let text = plainScalar(node, expected: "a number") else { return nil }
        guard let rate = Rate(text), rate.isPositive else {
            error(node, "expected a positive number such as 6.5, found '\(text)'")
            return nil
        }
        return rate
    }

    private func plainScalar(_ node: YAMLNode, expected: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(node, "expected \(expected), found \(node.kindDescription)")
            return nil
        }
        return scalar.string
    }
}
