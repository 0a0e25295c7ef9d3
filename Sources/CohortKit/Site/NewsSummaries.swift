/// The summary of each news item in one language (the first paragraph of its body, or of its
/// translation's), rendered when a page first shows it and then kept: rendered once, shown on many
/// pages, and not rendered at all for a preview's edit that no page showing it is asked after.
final class NewsSummaries: Sendable {
    /// A summary and the language it is in.
    struct Summary: Sendable {
        var text: String
        var language: Language
    }

    private let portfolio: Portfolio
    private let language: Language
    private let rendered = SharedMemo<Slug, Summary>()

    init(_ portfolio: Portfolio, language: Language) {
        self.portfolio = portfolio
        self.language = language
    }

    /// The summary of `item`, and the language it is in.
    func summary(of item: NewsItem) -> Summary {
        rendered.value(for: item.slug) {
            let translated = portfolio.translatedBody(of: .entity(.news, item.slug), in: language)
            let text = Markdown.render((translated?.body ?? item.body).markdown, allowRawHTML: portfolio.programme.allowRawHTML).summary
            return Summary(text: text, language: translated == nil ? portfolio.programme.language : language)
        }
    }
}
