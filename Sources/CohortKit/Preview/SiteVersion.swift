import Foundation

/// One version of a site in memory: what a rebuild produced, with its pages rendered when first asked
/// for and kept. Its inputs never change, so any thread may ask for files; a later version takes over
/// the pages that its changes did not touch.
public final class SiteVersion: @unchecked Sendable {
    let portfolio: Portfolio
    let figures: FiguresWhenAsked
    private let themes: [Language: Theme]
    private let contexts: [Language: SiteContext]
    /// What links in this version's bodies can point at.
    let targets: LinkTargets
    /// The job that renders each page, by path.
    let jobs: [String: SiteRenderer.PageJob]
    /// Every other file (assets, charts, static files, sitemap, feed), by path, made when first asked for.
    private let others: [String: SiteRenderer.OtherFile]
    private var madeOthers: [String: Data] = [:]
    /// The templates each page template uses.
    let closures: [String: Set<String>]
    private let lock = NSLock()
    private var pages: [String: CachedPage]
    /// For each input, the cached pages that read it.
    private var readers: [PageInput: Set<String>]
    /// The cached pages, oldest first from `ageStart` (with paths of pages dropped since), and their
    /// bytes in all.
    private var age: [String]
    private var ageStart = 0
    private var cachedBytes: Int
    /// How many bytes of pages a version keeps; beyond it the oldest go, and render again when asked for.
    static let cacheLimit = 64 << 20

    /// A rendered page and what it was made from.
    struct CachedPage: Sendable {
        var bytes: Data
        var inputs: Set<PageInput>
        var templates: Set<String>
    }

    /// A version of `plan`, whose pages render with `contexts`, made from `plan`'s jobs by path. The
    /// templates that page templates use are looked up in `knownClosures` (those of a version with the
    /// same templates, since finding them parses every template) before they are worked out.
    init(portfolio: Portfolio, figures: FiguresWhenAsked, theme: Theme, plan: SiteRenderer.Plan, contexts: [Language: SiteContext],
         jobs: [String: SiteRenderer.PageJob], knownClosures: [String: Set<String>],
         keeping pages: [String: CachedPage], readers: [PageInput: Set<String>]) {
        self.portfolio = portfolio
        self.figures = figures
        themes = plan.themes
        self.contexts = contexts
        targets = plan.targets
        self.jobs = jobs
        others = Dictionary(plan.others.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        closures = Dictionary(uniqueKeysWithValues: Set(plan.jobs.map { SiteRenderer.template(of: $0.job) }).map {
            ($0, knownClosures[$0] ?? theme.closure(of: $0))
        })
        self.pages = pages
        self.readers = readers
        age = Array(pages.keys)
        cachedBytes = pages.values.reduce(0) { $0 + $1.bytes.count }
    }

    /// Every path of the site, sorted.
    public var paths: [String] { (Array(jobs.keys) + others.keys).sorted() }

    /// The file at `path`, rendering it if it is a page not rendered yet; nil when the site has no such file.
    public func file(_ path: String) -> Data? {
        if let other = others[path] {
            if let made = lock.withLock({ madeOthers[path] }) { return made }
            let made = other.contents()
            lock.withLock { madeOthers[path] = made }
            return made
        }
        if let page = lock.withLock({ pages[path] }) { return page.bytes }
        guard let job = jobs[path], let context = contexts[job.language], let theme = themes[job.language] else { return nil }
        let recorder = InputRecorder()
        let rendered = SiteRenderer.render(job.job, in: portfolio, context: context, theme: theme, recorder: recorder)
        let page = CachedPage(bytes: rendered.file.bytes, inputs: rendered.inputs, templates: closures[SiteRenderer.template(of: job.job)] ?? [])
        lock.withLock {
            guard pages[path] == nil else { return }
            pages[path] = page
            for input in page.inputs { readers[input, default: []].insert(path) }
            age.append(path)
            cachedBytes += page.bytes.count
            while cachedBytes > Self.cacheLimit, ageStart < age.count {
                forget(age[ageStart])
                ageStart += 1
            }
            if ageStart > age.count / 2 {
                age.removeFirst(ageStart)
                ageStart = 0
            }
        }
        return page.bytes
    }

    /// Drops a cached page; called with the lock held.
    private func forget(_ path: String) {
        guard let page = pages.removeValue(forKey: path) else { return }
        cachedBytes -= page.bytes.count
        for input in page.inputs { readers[input]?.remove(path) }
    }

    /// Every file, rendering every page not rendered yet, on all cores.
    public func allFiles() -> [String: Data] {
        let paths = self.paths
        let files = paths.parallelMap { file($0) }
        return Dictionary(uniqueKeysWithValues: zip(paths, files).compactMap { path, data in data.map { (path, $0) } })
    }

    /// The rendered pages that a version with `changed` inputs and `changedTemplates`, and only the
    /// pages at `paths` (this version's when nil), can keep, with their readers; and how many it cannot.
    func pagesStillValid(changed: Set<PageInput>, changedTemplates: Set<String>, paths: Set<String>?)
        -> (pages: [String: CachedPage], readers: [PageInput: Set<String>], dropped: Int) {
        lock.withLock {
            var stale = paths.map { Set(pages.keys).subtracting($0) } ?? []
            for input in changed { stale.formUnion(readers[input] ?? []) }
            if !changedTemplates.isEmpty {
                for (path, page) in pages where !page.templates.isDisjoint(with: changedTemplates) { stale.insert(path) }
            }
            var kept = pages
            var keptReaders = readers
            for path in stale {
                guard let page = kept.removeValue(forKey: path) else { continue }
                for input in page.inputs { keptReaders[input]?.remove(path) }
            }
            return (kept, keptReaders, stale.count)
        }
    }

    /// Whether a page at `path` is rendered and kept.
    func isRendered(_ path: String) -> Bool { lock.withLock { pages[path] != nil } }
}
