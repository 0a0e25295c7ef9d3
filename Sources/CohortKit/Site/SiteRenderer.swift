import Foundation

/// The render stage for the site: every page of a portfolio through the theme, on all cores.
public enum SiteRenderer {
    /// One page to render: where it goes and which template renders it.
    enum Job: Sendable {
        case home, companies, organizations, agreements, news, reports, notFound
        case company(Int), organization(Int), agreement(Int), newsItem(Int), page(Int)
    }

    /// Renders the whole site (pages, assets, charts, static files, sitemap and feed) and hands each file
    /// to `emit` as soon as it is ready, from any thread, so the write stage can run alongside. Nothing
    /// is emitted when two outputs would collide.
    public static func render(_ portfolio: Portfolio, figures: Figures, theme: Theme,
                              emit: @Sendable (OutputFile) -> Void) -> [Diagnostic] {
        var jobs: [Job] = [.home, .companies, .organizations, .agreements, .news, .reports, .notFound]
        jobs += portfolio.organizations.indices.map(Job.organization)
        jobs += portfolio.companies.indices.map(Job.company)
        jobs += portfolio.agreements.indices.map(Job.agreement)
        jobs += portfolio.news.indices.map(Job.newsItem)
        jobs += portfolio.pages.indices.map(Job.page)
        let pages = jobs.map { route(of: $0, in: portfolio).path }
        var others = theme.assets
        others += Charts.all(figures).map { OutputFile(path: "reports/" + $0.name, text: $0.svg) }
        others += portfolio.staticFiles
        others.append(OutputFile(path: Route.sitemap.path, text: Sitemap.render(pages: pages, baseURL: portfolio.programme.baseURL)))
        others.append(OutputFile(path: Route.feed.path, text: Feed.render(portfolio)))
        let diagnostics = collisions(among: pages + others.map(\.path), portfolio: portfolio)
        guard !diagnostics.hasErrors else { return diagnostics }
        others.forEach(emit)
        let context = SiteContext(portfolio: portfolio, figures: figures)
        let problems = jobs.parallelMap { job -> [Diagnostic] in
            let rendered = render(job, context: context, theme: theme)
            emit(rendered.file)
            return rendered.diagnostics
        }
        return diagnostics + problems.flatMap { $0 }
    }

    /// Renders the whole site into memory, sorted by path.
    public static func render(_ portfolio: Portfolio, figures: Figures, theme: Theme) -> ([OutputFile], [Diagnostic]) {
        let collector = Collector()
        let diagnostics = render(portfolio, figures: figures, theme: theme, emit: collector.add)
        return (collector.files.sorted { $0.path < $1.path }, diagnostics)
    }

    /// Where a job's page goes.
    private static func route(of job: Job, in portfolio: Portfolio) -> Route {
        switch job {
        case .home: .home
        case .companies: .companies
        case .organizations: .organizations
        case .agreements: .agreements
        case .news: .news
        case .reports: .reports
        case .notFound: .notFound
        case .company(let index): .company(portfolio.companies[index].slug)
        case .organization(let index): .organization(portfolio.organizations[index].slug)
        case .agreement(let index): .agreement(portfolio.agreements[index].slug)
        case .newsItem(let index): .newsItem(portfolio.news[index].slug)
        case .page(let index): .page(portfolio.pages[index].slug)
        }
    }

    private static func render(_ job: Job, context: SiteContext, theme: Theme) -> (file: OutputFile, diagnostics: [Diagnostic]) {
        let portfolio = context.portfolio
        var diagnostics: [Diagnostic] = []
        /// Renders a body, resolving its links to content files and reporting the broken ones.
        func body(_ body: Body, in folder: ContentFolder, source: SourceLocation, on route: Route) -> Markdown.Rendered {
            let links = ContentLinks(portfolio: portfolio)
            let rendered = Markdown.render(body.markdown, allowRawHTML: portfolio.programme.allowRawHTML) {
                links.resolve($0, writtenIn: folder, on: route)
            }
            for link in rendered.brokenLinks {
                let position = body.position(of: link.destination, near: link.line) ?? (link.line, link.column)
                let location = SourceLocation(path: source.path, line: body.firstLine + position.line - 1, column: position.column)
                diagnostics.append(.error(at: location, "broken link to '\(link.destination)': no such content file",
                                          hint: "link to another file by its path, for example '../companies/rotec.md'"))
            }
            return rendered
        }
        let route = route(of: job, in: portfolio)
        let (template, values): (String, [String: Any])
        switch job {
        case .home: (template, values) = ("home", context.home(route))
        case .companies: (template, values) = ("companies", context.companies(route))
        case .organizations: (template, values) = ("organizations", context.organizations(route))
        case .agreements: (template, values) = ("agreements", context.agreements(route))
        case .news: (template, values) = ("news", context.news(route))
        case .reports: (template, values) = ("reports", context.reports(route))
        case .notFound: (template, values) = ("404", context.notFound())
        case .company(let index):
            let company = portfolio.companies[index]
            (template, values) = ("company", context.company(company, route, body: body(company.body, in: .companies, source: company.source, on: route)))
        case .organization(let index):
            let organization = portfolio.organizations[index]
            let rendered = body(organization.body, in: .organizations, source: organization.source, on: route)
            (template, values) = ("organization", context.organization(organization, route, body: rendered))
        case .agreement(let index):
            let agreement = portfolio.agreements[index]
            (template, values) = ("agreement", context.agreement(agreement, route, body: body(agreement.body, in: .agreements, source: agreement.source, on: route)))
        case .newsItem(let index):
            let item = portfolio.news[index]
            (template, values) = ("news-item", context.newsItem(item, route, body: body(item.body, in: .news, source: item.source, on: route)))
        case .page(let index):
            let page = portfolio.pages[index]
            (template, values) = ("page", context.page(page, route, body: body(page.body, in: .pages, source: page.source, on: route)))
        }
        return (OutputFile(path: route.path, text: theme.render(values, with: template)), diagnostics)
    }

    /// The folders a path lies in: `a/b/c.html` gives `a` and `a/b`.
    private static func folders(of path: String) -> [String] {
        let components = path.split(separator: "/").dropLast()
        return components.indices.map { components[...$0].joined(separator: "/") }
    }

    /// A page or static file that would overwrite another output is an error at its source.
    private static func collisions(among paths: [String], portfolio: Portfolio) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in portfolio.pages where Route.reservedNames.contains(page.slug.rawValue) {
            diagnostics.append(.error(at: page.source, "a page cannot be named '\(page.slug)': the site uses \(page.slug).html itself",
                                      hint: "rename the file"))
        }
        // Static files are among `paths` too, so one that collides is counted twice; a static file
        // also collides where the site needs a folder of that name, or a static folder where it needs a file.
        let counts = Dictionary(paths.map { ($0, 1) }, uniquingKeysWith: +)
        let staticPaths = Set(portfolio.staticFiles.map(\.path))
        let generated = paths.filter { !staticPaths.contains($0) || counts[$0, default: 0] > 1 }
        let generatedFiles = Set(generated)
        let generatedFolders = Set(generated.flatMap(folders))
        let contentRoot = String(portfolio.programme.source.path.dropLast("programme.yml".count))
        for file in portfolio.staticFiles where counts[file.path, default: 0] > 1 || generatedFolders.contains(file.path)
            || folders(of: file.path).contains(where: generatedFiles.contains) {
            diagnostics.append(.error(at: .file(contentRoot + "static/" + file.path),
                                      "static file '\(file.path)' would overwrite a page or folder the site generates",
                                      hint: "rename or move the static file"))
        }
        return diagnostics
    }
}

/// Gathers emitted files from many threads.
private final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [OutputFile] = []

    func add(_ file: OutputFile) { lock.withLock { collected.append(file) } }

    var files: [OutputFile] { lock.withLock { collected } }
}
