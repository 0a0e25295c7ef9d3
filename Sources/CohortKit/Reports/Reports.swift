/// The report stage: every report file, each a view of one `Figures`.
public enum Reports {
    /// The files of output/reports.
    public static func render(_ figures: Figures) -> [OutputFile] {
        var files = [
            OutputFile(path: "summary.md", text: SummaryReport.render(figures)),
            OutputFile(path: "companies.csv", text: CSVReport.companies(figures)),
            OutputFile(path: "investments.csv", text: CSVReport.investments(figures)),
            OutputFile(path: "agreements.csv", text: CSVReport.agreements(figures)),
            OutputFile(path: "portfolio.json", text: PortfolioSnapshot(figures).json()),
        ]
        files += Charts.all(figures).map { OutputFile(path: $0.name, text: $0.svg) }
        return files
    }
}
