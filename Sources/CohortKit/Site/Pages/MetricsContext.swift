import Foundation

/// A company's metrics on its page: a table of its periods and a chart per metric.
struct CompanyMetrics: TemplateObject {
    var columns: [MetricColumn]
    var rows: [MetricPeriodRow]
    var charts: [MetricChart]

    static let fields = TemplateFields<CompanyMetrics>("company metrics", plural: "company metrics", [
        .init("columns", \.columns, "The metrics the company reported, in the programme's order."),
        .init("rows", \.rows, "One row per period it reported for, oldest first."),
        .init("charts", \.charts, "One chart per metric it reported: a bar per period."),
    ])
}

/// A metric as a column of a table.
struct MetricColumn: TemplateObject {
    var name: String
    var lang: String?
    var iris: String?

    static let fields = TemplateFields<MetricColumn>("metric column", plural: "metric columns", [
        .init("name", \.name, "The metric's name, translated when the programme's translation gives it."),
        .init("lang", \.lang, "The language of `name` when it is not the page's."),
        .init("iris", \.iris, "Its IRIS+ metric id, such as `PI4874`."),
    ])
}

/// A period of a company's metrics.
struct MetricPeriodRow: TemplateObject {
    var period: String
    var estimated: Bool
    var source: String?
    var cells: [MetricCell]

    static let fields = TemplateFields<MetricPeriodRow>("metric period", plural: "metric periods", [
        .init("period", \.period, "`2024`, `2024-Q3` or `2024-06`."),
        .init("estimated", \.estimated, "`true` when the figures are estimates."),
        .init("source", \.source, "Where they come from, as written."),
        .init("cells", \.cells, "One per column: the value, when reported."),
    ])
}

/// One value of a metric table.
struct MetricCell: TemplateObject {
    var name: String
    var value: String?

    static let fields = TemplateFields<MetricCell>("metric cell", plural: "metric cells", [
        .init("name", \.name, "The column's metric name, for the cell's label on a phone."),
        .init("value", \.value, "The value as the page's language writes it (money as written); absent when not reported."),
    ])
}

/// A chart of one metric: a bar per period.
struct MetricChart: TemplateObject {
    var name: String
    var lang: String?
    var bars: [MetricBar]

    static let fields = TemplateFields<MetricChart>("metric chart", plural: "metric charts", [
        .init("name", \.name, "The metric's name."),
        .init("lang", \.lang, "Its language when it is not the page's."),
        .init("bars", \.bars, "A bar per period, oldest first, scaled to the largest (a percentage to 100 %)."),
    ])
}

/// A bar of a metric chart.
struct MetricBar: TemplateObject {
    var period: String
    var width: String
    var value: String
    var companies: String?

    static let fields = TemplateFields<MetricBar>("metric bar", plural: "metric bars", [
        .init("period", \.period, "The period."),
        .init("width", \.width, "The bar's CSS width, of the largest value or, for a percentage, of 100 % (none below zero)."),
        .init("value", \.value, "The value, written out."),
        .init("companies", \.companies, "On the reports page, how many companies reported: `2 companies`."),
    ])
}

/// One metric on the reports page: its totals by period, with a chart, and its change since entry.
struct OutcomeValues: TemplateObject {
    var name: String
    var lang: String?
    var iris: String?
    var added: Bool
    var periods: [MetricBar]
    var sinceEntry: String?

    static let fields = TemplateFields<OutcomeValues>("outcome", plural: "outcomes", [
        .init("name", \.name, "The metric's name."),
        .init("lang", \.lang, "Its language when it is not the page's."),
        .init("iris", \.iris, "Its IRIS+ metric id."),
        .init("added", \.added, "`true` when its values are added up (`total: sum`); a percentage's are not."),
        .init("periods", \.periods, "Its total for each period a company reported it for, as bars scaled to the largest."),
        .init("since_entry", \.sinceEntry, "Its change since entry over the companies that have a value at entry, from the `since_entry` texts."),
    ])
}

extension SiteContext {
    /// A company's metrics on its page; nil when it reported none.
    func metrics(of company: Company) -> CompanyMetrics? {
        guard !company.metrics.isEmpty else { return nil }
        let converter = programme.converter
        let reported = programme.metrics.filter { metric in company.metrics.contains { $0.value(of: metric.key) != nil } }
        let names = reported.map { source.metricName($0, in: language) }
        return CompanyMetrics(
            columns: zip(reported, names).map { MetricColumn(name: $1.text, lang: languageCode($1.language), iris: $0.iris) },
            rows: company.metrics.map { report in
                MetricPeriodRow(period: report.period.description, estimated: report.estimated, source: report.source,
                                cells: zip(reported, names).map { metric, name in
                                    MetricCell(name: name.text, value: report.value(of: metric.key).map { strings.metric($0, metric.kind) })
                                })
            },
            charts: zip(reported, names).map { metric, name in
                let values = company.metrics.compactMap { report in report.value(of: metric.key).map { (report.period, $0) } }
                return MetricChart(name: name.text, lang: languageCode(name.language),
                                   bars: bars(values.map { ($0.0, $0.1, nil) }, of: metric, converter: converter))
            })
    }

    /// The programme's outcomes on the reports page, in this context's language.
    func outcomes(_ outcomes: Outcomes) -> [OutcomeValues] {
        let converter = programme.converter
        return outcomes.metrics.map { outcome in
            let metric = outcome.metric
            let name = source.metricName(metric, in: language)
            let since = outcome.sinceEntry.map { change -> String in
                // The sign stays with the number on a right-to-left page.
                let signed = leftToRight((change.sign > 0 ? "+" : "") + strings.metric(change, metric.kind))
                return outcome.companiesSinceEntry == 1 ? strings.format(.sinceEntryOne, [("value", signed)])
                    : strings.format(.sinceEntry, [("value", signed), ("count", String(outcome.companiesSinceEntry))])
            }
            return OutcomeValues(
                name: name.text, lang: languageCode(name.language), iris: metric.iris, added: metric.total == .sum,
                periods: bars(outcome.periods.map { ($0.period, $0.total, $0.companies) }, of: metric, converter: converter),
                sinceEntry: since)
        }
    }

    /// Bars of a metric's values by period, scaled to the largest (money compared in the reporting
    /// currency; a percentage to 100 %, or to its largest when that is more, so that 40 % fills 40 % of
    /// the track); a value below zero has no bar.
    private func bars(_ values: [(period: Period, value: MetricValue, companies: Int?)], of metric: Metric,
                      converter: CurrencyConverter) -> [MetricBar] {
        let size = { (value: MetricValue) -> Double in
            switch value {
            case .count(let count): Double(count)
            case .number(let number): NSDecimalNumber(decimal: number).doubleValue
            case .money(let money): Double(converter.toReportingOrAsWritten(money).minorUnits)
            }
        }
        let largest = max(metric.kind == .percent ? 100 : 0, values.map { size($0.value) }.max() ?? 0)
        return values.map { entry in
            let share = largest > 0 ? max(0, size(entry.value)) / largest : 0
            // Thousandths of the track, as the other charts' widths: `40.5%`.
            let perMille = Int((share * 1000).rounded(.toNearestOrEven))
            return MetricBar(period: entry.period.description, width: "\(perMille / 10).\(perMille % 10)%",
                             value: strings.metric(entry.value, metric.kind),
                             companies: entry.companies.map { $0 == 1 ? strings[.companyCountOne] : strings.format(.companyCount, [("count", String($0))]) })
        }
    }
}
