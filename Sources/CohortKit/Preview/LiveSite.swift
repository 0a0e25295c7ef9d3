import Foundation

/// A site kept in memory and brought up to date change by change: what `cohort serve` shows.
///
/// A change re-reads and re-decodes only the files it touched and links the whole portfolio again.
/// A change that leaves the front matter of every file as it was (to bodies, or to templates alone)
/// keeps the portfolio and its figures, with the new bodies put in, since neither reads bodies; and
/// unless a template changed, the plan of the site too.
/// Pages are rendered when first asked for and kept; a change drops exactly the kept pages whose
/// inputs (the parts of the portfolio each page read, recorded while it rendered, and the templates it
/// used) changed, so they render again when next asked for. Bodies are checked for broken links at
/// once, since those are errors. Every file served is byte for byte what a fresh build of the same
/// folders writes. Call `build` and `update` from one task at a time; `current` may be read anywhere.
public final class LiveSite: @unchecked Sendable {
    /// What one rebuild did.
    public struct Rebuild: Sendable {
        /// How many pages rendered before now are out of date and will render again when asked for.
        public var pagesOutOfDate: Int
        /// How long the rebuild took.
        public var seconds: Double
        /// Every problem of the content and templates now, sorted, as `cohort check` reports them, but
        /// for those only the whole rendered site shows: a link a template writes to a file the site
        /// does not have, and a body link's `#fragment` that its page lacks. Finding those needs every
        /// page rendered, which the preview does not do; `cohort check` and `cohort build` report them.
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
    /// The templates whose text changed since the current version.
    private var changedTemplates: Set<String> = []
    /// The broken links of each page's body, and what checking them read.
    private var bodies: [String: (diagnostics: [Diagnostic], inputs: Set<PageInput>)] = [:]
    private var bodyReaders: [PageInput: Set<String>] = [:]
    private let lock = NSLock()
    private var version: SiteVersion?
    private var problems: [Diagnostic] = []
    /// What the current version was made from: its plan, and the problems found in the content up to
    /// linking and the warnings. What a change that leaves the front matter of every file as it was
    /// keeps. Nil when the last rebuild made no version.
    private var settled: (plan: SiteRenderer.Plan, contentDiagnostics: [Diagnostic])?

    /// The last version of the site without errors, and every problem found by the last rebuild: when
    /// there are errors, the preview shows them instead of the site.
    public var current: (version: SiteVersion?, diagnostics: [Diagnostic]) { lock.withLock { (version, problems) } }

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

    /// Reads everything and checks every body.
    public func build() -> Rebuild {
        measure {
            content.reload()
            loadTheme()
            return (.files, true)
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
            var change = ContentState.Change.bodies([])
            if reloadContent {
                change = .everything
            } else if !contentPaths.isEmpty {
                change = content.update(contentPaths)
            }
            if case .everything = change {
                content.reload()
                change = .files
            }
            if reloadTheme { loadTheme() }
            return (change, reloadTheme)
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
            // The words are written into every template.
            if previous.stringTables != loaded.stringTables { changedTemplates.formUnion(names) }
        }
        theme = loaded
    }

    /// Runs `change`, which says what changed in the content and whether the theme was loaded again,
    /// then links, reports and plans the site it calls for.
    private func measure(_ change: () -> (content: ContentState.Change, theme: Bool)) -> Rebuild {
        let start = DispatchTime.now()
        let (contentChange, themeChanged) = change()
        let edits: [Document]? = if case .bodies(let documents) = contentChange { documents } else { nil }
        let (next, diagnostics, dropped) = edits.flatMap { versionKeepingPortfolio($0, themeChanged: themeChanged) } ?? nextVersion()
        let replaced = lock.withLock { () -> SiteVersion? in
            defer { problems = diagnostics.sorted() }
            guard let next else { return nil }
            defer { version = next }
            return version
        }
        // The version replaced, with its rendered pages, is freed away from the requests waiting for the new one.
        if let replaced { DispatchQueue.global(qos: .utility).async { withExtendedLifetime(replaced) {} } }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Rebuild(pagesOutOfDate: dropped, seconds: seconds, diagnostics: lock.withLock { problems })
    }

    /// The version the content and templates now give, with every problem found, stopping at the first
    /// stage with an error as a build does (the previous version then stays); and how many of the
    /// previous version's pages it drops.
    private func nextVersion() -> (SiteVersion?, [Diagnostic], Int) {
        settled = nil
        let decoded = content.decoded()
        guard let programme = decoded.programme else { return (nil, themeProblems + decoded.diagnostics, 0) }
        let (linked, problems) = Linker.link(programme: programme, documents: decoded.documents,
                                             undecoded: decoded.undecoded, staticFiles: content.staticOutput)
        let contentDiagnostics = decoded.diagnostics + problems
        var diagnostics = themeProblems + contentDiagnostics
        guard let portfolio = linked, !diagnostics.hasErrors, let theme else { return (nil, diagnostics, 0) }
        let previous = lock.withLock { version }
        var changed = previous.map { PortfolioChanges.between($0.portfolio, and: portfolio) }
        let figures = Self.figures(of: portfolio, warnings: diagnostics.warnings, previous: previous?.figures,
                                   samePortfolio: changed?.isEmpty == true)
        if figures !== previous?.figures { changed?.insert(.figures) }
        let plan = SiteRenderer.plan(portfolio, figures: figures, theme: theme)
        diagnostics += plan.diagnostics
        guard !plan.diagnostics.hasErrors else { return (nil, diagnostics, 0) }
        if let previous { changed?.formUnion(PortfolioChanges.sitePaths(previous.targets.sitePaths, plan.targets.sitePaths)) }
        settled = (plan, contentDiagnostics)
        let contexts = plan.contexts(portfolio, figures)
        let jobs = Dictionary(zip(plan.routes.map(\.path), plan.jobs), uniquingKeysWith: { first, _ in first })
        diagnostics += checkBodies(jobs, portfolio, contexts, changed: changed, samePages: false)
        let kept = previous?.pagesStillValid(changed: changed ?? [], changedTemplates: changedTemplates, paths: Set(jobs.keys))
        let knownClosures = changedTemplates.isEmpty ? previous?.closures ?? [:] : [:]
        changedTemplates = []
        let next = SiteVersion(portfolio: portfolio, figures: figures, theme: theme, plan: plan, contexts: contexts, jobs: jobs,
                               knownClosures: knownClosures, keeping: kept?.pages ?? [:], readers: kept?.readers ?? [:])
        return (next, diagnostics, kept?.dropped ?? 0)
    }

    /// The version a change that left the front matter of every file as it was gives: the current
    /// version's portfolio and figures with the bodies of `edits`, and its plan unless the theme was
    /// loaded again; the pages, and the checks of bodies, that read what changed are done again. Nil
    /// when the current version was not made from the content as it was just before, or has not those files.
    private func versionKeepingPortfolio(_ edits: [Document], themeChanged: Bool) -> (SiteVersion?, [Diagnostic], Int)? {
        guard let settled, let theme, let previous = lock.withLock({ version }),
              let portfolio = previous.portfolio.replacingBodies(with: edits) else { return nil }
        var diagnostics = themeProblems + settled.contentDiagnostics
        var changed = PortfolioChanges.bodies(of: edits)
        // The figures read no body, but count the warnings, the theme's among them.
        let figures = Self.figures(of: portfolio, warnings: diagnostics.warnings, previous: previous.figures, samePortfolio: true)
        if figures !== previous.figures { changed.insert(.figures) }
        let plan: SiteRenderer.Plan
        if themeChanged {
            self.settled = nil
            guard !diagnostics.hasErrors else { return (nil, diagnostics, 0) }
            plan = SiteRenderer.plan(portfolio, figures: figures, theme: theme)
            diagnostics += plan.diagnostics
            guard !plan.diagnostics.hasErrors else { return (nil, diagnostics, 0) }
            changed.formUnion(PortfolioChanges.sitePaths(previous.targets.sitePaths, plan.targets.sitePaths))
        } else {
            plan = settled.plan.withBodies(of: portfolio)
            diagnostics += plan.diagnostics
        }
        self.settled = (plan, settled.contentDiagnostics)
        // The pages are those of the portfolio, which has the same front matter: the same as before.
        let contexts = plan.contexts(portfolio, figures)
        diagnostics += checkBodies(previous.jobs, portfolio, contexts, changed: changed, samePages: true)
        let kept = previous.pagesStillValid(changed: changed, changedTemplates: changedTemplates, paths: nil)
        let knownClosures = changedTemplates.isEmpty ? previous.closures : [:]
        changedTemplates = []
        let next = SiteVersion(portfolio: portfolio, figures: figures, theme: theme, plan: plan, contexts: contexts,
                               jobs: previous.jobs, knownClosures: knownClosures, keeping: kept.pages, readers: kept.readers)
        return (next, diagnostics, kept.dropped)
    }

    /// The figures of `portfolio` with `warnings`: `previous`'s when the portfolio is the same as far as
    /// pages can tell (`samePortfolio`) and so are the warnings they count; else new ones, computed when a
    /// page that shows them is first asked for, not before an edit is served.
    private static func figures(of portfolio: Portfolio, warnings: [Diagnostic], previous: FiguresWhenAsked?,
                                samePortfolio: Bool) -> FiguresWhenAsked {
        if let previous, samePortfolio, previous.warnings == warnings { return previous }
        return FiguresWhenAsked(portfolio, warnings: warnings)
    }

    /// Checks the bodies of the pages `jobs` that are new or whose inputs changed (all of them when
    /// `changed` is nil) for broken links, and returns the problems of every body. With `samePages`,
    /// the pages are those of the last check.
    private func checkBodies(_ jobs: [String: SiteRenderer.PageJob], _ portfolio: Portfolio, _ contexts: [Language: SiteContext],
                             changed: Set<PageInput>?, samePages: Bool) -> [Diagnostic] {
        var stale: Set<String> = []
        if !samePages {
            for path in bodies.keys where jobs[path] == nil { forgetBody(path) }
            stale = changed == nil ? Set(jobs.keys) : Set(jobs.keys.filter { bodies[$0] == nil })
        }
        for input in changed ?? [] { stale.formUnion(bodyReaders[input] ?? []) }
        let work = stale.sorted().compactMap { path in jobs[path].map { (path, $0) } }
        let checked = work.parallelMap { path, job -> (String, [Diagnostic], Set<PageInput>) in
            guard let context = contexts[job.language] else { return (path, [], []) }
            let recorder = InputRecorder()
            let body = SiteRenderer.body(of: job.job, in: portfolio, context: context.recording(into: recorder))
            return (path, body.diagnostics, recorder.inputs)
        }
        for (path, problems, inputs) in checked {
            forgetBody(path)
            bodies[path] = (problems, inputs)
            for input in inputs { bodyReaders[input, default: []].insert(path) }
        }
        return bodies.values.flatMap(\.diagnostics)
    }

    private func forgetBody(_ path: String) {
        guard let body = bodies.removeValue(forKey: path) else { return }
        for input in body.inputs { bodyReaders[input]?.remove(path) }
    }
}
