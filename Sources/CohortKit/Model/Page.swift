/// A free page such as About, from `pages/<slug>.md`.
public struct Page: Sendable, Hashable {
    /// The file name without `.md`, which names the page's address.
    public var slug: Slug
    /// The page's heading and its navigation label.
    public var title: String
    /// Position in the navigation; pages without one follow, by title.
    public var order: Int?
    /// The Markdown content of the page.
    public var body: Body
    /// The start of the page's file.
    public var source: SourceLocation
    /// Earlier addresses of its page, as site paths (`companies/alpha-farms.html`,
    /// `old/about/index.html`): each is kept as a page that sends readers on (see `aliases:` in
    /// docs/content-format.md).
    public var aliases: [Located<String>] = []
}
