/// A dated announcement, from `news/<slug>.md`.
public struct NewsItem: Sendable, Hashable {
    public var slug: Slug
    public var title: String
    public var date: Day
    /// Slugs of the entities the item is about.
    public var about: [Located<Slug>]
    public var body: Body
    public var source: SourceLocation
}
