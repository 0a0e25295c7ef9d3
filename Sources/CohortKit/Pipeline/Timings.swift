/// Wall time per pipeline stage. Site pages are written to the staging folder as they render, so
/// `render` includes writing them; `write` is the reports and the swap of the staged folders.
public struct Timings: Sendable {
    /// A stage of the pipeline.
    public enum Stage: String, Sendable, CaseIterable {
        /// In pipeline order: read files, decode, link and check, compute reports, render the site, build
        /// its search index, write output.
        case load, decode, link, report, render, search, write
    }

    /// Seconds spent in each stage.
    public private(set) var seconds: [Stage: Double] = [:]

    mutating func measure<T, E: Error>(_ stage: Stage, _ work: () throws(E) -> T) throws(E) -> T {
        let clock = ContinuousClock()
        let start = clock.now
        defer {
            let elapsed = clock.now - start
            seconds[stage, default: 0] += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        return try work()
    }
}
