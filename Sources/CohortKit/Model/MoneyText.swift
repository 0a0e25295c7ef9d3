/// Parses the short written forms of money: `USD 1,000,000`, `1,000,000 USD`, `$1m`, `$750k`, `€2.5m`, `1000000`.
enum MoneyText {
    /// Why a text is not an amount of money.
    enum Problem: Error, Equatable {
        case empty
        case ambiguousSymbol(String)
        /// The amount's text, and the currency it is in when that much was read.
        case malformed(String, Currency?)
        case noCurrency
        case tooPrecise(String, Currency)
        case negative
        case tooLarge
    }

    static let symbols: [Character: String] = ["$": "USD", "€": "EUR", "£": "GBP", "₪": "ILS"]
    private static let ambiguousSymbols: Set<Character> = ["¥", "￥", "元", "¢"]
    private static let multipliers: [String: Int] = ["k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000]

    /// Parses `text`; a bare number takes `defaultCurrency`.
    static func parse(_ text: String, defaultCurrency: Currency?) -> Result<Money, Problem> {
        var rest = Substring(text.trimmingWhitespace())
        guard !rest.isEmpty else { return .failure(.empty) }
        if rest.hasPrefix("-") { return .failure(.negative) }
        var code: String?
        if let first = rest.first, let symbolCode = symbols[first] {
            code = symbolCode
            rest = rest.dropFirst().drop(while: { $0 == " " })
        } else if let first = rest.first, ambiguousSymbols.contains(first) {
            return .failure(.ambiguousSymbol(String(first)))
        } else if let prefix = leadingCode(rest) {
            code = prefix
            rest = rest.dropFirst(3).drop(while: { $0 == " " })
        }
        if code == nil, let suffix = trailingCode(rest) {
            code = suffix
            rest = rest.dropLast(3)
            while rest.last == " " { rest = rest.dropLast() }
        }
        guard let currency = code.flatMap(Currency.init) ?? defaultCurrency else { return .failure(.noCurrency) }
        var multiplier = 1
        for (suffix, factor) in multipliers.sorted(by: { $0.key.count > $1.key.count })
        where rest.lowercased().hasSuffix(suffix) {
            multiplier = factor
            rest = rest.dropLast(suffix.count)
            break
        }
        return number(String(rest), times: multiplier, in: currency)
    }

    private static func leadingCode(_ text: Substring) -> String? {
        let prefix = text.prefix(3)
        guard prefix.count == 3, prefix.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
        let after = text.dropFirst(3)
        guard after.first == " " || after.first.map({ $0.isNumber }) == true else { return nil }
        return String(prefix)
    }

    private static func trailingCode(_ text: Substring) -> String? {
        let suffix = text.suffix(3)
        guard suffix.count == 3, suffix.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
        return String(suffix)
    }

    /// Reads `1,000,000`, `1000000`, `1.5` or `1,250.75`: commas only between groups of three, one point.
    private static func number(_ text: String, times multiplier: Int, in currency: Currency) -> Result<Money, Problem> {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholeText = parts.first, !wholeText.isEmpty else { return .failure(.malformed(text, currency)) }
        let groups = wholeText.split(separator: ",", omittingEmptySubsequences: false)
        let digitsOnly = { (part: Substring) in !part.isEmpty && part.utf8.allSatisfy { (48...57).contains($0) } }
        guard groups.allSatisfy(digitsOnly) else { return .failure(.malformed(text, currency)) }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure(.malformed(text, currency))
            }
        }
        let fractionText = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || digitsOnly(fractionText) else { return .failure(.malformed(text, currency)) }
        // Work in minor units: whole * multiplier * unit + fraction scaled.
        let scale = multiplier * currency.minorUnitsPerMajor
        var fractionDigits = Array(fractionText)
        var fractionScale = scale
        var fractionValue = 0
        while let digit = fractionDigits.first {
            guard fractionScale % 10 == 0 else { return .failure(.tooPrecise(text, currency)) }
            fractionScale /= 10
            fractionValue += (digit.wholeNumberValue ?? 0) * fractionScale
            fractionDigits.removeFirst()
        }
        guard let whole = Int(groups.joined()) else { return .failure(.tooLarge) }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: scale)
        let (total, overflow2) = scaled.addingReportingOverflow(fractionValue)
        guard !overflow, !overflow2, total <= Money.maximumMinorUnits else { return .failure(.tooLarge) }
        return .success(Money(minorUnits: total, currency: currency))
    }
}

extension MoneyText.Problem {
    /// The sentence a diagnostic shows.
    var message: String {
        switch self {
        case .empty: "money is empty"
        case .ambiguousSymbol(let symbol): "the currency symbol '\(symbol)' is ambiguous"
        case .malformed(let text, _): "'\(text)' is not an amount"
        case .noCurrency: "amount has no currency and the programme has none to fall back on"
        case .tooPrecise(let text, let currency): "'\(text)' has more decimal places than \(currency.code) has (\(currency.minorDigits))"
        case .negative: "money cannot be negative"
        case .tooLarge: "amount is too large: Cohort reads amounts up to 10,000,000,000,000"
        }
    }

    /// What the user can do, with examples in the amount's currency when it is known.
    var hint: String {
        switch self {
        case .ambiguousSymbol: return "write the ISO 4217 code instead, for example 'CNY 1,000,000' or 'JPY 1,000,000'"
        case .tooPrecise(let text, let currency):
            // `1.005` is most often a thousand and five written with a point between thousands.
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2, parts[1].count == 3, !parts[0].contains(",") {
                return "a point starts the decimals; thousands are separated by commas: write '\(MoneyText.example(parts[0] + "," + parts[1], in: currency))'"
            }
            return "round it to \(currency.minorDigits) decimal places, or write it in a smaller unit"
        case .malformed(_, let currency): return MoneyText.examples(in: currency)
        default: return MoneyText.examples(in: nil)
        }
    }
}

extension MoneyText {
    /// The written forms of money, as examples in `currency` (dollars when it is not known).
    static func examples(in currency: Currency?) -> String {
        let code = currency?.code ?? "USD"
        let symbol = symbols.first { $0.value == code }.map { String($0.key) }
        return "write it as '{amount: 1000000, currency: \(code)}', '\(code) 1,000,000'"
            + (symbol.map { ", '\($0)1m' or '\($0)750k'" } ?? " or '\(code) 1.5m'")
    }

    /// `amount` written in `currency`: with its symbol when it has one (`₪1,005`), else its code.
    static func example(_ amount: some StringProtocol, in currency: Currency) -> String {
        symbols.first { $0.value == currency.code }.map { "\($0.key)\(amount)" } ?? "\(currency.code) \(amount)"
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let text = String(self)
        guard let first = text.utf8.firstIndex(where: { !isSpace($0) }), let last = text.utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[first..<text.utf8.index(after: last)])
    }

    /// Whether `trimmingWhitespace()` would leave nothing: the text is empty or only spaces, tabs and line breaks.
    var trimsToEmpty: Bool {
        utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
