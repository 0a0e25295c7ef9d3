/// A free page such as About, from `pages/<slug>.md`.
public struct Page: Sendable, Hashable {
    public var slug: Slug
    public var title: String
    /// Position in the navigation; pages without one follow, by title.
    public var order: Int?
    public var body: Body
    public var source: SourceLocation
}
