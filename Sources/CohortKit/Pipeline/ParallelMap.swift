import Foundation

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order; for independent, pure work such as
    /// decoding files and rendering pages. Work is handed out in small chunks as threads free up, so
    /// one heavy element (a list page of every company) does not hold a whole share back.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let chunkSize = Swift.max(1, Swift.min(16, count / (ProcessInfo.processInfo.activeProcessorCount * 8)))
        let chunkCount = (count + chunkSize - 1) / chunkSize
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each chunk writes a disjoint range of the buffer, so the writes never race.
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let start = chunk * chunkSize
                let end = Swift.min(start + chunkSize, count)
                guard start < end else { return }
                for index in start..<end { buffer[index] = transform(self[index]) }
            }
        }
        return results.compactMap { $0 }
    }
}
