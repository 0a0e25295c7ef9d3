/// How the programme left a company: sold, listed, bought back or written off.
public struct Exit: Sendable, Hashable {
    /// The way the programme's stake ended.
    public enum Kind: String, Sendable, CaseIterable {
        /// As written in the `kind` field.
        case acquisition, ipo, buyback, writeOff = "write-off"
    }

    /// The day of the exit.
    public var date: Located<Day>
    /// How the stake ended.
    public var kind: Kind
    /// The money the programme received; none for a write-off.
    public var proceeds: Located<Money>?
    /// The organisation that bought the company, by slug.
    public var acquirer: Located<Slug>?
}
