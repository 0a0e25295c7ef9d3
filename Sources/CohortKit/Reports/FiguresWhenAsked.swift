import Foundation

/// A portfolio's figures, computed when first asked for and then kept, on whichever thread asks: the
/// preview's, where an edit of front matter changes them but only the home and reports pages and the
/// charts show them, so that an edit is served without waiting for them. A build hands over figures it
/// has computed already.
final class FiguresWhenAsked: @unchecked Sendable {
    /// The warnings the figures count, when they are computed here.
    let warnings: [Diagnostic]?
    private let lock = NSLock()
    private let compute: @Sendable () -> Figures
    private var computed: Figures?

    /// Figures computed already.
    init(_ figures: Figures) {
        warnings = nil
        computed = figures
        compute = { figures }
    }

    /// The figures of `portfolio` with `warnings`, when first asked for.
    init(_ portfolio: Portfolio, warnings: [Diagnostic]) {
        self.warnings = warnings
        compute = { Figures(portfolio, warnings: warnings) }
    }

    /// Whether the figures have been computed.
    var isComputed: Bool { lock.withLock { computed != nil } }

    /// The figures.
    var value: Figures {
        lock.withLock {
            if let computed { return computed }
            let figures = compute()
            computed = figures
            return figures
        }
    }
}
