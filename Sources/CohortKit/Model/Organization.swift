/// A fund, government, university or other partner, from `organizations/<slug>.md`.
public struct Organization: Sendable, Hashable {
    /// What kind of body an organisation is.
    public enum Kind: String, Sendable, CaseIterable {
        /// As written in the `kind` field.
        case fund, government, university, techTransfer = "tech-transfer", corporate, other
    }

    /// The file name without `.md`, which identifies the organisation.
    public var slug: Slug
    /// The organisation's name as shown on the site.
    public var name: String
    /// What kind of body it is, such as a fund or a government.
    public var kind: Kind
    /// ISO 3166 alpha-2.
    public var country: String?
    /// Its website, an http(s) address.
    public var website: String?
    /// Its logo, as written: a file under `static/`.
    public var logo: Located<String>?
    /// People named on its page, in the order written.
    public var people: [Person]
    /// The Markdown after the front matter, describing the organisation.
    public var body: Body
    /// The start of the organisation's file.
    public var source: SourceLocation
    /// Earlier addresses of its page, as site paths (`companies/alpha-farms.html`,
    /// `old/about/index.html`): each is kept as a page that sends readers on (see `aliases:` in
    /// docs/content-format.md).
    public var aliases: [Located<String>] = []
}

/// Someone named on an organisation's page.
public struct Person: Sendable, Hashable {
    /// The person's name as shown on the page.
    public var name: String
    /// Their position at the organisation, such as Mayor.
    public var role: String?
}
