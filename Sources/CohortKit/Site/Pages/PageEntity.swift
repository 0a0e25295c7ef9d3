/// A content file with a page of its own: a company, organisation, agreement, news item or free page.
/// What the site needs of each kind: its folder, the template of its page, its body, what reading it
/// records for the preview, where its page is, and the page's values.
protocol PageEntity {
    /// The values of its page.
    associatedtype Page: TemplateObject
    static var folder: ContentFolder { get }
    /// The template that renders its page.
    static var template: String { get }
    var slug: Slug { get }
    var body: Body { get }
    var source: SourceLocation { get }
    /// Earlier addresses of its page, as site paths.
    var aliases: [Located<String>] { get }
    /// What rendering its page records as read, for the preview.
    var input: PageInput { get }
    /// Where its page is, in the default language.
    var route: Route { get }
    /// Its page's values in `context`'s language, with its body rendered.
    func page(in context: SiteContext, at route: Route, body: Markdown.Rendered) -> Page
}

extension Company: PageEntity {
    static var folder: ContentFolder { .companies }
    static var template: String { "company" }
    var input: PageInput { .entity(slug) }
    var route: Route { .company(slug) }
    func page(in context: SiteContext, at route: Route, body: Markdown.Rendered) -> CompanyPage { context.company(self, route, body: body) }
}

extension Organization: PageEntity {
    static var folder: ContentFolder { .organizations }
    static var template: String { "organization" }
    var input: PageInput { .entity(slug) }
    var route: Route { .organization(slug) }
    func page(in context: SiteContext, at route: Route, body: Markdown.Rendered) -> OrganizationPage {
        context.organization(self, route, body: body)
    }
}

extension Agreement: PageEntity {
    static var folder: ContentFolder { .agreements }
    static var template: String { "agreement" }
    var input: PageInput { .entity(slug) }
    var route: Route { .agreement(slug) }
    func page(in context: SiteContext, at route: Route, body: Markdown.Rendered) -> AgreementPage { context.agreement(self, route, body: body) }
}

extension NewsItem: PageEntity {
    static var folder: ContentFolder { .news }
    static var template: String { "news-item" }
    var input: PageInput { .newsItem(slug) }
    var route: Route { .newsItem(slug) }
    func page(in context: SiteContext, at route: Route, body: Markdown.Rendered) -> NewsItemPage { context.newsItem(self, route, body: body) }
}

extension Page: PageEntity {
    static var folder: ContentFolder { .pages }
    static var template: String { "page" }
    var input: PageInput { .page(slug) }
    var route: Route { .page(slug) }
    func page(in context: SiteContext, at route: Route, body: Markdown.Rendered) -> ContentPage { context.page(self, route, body: body) }
}

extension Portfolio {
    /// The kind of entity each folder holds.
    static func entityKind(of folder: ContentFolder) -> any PageEntity.Type {
        switch folder {
        case .companies: Company.self
        case .organizations: Organization.self
        case .agreements: Agreement.self
        case .news: NewsItem.self
        case .pages: Page.self
        }
    }

    /// The entity at `index` of `folder`'s list.
    func entity(_ folder: ContentFolder, _ index: Int) -> any PageEntity {
        switch folder {
        case .companies: companies[index]
        case .organizations: organizations[index]
        case .agreements: agreements[index]
        case .news: news[index]
        case .pages: pages[index]
        }
    }

    /// How many entities `folder`'s list holds.
    func count(of folder: ContentFolder) -> Int {
        switch folder {
        case .companies: companies.count
        case .organizations: organizations.count
        case .agreements: agreements.count
        case .news: news.count
        case .pages: pages.count
        }
    }
}
