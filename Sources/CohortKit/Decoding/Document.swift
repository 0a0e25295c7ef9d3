/// One decoded content file: the typed value of its kind.
enum Document: Sendable {
    case organization(Organization)
    case company(Company)
    case agreement(Agreement)
    case newsItem(NewsItem)
    case page(Page)
    /// The text of another file in another language.
    case translation(Translation)
}

/// The folders of `content/` that hold one entity per `.md` file.
public enum ContentFolder: String, CaseIterable, Sendable {
    /// One per entity folder; the raw value is the folder's name.
    case organizations, companies, agreements, news, pages
}
