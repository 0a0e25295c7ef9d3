import Foundation

/// A portfolio's figures, computed when first asked for and then kept, on whichever thread asks: the
/// preview's, where an edit of front matter changes them but only the home and reports pages and the
/// charts show them, so that an edit is served without waiting for them. A build hands over figures it
/// has computed already.
final class FiguresWhenAsked: @unchecked Sendable {
    /// The warnings the figures count, when they are computed here.
    let warnings: [Diagnostic]?
    private let lock = NSLock()
    /// What computes them until they are (then the portfolio it holds goes), or the figures.
    private var state: State

    private enum State {
        case waiting(@Sendable () -> Figures)
        case computed(Figures)
    }

    /// Figures computed already.
    init(_ figures: Figures) {
        warnings = nil
        state = .computed(figures)
    }

    /// The figures of `portfolio` with `warnings`, when first asked for.
    init(_ portfolio: Portfolio, warnings: [Diagnostic]) {
        self.warnings = warnings
        state = .waiting { Figures(portfolio, warnings: warnings) }
    }

    /// Whether the figures have been computed.
    var isComputed: Bool {
        lock.withLock {
            if case .computed = state { return true }
            return false
        }
    }

    /// The figures.
    var value: Figures {
        lock.withLock {
            switch state {
            case .computed(let figures):
                return figures
            case .waiting(let compute):
                let figures = compute()
                state = .computed(figures)
                return figures
            }
        }
    }
}
