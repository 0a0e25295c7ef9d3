import CohortKit
import Foundation

/// The site a preview serves, and its rebuilds: changes reported by the watcher are gathered for a
/// moment (an editor's save is often several events), then applied in one rebuild on a queue of
/// their own, so that requests are served from the last finished version meanwhile.
final class PreviewSite: @unchecked Sendable {
    private let queue = DispatchQueue(label: "cohort.preview.rebuild")
    private let site: LiveSite
    private let lock = NSLock()
    private var pending: Set<String> = []
    private var scheduled = false
    private let rebuilt: @Sendable ([String], LiveSite.Rebuild) -> Void

    /// A site from `options`; `rebuilt` hears of every rebuild after the first, with the paths that caused it.
    init(_ options: PreviewServer.Options, rebuilt: @escaping @Sendable ([String], LiveSite.Rebuild) -> Void) {
        site = LiveSite(contentPath: options.contentPath, templatesPath: options.templatesPath,
                        templatesRequired: options.templatesRequired)
        self.rebuilt = rebuilt
    }

    /// The folders to watch.
    var watchedFolders: [URL] { queue.sync { site.watchedFolders } }

    /// The last site without errors, and the problems of the last rebuild.
    var current: (version: SiteVersion?, diagnostics: [Diagnostic]) { site.current }

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
}
