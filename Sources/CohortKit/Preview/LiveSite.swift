import Foundation

/// A site kept in memory and brought up to date change by change: what `cohort serve` shows.
///
/// A change re-reads and re-decodes only the files it touched, links the whole portfolio again, and
/// renders again only the pages whose inputs (the parts of the portfolio each page read, recorded
/// while it rendered, and the templates it used) changed. The result is byte for byte what a fresh
/// build of the same folders gives. Use it from one task at a time.
public final class LiveSite {
    /// What one rebuild did.
    public struct Rebuild: Sendable {
        /// How many pages were rendered.
        public var pagesRendered: Int
        /// How long the rebuild took.
        public var seconds: Double
        /// Every problem of the content and templates now, sorted, as `cohort check` reports them.
        public var diagnostics: [Diagnostic]
    }

    private let templatesURL: URL?
    private let templatesDisplay: String
    private let templatesRequired: Bool
    private let contentRoot: String
    private let templatesRoot: String?
    private var content: ContentState
    private var theme: Theme?
    private var themeProblems: [Diagnostic] = []
    /// The templates whose text changed since the pages were last rendered.
    private var changedTemplates: Set<String> = []
    /// What the cached pages were rendered from.
    private var rendered: (portfolio: Portfolio, figures: Figures)?
    private var pages: [String: Page] = [:]
    /// For each input, the paths of the pages that read it.
    private var readers: [PageInput: Set<String>] = [:]
    private var others: [OutputFile] = []

    private struct Page {
        var bytes: Data
        var diagnostics: [Diagnostic]
        var inputs: Set<PageInput>
        var templates: Set<String>
    }

    /// The site's files by path, as a build would write them: current when `diagnostics` has no error,
    /// the last good site otherwise.
    public private(set) var files: [String: Data] = [:]
    /// Every problem found by the last rebuild.
    public private(set) var diagnostics: [Diagnostic] = []

    /// A site from a content folder and, when given, a templates folder laid over the built-in theme.
    /// Paths are as the user named them; with `templatesRequired` false, a templates folder that does
    /// not exist means the built-in theme alone, and creating it later is a change like any other.
    public init(contentPath: String, templatesPath: String?, templatesRequired: Bool) {
        let contentURL = URL(fileURLWithPath: contentPath).standardizedFileURL
        content = ContentState(directory: contentURL, displayRoot: contentPath)
        contentRoot = contentURL.path
        templatesURL = templatesPath.map { URL(fileURLWithPath: $0).standardizedFileURL }
        templatesRoot = templatesURL?.path
        templatesDisplay = templatesPath ?? "templates"
        self.templatesRequired = templatesRequired
    }

    /// The folders whose changes matter: the content folder, and the templates folder when there is one.
    public var watchedFolders: [URL] {
        [URL(fileURLWithPath: contentRoot)] + (templatesURL.map { [$0] } ?? [])
    }

    /// Reads everything and renders every page.
    public func build() -> Rebuild {
        measure {
            content.reload()
            loadTheme()
        }
    }

    /// Brings the site up to date after the files or folders at `paths` (absolute) changed, were
    /// added or were removed. Paths outside both folders are ignored.
    public func update(_ paths: [String]) -> Rebuild {
        measure {
            var contentPaths: [String] = []
            var reloadContent = false
            var reloadTheme = false
            for path in paths {
                if path == contentRoot { reloadContent = true }
                if path.hasPrefix(contentRoot + "/") { contentPaths.append(String(path.dropFirst(contentRoot.count + 1))) }
                if let templatesRoot, path == templatesRoot || path.hasPrefix(templatesRoot + "/") { reloadTheme = true }
            }
            if reloadContent || (!contentPaths.isEmpty && !content.update(contentPaths)) { content.reload() }
            if reloadTheme { loadTheme() }
        }
    }

    private func loadTheme() {
        var overrides = templatesURL
        if let url = templatesURL, !templatesRequired {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) || !isDirectory.boolValue { overrides = nil }
        }
        let (loaded, problems) = Theme.load(overriding: overrides, displayRoot: templatesDisplay)
        themeProblems = problems
        guard let loaded else { return }
        if let previous = theme {
            let names = Set(previous.sources.keys).union(loaded.sources.keys)
            changedTemplates.formUnion(names.filter { previous.sources[$0]?.text != loaded.sources[$0]?.text })
        }
        theme = loaded
    }

    /// Runs `change`, then links, reports and renders what it calls for.
    private func measure(_ change: () -> Void) -> Rebuild {
        let start = DispatchTime.now()
        change()
        let count = renderSite()
        diagnostics.sort()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Rebuild(pagesRendered: count, seconds: seconds, diagnostics: diagnostics)
    }

    /// Links and renders; returns how many pages were rendered. Stops, keeping the last good site,
    /// at the first stage with an error, as a build does.
    private func renderSite() -> Int {
        let decoded = content.decoded
        diagnostics = themeProblems + decoded.diagnostics
        guard let programme = decoded.programme else { return 0 }
        let (linked, problems) = Linker.link(programme: programme, documents: decoded.documents,
                                             undecoded: decoded.undecoded, staticFiles: content.staticOutput)
        diagnostics += problems
        guard let portfolio = linked, !diagnostics.hasErrors, let theme else { return 0 }
        let figures = Figures(portfolio, warnings: diagnostics.warnings)
        let plan = SiteRenderer.plan(portfolio, figures: figures, theme: theme)
        diagnostics += plan.diagnostics
        guard !plan.diagnostics.hasErrors else { return 0 }

        var stale = Set(plan.routes.map(\.path)).subtracting(pages.keys)
        if let rendered {
            for input in PortfolioChanges.between(rendered.portfolio, rendered.figures, and: portfolio, figures) {
                stale.formUnion(readers[input] ?? [])
            }
        }
        for (path, page) in pages where !page.templates.isDisjoint(with: changedTemplates) { stale.insert(path) }
        let wanted = Set(plan.routes.map(\.path))
        for path in pages.keys where !wanted.contains(path) { forget(path) }

        let context = SiteContext(portfolio: portfolio, figures: figures)
        let jobs = zip(plan.jobs, plan.routes).filter { stale.contains($0.1.path) }.map(\.0)
        let results = jobs.parallelMap { job in
            (SiteRenderer.render(job, in: portfolio, context: context, theme: theme, recorder: InputRecorder()),
             theme.closure(of: SiteRenderer.template(of: job)))
        }
        for (page, templates) in results {
            forget(page.file.path)
            pages[page.file.path] = Page(bytes: page.file.bytes, diagnostics: page.diagnostics, inputs: page.inputs, templates: templates)
            for input in page.inputs { readers[input, default: []].insert(page.file.path) }
        }
        rendered = (portfolio, figures)
        changedTemplates = []
        others = plan.others
        diagnostics += pages.values.flatMap(\.diagnostics)
        files = Dictionary(uniqueKeysWithValues: pages.map { ($0.key, $0.value.bytes) } + others.map { ($0.path, $0.bytes) })
        return results.count
    }

    /// Drops a page and its entries in the readers index.
    private func forget(_ path: String) {
        guard let page = pages.removeValue(forKey: path) else { return }
        for input in page.inputs { readers[input]?.remove(path) }
    }
}
