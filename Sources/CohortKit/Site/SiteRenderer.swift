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
        /// The page of the entity at an index of a folder's list (see `PageEntity`).
        case entity(ContentFolder, Int)
    }

    /// One page of one language to render.
    struct PageJob: Hashable, Sendable {
        var job: Job
        var language: Language
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
        let figures = FiguresWhenAsked(figures)
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

    /// Where a job's page goes.
    static func route(of job: Job, in portfolio: Portfolio) -> Route {
        switch job {
        case .home: .home
        case .list(let page): page.route
        case .reports: .reports
        case .search: .search
        case .notFound: .notFound
        case .entity(let folder, let index): portfolio.entity(folder, index).route
        }
    }

    /// The page templates: each one's name, what it renders, and the type of the values it renders,
    /// which the theme's templates are compiled and checked against.
    static let pageTemplates: [TemplateReference.Page] = [
        .init(template: "home", renders: "index.html", shape: HomePage.fields.shape),
        .init(template: "companies", renders: "companies/index.html", shape: CompanyListPage.fields.shape),
        .init(template: Company.template, renders: "companies/<slug>.html", shape: CompanyPage.fields.shape),
        .init(template: "organizations", renders: "organizations/index.html", shape: OrganizationListPage.fields.shape),
        .init(template: Organization.template, renders: "organizations/<slug>.html", shape: OrganizationPage.fields.shape),
        .init(template: "agreements", renders: "agreements/index.html", shape: AgreementListPage.fields.shape),
        .init(template: Agreement.template, renders: "agreements/<slug>.html", shape: AgreementPage.fields.shape),
        .init(template: "news", renders: "news/index.html", shape: NewsListPage.fields.shape),
        .init(template: NewsItem.template, renders: "news/<slug>.html", shape: NewsItemPage.fields.shape),
        .init(template: Page.template, renders: "<slug>.html", shape: ContentPage.fields.shape),
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
        case .entity(let folder, _): Portfolio.entityKind(of: folder).template
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
        case .entity(let folder, let index): page = portfolio.entity(folder, index).page(in: context, at: route, body: body.rendered)
        }
        let file = OutputFile(path: context.localized(route).path, bytes: theme.render(page, with: template(of: job)))
        let links = checkingLinks ? pageLinks(file, template: template(of: job), body: body, targets: context.targets,
                                              hostRoot: job == .notFound ? portfolio.programme.basePath : nil) : nil
        return RenderedPage(file: file, diagnostics: body.diagnostics, inputs: recorder?.inputs ?? [], links: links)
    }

    /// The links and ids of a rendered page, with the fragments its body's links name.
    private static func pageLinks(_ file: OutputFile, template: String, body: RenderedBody, targets: LinkTargets,
                                  hostRoot: String?) -> PageLinks {
        var fragments: [PageLinks.FragmentLink] = []
        // The page's folder, split into names only when a link in the body needs it.
        var folderNames: [String]?
        // The fragments' closures keep the body's source, not its HTML, until the whole site is checked.
        let source = body.source
        for link in body.rendered.links {
            if link.destination.hasPrefix("#"), link.destination.count > 1 {
                let fragment = String(link.destination.dropFirst())
                fragments.append(.init(target: file.path, fragment: fragment.removingPercentEncoding ?? fragment,
                                       destination: link.destination, location: { RenderedBody.location(of: link, in: source) }))
            }
            guard case .replace(let address) = link.resolution, address.utf8.contains(UInt8(ascii: "#")) else { continue }
            guard let local = LocalLink(address), let fragment = local.fragment, !fragment.isEmpty else { continue }
            let folder = folderNames ?? file.path.split(separator: "/").dropLast().map(String.init)
            folderNames = folder
            if let path = ContentLinks.normalized(local.path, from: local.isSiteRoot ? [] : folder),
               let target = PageLinks.target(of: path, in: targets.sitePaths), target.hasSuffix(".html") {
                fragments.append(.init(target: target, fragment: fragment, destination: link.destination, location: { RenderedBody.location(of: link, in: source) }))
            }
        }
        return PageLinks(path: file.path, template: template, html: file.bytes, bodyLinks: { written(by: body) }, targets: targets,
                         fragments: fragments, hostRoot: hostRoot)
    }

    /// The links of a body as written in the Markdown, decoded, and as they were replaced.
    private static func written(by body: RenderedBody) -> Set<String> {
        var written: Set<String> = []
        for link in body.rendered.links {
            written.insert(link.destination)
            if link.destination.utf8.contains(UInt8(ascii: "%")) { written.insert(link.destination.removingPercentEncoding ?? link.destination) }
            if case .replace(let address) = link.resolution { written.insert(address) }
        }
        return written
    }

    /// The Markdown body of a job's page rendered, with links to content files resolved, and each
    /// broken link as an error at its place in the file. List pages have no body.
    static func body(of job: Job, in portfolio: Portfolio, context: SiteContext, route: Route? = nil) -> RenderedBody {
        guard case .entity(let folder, let index) = job else { return RenderedBody(rendered: Markdown.Rendered(html: "", summary: "")) }
        let page = portfolio.entity(folder, index)
        var entity = (body: page.body, source: page.source, input: page.input)
        let original = Translation.Original.entity(folder, page.slug)
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
}

/// Gathers emitted files from many threads.
private final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [OutputFile] = []

    func add(_ file: OutputFile) { lock.withLock { collected.append(file) } }

    var files: [OutputFile] { lock.withLock { collected } }
}
