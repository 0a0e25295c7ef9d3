/// A fund, government, university or other partner, from `organizations/<slug>.md`.
public struct Organization: Sendable, Hashable {
    /// What kind of body an organisation is.
    public enum Kind: String, Sendable, CaseIterable {
        case fund, government, university, techTransfer = "tech-transfer", corporate, other
    }

    public var slug: Slug
    public var name: String
    public var kind: Kind
    /// ISO 3166 alpha-2.
    public var country: String?
    public var website: String?
    public var people: [Person]
    public var body: Body
    public var source: SourceLocation
}

/// Someone named on an organisation's page.
public struct Person: Sendable, Hashable {
    public var name: String
    public var role: String?
}
