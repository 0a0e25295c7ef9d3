import FlyingFox
import Foundation

/// Tells every open page to reload: each page served gets a script that listens on a WebSocket at
/// `path`, and every such socket gets a message after every rebuild.
final class LiveReload: WSMessageHandler, @unchecked Sendable {
    /// Where open pages listen for rebuilds.
    static let path = "/__cohort/live"

    /// The script that each served page gets: it reloads the page, keeping its scroll position, when
    /// the server says the site was rebuilt, and once more when the server comes back after a restart.
    static let script = """
        <script>/* cohort serve: reloads the page when the site is rebuilt */
        (function () {
          var key = "cohort-scroll:" + location.pathname, saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            addEventListener("load", function () { scrollTo(0, Number(saved)); });
          }
          function reload() { sessionStorage.setItem(key, String(scrollY)); location.reload(); }
          function connect(lost) {
            var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(path)");
            socket.onopen = function () { if (lost) reload(); };
            socket.onmessage = reload;
            socket.onclose = function () { setTimeout(function () { connect(true); }, 1000); };
          }
          connect(false);
        })();
        </script>

        """

    /// `page` with the script before its closing body tag (or at its end).
    static func inject(into page: Data) -> Data {
        let closing = Data("</body>".utf8)
        guard let range = page.range(of: closing, options: .backwards) else { return page + Data(script.utf8) }
        var result = page
        result.insert(contentsOf: Data(script.utf8), at: range.lowerBound)
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
