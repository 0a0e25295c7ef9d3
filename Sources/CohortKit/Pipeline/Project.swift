import Foundation

/// A project on disk: where its content, templates and output are. The conductor of the pipeline:
/// load, decode, link, report and render, write; only the first and the last touch the disk.
public struct Project: Sendable {
    /// The content folder as the user named it, for example `content`.
    public var contentPath: String
    /// The templates folder as the user named it.
    public var templatesPath: String
    /// The output folder as the user named it; the site goes to `<output>/site`, reports to `<output>/reports`.
    public var outputPath: String
    /// How diagnostics name the content folder, when it is not `contentPath` (a copy taken from git).
    public var contentLabel: String?

    /// Creates a project from folder paths, relative to the current directory or absolute.
    public init(contentPath: String = "content", templatesPath: String = "templates", outputPath: String = "output") {
        self.contentPath = contentPath
        self.templatesPath = templatesPath
        self.outputPath = outputPath
    }

    var contentURL: URL { URL(fileURLWithPath: contentPath) }
    var templatesURL: URL { URL(fileURLWithPath: templatesPath) }
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

    /// Everything the pipeline produced before writing.
    private struct Products {
        var portfolio: Portfolio?
        var figures: Figures?
        var diagnostics: [Diagnostic]
        var site: [OutputFile]?
        var reports: [OutputFile]?
    }

    /// Loads, decodes, links, reports and renders everything, and reports every problem; writes nothing.
    public func check() -> Outcome {
        var timings = Timings()
        let products = produce(site: true, &timings)
        return outcome(products, timings)
    }

    /// Builds the site into `<output>/site` and the reports into `<output>/reports`. Nothing is written
    /// when there is an error, or a warning under `strict`. With `checkReports`, nothing is written and
    /// committed reports that differ from what the content gives are errors.
    public func build(strict: Bool = false, checkReports: Bool = false) -> Outcome {
        run(site: true, strict: strict, checkReports: checkReports)
    }

    /// Writes only the reports (or, with `checkReports`, checks them).
    public func report(strict: Bool = false, checkReports: Bool = false) -> Outcome {
        run(site: false, strict: strict, checkReports: checkReports)
    }

    /// The snapshot of the content (what portfolio.json holds), or the diagnostics that prevent one.
    public func snapshot() -> (PortfolioSnapshot?, [Diagnostic]) {
        var timings = Timings()
        let products = produce(site: false, &timings)
        return (products.figures.map(PortfolioSnapshot.init), products.diagnostics.sorted())
    }

    private func run(site: Bool, strict: Bool, checkReports: Bool) -> Outcome {
        var timings = Timings()
        var products = produce(site: site, &timings)
        guard let reports = products.reports, !products.diagnostics.hasErrors else { return outcome(products, timings) }
        if checkReports {
            products.diagnostics += ReportCheck.compare(reports, with: reportsURL, displayFolder: reportsDisplayPath)
            return outcome(products, timings)
        }
        guard !(strict && !products.diagnostics.isEmpty) else { return outcome(products, timings) }
        var targets: [(files: [OutputFile], url: URL, display: String)] = []
        if site, let files = products.site { targets.append((files, siteURL, outputPath + "/site")) }
        targets.append((reports, reportsURL, reportsDisplayPath))
        var result = outcome(products, timings)
        // Refuse before writing anything, so one folder is never replaced while the other is refused.
        for target in targets {
            do {
                try OutputWriter.preflight(target.url, protecting: [contentURL, templatesURL])
            } catch {
                result.diagnostics.append(.error(at: .file(target.display), error.description))
                return result
            }
        }
        for target in targets {
            do {
                try result.timings.measure(.write) { () throws(OutputWriter.Failure) in
                    try OutputWriter.write(target.files, to: target.url, protecting: [contentURL, templatesURL])
                }
                result.written.append((target.display, target.files.count))
            } catch {
                result.diagnostics.append(.error(at: .file(target.display), error.description))
                return result
            }
        }
        return result
    }

    private func outcome(_ products: Products, _ timings: Timings) -> Outcome {
        Outcome(diagnostics: products.diagnostics.sorted(), portfolio: products.portfolio, figures: products.figures, timings: timings)
    }

    /// Every stage but write.
    private func produce(site: Bool, _ timings: inout Timings) -> Products {
        let source = timings.measure(.load) { ContentLoader.load(from: contentURL, displayRoot: contentLabel ?? contentPath) }
        var theme: Theme?
        var diagnostics: [Diagnostic] = []
        if site {
            (theme, diagnostics) = timings.measure(.load) { Theme.load(from: templatesURL, displayRoot: templatesPath) }
        }
        let decoded = timings.measure(.decode) { Decoding.decode(source) }
        diagnostics += decoded.diagnostics
        guard let programme = decoded.programme else { return Products(diagnostics: diagnostics) }
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
        var products = Products(portfolio: portfolio, figures: figures, diagnostics: diagnostics, reports: reports)
        guard site, let theme else { return products }
        let (files, renderProblems) = timings.measure(.render) { SiteRenderer.render(portfolio, figures: figures, theme: theme) }
        products.diagnostics += renderProblems
        products.site = renderProblems.hasErrors ? nil : files
        if renderProblems.hasErrors { products.reports = nil }
        return products
    }
}
