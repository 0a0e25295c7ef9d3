extension SiteContext {
    /// The report page: the same figures as output/reports, from the same `Figures`.
    func reports(_ route: Route) -> Values {
        var values = common(route, title: "Reports", description: "The figures of \(programme.title).")
        let total = { (total: Figures.Total) in ReportText.total(total) }
        let group = { (group: Figures.Group) -> Values in
            ["name": group.name, "companies": group.companies, "committed": total(group.committed)]
        }
        values["figures"] = compact([
            "pool": figures.pool.formatted,
            "committed": total(figures.committed),
            "funded": total(figures.funded),
            "remaining": figures.remaining.formatted,
            "companies_signed": figures.companiesSigned,
            "companies_in_programme": figures.companiesInProgramme,
            "target_companies": figures.targetCompanies,
            "standard_ticket": figures.standardTicket.formatted,
            "average_ticket": figures.averageTicket.map(total),
            "median_ticket": figures.medianTicket.map(total),
            "estimated": figures.committed.isEstimated || figures.funded.isEstimated,
            "exchange_rates": figures.exchangeRates.map { rates in
                "Totals convert other currencies at the rates of \(rates.asOf): "
                    + rates.rates.sorted { $0.key < $1.key }.map { "1 \($0.key.code) = \($0.value) \(figures.currency.code)" }
                    .joined(separator: ", ") + "."
            },
            "by_status": figures.byStatus.map(group),
            "by_sector": figures.bySector.map(group),
            "by_focus_area": figures.byFocusArea.map(group),
            "by_country": figures.byCountry.map(group),
            "timeline": figures.timeline.map { quarter -> Values in
                ["name": quarter.name, "companies": quarter.companiesCommitted, "committed": total(quarter.committed),
                 "cumulative": total(quarter.cumulative), "agreements_signed": quarter.agreementsSigned]
            },
            "agreements": agreements.map { agreementRow($0, from: route) },
            "warnings": figures.warnings.map { ["location": $0.location.description, "message": $0.message] },
            "charts": Charts.all(figures).map { chart -> Values in ["src": chart.name, "alt": chart.description] },
        ])
        return values
    }
}
