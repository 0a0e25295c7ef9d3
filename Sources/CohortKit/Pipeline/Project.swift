import Foundation

/// A project on disk: where its content, templates and output are. The conductor of the pipeline:
/// load, decode, link, report and render, write; only the first and the last touch the disk.
public struct Project: Sendable {
    /// The content folder as the user named it, for example `content`.
    public var contentPath: String
    /// The programme's templates folder as the user named it, laid over the built-in theme file by
    /// file; nil builds with the built-in theme alone.
    public var templatesPath: String?
    /// The output folder as the user named it; the site goes to `<output>/site`, reports to `<output>/reports`.
    public var outputPath: String
    /// How diagnostics name the content folder, when it is not `contentPath` (a copy taken from git).
    public var contentLabel: String?
    /// The day to take the figures and the site as of, in place of the programme's reporting date
    /// (`--as-of`): what the content dates later is left out (`Portfolio.asOf`).
    public var asOf: Day?

    /// Creates a project from folder paths, relative to the current directory or absolute.
    public init(contentPath: String = "content", templatesPath: String? = nil, outputPath: String = "output") {
        self.contentPath = contentPath
        self.templatesPath = templatesPath
        self.outputPath = outputPath
    }

    var contentURL: URL { URL(fileURLWithPath: contentPath) }
    var templatesURL: URL? { templatesPath.map { URL(fileURLWithPath: $0) } }
    var siteURL: URL { URL(fileURLWithPath: outputPath).appendingPathComponent("site") }
    var reportsURL: URL { URL(fileURLWithPath: outputPath).appendingPathComponent("reports") }
    var reportsDisplayPath: String { outputPath + "/reports" }

    /// What a check or build found and did.
    public struct Outcome: Sendable {
        /// Every problem found, sorted by file and position.
        public var diagnostics: [Diagnostic]
        /// The linked portfolio, when the content has no errors.
        public var portfolio: Portfolio?
        /// The figures of the reports, when the content has no errors.
        public var figures: Figures?
        /// What was written, by folder, such as `output/site`, and how many files.
        public var written: [(folder: String, files: Int)] = []
        /// How long each stage took.
        public var timings: Timings
    }

    /// Everything the pipeline produced before rendering the site and writing.
    private struct Products {
        var portfolio: Portfolio?
        var figures: Figures?
        var theme: Theme?
        var diagnostics: [Diagnostic]
        var reports: [OutputFile]?
    }

    /// Loads, decodes, links, reports and renders everything, and reports every problem; writes nothing.
    /// Each file of the site, rendered to be checked, goes to `emit` (from any thread), as a build would
    /// write it: what a test compares a preview with, without rendering the site twice.
    public func check(emit: @Sendable (OutputFile) -> Void = { _ in }) -> Outcome {
        var timings = Timings()
        var products = produce(site: true, &timings)
        if let portfolio = products.portfolio, let figures = products.figures, let theme = products.theme {
            products.diagnostics += timings.measure(.render) {
                SiteRenderer.render(portfolio, figures: figures, theme: theme, emit: emit)
            }
        }
        return outcome(products, timings)
    }

    /// Builds the site into `<output>/site` and the reports into `<output>/reports`. Nothing is written
    /// when there is an error, or a warning under `strict`. With `checkReports`, nothing is written and
    /// committed reports that differ from what the content gives are errors.
    /// With `search` false, the site gets no search index even when the programme has search.
    public func build(strict: Bool = false, checkReports: Bool = false, search: Bool = true) -> Outcome {
        run(site: true, strict: strict, checkReports: checkReports, search: search)
    }

    /// Writes only the reports (or, with `checkReports`, checks them).
    public func report(strict: Bool = false, checkReports: Bool = false) -> Outcome {
        run(site: false, strict: strict, checkReports: checkReports, search: false)
    }

    /// The snapshot of the content (what portfolio.json holds) and the addresses of its site's pages,
    /// or the diagnostics that prevent them.
    public func snapshot() -> (snapshot: PortfolioSnapshot?, addresses: SiteAddresses?, diagnostics: [Diagnostic]) {
        var timings = Timings()
        let products = produce(site: false, &timings)
        return (products.figures.map(PortfolioSnapshot.init), products.portfolio.map(SiteAddresses.init), products.diagnostics.sorted())
    }

    /// Site pages are written to a staging folder while they render; the staged site and reports
    /// replace the output folders only when everything succeeded.
    private func run(site: Bool, strict: Bool, checkReports: Bool, search: Bool) -> Outcome {
        var timings = Timings()
        var products = produce(site: site, &timings)
        guard let reports = products.reports, let portfolio = products.portfolio, let figures = products.figures,
              !products.diagnostics.hasErrors else { return outcome(products, timings) }
        let theme = site ? products.theme : nil
        if checkReports {
            if let theme {
                products.diagnostics += timings.measure(.render) {
                    SiteRenderer.render(portfolio, figures: figures, theme: theme, emit: { _ in })
                }
            }
            products.diagnostics += ReportCheck.compare(reports, with: reportsURL, displayFolder: reportsDisplayPath)
            return outcome(products, timings)
        }
        guard !(strict && !products.diagnostics.isEmpty) else { return outcome(products, timings) }
        var targets = [(url: reportsURL, display: reportsDisplayPath)]
        if theme != nil { targets.insert((siteURL, outputPath + "/site"), at: 0) }
        let protected = [contentURL, templatesURL].compactMap { $0 }
        // A folder that overlaps what Cohort reads is refused before anything, the output folder included, is made.
        for target in targets {
            do {
                try OutputWriter.checkNotOverlapping(target.url, protected)
            } catch {
                products.diagnostics.append(.error(at: .file(target.display), error.description))
                return outcome(products, timings)
            }
        }
        // One build at a time writes an output folder; the lock goes when this function returns.
        let lock: OutputLock
        do {
            lock = try OutputLock(URL(fileURLWithPath: outputPath))
        } catch {
            products.diagnostics.append(.error(at: .file(outputPath), error.description))
            return outcome(products, timings)
        }
        defer { withExtendedLifetime(lock) {} }
        // Both folders are staged, which checks that each may be replaced, before either is written.
        var staged: [(folder: StagedFolder, display: String)] = []
        func fail(_ display: String, _ message: String) -> Outcome {
            // Aborting a folder already committed does nothing: its staging folder is the output now.
            staged.forEach { $0.folder.abort() }
            products.diagnostics.append(.error(at: .file(display), message))
            return outcome(products, timings)
        }
        for target in targets {
            do {
                staged.append((try StagedFolder(replacing: target.url, protecting: protected), target.display))
            } catch {
                return fail(target.display, error.description)
            }
        }
        if let theme, let site = staged.first?.folder {
            // The cards of SVG logos first: the pages name them as the pictures of shared links.
            var portfolio = portfolio
            let cards = timings.measure(.render) { SocialCards.make(for: portfolio) }
            cards.cards.values.forEach(site.add)
            portfolio.cards = cards.cards.mapValues(\.path)
            products.diagnostics += cards.diagnostics
            let problems = timings.measure(.render) {
                SiteRenderer.render(portfolio, figures: figures, theme: theme, emit: site.add)
            }
            products.diagnostics += problems
            if problems.hasErrors {
                staged.forEach { $0.folder.abort() }
                return outcome(products, timings)
            }
            if search, portfolio.programme.search {
                let problems = timings.measure(.search) { Self.index(site, programme: portfolio.programme) }
                products.diagnostics += problems
                if strict, !problems.isEmpty {
                    staged.forEach { $0.folder.abort() }
                    return outcome(products, timings)
                }
            }
        }
        if let reportsFolder = staged.last?.folder { reports.forEach(reportsFolder.add) }
        for entry in staged {
            do {
                try timings.measure(.write) { () throws(OutputWriter.Failure) in try entry.folder.commit() }
            } catch {
                return fail(entry.display, error.description)
            }
        }
        var result = outcome(products, timings)
        result.written = staged.map { ($0.display, $0.folder.count) }
        return result
    }

    /// Adds the search index of the staged `site` to it, made by Pagefind where this machine has it; a
    /// warning when it cannot be made, as the site works without it.
    private static func index(_ site: StagedFolder, programme: Programme) -> [Diagnostic] {
        do throws(ToolFailure) {
            let indexer: any SearchIndexer = try Pagefind.locate()
            try indexer.index(site: site.contents).forEach(site.add)
            return []
        } catch {
            return [.warning(at: programme.source, "the site has no search index: \(error.description)", hint: error.hint)]
        }
    }

    private func outcome(_ products: Products, _ timings: Timings) -> Outcome {
        Outcome(diagnostics: products.diagnostics.sorted(), portfolio: products.portfolio, figures: products.figures, timings: timings)
    }

    /// Every stage before the site is rendered: load, decode, link and report.
    private func produce(site: Bool, _ timings: inout Timings) -> Products {
        let source = timings.measure(.load) { ContentLoader.load(from: contentURL, displayRoot: contentLabel ?? contentPath) }
        var theme: Theme?
        var diagnostics: [Diagnostic] = []
        if site {
            (theme, diagnostics) = timings.measure(.load) { Theme.load(overriding: templatesURL, displayRoot: templatesPath ?? "templates") }
        }
        let decoded = timings.measure(.decode) { Decoding.decode(source) }
        diagnostics += decoded.diagnostics
        guard var programme = decoded.programme else { return Products(diagnostics: diagnostics) }
        if let asOf { programme.reportingDate = asOf }
        let (portfolio, problems) = timings.measure(.link) {
            Linker.link(programme: programme, documents: decoded.documents, undecoded: decoded.undecoded, staticFiles: source.staticFiles)
        }
        diagnostics += problems
        guard let portfolio, !diagnostics.hasErrors else { return Products(portfolio: portfolio, diagnostics: diagnostics) }
        let warnings = diagnostics.warnings
        let (figures, reports) = timings.measure(.report) { () -> (Figures, [OutputFile]) in
            let figures = Figures(portfolio, warnings: warnings)
            return (figures, Reports.render(figures))
        }
        return Products(portfolio: portfolio, figures: figures, theme: theme, diagnostics: diagnostics, reports: reports)
    }
}
