import FlyingFox
import Foundation

/// Tells every open page to reload: each page served gets a script, served as a file of its own so
/// that a Content-Security-Policy without `'unsafe-inline'` lets it run, which listens on a WebSocket
/// beside it; every such socket gets a message after every rebuild. Both are in `/.cohort/`, which no
/// file of a site can be in (content in folders whose names start with `.` is not read).
final class LiveReload: WSMessageHandler, @unchecked Sendable {
    /// The folder of the script and the socket.
    static let folder = "/.cohort/"
    /// Where open pages listen for rebuilds.
    static let socketPath = folder + "live"
    /// Where pages load the script from.
    static let scriptPath = folder + "live-reload.js"

    /// The script each served page loads: it reloads the page, keeping its scroll position, when the
    /// server says the site was rebuilt, and once more when the server comes back after a restart. The
    /// socket's address is the script's own, so both work wherever the preview is served from (a
    /// proxy's sub-path included), and from the page's origin, which `connect-src 'self'` allows.
    static let script = """
        /* cohort serve: reloads the page when the site is rebuilt */
        (function () {
          var address = new URL("\(socketPath.dropFirst(folder.count))", document.currentScript.src);
          address.protocol = address.protocol === "https:" ? "wss:" : "ws:";
          var key = "cohort-scroll:" + location.pathname, saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            addEventListener("load", function () { scrollTo(0, Number(saved)); });
          }
          function reload() { sessionStorage.setItem(key, String(scrollY)); location.reload(); }
          function connect(lost) {
            var socket = new WebSocket(address.href);
            socket.onopen = function () { if (lost) reload(); };
            socket.onmessage = reload;
            socket.onclose = function () { setTimeout(function () { connect(true); }, 1000); };
          }
          connect(false);
        })();

        """

    /// The preview's own file at a site path (`.cohort/live-reload.js`), if it is one.
    static func file(_ path: String) -> Data? {
        "/" + path == scriptPath ? Data(script.utf8) : nil
    }

    /// The tag that loads the script into the page at `target` (a path from the host's root): relative
    /// to the page, so that it works under a proxy's sub-path too.
    static func tag(for target: String) -> String {
        let depth = max(0, target.prefix { $0 != "?" }.filter { $0 == "/" }.count - 1)
        return "<script src=\"\(String(repeating: "../", count: depth))\(scriptPath.dropFirst())\" defer></script>\n"
    }

    /// `page`, served at `target`, with the tag that loads the script before its closing body tag (or at its end).
    static func inject(into page: Data, at target: String) -> Data {
        let tag = Data(tag(for: target).utf8)
        guard let range = page.range(of: Data("</body>".utf8), options: .backwards) else { return page + tag }
        var result = page
        result.insert(contentsOf: tag, at: range.lowerBound)
        return result
    }

    private let lock = NSLock()
    private var pages: [UUID: AsyncStream<WSMessage>.Continuation] = [:]

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let id = UUID()
        let (messages, continuation) = AsyncStream<WSMessage>.makeStream()
        lock.withLock { pages[id] = continuation }
        continuation.onTermination = { [weak self] _ in self?.lock.withLock { _ = self?.pages.removeValue(forKey: id) } }
        // The page says nothing; its stream ends when the page goes away.
        Task {
            for await _ in client {}
            continuation.finish()
        }
        return messages
    }

    /// Sends every open page the reload message.
    func reloadAll() {
        for page in lock.withLock({ Array(pages.values) }) { page.yield(.text("reload")) }
    }
}
