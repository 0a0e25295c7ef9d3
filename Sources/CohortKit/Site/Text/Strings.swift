import Foundation

/// The words of the interface in one language: navigation, headings, labels, status and kind names,
/// "estimated", "not yet translated", and how dates and money are written. They come from string
/// tables (`strings/<language>.yml` of the theme, the programme's laid over the built-in ones key by
/// key); a text missing from a language's table is the default language's.
struct Strings: Sendable {
    let language: Language
    private let texts: [String: String]
    private let dates: DateWriter

    /// The `money` text cut at its names, once: every amount on every page is written with it.
    private let moneyParts: [FormatPart]
    /// Every text with names, cut at them once: pages format some on every page (the feed's title)
    /// or row (`in {place}`).
    private let formats: [String: [FormatPart]]

    init(language: Language, texts: [String: String]) {
        self.language = language
        self.texts = texts
        dates = DateWriter(language: language)
        formats = texts.filter { $0.value.utf8.contains(UInt8(ascii: "{")) }.mapValues(Self.parts)
        let money = StringKey.money.rawValue
        moneyParts = formats[money] ?? Self.parts(of: texts[money] ?? money)
    }

    /// Every text, by key, for templates (`{{t.companies}}`).
    var table: [String: String] { texts }

    /// The text for `key`.
    subscript(_ key: StringKey) -> String { self[key.rawValue] }

    /// The text for a key made from a value (`companies_description`), or the key when no table has it.
    subscript(_ key: String) -> String { texts[key] ?? key }

    /// The text for `key`, when the tables have it.
    func text(_ key: String) -> String? { texts[key] }

    /// Every key of the tables.
    var keys: Dictionary<String, String>.Keys { texts.keys }

    /// The text for `key` with each `{name}` replaced by its value.
    func format(_ key: StringKey, _ values: [(String, String)]) -> String { format(key.rawValue, values) }

    /// As `format(_:_:)`, for a key made from a value.
    func format(_ key: String, _ values: [(String, String)]) -> String {
        if let parts = formats[key] { return Self.fill(parts, values) }
        // A key that no table has is its own text.
        let text = self[key]
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        return Self.fill(Self.parts(of: text), values)
    }

    /// The `{name}`s of `text`, in order: the values it is written with.
    static func names(in text: String) -> [Substring] {
        parts(of: text).compactMap { part in
            if case .name(let name) = part { return name }
            return nil
        }
    }

    /// A piece of a text with names: as written, or a `{name}`.
    private enum FormatPart: Sendable {
        case text(Substring)
        case name(Substring)
    }

    /// `text` cut at each `{name}`.
    private static func parts(of text: String) -> [FormatPart] {
        var parts: [FormatPart] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { parts.append(.text(rest[..<open])) }
            parts.append(.name(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(rest)) }
        return parts
    }

    /// `parts` with each name replaced by its value; a name without a value stays as written.
    private static func fill(_ parts: [FormatPart], _ values: [(String, String)]) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .name(let name):
                if let value = values.first(where: { $0.0 == name })?.1 { result += value } else { result += "{" + name + "}" }
            }
        }
        return result
    }

    /// A day as this language writes it: `10 October 2011`, `2011年10月10日`, `10 באוקטובר 2011`.
    func date(_ day: Day) -> String { dates.write(day, long: false) }

    /// A day with its weekday: `Monday 10 October 2011`, `2011年10月10日 星期一`.
    func longDate(_ day: Day) -> String { dates.write(day, long: true) }

    /// An amount: the currency's code and the amount grouped as this language groups numbers, in the
    /// order of the `money` text (`USD 1,000,000`; in Hebrew `1,000,000 USD`), joined by a no-break
    /// space in the built-in tables so that an amount never breaks across lines.
    func money(_ money: Money) -> String {
        let parts = money.plainParts
        var amount = dates.group(parts.whole)
        if let fraction = parts.fraction { amount += dates.decimalSeparator + fraction }
        // The sign leads, whichever comes first: -USD 250,000, -250,000 USD (as the reports write it).
        return (parts.negative ? "-" : "") + Self.fill(moneyParts, [("code", money.currency.code), ("amount", amount)])
    }

    /// A country's name in this language (`Israel`, `以色列`, `ישראל` for `IL`): the string table's
    /// `country_<code>` when it has one, else the name the toolchain's CLDR data gives.
    func country(_ code: String) -> String {
        texts["country_" + code] ?? dates.countryName(code)
    }

    /// A ratio with two decimals, as this language writes decimals: `2.03`.
    func decimal(_ ratio: Ratio) -> String {
        let text = ratio.description
        guard let point = text.firstIndex(of: ".") else { return text }
        return dates.group(String(text[..<point])) + dates.decimalSeparator + text[text.index(after: point)...]
    }

    /// A plain number (`1234.5`, `-3`) grouped and with the decimal separator of this language.
    func number(_ plain: String) -> String {
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? plain.dropFirst() : plain[...]
        let point = unsigned.firstIndex(of: ".") ?? unsigned.endIndex
        let whole = dates.group(String(unsigned[..<point]))
        let fraction = point < unsigned.endIndex ? dates.decimalSeparator + unsigned[unsigned.index(after: point)...] : ""
        return (negative ? "-" : "") + whole + fraction
    }

    /// A metric's value as this language writes it: `1,234`, `35.5%`, `USD 800,000` (money as written).
    func metric(_ value: MetricValue, _ kind: Metric.Kind) -> String {
        switch value {
        case .count, .number: kind == .percent ? format(.percent, [("value", number(value.plain))]) : number(value.plain)
        case .money(let money): self.money(money)
        }
    }

    /// The text of a value's label (`Labelled`).
    func label<Value: Labelled>(_ value: Value) -> String { self[Value.labelKey(value)] }

    /// An annual rate as a percentage with one decimal, from the `percent` text: `24.4%`, `-100.0%`.
    func percent(_ rate: AnnualRate) -> String {
        format(.percent, [("value", rate.percent(decimalSeparator: dates.decimalSeparator))])
    }

    /// A span of days in years with one decimal (365.25 days a year, half to even), from the `years`
    /// text: `2.5 years`.
    func years(_ days: Int) -> String {
        // Tenths of a year: days × 10 ÷ 365.25 = days × 40 ÷ 1,461.
        let (quotient, remainder) = max(0, days).multipliedReportingOverflow(by: 40).partialValue.quotientAndRemainder(dividingBy: 1_461)
        let tenths = remainder * 2 > 1_461 || (remainder * 2 == 1_461 && quotient % 2 == 1) ? quotient + 1 : quotient
        return format(.years, [("value", dates.group(String(tenths / 10)) + dates.decimalSeparator + String(tenths % 10))])
    }
}

/// Writes days, numbers and country names for one language with the toolchain's ICU, so that they
/// are the same on every machine whatever its own locale. English keeps Cohort's own form of days
/// (`10 October 2011`).
final class DateWriter: @unchecked Sendable {
    private let language: Language
    /// Whether days are written in Cohort's own English form.
    private let english: Bool
    private let lock = NSLock()
    private var written: [Day: [String]] = [:]
    private var countries: [String: String] = [:]
    private let medium: DateFormatter
    private let long: DateFormatter
    private let numbers: NumberFormatter
    let decimalSeparator: String
    /// The separator between groups of three digits, when the language groups that way for every
    /// number (`,` in English); nil when the formatter must group (another size, or none for four digits).
    private let groupSeparator: [UInt8]?

    init(language: Language) {
        self.language = language
        english = language.primary == "en"
        let locale = Locale(identifier: language.code)
        func formatter(_ template: String) -> DateFormatter {
            let formatter = DateFormatter()
            formatter.locale = locale
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.setLocalizedDateFormatFromTemplate(template)
            return formatter
        }
        medium = formatter("dMMMMy")
        long = formatter("EEEEdMMMMy")
        numbers = NumberFormatter()
        numbers.locale = locale
        numbers.numberStyle = .decimal
        numbers.maximumFractionDigits = 0
        decimalSeparator = numbers.decimalSeparator ?? "."
        let separator = numbers.groupingSeparator ?? ","
        let samples = [(1_000, "1\(separator)000"), (1_234_567, "1\(separator)234\(separator)567"), (999, "999")]
        let formatter = numbers
        groupSeparator = samples.allSatisfy { formatter.string(from: NSNumber(value: $0.0)) == $0.1 } ? Array(separator.utf8) : nil
    }

    func write(_ day: Day, long wanted: Bool) -> String {
        if english { return wanted ? day.longDescription : day.mediumDescription }
        return lock.withLock {
            if let known = written[day] { return known[wanted ? 1 : 0] }
            var components = DateComponents()
            (components.year, components.month, components.day) = (day.year, day.month, day.day)
            components.hour = 12
            components.timeZone = TimeZone(identifier: "UTC")
            guard let date = medium.calendar.date(from: components) else { return day.description }
            let forms = [medium.string(from: date), long.string(from: date)]
            written[day] = forms
            return forms[wanted ? 1 : 0]
        }
    }

    /// The name of the country with ISO 3166 code `code`.
    func countryName(_ code: String) -> String {
        if let known = lock.withLock({ countries[code] }) { return known }
        let name = CountryName.name(code, language: language.code)
        lock.withLock { countries[code] = name }
        return name
    }

    /// Digits of a whole number grouped as the language groups them.
    func group(_ digits: String) -> String {
        let bytes = Array(digits.utf8)
        if let separator = groupSeparator, !bytes.isEmpty, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // Most languages group by three: done here, without the formatter and its lock.
            return DigitGroups.grouped(bytes, separator: separator)
        }
        guard let value = Decimal(string: digits) else { return digits }
        return lock.withLock { numbers.string(from: value as NSDecimalNumber) ?? digits }
    }
}
