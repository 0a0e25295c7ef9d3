/// Money the programme received from a company before or without an exit: a dividend, interest, a
/// loan repaid or part of its stake sold.
public struct Distribution: Sendable, Hashable {
    /// What the money was.
    public enum Kind: String, Sendable, CaseIterable {
        /// As written in the `kind` field.
        case dividend, interest, repayment, partialSale = "partial-sale"
    }

    /// The day the money was received.
    public var date: Day
    /// The money, in the currency it was written in, and where.
    public var amount: Located<Money>
    /// What it was.
    public var kind: Kind
}
