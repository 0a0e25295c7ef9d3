/// The latest fair value of the programme's stake in a company that it still holds.
public struct Valuation: Sendable, Hashable {
    /// The day the value was taken.
    public var asOf: Day
    /// The value, in the currency it was written in.
    public var amount: Located<Money>
}
