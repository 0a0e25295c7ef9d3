import Foundation

/// A project on disk: where its content, templates and output are. The conductor of the pipeline:
/// load, decode, link, render, write, with only the first and the last touching the disk.
public struct Project: Sendable {
    /// The content folder as the user named it, for example `content`.
    public var contentPath: String
    /// The templates folder as the user named it.
    public var templatesPath: String
    /// The output folder as the user named it; the site goes to `<output>/site`.
    public var outputPath: String

    /// Creates a project from folder paths, relative to the current directory or absolute.
    public init(contentPath: String = "content", templatesPath: String = "templates", outputPath: String = "output") {
        self.contentPath = contentPath
        self.templatesPath = templatesPath
        self.outputPath = outputPath
    }

    var contentURL: URL { URL(fileURLWithPath: contentPath) }
    var templatesURL: URL { URL(fileURLWithPath: templatesPath) }
    var siteURL: URL { URL(fileURLWithPath: outputPath).appendingPathComponent("site") }

    /// What a check or build found and did.
    public struct Outcome: Sendable {
        /// Every problem found, sorted by file and position.
        public var diagnostics: [Diagnostic]
        /// The linked portfolio, when the content has no errors.
        public var portfolio: Portfolio?
        /// The number of files written to the site, or nil when nothing was written.
        public var filesWritten: Int?
        /// How long each stage took.
        public var timings: Timings
    }

    /// Loads, decodes, links and renders everything, and reports every problem; writes nothing.
    public func check() -> Outcome {
        var timings = Timings()
        let (portfolio, diagnostics, _) = render(&timings)
        return Outcome(diagnostics: diagnostics.sorted(), portfolio: portfolio, filesWritten: nil, timings: timings)
    }

    /// Builds the site into `<output>/site`. Nothing is written when there is an error, or a warning under `strict`.
    public func build(strict: Bool = false) -> Outcome {
        var timings = Timings()
        var (portfolio, diagnostics, files) = render(&timings)
        guard let files, !diagnostics.hasErrors, !(strict && !diagnostics.isEmpty) else {
            return Outcome(diagnostics: diagnostics.sorted(), portfolio: portfolio, filesWritten: nil, timings: timings)
        }
        do {
            try timings.measure(.write) { () throws(OutputWriter.Failure) in
                try OutputWriter.write(files, to: siteURL, protecting: [contentURL, templatesURL])
            }
        } catch {
            diagnostics.append(.error(at: .file(outputPath + "/site"), error.description))
            return Outcome(diagnostics: diagnostics.sorted(), portfolio: portfolio, filesWritten: nil, timings: timings)
        }
        return Outcome(diagnostics: diagnostics.sorted(), portfolio: portfolio, filesWritten: files.count, timings: timings)
    }

    /// Every stage but write: the site's files when the content and templates allow them.
    private func render(_ timings: inout Timings) -> (Portfolio?, [Diagnostic], [OutputFile]?) {
        var (portfolio, diagnostics, theme) = prepare(&timings)
        guard let linked = portfolio, let theme, !diagnostics.hasErrors else { return (portfolio, diagnostics, nil) }
        let (files, problems) = timings.measure(.render) { SiteRenderer.render(linked, theme: theme) }
        diagnostics += problems
        return (linked, diagnostics, problems.hasErrors ? nil : files)
    }

    private func prepare(_ timings: inout Timings) -> (Portfolio?, [Diagnostic], Theme?) {
        let source = timings.measure(.load) { ContentLoader.load(from: contentURL, displayRoot: contentPath) }
        let (theme, themeDiagnostics) = timings.measure(.load) { Theme.load(from: templatesURL, displayRoot: templatesPath) }
        let decoded = timings.measure(.decode) { Decoding.decode(source) }
        var diagnostics = decoded.diagnostics + themeDiagnostics
        guard let programme = decoded.programme else { return (nil, diagnostics, theme) }
        let (portfolio, problems) = timings.measure(.link) {
            Linker.link(programme: programme, documents: decoded.documents, undecoded: decoded.undecoded, staticFiles: source.staticFiles)
        }
        diagnostics += problems
        return (portfolio, diagnostics, theme)
    }
}

/// Wall time per pipeline stage.
public struct Timings: Sendable {
    /// A stage of the pipeline.
    public enum Stage: String, Sendable, CaseIterable {
        case load, decode, link, render, write
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
