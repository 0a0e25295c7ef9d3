import Foundation

/// Values made when first asked for and then kept, for every thread that asks: what many pages show
/// (a company's row, a news item's summary) is made once. A value is made outside the lock, so two
/// threads asking for it at once may both make it; the first one stored is kept, and both are the same,
/// made from the same inputs.
final class SharedMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    /// The value for `key`, made by `make` if no thread has made it yet.
    func value(for key: Key, making make: () -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let made = make()
        return lock.withLock {
            if let known = values[key] { return known }
            values[key] = made
            return made
        }
    }
}
