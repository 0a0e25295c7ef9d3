/// An agreement among organisations and companies, from `agreements/<slug>.md`.
public struct Agreement: Sendable, Hashable {
    /// What an agreement is.
    public enum Kind: String, Sendable, CaseIterable {
        case framework, investment, licence, mou, other
    }

    /// Where an agreement stands.
    public enum Status: String, Sendable, CaseIterable {
        case draft, signed, terminated, expired
    }

    public var slug: Slug
    public var title: String
    public var kind: Kind
    public var status: Status
    /// Slugs of the organisations and companies party to it.
    public var parties: [Located<Slug>]
    public var signed: Day?
    public var place: String?
    public var amount: Located<Money>?
    public var body: Body
    public var source: SourceLocation
}
