/// A dated announcement, from `news/<slug>.md`.
public struct NewsItem: Sendable, Hashable {
    /// The file name without `.md`, which names the item's page.
    public var slug: Slug
    /// The headline.
    public var title: String
    /// The day of the news.
    public var date: Day
    /// Slugs of the entities the item is about.
    public var about: [Located<Slug>]
    /// The Markdown text of the announcement.
    public var body: Body
    /// The start of the item's file.
    public var source: SourceLocation
    /// Earlier addresses of its page, as site paths (`companies/alpha-farms.html`,
    /// `old/about/index.html`): each is kept as a page that sends readers on (see `aliases:` in
    /// docs/content-format.md).
    public var aliases: [Located<String>] = []
}
