import Foundation

/// The render stage for the site: every page of a portfolio through the theme, on all cores.
public enum SiteRenderer {
    /// One page to render: where it goes and which template renders it.
    enum Job: Hashable, Sendable {
        case home, reports, notFound
        /// The search page, when the site has search.
        case search
        /// A page of a list: of every company, organisation, agreement or news item, or of a filter's.
        case list(ListPage)
        case company(Int), organization(Int), agreement(Int), newsItem(Int), page(Int)
    }

    /// One page of one language to render.
    struct PageJob: Hashable, Sendable {
        var job: Job
        var language: Language
    }

    /// What a site is made of: the pages to render in every language, each at its route, and every
    /// other file.
    struct Plan: Sendable {
        var jobs: [PageJob]
        var routes: [Route]
        /// Assets, charts, static files, sitemap and feeds.
        var others: [OtherFile]
        /// Outputs that would overwrite each other (errors: nothing may be written) and string tables
        /// that lack texts (warnings).
        var diagnostics: [Diagnostic]
        /// What links in bodies can point at.
        var targets: LinkTargets
        /// The interface's words in each language, and each language's own name.
        var strings: [Language: Strings]
        var languageNames: [Language: String]
        /// The theme with each language's words written in.
        var themes: [Language: Theme]
        /// The lists, their filters and pages.
        var lists: ListIndex

        /// The context that pages of `language` are rendered with.
        func context(_ portfolio: Portfolio, _ figures: Figures, _ language: Language) -> SiteContext {
            SiteContext(portfolio: portfolio, figures: figures, targets: targets, lists: lists,
                        strings: strings[language] ?? Strings(language: language, texts: [:]), languageNames: languageNames)
        }

        /// A context for each language.
        func contexts(_ portfolio: Portfolio, _ figures: Figures) -> [Language: SiteContext] {
            Dictionary(uniqueKeysWithValues: portfolio.programme.languages.map { ($0, context(portfolio, figures, $0)) })
        }
    }

    /// A file of the site that is not a page: its path, and its bytes when asked for (the feed renders
    /// every news item, which a preview that nobody asks for the feed need not do).
    struct OtherFile: Sendable {
        var path: String
        var contents: @Sendable () -> Data

        init(_ file: OutputFile) {
            path = file.path
            contents = { file.bytes }
        }

        init(path: String, text: @escaping @Sendable () -> String) {
            self.path = path
            contents = { Data(text().utf8) }
        }
    }

    /// One page rendered: its file, the broken links found in its body, when recorded what it read,
    /// and when asked for its links for the checks that need the whole site.
    struct RenderedPage: Sendable {
        var file: OutputFile
        var diagnostics: [Diagnostic]
        var inputs: Set<PageInput>
        var links: PageLinks?
    }

    /// A page's body rendered: its HTML, summary and links, and its broken links as errors.
    struct RenderedBody: Sendable {
        var rendered: Markdown.Rendered
        var diagnostics: [Diagnostic] = []
        /// The body and its file, to place links.
        var source: (body: Body, path: String)?

        /// Where `link` is written in the file. (Found in the text, which takes a moment: only asked
        /// for the links that are reported.)
        func location(of link: Markdown.Link) -> SourceLocation { Self.location(of: link, in: source) }

        /// Where `link` is written in `source`; for closures that keep the source, not the rendered HTML.
        static func location(of link: Markdown.Link, in source: (body: Body, path: String)?) -> SourceLocation {
            guard let source else { return .file("") }
            let position = source.body.position(of: link.destination, near: link.line) ?? (link.line, link.column)
            return SourceLocation(path: source.path, line: source.body.firstLine + position.line - 1, column: position.column)
        }
    }

    /// Renders the whole site (pages, assets, charts, static files, sitemap and feed) and hands each file
    /// to `emit` as soon as it is ready, from any thread, so the write stage can run alongside. Nothing
    /// is emitted when two outputs would collide.
    public static func render(_ portfolio: Portfolio, figures: Figures, theme: Theme,
                              emit: @Sendable (OutputFile) -> Void) -> [Diagnostic] {
        let plan = plan(portfolio, figures: figures, theme: theme)
        guard !plan.diagnostics.hasErrors else { return plan.diagnostics }
        plan.others.forEach { emit(OutputFile(path: $0.path, bytes: $0.contents())) }
        let contexts = plan.contexts(portfolio, figures)
        let rendered = plan.jobs.parallelMap { job -> (diagnostics: [Diagnostic], links: PageLinks?) in
            guard let context = contexts[job.language] else { return ([], nil) }
            let page = render(job.job, in: portfolio, context: context, theme: plan.themes[job.language] ?? theme, checkingLinks: true)
            emit(page.file)
            return (page.diagnostics, page.links)
        }
        let links = SiteLinkCheck.check(rendered.compactMap(\.links), sitePaths: plan.targets.sitePaths, theme: theme)
        return plan.diagnostics + rendered.flatMap(\.diagnostics) + links
    }

    /// Renders the whole site into memory, sorted by path.
    public static func render(_ portfolio: Portfolio, figures: Figures, theme: Theme) -> ([OutputFile], [Diagnostic]) {
        let collector = Collector()
        let diagnostics = render(portfolio, figures: figures, theme: theme, emit: collector.add)
        return (collector.files.sorted { $0.path < $1.path }, diagnostics)
    }

    /// The pages of `portfolio` and every other file of its site, with the collisions among them.
    static func plan(_ portfolio: Portfolio, figures: Figures, theme: Theme) -> Plan {
        let programme = portfolio.programme
        let lists = ListIndex(portfolio)
        var pageJobs: [Job] = [.home, .reports, .notFound]
        pageJobs += lists.pages.map(Job.list)
        if programme.search { pageJobs.append(.search) }
        pageJobs += portfolio.organizations.indices.map(Job.organization)
        pageJobs += portfolio.companies.indices.map(Job.company)
        pageJobs += portfolio.agreements.indices.map(Job.agreement)
        pageJobs += portfolio.news.indices.map(Job.newsItem)
        pageJobs += portfolio.pages.indices.map(Job.page)
        let baseRoutes = pageJobs.map { route(of: $0, in: portfolio) }
        var jobs: [PageJob] = []
        var routes: [Route] = []
        for language in programme.languages {
            jobs += pageJobs.map { PageJob(job: $0, language: language) }
            routes += baseRoutes.map { $0.localized(language, default: programme.language) }
        }
        let pages = routes.map(\.path)
        let feeds = programme.languages.map { Route.feed.localized($0, default: programme.language).path }
        var others = theme.assets.map(OtherFile.init)
        others += Charts.all(figures).map { OtherFile(OutputFile(path: "reports/" + $0.name, text: $0.svg)) }
        others += portfolio.staticFiles.map(OtherFile.init)
        others.append(OtherFile(path: Route.sitemap.path) {
            Sitemap.render(pages: baseRoutes.map(\.path), programme: programme)
        })
        let targets = LinkTargets(portfolio: portfolio, sitePaths: Set(pages + others.map(\.path) + feeds))
        var diagnostics: [Diagnostic] = []
        var strings: [Language: Strings] = [:]
        var names: [Language: String] = [:]
        for language in programme.languages {
            let (table, problems) = theme.strings(for: language, defaultLanguage: programme.language, programmeFile: programme.source.path)
            strings[language] = table
            names[language] = table["language_name"]
            diagnostics += problems
        }
        for (language, feed) in zip(programme.languages, feeds) {
            let table = strings[language] ?? Strings(language: language, texts: [:])
            others.append(OtherFile(path: feed) { Feed.render(portfolio, targets: targets, strings: table) })
        }
        diagnostics += collisions(among: pages + others.map(\.path), portfolio: portfolio)
        var themes: [Language: Theme] = [:]
        for language in programme.languages {
            let (localized, problems) = theme.localized(strings[language] ?? Strings(language: language, texts: [:]), pages: pageShapes)
            themes[language] = localized
            // The same template error is found in every language: reported once.
            diagnostics += problems.filter { !diagnostics.contains($0) }
        }
        return Plan(jobs: jobs, routes: routes, others: others, diagnostics: diagnostics, targets: targets,
                    strings: strings, languageNames: names, themes: themes, lists: lists)
    }

    /// Where a job's page goes.
    static func route(of job: Job, in portfolio: Portfolio) -> Route {
        switch job {
        case .home: .home
        case .list(let page): page.route
        case .reports: .reports
        case .search: .search
        case .notFound: .notFound
        case .company(let index): .company(portfolio.companies[index].slug)
        case .organization(let index): .organization(portfolio.organizations[index].slug)
        case .agreement(let index): .agreement(portfolio.agreements[index].slug)
        case .newsItem(let index): .newsItem(portfolio.news[index].slug)
        case .page(let index): .page(portfolio.pages[index].slug)
        }
    }

    /// The page templates: each one's name, what it renders, and the type of the values it renders,
    /// which the theme's templates are compiled and checked against.
    static let pageTemplates: [TemplateReference.Page] = [
        .init(template: "home", renders: "index.html", shape: HomePage.fields.shape),
        .init(template: "companies", renders: "companies/index.html", shape: CompanyListPage.fields.shape),
        .init(template: "company", renders: "companies/<slug>.html", shape: CompanyPage.fields.shape),
        .init(template: "organizations", renders: "organizations/index.html", shape: OrganizationListPage.fields.shape),
        .init(template: "organization", renders: "organizations/<slug>.html", shape: OrganizationPage.fields.shape),
        .init(template: "agreements", renders: "agreements/index.html", shape: AgreementListPage.fields.shape),
        .init(template: "agreement", renders: "agreements/<slug>.html", shape: AgreementPage.fields.shape),
        .init(template: "news", renders: "news/index.html", shape: NewsListPage.fields.shape),
        .init(template: "news-item", renders: "news/<slug>.html", shape: NewsItemPage.fields.shape),
        .init(template: "page", renders: "<slug>.html", shape: ContentPage.fields.shape),
        .init(template: "reports", renders: "reports/index.html", shape: ReportsPage.fields.shape),
        .init(template: "search", renders: "search.html", shape: SearchPage.fields.shape),
        .init(template: "404", renders: "404.html", shape: NotFoundPage.fields.shape),
    ]

    /// The type of each page template's values, by template name.
    static let pageShapes = Dictionary(uniqueKeysWithValues: pageTemplates.map { ($0.template, $0.shape) })

    /// The template that renders a job's page.
    static func template(of job: Job) -> String {
        switch job {
        case .home: "home"
        case .list(let page): page.kind.rawValue
        case .reports: "reports"
        case .search: "search"
        case .notFound: "404"
        case .company: "company"
        case .organization: "organization"
        case .agreement: "agreement"
        case .newsItem: "news-item"
        case .page: "page"
        }
    }

    /// Renders one page, in the language of `context`. With `recorder`, every part of the portfolio
    /// the page reads is recorded in it; with `checkingLinks`, the page's links and ids are read for
    /// `SiteLinkCheck`.
    static func render(_ job: Job, in portfolio: Portfolio, context: SiteContext, theme: Theme,
                       recorder: InputRecorder? = nil, checkingLinks: Bool = false) -> RenderedPage {
        let context = recorder.map { context.recording(into: $0) } ?? context
        let route = route(of: job, in: portfolio)
        let body = body(of: job, in: portfolio, context: context, route: route)
        let page: any TemplateObject
        switch job {
        case .home: page = context.home(route)
        case .list(let list): page = context.list(list)
        case .reports: page = context.reports(route)
        case .search: page = context.search(route)
        case .notFound: page = context.notFound()
        case .company(let index): page = context.company(portfolio.companies[index], route, body: body.rendered)
        case .organization(let index): page = context.organization(portfolio.organizations[index], route, body: body.rendered)
        case .agreement(let index): page = context.agreement(portfolio.agreements[index], route, body: body.rendered)
        case .newsItem(let index): page = context.newsItem(portfolio.news[index], route, body: body.rendered)
        case .page(let index): page = context.page(portfolio.pages[index], route, body: body.rendered)
        }
        let file = OutputFile(path: context.localized(route).path, text: theme.render(page, with: template(of: job)))
        let links = checkingLinks ? pageLinks(file, template: template(of: job), body: body, sitePaths: context.targets.sitePaths) : nil
        return RenderedPage(file: file, diagnostics: body.diagnostics, inputs: recorder?.inputs ?? [], links: links)
    }

    /// The links and ids of a rendered page, with the fragments its body's links name.
    private static func pageLinks(_ file: OutputFile, template: String, body: RenderedBody, sitePaths: Set<String>) -> PageLinks {
        var written: Set<String> = []
        var fragments: [PageLinks.FragmentLink] = []
        let folder = file.path.split(separator: "/").dropLast().map(String.init)
        // The fragments' closures keep the body's source, not its HTML, until the whole site is checked.
        let source = body.source
        for link in body.rendered.links {
            written.insert(link.destination)
            if link.destination.utf8.contains(UInt8(ascii: "%")) { written.insert(link.destination.removingPercentEncoding ?? link.destination) }
            if link.destination.hasPrefix("#"), link.destination.count > 1 {
                let fragment = String(link.destination.dropFirst())
                fragments.append(.init(target: file.path, fragment: fragment.removingPercentEncoding ?? fragment,
                                       destination: link.destination, location: { RenderedBody.location(of: link, in: source) }))
            }
            guard case .replace(let address) = link.resolution else { continue }
            written.insert(address)
            if let local = LocalLink(address), let fragment = local.fragment, !fragment.isEmpty,
               let path = ContentLinks.normalized(local.path, from: local.isSiteRoot ? [] : folder),
               let target = PageLinks.target(of: path, in: sitePaths), target.hasSuffix(".html") {
                fragments.append(.init(target: target, fragment: fragment, destination: link.destination, location: { RenderedBody.location(of: link, in: source) }))
            }
        }
        return PageLinks(path: file.path, template: template, html: file.bytes, bodyLinks: written, sitePaths: sitePaths,
                         fragments: fragments)
    }

    /// The Markdown body of a job's page rendered, with links to content files resolved, and each
    /// broken link as an error at its place in the file. List pages have no body.
    static func body(of job: Job, in portfolio: Portfolio, context: SiteContext, route: Route? = nil) -> RenderedBody {
        var entity: (body: Body, source: SourceLocation, input: PageInput)
        let original: Translation.Original
        switch job {
        case .home, .list, .reports, .search, .notFound:
            return RenderedBody(rendered: Markdown.Rendered(html: "", summary: ""))
        case .company(let index):
            let company = portfolio.companies[index]
            entity = (company.body, company.source, .entity(company.slug))
            original = .entity(.companies, company.slug)
        case .organization(let index):
            let organization = portfolio.organizations[index]
            entity = (organization.body, organization.source, .entity(organization.slug))
            original = .entity(.organizations, organization.slug)
        case .agreement(let index):
            let agreement = portfolio.agreements[index]
            entity = (agreement.body, agreement.source, .entity(agreement.slug))
            original = .entity(.agreements, agreement.slug)
        case .newsItem(let index):
            let item = portfolio.news[index]
            entity = (item.body, item.source, .newsItem(item.slug))
            original = .entity(.news, item.slug)
        case .page(let index):
            let page = portfolio.pages[index]
            entity = (page.body, page.source, .page(page.slug))
            original = .entity(.pages, page.slug)
        }
        context.reading(entity.input)
        // A page of another language shows its translation's body, or the original's when it has none.
        if let translated = portfolio.translatedBody(of: original, in: context.language) {
            (entity.body, entity.source) = translated
        }
        let route = route ?? self.route(of: job, in: portfolio)
        let resolver = context.contentLinks
        let file = context.targets.contentPath(of: entity.source.path)
        let rendered = Markdown.render(entity.body.markdown, allowRawHTML: context.programme.allowRawHTML) {
            resolver.resolve($0, writtenIn: file, on: route)
        }
        var body = RenderedBody(rendered: rendered, source: (entity.body, entity.source.path))
        body.diagnostics = rendered.links.compactMap { link -> Diagnostic? in
            guard case .broken(let hint) = link.resolution else { return nil }
            let form = link.destination.hasPrefix("/")
                ? "a link from the site's top names a file of the built site, such as '/companies/' or '/logo.svg'"
                : "link to a content file by its path, such as '../companies/rotec.md', or to a file in static/, such as '../static/logo.svg'"
            return .error(at: body.location(of: link), "broken link to '\(link.destination)': it names no file", hint: hint ?? form)
        }
        return body
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
        // Each path's folders, the nearest first, until one is known (then so are those above it).
        var generatedFolders: Set<String> = []
        for path in generated {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if !generatedFolders.insert(String(folder)).inserted { break }
            }
        }
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
