/// The report stage: every report file, each a view of one `Figures`.
public enum Reports {
    /// The files of output/reports: portfolio.json, summary.md, the CSV files (cash-flows.csv among them) and the charts.
    public static func render(_ figures: Figures) -> [OutputFile] {
        // No file reads another, so they are made on all cores; portfolio.json, the largest, is listed
        // first so that it starts first.
        let makers: [@Sendable () -> [OutputFile]] = [
            { [PortfolioSnapshot(figures).file()] },
            { [OutputFile(path: "summary.md", text: SummaryReport.render(figures))] },
            { [OutputFile(path: "companies.csv", text: CSVReport.companies(figures))] },
            { [OutputFile(path: "investments.csv", text: CSVReport.investments(figures))] },
            { [OutputFile(path: "agreements.csv", text: CSVReport.agreements(figures))] },
            { [OutputFile(path: "cash-flows.csv", text: CSVReport.cashFlows(figures))] },
            { [OutputFile(path: "metrics.csv", text: CSVReport.metrics(figures))] },
            { Charts.all(figures).map { OutputFile(path: $0.name, text: $0.svg) } },
        ]
        return makers.parallelMap { $0() }.flatMap { $0 }
    }
}
