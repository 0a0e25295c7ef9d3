/// The render stage for the site: every page of a portfolio through the theme, on all cores.
public enum SiteRenderer {
    /// One page to render: where it goes and which template renders it.
    enum Job: Sendable {
        case home, companies, organizations, agreements, news, reports, notFound
        case company(Int), organization(Int), agreement(Int), newsItem(Int), page(Int)
    }

    /// Renders the whole site: pages, assets, static files, sitemap and feed.
    public static func render(_ portfolio: Portfolio, figures: Figures, theme: Theme) -> ([OutputFile], [Diagnostic]) {
        var jobs: [Job] = [.home, .companies, .organizations, .agreements, .news, .reports, .notFound]
        jobs += portfolio.organizations.indices.map(Job.organization)
        jobs += portfolio.companies.indices.map(Job.company)
        jobs += portfolio.agreements.indices.map(Job.agreement)
        jobs += portfolio.news.indices.map(Job.newsItem)
        jobs += portfolio.pages.indices.map(Job.page)
        let context = SiteContext(portfolio: portfolio, figures: figures)
        let rendered = jobs.parallelMap { job in render(job, context: context, theme: theme) }
        var files = rendered.map(\.file)
        var diagnostics = rendered.flatMap(\.diagnostics)
        let pages = files.map(\.path)
        files += theme.assets
        files += Charts.all(figures).map { OutputFile(path: "reports/" + $0.name, text: $0.svg) }
        files += portfolio.staticFiles
        files.append(OutputFile(path: Route.sitemap.path, text: Sitemap.render(pages: pages, baseURL: portfolio.programme.baseURL)))
        files.append(OutputFile(path: Route.feed.path, text: Feed.render(portfolio)))
        diagnostics += collisions(in: files, portfolio: portfolio)
        return (files, diagnostics)
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
        let (route, template, values): (Route, String, [String: Any])
        switch job {
        case .home: (route, template, values) = (.home, "home", context.home(.home))
        case .companies: (route, template, values) = (.companies, "companies", context.companies(.companies))
        case .organizations: (route, template, values) = (.organizations, "organizations", context.organizations(.organizations))
        case .agreements: (route, template, values) = (.agreements, "agreements", context.agreements(.agreements))
        case .news: (route, template, values) = (.news, "news", context.news(.news))
        case .reports: (route, template, values) = (.reports, "reports", context.reports(.reports))
        case .notFound: (route, template, values) = (.notFound, "404", context.notFound())
        case .company(let index):
            let company = portfolio.companies[index]
            route = .company(company.slug)
            (template, values) = ("company", context.company(company, route, body: body(company.body, in: .companies, source: company.source, on: route)))
        case .organization(let index):
            let organization = portfolio.organizations[index]
            route = .organization(organization.slug)
            let rendered = body(organization.body, in: .organizations, source: organization.source, on: route)
            (template, values) = ("organization", context.organization(organization, route, body: rendered))
        case .agreement(let index):
            let agreement = portfolio.agreements[index]
            route = .agreement(agreement.slug)
            let rendered = body(agreement.body, in: .agreements, source: agreement.source, on: route)
            (template, values) = ("agreement", context.agreement(agreement, route, body: rendered))
        case .newsItem(let index):
            let item = portfolio.news[index]
            route = .newsItem(item.slug)
            (template, values) = ("news-item", context.newsItem(item, route, body: body(item.body, in: .news, source: item.source, on: route)))
        case .page(let index):
            let page = portfolio.pages[index]
            route = .page(page.slug)
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
    private static func collisions(in files: [OutputFile], portfolio: Portfolio) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in portfolio.pages where Route.reservedNames.contains(page.slug.rawValue) {
            diagnostics.append(.error(at: page.source, "a page cannot be named '\(page.slug)': the site uses \(page.slug).html itself",
                                      hint: "rename the file"))
        }
        // Static files are among `files` too, so one that collides is counted twice; a static file
        // also collides where the site needs a folder of that name, or a static folder where it needs a file.
        let counts = Dictionary(files.map { ($0.path, 1) }, uniquingKeysWith: +)
        let staticPaths = Set(portfolio.staticFiles.map(\.path))
        let generated = files.map(\.path).filter { !staticPaths.contains($0) || counts[$0, default: 0] > 1 }
        let generatedFiles = Set(generated)
        let generatedFolders = Set(generated.flatMap(Self.folders))
        let contentRoot = String(portfolio.programme.source.path.dropLast("programme.yml".count))
        for file in portfolio.staticFiles where counts[file.path, default: 0] > 1 || generatedFolders.contains(file.path)
            || Self.folders(of: file.path).contains(where: generatedFiles.contains) {
            diagnostics.append(.error(at: .file(contentRoot + "static/" + file.path),
                                      "static file '\(file.path)' would overwrite a page or folder the site generates",
                                      hint: "rename or move the static file"))
        }
        return diagnostics
    }
}
