import FlyingFox
import Foundation

/// Tells every open page to reload: each WebSocket on `PreviewResponse.liveReloadPath` gets a message
/// after every rebuild.
final class LiveReload: WSMessageHandler, @unchecked Sendable {
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
