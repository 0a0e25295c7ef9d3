import Foundation

/// One amount divided by another, to two decimal places, such as a multiple of `2.03`: computed from
/// whole minor units and rounded half to even, so it never depends on floating point.
public struct Ratio: Hashable, Sendable, CustomStringConvertible {
    /// The ratio times 100: `203` for `2.03`.
    public let hundredths: Int

    /// `numerator / denominator`, or nil when the denominator is not above zero (or the numerator is
    /// negative): a ratio with nothing to divide by is absent, not zero.
    public init?(_ numerator: Int, over denominator: Int) {
        guard denominator > 0, numerator >= 0 else { return nil }
        let wide = numerator.multipliedFullWidth(by: 100)
        // The quotient fits in an Int only when the high half is below half the divisor.
        guard wide.high < denominator / 2 else {
            hundredths = Int.max
            return
        }
        let (quotient, remainder) = denominator.dividingFullWidth(wide)
        let rest = denominator - remainder
        let roundsUp = remainder > rest || (remainder == rest && quotient % 2 != 0)
        hundredths = roundsUp ? quotient + 1 : quotient
    }

    /// Creates a ratio from hundredths.
    public init(hundredths: Int) {
        self.hundredths = hundredths
    }

    /// Always two decimals: `2.03`, `0.50`, `1.00` (and `-0.08` for a difference of two ratios).
    public var description: String {
        let magnitude = hundredths.magnitude, fraction = magnitude % 100
        return "\(hundredths < 0 ? "-" : "")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The ratio as a decimal number, for JSON, where `2.03` is written as a number.
    public var decimal: Decimal {
        Decimal(sign: .plus, exponent: -2, significand: Decimal(hundredths))
    }
}
