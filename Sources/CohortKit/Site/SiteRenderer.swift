/// The render stage for the site: every page of a portfolio through the theme, on all cores.
public enum SiteRenderer {
    /// One page to render: where it goes and which template renders it.
    enum Job: Sendable {
        case home, companies, organizations, agreements, news, notFound
        case company(Int), organization(Int), agreement(Int), newsItem(Int), page(Int)
    }

    /// Renders the whole site: pages, assets, static files, sitemap and feed.
    public static func render(_ portfolio: Portfolio, theme: Theme) -> ([OutputFile], [Diagnostic]) {
        var jobs: [Job] = [.home, .companies, .organizations, .agreements, .news, .notFound]
        jobs += portfolio.organizations.indices.map(Job.organization)
        jobs += portfolio.companies.indices.map(Job.company)
        jobs += portfolio.agreements.indices.map(Job.agreement)
        jobs += portfolio.news.indices.map(Job.newsItem)
        jobs += portfolio.pages.indices.map(Job.page)
        let context = SiteContext(portfolio: portfolio)
        var files = jobs.parallelMap { job in render(job, context: context, theme: theme) }
        let pages = files.map(\.path)
        files += theme.assets
        files += portfolio.staticFiles
        files.append(OutputFile(path: Route.sitemap.path, text: Sitemap.render(pages: pages, baseURL: portfolio.programme.baseURL)))
        files.append(OutputFile(path: Route.feed.path, text: Feed.render(portfolio)))
        return (files, collisions(in: files, portfolio: portfolio))
    }

    private static func render(_ job: Job, context: SiteContext, theme: Theme) -> OutputFile {
        let portfolio = context.portfolio
        let (route, template, values): (Route, String, [String: Any]) = switch job {
        case .home: (.home, "home", context.home(.home))
        case .companies: (.companies, "companies", context.companies(.companies))
        case .organizations: (.organizations, "organizations", context.organizations(.organizations))
        case .agreements: (.agreements, "agreements", context.agreements(.agreements))
        case .news: (.news, "news", context.news(.news))
        case .notFound: (.notFound, "404", context.notFound())
        case .company(let index):
            routed(.company(portfolio.companies[index].slug), "company") { context.company(portfolio.companies[index], $0) }
        case .organization(let index):
            routed(.organization(portfolio.organizations[index].slug), "organization") {
                context.organization(portfolio.organizations[index], $0)
            }
        case .agreement(let index):
            routed(.agreement(portfolio.agreements[index].slug), "agreement") { context.agreement(portfolio.agreements[index], $0) }
        case .newsItem(let index):
            routed(.newsItem(portfolio.news[index].slug), "news-item") { context.newsItem(portfolio.news[index], $0) }
        case .page(let index):
            routed(.page(portfolio.pages[index].slug), "page") { context.page(portfolio.pages[index], $0) }
        }
        return OutputFile(path: route.path, text: theme.render(values, with: template))
    }

    private static func routed(_ route: Route, _ template: String, _ values: (Route) -> [String: Any]) -> (Route, String, [String: Any]) {
        (route, template, values(route))
    }

    /// A static file or page that would overwrite another output is an error at its source.
    private static func collisions(in files: [OutputFile], portfolio: Portfolio) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in portfolio.pages where Route.reservedNames.contains(page.slug.rawValue) {
            diagnostics.append(.error(at: page.source, "a page cannot be named '\(page.slug)': the site uses \(page.slug).html itself",
                                      hint: "rename the file"))
        }
        var seen: Set<String> = []
        for file in files where !seen.insert(file.path).inserted {
            let location = SourceLocation.file("static/" + file.path)
            diagnostics.append(.error(at: location, "'\(file.path)' would overwrite a file the site already has",
                                      hint: "rename or move the static file"))
        }
        return diagnostics
    }
}
