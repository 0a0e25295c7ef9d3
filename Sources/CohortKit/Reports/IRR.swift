import Foundation

/// An annual rate of return such as an IRR, to four decimals of a fraction (`0.2442`, 24.42%), so that
/// every view writes the same number.
public struct AnnualRate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The rate in ten-thousandths: `2442` for 0.2442; `-10000` for a total loss.
    public let tenThousandths: Int

    /// A rate of `tenThousandths` ten-thousandths.
    public init(tenThousandths: Int) {
        self.tenThousandths = tenThousandths
    }

    /// The rate as a fraction with four decimals, for JSON: `0.2442`, `-1`.
    public var decimal: Decimal {
        Decimal(sign: tenThousandths < 0 ? .minus : .plus, exponent: -4, significand: Decimal(tenThousandths.magnitude))
    }

    /// The rate as a percentage with one decimal, rounded half to even: `24.4%`, `-100.0%`.
    public var description: String { percent(decimalSeparator: ".") + "%" }

    /// The percentage's number with one decimal and the given separator, without the sign `%`: `24.4`.
    func percent(decimalSeparator: String) -> String {
        let (quotient, remainder) = tenThousandths.magnitude.quotientAndRemainder(dividingBy: 10)
        let tenths = remainder > 5 || (remainder == 5 && quotient % 2 == 1) ? quotient + 1 : quotient
        return (tenThousandths < 0 && tenths > 0 ? "-" : "") + "\(tenths / 10)\(decimalSeparator)\(tenths % 10)"
    }

    /// Orders rates by size.
    public static func < (lhs: AnnualRate, rhs: AnnualRate) -> Bool { lhs.tenThousandths < rhs.tenThousandths }
}

/// The internal rate of return of dated cash flows as spreadsheets' XIRR computes it: the annual rate
/// `r` at which the flows' present values add up to zero, each flow discounted by `(1 + r)` to the
/// power of its years after the first flow (days ÷ 365).
///
/// Newton's method from 10%, as spreadsheets start, and where it fails to settle, bisection over a
/// bracket where the sum changes sign. Every step is plain IEEE arithmetic in a fixed order, so the
/// result is the same on every machine; it is rounded half to even to four decimals.
enum IRR {
    /// The rate of `flows` (minor units, negative when paid in), or nil when it is not defined: no
    /// money went in, or all flows are on one day, or no rate makes their value zero. Money that went
    /// in with nothing back and nothing held is a total loss, -1.
    static func of(_ flows: [(day: Day, amount: Int)]) -> AnnualRate? {
        guard flows.contains(where: { $0.amount < 0 }) else { return nil }
        guard flows.contains(where: { $0.amount > 0 }) else { return AnnualRate(tenThousandths: -10_000) }
        // Flows of one day are one flow: fewer powers to take, the same sum.
        var byDay: [Int: Double] = [:]
        for flow in flows { byDay[flow.day.number, default: 0] += Double(flow.amount) }
        let days = byDay.keys.sorted()
        guard let first = days.first, days.count > 1 else { return nil }
        let terms = days.map { (years: Double($0 - first) / 365, amount: byDay[$0] ?? 0) }
        guard let rate = newton(terms) ?? bisection(terms), rate.isFinite, rate > -1 else { return nil }
        let scaled = (rate * 10_000).rounded(.toNearestOrEven)
        guard scaled.magnitude < 1e15 else { return nil }
        return AnnualRate(tenThousandths: Int(scaled))
    }

    /// The flows' value at `rate` and its derivative.
    private static func value(_ terms: [(years: Double, amount: Double)], at rate: Double) -> (value: Double, slope: Double) {
        let growth = log1p(rate)
        var value = 0.0, slope = 0.0
        for term in terms {
            let discounted = term.amount * exp(-term.years * growth)
            value += discounted
            slope -= term.years * discounted / (1 + rate)
        }
        return (value, slope)
    }

    /// Newton's method from 0.1; nil when it leaves the rates above -1 or does not settle.
    private static func newton(_ terms: [(years: Double, amount: Double)]) -> Double? {
        var rate = 0.1
        for _ in 0..<100 {
            let (value, slope) = Self.value(terms, at: rate)
            guard slope != 0, value.isFinite, slope.isFinite else { return nil }
            let next = rate - value / slope
            guard next > -1, next.isFinite else { return nil }
            if abs(next - rate) <= 1e-12 * max(1, abs(rate)) { return next }
            rate = next
        }
        return nil
    }

    /// Bisection over the first bracket, from just above -1 upwards, where the value changes sign.
    private static func bisection(_ terms: [(years: Double, amount: Double)]) -> Double? {
        var low = -0.999_999_999
        var lowValue = value(terms, at: low).value
        var high = 0.0
        // Brackets of doubling width: -1 to 0, 0 to 1, 1 to 3, ... up to a millionfold a year.
        var step = 1.0
        while high <= 1e6 {
            let highValue = value(terms, at: high).value
            guard lowValue.isFinite, highValue.isFinite else { return nil }
            if lowValue == 0 { return low }
            if (lowValue < 0) != (highValue < 0) || highValue == 0 {
                for _ in 0..<200 {
                    let middle = low + (high - low) / 2
                    guard middle > low, middle < high else { break }
                    let middleValue = value(terms, at: middle).value
                    if (middleValue < 0) == (lowValue < 0) {
                        (low, lowValue) = (middle, middleValue)
                    } else {
                        high = middle
                    }
                }
                return low + (high - low) / 2
            }
            (low, lowValue) = (high, highValue)
            high += step
            step *= 2
        }
        return nil
    }
}
