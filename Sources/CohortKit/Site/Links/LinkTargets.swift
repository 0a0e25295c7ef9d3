/// What a link in a body can point at, gathered once per site: the page of each content file, by its
/// path in the content folder; the files under `static/`; and every file of the site.
struct LinkTargets: Sendable {
    /// The programme, which knows where its content folder is.
    let programme: Programme
    /// The page of each organisation, company, agreement, news item and free page, by the path of its
    /// file in the content folder (`companies/archive/rotec.md`).
    let pages: [String: Route]
    /// Every file of the site, by path.
    let sitePaths: Set<String>
    /// The same, to look up by bytes.
    let pathIndex: SitePathIndex
    /// The files under `static/`, by their path on the site.
    let staticPaths: Set<String>
    /// The list page each entity folder has.
    static let folderPages: [String: Route] = [
        "organizations": .organizations, "companies": .companies, "agreements": .agreements, "news": .news,
    ]

    init(portfolio: Portfolio, sitePaths: Set<String>) {
        self.init(portfolio: portfolio, entityPages: Self.entityPages(portfolio), sitePaths: sitePaths)
    }

    /// Targets whose entity pages, by path in the content folder, are `entityPages` (`entityPages(_:)`
    /// of `portfolio`, made apart so that it can be made beside other work).
    init(portfolio: Portfolio, entityPages: [String: Route], sitePaths: Set<String>) {
        programme = portfolio.programme
        pages = entityPages
        self.sitePaths = sitePaths
        pathIndex = SitePathIndex(sitePaths)
        staticPaths = Set(portfolio.staticFiles.map(\.path))
    }

    /// The route of each entity's page, by the path of its file in the content folder.
    static func entityPages(_ portfolio: Portfolio) -> [String: Route] {
        let programme = portfolio.programme
        var pages: [String: Route] = [:]
        pages.reserveCapacity(portfolio.organizations.count + portfolio.companies.count + portfolio.agreements.count
            + portfolio.news.count + portfolio.pages.count)
        func add(_ source: SourceLocation, _ route: Route) { pages[programme.pathInContent(source.path)] = route }
        for organization in portfolio.organizations { add(organization.source, .organization(organization.slug)) }
        for company in portfolio.companies { add(company.source, .company(company.slug)) }
        for agreement in portfolio.agreements { add(agreement.source, .agreement(agreement.slug)) }
        for item in portfolio.news { add(item.source, .newsItem(item.slug)) }
        for page in portfolio.pages { add(page.source, .page(page.slug)) }
        return pages
    }

    /// The path in the content folder of a file that diagnostics name `path`.
    func contentPath(of path: String) -> String {
        programme.pathInContent(path)
    }
}
