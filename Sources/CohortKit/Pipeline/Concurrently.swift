import Foundation

/// Runs `first` and `second`, which share nothing they change, at the same time on two cores, and
/// returns both results: for independent stages of one rebuild, such as the lists and the link targets
/// of a site's plan.
func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let results = ConcurrentResults<A, B>()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        // Each iteration writes its own slot, once, before concurrentPerform returns.
        if index == 0 { results.first = first() } else { results.second = second() }
    }
    // Both slots are set: concurrentPerform runs every iteration before it returns.
    guard let a = results.first, let b = results.second else { return (first(), second()) }
    return (a, b)
}

/// The two results of `concurrently`, each written by one thread.
private final class ConcurrentResults<A, B>: @unchecked Sendable {
    var first: A?
    var second: B?
}
