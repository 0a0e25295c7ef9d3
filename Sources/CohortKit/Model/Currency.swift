/// An ISO 4217 currency code such as `USD`, with the number of digits its minor unit has.
public struct Currency: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The three-letter code.
    public let code: String
    /// Digits after the decimal point in this currency's minor unit (ISO 4217).
    public let minorDigits: Int
    /// The code's three letters as one number: what equality and hashing compare, as they are asked
    /// for every amount that is converted or added up.
    private let letters: UInt32

    /// Creates a currency if `code` is three upper-case ASCII letters.
    public init?(_ code: String) {
        guard code.utf8.count == 3, code.utf8.allSatisfy({ (65...90).contains($0) }) else { return nil }
        self.code = code
        letters = code.utf8.reduce(0) { $0 << 8 | UInt32($1) }
        minorDigits = switch code {
        case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF",
             "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF":
            0
        case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
            3
        default:
            2
        }
    }

    public static func == (lhs: Currency, rhs: Currency) -> Bool { lhs.letters == rhs.letters }

    public func hash(into hasher: inout Hasher) { hasher.combine(letters) }

    /// How many minor units make one major unit.
    public var minorUnitsPerMajor: Int {
        (0..<minorDigits).reduce(1) { value, _ in value * 10 }
    }

    /// The code, such as `USD`.
    public var description: String { code }

    /// Orders currencies alphabetically by code.
    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.code < rhs.code }
}
