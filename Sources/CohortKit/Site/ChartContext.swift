extension SiteContext {
    /// The report page's charts as HTML: bars sized in per cent and every label and value as text in
    /// this context's language, so that they read at any width and in every language. They show the
    /// same figures as the SVG charts of output/reports, which stay in the default language.
    func htmlCharts(_ figures: Figures, focusName: (Figures.Group) -> String) -> Values {
        ["chart_pool": poolChart(figures), "chart_allocation": allocationChart(figures, focusName: focusName),
         "chart_timeline": timelineChart(figures)]
    }

    /// The pool as one bar: the stated and the estimated part of what is committed, and what is left.
    private func poolChart(_ figures: Figures) -> Values {
        let pool = max(figures.pool.minorUnits, 1)
        let estimated = figures.committed.estimated.minorUnits
        let stated = Self.perMille(figures.committed.amount.minorUnits - estimated, of: pool)
        return compact([
            "stated_width": Self.width(stated),
            "estimated_width": Self.width(min(1000 - stated, Self.perMille(estimated, of: pool))),
            "estimated": figures.committed.isEstimated,
            "committed": reportTotal(figures.committed),
            "remaining": strings.money(figures.remaining),
            "pool": strings.money(figures.pool),
        ])
    }

    /// One bar per focus area, scaled to the largest.
    private func allocationChart(_ figures: Figures, focusName: (Figures.Group) -> String) -> Values {
        let largest = max(figures.byFocusArea.map(\.committed.amount.minorUnits).max() ?? 0, 1)
        return ["rows": figures.byFocusArea.map { group -> Values in
            compact([
                "name": focusName(group),
                "width": Self.width(Self.perMille(group.committed.amount.minorUnits, of: largest)),
                "all_estimated": group.committed.isAllEstimated,
                "value": reportTotal(group.committed),
                "companies": group.companies == 1 ? strings["company_count_one"]
                    : strings.format("company_count", [("count", String(group.companies))]),
            ])
        }]
    }

    /// Two bars per quarter, the cumulative committed and disbursed amounts, scaled to the pool (or to
    /// the largest amount when that is larger), as the SVG chart is.
    private func timelineChart(_ figures: Figures) -> Values {
        let largest = max(figures.timeline.map(\.cumulative.amount.minorUnits).max() ?? 0, figures.pool.minorUnits, 1)
        return ["rows": figures.timeline.map { quarter -> Values in
            compact([
                "name": quarter.name == Figures.undated ? strings["undated"] : quarter.name,
                "committed_width": Self.width(Self.perMille(quarter.cumulative.amount.minorUnits, of: largest)),
                "disbursed_width": Self.width(Self.perMille(quarter.cumulativeDisbursed.amount.minorUnits, of: largest)),
                "all_estimated": quarter.cumulative.isAllEstimated,
                "committed": reportTotal(quarter.cumulative),
                "disbursed": reportTotal(quarter.cumulativeDisbursed),
            ])
        }]
    }

    private static func perMille(_ value: Int, of whole: Int) -> Int { Charts.scaled(value, of: whole, to: 1000) }

    /// A CSS width such as `40.5%`, from thousandths.
    private static func width(_ perMille: Int) -> String { "\(perMille / 10).\(perMille % 10)%" }
}
