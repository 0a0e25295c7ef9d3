import CohortKit
import Foundation

/// A folder whose changes the preview cannot see, because the system would not watch it: what the
/// terminal and every page of the preview say until it is fixed, so that a stale preview is never
/// taken for a current one.
struct WatchFailure: Sendable, Equatable {
    /// The folder, as an absolute path.
    var folder: String
    /// The `errno` of the failed `inotify_init1` or `inotify_add_watch`.
    var code: Int32

    /// The problem at the folder (named as `shown` gives it), with what to do about it.
    func diagnostic(shown: (String) -> String) -> Diagnostic {
        let (reason, remedy): (String, String) = switch code {
        case ENOSPC:
            ("the system's limit on watched folders is reached (fs.inotify.max_user_watches)",
             "raise it, for example with 'sudo sysctl fs.inotify.max_user_watches=524288' (and that setting in /etc/sysctl.d/ to keep it)")
        case EMFILE:
            ("the system's limit on file watchers is reached (fs.inotify.max_user_instances)",
             "raise it, for example with 'sudo sysctl fs.inotify.max_user_instances=1024', or stop other programs that watch files")
        case EACCES:
            ("cohort may not read the folder", "give it permission to read the folder")
        default:
            (String(cString: strerror(code)), "fix that")
        }
        return .error(at: .file(shown(folder)), "changes here cannot be seen, so the preview would not show them: \(reason)",
                      hint: "\(remedy), then restart cohort serve")
    }
}
