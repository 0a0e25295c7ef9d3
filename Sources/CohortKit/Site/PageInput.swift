import Foundation

/// A part of the portfolio that a page was made from. While a page's values are built, every read of
/// the portfolio is recorded as one of these, so a preview knows exactly which pages a change touches:
/// a page is rendered again when one of its inputs changed, and only then.
enum PageInput: Hashable, Sendable {
    /// The programme file: title, settings, managers, focus areas. Every page reads it.
    case programme
    /// The free pages' titles and order, which make the navigation on every page.
    case navigation
    /// The report figures.
    case figures
    /// The day the figures are as of, which a company's returns are taken on.
    case reportingDate
    /// Which entities a folder holds, and in which order.
    case list(ContentFolder)
    /// Any entity of a folder (organisations, companies, agreements or news): what a page that
    /// shows them all reads, recorded once instead of once per entity.
    case anyOf(ContentFolder)
    /// An organisation, company or agreement, by slug.
    case entity(Slug)
    /// A news item, by slug.
    case newsItem(Slug)
    /// A free page, by slug.
    case page(Slug)
    /// The agreements an organisation or company is party to.
    case agreementsOf(Slug)
    /// The companies an organisation co-invested in or acquired.
    case investmentsBy(Slug)
    /// The news items about an entity.
    case newsAbout(Slug)
    /// Whether the site has a file at this path (a page, an asset, a static file or the rest): what a
    /// link that found it read.
    case sitePath(String)
    /// Which files the site has, all of them: what a broken link's suggestion read.
    case siteFiles
}

/// Collects the inputs of one page while it renders. Each page has its own, used on one thread.
final class InputRecorder: @unchecked Sendable {
    private(set) var inputs: Set<PageInput> = []

    func record(_ input: PageInput) { inputs.insert(input) }
}
