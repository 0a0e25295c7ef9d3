import CohortKit
import Foundation

/// The site a preview serves, and its rebuilds: changes reported by the watcher are gathered until
/// they settle (an editor's save is often several events), then applied in one rebuild on a queue of
/// their own, so that requests are served from the last finished version meanwhile. A folder the
/// watcher cannot watch is an error on every page from then on.
final class PreviewSite: @unchecked Sendable {
    /// How long no new change must come, with every file written closed, before a rebuild starts.
    static let quiet = DispatchTimeInterval.milliseconds(10)
    /// How long after the first change a rebuild starts at the latest, even with a file still open for
    /// writing (it is read as it is, and read again when its writer closes it).
    static let longest = DispatchTimeInterval.milliseconds(40)

    private let queue = DispatchQueue(label: "cohort.preview.rebuild")
    private let site: LiveSite
    private let lock = NSLock()
    private var pending: Set<String> = []
    /// The files of `pending` that a program may still be writing.
    private var writing: Set<String> = []
    /// When the first change of `pending` came.
    private var firstChange: DispatchTime?
    /// Counts the calls of `changed`: a scheduled rebuild that a later call overtook does nothing.
    private var calls = 0
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

    /// Notes changes; a rebuild follows once they settle: `quiet` after the last, when no file is
    /// still open for writing, and `longest` after the first at the latest.
    func changed(_ changes: [FolderWatcher.Change]) {
        let (deadline, call) = lock.withLock { () -> (DispatchTime, Int) in
            let now = DispatchTime.now()
            let first = firstChange ?? now
            firstChange = first
            for change in changes {
                pending.insert(change.path)
                switch change.writer {
                case .writing: writing.insert(change.path)
                case .done: writing.remove(change.path)
                case .unknown: break
                }
            }
            calls += 1
            let latest = first + Self.longest
            return (writing.isEmpty ? min(now + Self.quiet, latest) : latest, calls)
        }
        queue.asyncAfter(deadline: deadline) { [self] in
            let paths = lock.withLock { () -> [String]? in
                guard calls == call else { return nil }
                defer { pending = []; writing = []; firstChange = nil }
                return pending.sorted()
            }
            guard let paths else { return }
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
