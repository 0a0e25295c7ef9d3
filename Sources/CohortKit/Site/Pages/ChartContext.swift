/// The report page's charts as HTML: bars sized in per cent and every label and value as text in the
/// page's language, so that they read at any width and in every language. They show the same figures
/// as the SVG charts of output/reports, which stay in the default language.
struct HTMLCharts: TemplateObject {
    var pool: PoolChart
    var allocation: AllocationChart
    var timeline: TimelineChart
    var performance: PerformanceChart

    static let fields = TemplateFields<HTMLCharts>("charts", plural: "charts", [
        .init("chart_pool", \.pool, "The pool chart."),
        .init("chart_allocation", \.allocation, "The allocation chart: one bar per focus area, as in `by_focus_area`, scaled to the largest."),
        .init("chart_timeline", \.timeline, "The timeline chart: two bars per quarter, the cumulative committed and disbursed amounts, scaled to the pool (or to the largest cumulative amount when larger)."),
        .init("chart_performance", \.performance, "The performance chart: two bars per row of `performance`, what was paid in and what it is worth (realised and unrealised), scaled to the largest."),
    ])
}

/// The performance chart.
struct PerformanceChart: TemplateObject {
    var rows: [PerformanceBar]

    static let fields = TemplateFields<PerformanceChart>("performance chart", plural: "performance charts", [
        .init("rows", \.rows, "The bars of each quarter's end, and of the reporting date."),
    ])
}

/// The bars of one day of the performance chart.
struct PerformanceBar: TemplateObject {
    var name: String
    var paidWidth: String
    var valueWidth: String
    var paid: String
    var value: String
    var tvpi: String?

    static let fields = TemplateFields<PerformanceBar>("performance bar", plural: "performance bars", [
        .init("name", \.name, "The quarter, `2021 Q2`, or the reporting date when it is not a quarter's end."),
        .init("paid_width", \.paidWidth, "What was paid in by then, as a CSS width."),
        .init("value_width", \.valueWidth, "What it is worth then (realised and unrealised), as a CSS width."),
        .init("paid", \.paid, "What was paid in."),
        .init("value", \.value, "What it is worth."),
        .init("tvpi", \.tvpi, "The TVPI then, from the `ratio` text."),
    ])
}

/// The pool as one bar: the stated and the estimated part of what is committed, and what is left.
struct PoolChart: TemplateObject {
    var statedWidth: String
    var estimatedWidth: String
    var estimated: Bool
    var committed: String
    var remaining: String
    var pool: String

    static let fields = TemplateFields<PoolChart>("pool chart", plural: "pool charts", [
        .init("stated_width", \.statedWidth, "The stated part of what is committed, as a CSS width of the pool such as `29.9%`."),
        .init("estimated_width", \.estimatedWidth, "The estimated part, the same way."),
        .init("estimated", \.estimated, "`true` when part of the committed amount is an estimate."),
        .init("committed", \.committed, "What is committed."),
        .init("remaining", \.remaining, "What is left."),
        .init("pool", \.pool, "The pool."),
    ])
}

/// The allocation chart.
struct AllocationChart: TemplateObject {
    var rows: [AllocationBar]

    static let fields = TemplateFields<AllocationChart>("allocation chart", plural: "allocation charts", [
        .init("rows", \.rows, "One bar per focus area."),
    ])
}

/// The timeline chart.
struct TimelineChart: TemplateObject {
    var rows: [TimelineBar]

    static let fields = TemplateFields<TimelineChart>("timeline chart", plural: "timeline charts", [
        .init("rows", \.rows, "The bars of each quarter."),
    ])
}

/// A bar of the allocation chart: a focus area.
struct AllocationBar: TemplateObject {
    var name: String
    var width: String
    var allEstimated: Bool
    var value: String
    var companies: String

    static let fields = TemplateFields<AllocationBar>("allocation bar", plural: "allocation bars", [
        .init("name", \.name, "The focus area's name."),
        .init("width", \.width, "The bar's CSS width, of the largest."),
        .init("all_estimated", \.allEstimated, "`true` when the whole amount is an estimate."),
        .init("value", \.value, "The amount committed."),
        .init("companies", \.companies, "`2 companies`, from the `company_count` and `company_count_one` texts."),
    ])
}

/// The bars of a quarter of the timeline chart.
struct TimelineBar: TemplateObject {
    var name: String
    var committedWidth: String
    var disbursedWidth: String
    var allEstimated: Bool
    var committed: String
    var disbursed: String

    static let fields = TemplateFields<TimelineBar>("timeline bar", plural: "timeline bars", [
        .init("name", \.name, "The quarter: `2011 Q4`, or the `undated` text."),
        .init("committed_width", \.committedWidth, "The cumulative committed amount as a CSS width."),
        .init("disbursed_width", \.disbursedWidth, "The cumulative disbursed amount as a CSS width."),
        .init("all_estimated", \.allEstimated, "`true` when the whole cumulative amount is an estimate."),
        .init("committed", \.committed, "The cumulative committed amount."),
        .init("disbursed", \.disbursed, "The cumulative disbursed amount."),
    ])
}

extension SiteContext {
    /// The report page's charts, in this context's language.
    func htmlCharts(_ figures: Figures) -> HTMLCharts {
        HTMLCharts(pool: poolChart(figures), allocation: allocationChart(figures), timeline: timelineChart(figures),
                   performance: performanceChart(figures))
    }

    private func performanceChart(_ figures: Figures) -> PerformanceChart {
        let value = { (row: Returns) in Money(minorUnits: row.realised.minorUnits.saturatingAdding(row.unrealised.minorUnits), currency: figures.currency) }
        let largest = max(figures.performance.map { max($0.disbursed.minorUnits, value($0).minorUnits) }.max() ?? 0, 1)
        return PerformanceChart(rows: figures.performance.map { row in
            PerformanceBar(name: row.date.map { $0 == $0.quarterEnd ? "\($0.year) Q\($0.quarter)" : strings.date($0) } ?? "",
                           paidWidth: Self.width(Self.perMille(row.disbursed.minorUnits, of: largest)),
                           valueWidth: Self.width(Self.perMille(value(row).minorUnits, of: largest)),
                           paid: strings.money(row.disbursed), value: strings.money(value(row)),
                           tvpi: row.tvpi.map { strings.format(.ratio, [("value", strings.decimal($0))]) })
        })
    }

    private func poolChart(_ figures: Figures) -> PoolChart {
        let (stated, estimated) = Charts.poolSplit(figures, length: 1000)
        return PoolChart(statedWidth: Self.width(stated), estimatedWidth: Self.width(estimated),
                         estimated: figures.committed.isEstimated, committed: reportTotal(figures.committed),
                         remaining: strings.money(figures.remaining), pool: strings.money(figures.pool))
    }

    private func allocationChart(_ figures: Figures) -> AllocationChart {
        let largest = max(figures.byFocusArea.map(\.committed.amount.minorUnits).max() ?? 0, 1)
        return AllocationChart(rows: figures.byFocusArea.map { group in
            AllocationBar(name: groupName(group.key), width: Self.width(Self.perMille(group.committed.amount.minorUnits, of: largest)),
                          allEstimated: group.committed.isAllEstimated, value: reportTotal(group.committed),
                          companies: group.companies == 1 ? strings[.companyCountOne]
                              : strings.format(.companyCount, [("count", String(group.companies))]))
        })
    }

    private func timelineChart(_ figures: Figures) -> TimelineChart {
        let largest = max(figures.timeline.map(\.cumulative.amount.minorUnits).max() ?? 0, figures.pool.minorUnits, 1)
        return TimelineChart(rows: figures.timeline.map { quarter in
            TimelineBar(name: quarter.name == Figures.undated ? strings[.undated] : quarter.name,
                        committedWidth: Self.width(Self.perMille(quarter.cumulative.amount.minorUnits, of: largest)),
                        disbursedWidth: Self.width(Self.perMille(quarter.cumulativeDisbursed.amount.minorUnits, of: largest)),
                        allEstimated: quarter.cumulative.isAllEstimated, committed: reportTotal(quarter.cumulative),
                        disbursed: reportTotal(quarter.cumulativeDisbursed))
        })
    }

    private static func perMille(_ value: Int, of whole: Int) -> Int { Charts.scaled(value, of: whole, to: 1000) }

    /// A CSS width such as `40.5%`, from thousandths.
    private static func width(_ perMille: Int) -> String { "\(perMille / 10).\(perMille % 10)%" }
}
