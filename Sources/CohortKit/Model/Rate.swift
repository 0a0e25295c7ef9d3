/// An exact positive decimal number, such as an exchange rate `7.8125`: digits and a scale, never a Double.
public struct Rate: Hashable, Sendable, CustomStringConvertible {
    /// The digits as one integer: `78125` for `7.8125`.
    public let significand: Int
    /// How many of those digits are after the point: `4` for `7.8125`.
    public let scale: Int

    /// Parses `12`, `7.8125` or `0.154`.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let significand = Int(parts.joined()), parts.count == 1 || parts[1].count <= 12 else { return nil }
        self.significand = significand
        self.scale = parts.count == 2 ? parts[1].count : 0
    }

    /// Whether the rate is above zero.
    public var isPositive: Bool { significand > 0 }

    /// The rate as a decimal number, such as `7.8125`.
    public var description: String {
        guard scale > 0 else { return String(significand) }
        let digits = String(significand)
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        return padded.dropLast(scale) + "." + padded.suffix(scale)
    }

    /// Converts `money` into `currency` at this rate (one unit of money's currency is worth `rate` units),
    /// rounding half to even to the target's minor unit.
    public func convert(_ money: Money, to currency: Currency) -> Money? {
        // target minor units = source minor units × significand × 10^(target digits − source digits) ÷ 10^scale
        guard var value = Int(exactly: money.minorUnits.multipliedFullWidth(by: significand)) else { return nil }
        var denominator = 1
        for _ in 0..<scale { denominator *= 10 }
        let shift = currency.minorDigits - money.currency.minorDigits
        for _ in 0..<max(0, shift) {
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = next
        }
        for _ in 0..<max(0, -shift) { denominator *= 10 }
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: denominator)
        let twice = remainder * 2
        let roundsUp = twice > denominator || (twice == denominator && quotient % 2 != 0)
        let converted = roundsUp ? quotient + 1 : quotient
        guard converted <= Money.maximumMinorUnits else { return nil }
        return Money(minorUnits: converted, currency: currency)
    }
}

private extension Int {
    init?(exactly wide: (high: Int, low: UInt)) {
        let value = Int(bitPattern: wide.low)
        guard (wide.high == 0 && value >= 0) || (wide.high == -1 && value < 0) else { return nil }
        self = value
    }
}
