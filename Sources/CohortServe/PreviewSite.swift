import CohortKit
import Foundation

/// The site a preview serves, and its rebuilds: changes reported by the watcher are gathered for a
/// moment (an editor's save is often several events), then applied in one rebuild on a queue of
/// their own, so that requests are served from the last finished version meanwhile. A folder the
/// watcher cannot watch is an error on every page from then on.
final class PreviewSite: @unchecked Sendable {
    private let queue = DispatchQueue(label: "cohort.preview.rebuild")
    private let site: LiveSite
    private let lock = NSLock()
    private var pending: Set<String> = []
    private var scheduled = false
    private var unwatchedFolders: [Diagnostic] = []
    private let rebuilt: @Sendable ([String], LiveSite.Rebuild) -> Void
    private let unwatched: @Sendable (Diagnostic) -> Void

    /// A site from `options`; `rebuilt` hears of every rebuild after the first, with the paths that
    /// caused it, and `unwatched` of every folder that cannot be watched.
    init(_ options: PreviewServer.Options, rebuilt: @escaping @Sendable ([String], LiveSite.Rebuild) -> Void,
         unwatched: @escaping @Sendable (Diagnostic) -> Void) {
        site = LiveSite(contentPath: options.contentPath, templatesPath: options.templatesPath,
                        templatesRequired: options.templatesRequired)
        self.rebuilt = rebuilt
        self.unwatched = unwatched
    }

    /// A watcher of the site's folders that tells the site of changes and of folders it cannot watch.
    func makeWatcher() -> FolderWatcher {
        FolderWatcher(roots: queue.sync { site.watchedFolders }, onChange: { [self] in changed($0) },
                      onFailure: { [self] in cannotWatch($0) })
    }

    /// The last site without errors, and the problems of the last rebuild and of the folders that cannot be watched.
    var current: (version: SiteVersion?, diagnostics: [Diagnostic]) {
        let (version, diagnostics) = site.current
        let unwatched = lock.withLock { unwatchedFolders }
        return (version, unwatched.isEmpty ? diagnostics : (diagnostics + unwatched).sorted())
    }

    /// Builds everything, and waits for it.
    func build() -> LiveSite.Rebuild {
        queue.sync { site.build() }
    }

    /// Notes changed paths; a rebuild follows shortly.
    func changed(_ paths: [String]) {
        let schedule = lock.withLock { () -> Bool in
            pending.formUnion(paths)
            defer { scheduled = true }
            return !scheduled
        }
        guard schedule else { return }
        queue.asyncAfter(deadline: .now() + .milliseconds(40)) { [self] in
            let paths = lock.withLock { () -> [String] in
                defer { pending = []; scheduled = false }
                return pending.sorted()
            }
            rebuilt(paths, site.update(paths))
        }
    }

    /// Notes a folder that cannot be watched, once.
    func cannotWatch(_ failure: WatchFailure) {
        let diagnostic = failure.diagnostic(shown: PreviewServer.shown)
        let isNew = lock.withLock { () -> Bool in
            guard !unwatchedFolders.contains(diagnostic) else { return false }
            unwatchedFolders.append(diagnostic)
            return true
        }
        if isNew { unwatched(diagnostic) }
    }
}
