extension SiteContext {
    /// The report page: the same figures as output/reports, from the same `Figures`, in this context's
    /// language (the charts, made once for every language, keep the default language's words).
    func reports(_ route: Route) -> Values {
        let description = strings.format("reports_description", [("programme", text(.programme, "title", programme.title).text)])
        var values = common(route, title: strings["reports"], description: description)
        let figures = self.figures
        let focusNames = Dictionary(programme.focusAreas.map { ($0.name, $0.slug) }, uniquingKeysWith: { first, _ in first })
        let translatedFocus = focusAreaNames
        let total = { (total: Figures.Total) in self.reportTotal(total) }
        let group = { (group: Figures.Group, name: String) -> Values in
            ["name": name, "companies": group.companies, "committed": total(group.committed)]
        }
        let named = { (name: String) in name == Figures.unspecified ? self.strings["not_specified"] : name }
        let focusName = { (area: Figures.Group) in focusNames[area.name].flatMap { translatedFocus[$0] } ?? named(area.name) }
        var chartValues = htmlCharts(figures, focusName: focusName)
        chartValues.merge(compact([
            "pool": strings.money(figures.pool),
            "committed": total(figures.committed),
            "disbursed": total(figures.disbursed),
            // `funded` is the name `disbursed` had before rounds; kept for templates written then.
            "funded": total(figures.disbursed),
            "remaining": strings.money(figures.remaining),
            "follow_on": total(figures.followOn),
            "co_investment": total(figures.coInvestment),
            "realised": strings.money(figures.realised),
            "unrealised": strings.money(figures.unrealised),
            "multiple": figures.multiple.map { strings.format("ratio", [("value", strings.decimal($0))]) },
            "leverage": figures.leverage.map { strings.format("ratio", [("value", strings.decimal($0))]) },
            "companies_signed": figures.companiesSigned,
            "companies_in_programme": figures.companiesInProgramme,
            "target_companies": figures.targetCompanies,
            "companies_signed_text": strings.format("count_of_total", [("count", String(figures.companiesSigned)),
                                                                      ("total", String(figures.targetCompanies))]),
            "standard_ticket": strings.money(figures.standardTicket),
            "average_ticket": figures.averageTicket.map(total),
            "median_ticket": figures.medianTicket.map(total),
            "estimated": figures.committed.isEstimated,
            "exchange_rates": figures.exchangeRates.map { rates in
                strings.format("exchange_rates_note", [
                    ("date", strings.date(rates.asOf)),
                    ("rates", rates.rates.sorted { $0.key < $1.key }.map { "1 \($0.key.code) = \($0.value) \(figures.currency.code)" }
                        .joined(separator: ", ")),
                ])
            },
            "by_status": zip(figures.byStatus, Company.Status.allCases).map { group($0, strings.label($1)) },
            "by_sector": figures.bySector.map { group($0, named($0.name)) },
            "by_focus_area": figures.byFocusArea.map { group($0, focusName($0)) },
            "by_country": figures.byCountry.map { group($0, $0.name == Figures.unspecified ? named($0.name) : strings.country($0.name)) },
            "timeline": figures.timeline.map { quarter -> Values in
                ["name": quarter.name == Figures.undated ? self.strings["undated"] : quarter.name,
                 "companies": quarter.companiesCommitted, "committed": total(quarter.committed),
                 "cumulative": total(quarter.cumulative), "disbursed": total(quarter.disbursed),
                 "cumulative_disbursed": total(quarter.cumulativeDisbursed), "agreements_signed": quarter.agreementsSigned]
            },
            "agreements": agreements.map { agreementRow($0, from: route) },
            "warnings": figures.warnings.map { ["location": $0.location.description, "message": $0.message] },
            "charts": Charts.all(figures).map { chart -> Values in
                ["src": localized(route).link(to: Route("reports/" + chart.name)), "alt": chart.description,
                 "name": String(chart.name.dropFirst("charts/".count))]
            },
        ])) { _, new in new }
        values["figures"] = chartValues
        return values
    }

    /// `USD 4,000,000`, `USD 4,000,000 (estimated)` or `USD 4,000,000 (USD 1,000,000 estimated)`, in this
    /// context's language.
    func reportTotal(_ total: Figures.Total) -> String {
        let amount = strings.money(total.amount), estimated = strings["estimated"]
        if total.isAllEstimated { return "\(amount) (\(estimated))" }
        if total.isEstimated { return "\(amount) (\(strings.money(total.estimated)) \(estimated))" }
        return amount
    }
}
