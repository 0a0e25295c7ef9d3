/// An exact amount of money: an integer count of the currency's minor units, never a floating-point number.
public struct Money: Hashable, Sendable {
    /// The amount in minor units (cents for USD).
    public var minorUnits: Int
    /// The currency.
    public var currency: Currency

    /// The largest amount Cohort reads: 10^15 minor units (USD 10,000,000,000,000). Totals of many such
    /// amounts still fit in 64 bits, and they saturate rather than overflow.
    public static let maximumMinorUnits = 1_000_000_000_000_000

    /// Creates an amount from minor units.
    public init(minorUnits: Int, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Creates an amount from whole major units (dollars for USD).
    public init?(major: Int, currency: Currency) {
        let (product, overflow) = major.multipliedReportingOverflow(by: currency.minorUnitsPerMajor)
        guard !overflow else { return nil }
        self.init(minorUnits: product, currency: currency)
    }

    /// The amount as a plain decimal string without separators, such as `1000000` or `1250.50`:
    /// the form for CSV and JSON.
    public var plainAmount: String {
        let parts = plainParts
        return (parts.negative ? "-" : "") + parts.whole + (parts.fraction.map { "." + $0 } ?? "")
    }

    /// The parts of `plainAmount`: whether it is below zero, the digits of the whole units, and those
    /// of the minor units (padded: `50` of `1250.50`) when there are any. Every way of writing an
    /// amount starts from them, without cutting a plain amount up again.
    var plainParts: (negative: Bool, whole: String, fraction: String?) {
        let digits = currency.minorDigits
        let magnitude = minorUnits.magnitude
        guard digits > 0 else { return (minorUnits < 0, String(magnitude), nil) }
        let unit = UInt(currency.minorUnitsPerMajor)
        let whole = String(magnitude / unit)
        guard magnitude % unit != 0 else { return (minorUnits < 0, whole, nil) }
        let fraction = String(magnitude % unit)
        return (minorUnits < 0, whole, String(repeating: "0", count: digits - fraction.count) + fraction)
    }

    /// The amount for people: the code and thousands separators, such as `USD 1,000,000`, or
    /// `-USD 250,000` below zero. Independent of the machine's locale.
    public var formatted: String { formatted(separator: " ") }

    /// `formatted` with `separator` between the code and the number: a no-break space on pages, so
    /// that an amount never breaks across lines.
    func formatted(separator: String) -> String {
        let parts = plainParts
        return (parts.negative ? "-" : "") + currency.code + separator + Money.grouped(parts.whole) + (parts.fraction.map { "." + $0 } ?? "")
    }

    /// A plain number (`1234567.5`, `-1234`) with a comma before each group of three digits of its whole
    /// part: `1,234,567.5`, `-1,234`. Independent of the machine's locale.
    static func grouped(_ plain: String) -> String {
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? plain.dropFirst() : plain[...]
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + DigitGroups.grouped(Array((parts.first ?? "").utf8), separator: [UInt8(ascii: ",")]) + fraction
    }
}

extension Int {
    /// `self + other`, stopping at the largest or smallest `Int` instead of overflowing.
    func saturatingAdding(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }

    /// `self - other`, stopping at the largest or smallest `Int` instead of overflowing.
    func saturatingSubtracting(_ other: Int) -> Int {
        let (difference, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.min : Int.max) : difference
    }
}
