/// A mark: the value of the programme's stake in a company on a day, while it holds one. A company's
/// marks, oldest first, are the history of what its stake was worth.
public struct Valuation: Sendable, Hashable {
    /// The day the value was taken.
    public var asOf: Day
    /// The value, in the currency it was written in.
    public var amount: Located<Money>
    /// How the value was reached, such as `priced round`, when the content says.
    public var basis: String?
}
