/// The report page, `reports/index.html`: the figures of output/reports, in the page's language.
struct ReportsPage: TemplateObject {
    var frame: PageFrame
    var figures: FigureValues

    static let fields = TemplateFields<ReportsPage>("reports page", plural: "reports pages", [
        .include(\.frame),
        .init("figures", \.figures, "The figures."),
    ])
}

/// The report figures as the report page shows them. Every amount is text, already formatted in the
/// reporting currency, with its estimated part as the reports write it: `USD 4,000,000`,
/// `USD 4,000,000 (estimated)` or `USD 1,750,000 (USD 750,000 estimated)` (with invisible marks that
/// keep the brackets right in a right-to-left language: see `SiteContext.reportTotal`).
struct FigureValues: TemplateObject {
    var charts: HTMLCharts
    var pool: String
    var committed: String
    var disbursed: String
    var remaining: String
    var followOn: String
    var coInvestment: String
    var realised: String
    var unrealised: String
    var multiple: String?
    var dpi: String?
    var rvpi: String?
    var irr: String?
    var asOfText: String?
    var heldAtCostText: String?
    var irrLeavesOutText: String?
    var leverage: String?
    var companiesSigned: Int
    var companiesInProgramme: Int
    var targetCompanies: Int
    var companiesSignedText: String
    var standardTicket: String
    var averageTicket: String?
    var medianTicket: String?
    var estimated: Bool
    var exchangeRates: String?
    var byStatus: [FigureGroup]
    var bySector: [FigureGroup]
    var byFocusArea: [FigureGroup]
    var byCountry: [FigureGroup]
    var timeline: [QuarterValues]
    var schedule: [ScheduleRow]
    var performance: [PerformanceValues]
    var outcomes: [OutcomeValues]
    var coverageText: String?
    var agreements: [AgreementRow]
    var warnings: [WarningValues]
    var chartFiles: [ChartFile]

    static let fields = TemplateFields<FigureValues>("figures", plural: "figures", [
        .init("pool", \.pool, "The pool, in the reporting currency."),
        .init("committed", \.committed, "Committed: the rounds of `signed`, `funded` and `exited` companies."),
        .init("disbursed", \.disbursed, "Disbursed: those of the rounds that are paid."),
        .init("funded", \.disbursed, "The same as `figures.disbursed`, its name before rounds; kept for templates written then."),
        .init("remaining", \.remaining, "The pool less what is committed. Negative when over-committed."),
        .init("follow_on", \.followOn, "The follow-on rounds."),
        .init("co_investment", \.coInvestment, "What co-investors put into those rounds."),
        .init("realised", \.realised, "Distributions and the proceeds of exits."),
        .init("unrealised", \.unrealised, "For each company paid into and not exited, its latest mark, else its cost."),
        .init("multiple", \.multiple, "(Realised + unrealised) ÷ disbursed, the TVPI, such as `1.23×`, from the `ratio` text. Absent when nothing is disbursed."),
        .init("tvpi", \.multiple, "The same as `multiple`."),
        .init("dpi", \.dpi, "Realised ÷ disbursed, written the same way."),
        .init("rvpi", \.rvpi, "Unrealised ÷ disbursed, written the same way."),
        .init("irr", \.irr, "The IRR of the dated cash flows, such as `24.4%`, from the `percent` text. Absent when not defined."),
        .init("as_of_text", \.asOfText, "`Figures as of 31 December 2022.`, from the `figures_as_of` text."),
        .init("held_at_cost_text", \.heldAtCostText, "How many companies are held at cost, from the `held_at_cost_count` texts; absent when none is."),
        .init("irr_leaves_out_text", \.irrLeavesOutText, "The companies the IRR leaves out (money paid into them has no date), from the `irr_leaves_out` text."),
        .init("leverage", \.leverage, "Co-investment ÷ committed, written the same way. Absent when nothing is committed."),
        .init("companies_signed", \.companiesSigned, "How many companies are `signed`, `funded` or `exited`."),
        .init("companies_in_programme", \.companiesInProgramme, "How many companies are `selected` or further."),
        .init("target_companies", \.targetCompanies, "`target_companies` of `programme.yml`."),
        .init("companies_signed_text", \.companiesSignedText, "`4 of 10`, from the `count_of_total` text."),
        .init("standard_ticket", \.standardTicket, "The standard ticket in the reporting currency (converted when written in another), formatted."),
        .init("average_ticket", \.averageTicket, "The mean investment of the committed companies that have one."),
        .init("median_ticket", \.medianTicket, "Their median investment."),
        .init("estimated", \.estimated, "`true` when the committed amount includes an estimate."),
        .init("exchange_rates", \.exchangeRates, "A sentence naming the rates used, such as `Totals convert other currencies at the rates of 2011-10-10: 1 EUR = 1.37 USD.` Present only when some amount had to be converted."),
        .init("by_status", \.byStatus, "One row per status, in the order candidate, selected, signed, funded, exited, withdrawn."),
        .init("by_sector", \.bySector, "The companies selected or further, by sector. `Not specified` comes last."),
        .init("by_focus_area", \.byFocusArea, "The same, by focus area, in the order of `programme.yml`."),
        .init("by_country", \.byCountry, "The same, by country."),
        .init("timeline", \.timeline, "One row per quarter, oldest first."),
        .init("schedule", \.schedule, "One row per company paid into, by slug: the schedule of investments."),
        .init("performance", \.performance, "The returns at each quarter's end from the first disbursement, and on the reporting date."),
        .init("outcomes", \.outcomes, "Each of the programme's metrics: its totals by period and its change since entry."),
        .init("coverage_text", \.coverageText, "Who has not reported for the latest period (the companies by their names in the page's language), from the `coverage_missing` or `coverage_all` text."),
        .init("agreements", \.agreements, "Every agreement, in register order."),
        .init("warnings", \.warnings, "The content's open warnings."),
        .init("charts", \.chartFiles, "The three SVG charts, drawn once, in the default language, for every language's report page."),
        .include(\.charts),
    ])
}

/// A group of companies of the report: a status, sector, focus area or country.
struct FigureGroup: TemplateObject {
    var name: String
    var companies: Int
    var committed: String

    static let fields = TemplateFields<FigureGroup>("figure group", plural: "figure groups", [
        .init("name", \.name, "The status label, sector, focus area name or country name."),
        .init("companies", \.companies, "How many companies."),
        .init("committed", \.committed, "What is committed to them."),
    ])
}

/// A quarter of the report's timeline.
struct QuarterValues: TemplateObject {
    var name: String
    var companies: Int
    var committed: String
    var cumulative: String
    var disbursed: String
    var cumulativeDisbursed: String
    var agreementsSigned: Int

    static let fields = TemplateFields<QuarterValues>("quarter", plural: "quarters", [
        .init("name", \.name, "`2011 Q4`, or the `undated` text."),
        .init("companies", \.companies, "How many companies were committed to in it."),
        .init("committed", \.committed, "What was committed in it."),
        .init("cumulative", \.cumulative, "What was committed until its end."),
        .init("disbursed", \.disbursed, "What was paid in it."),
        .init("cumulative_disbursed", \.cumulativeDisbursed, "What was paid until its end."),
        .init("agreements_signed", \.agreementsSigned, "How many agreements were signed in it."),
    ])
}

/// A company of the schedule of investments.
struct ScheduleRow: TemplateObject {
    var name: String
    var lang: String?
    var href: String
    var firstInvestment: String?
    var firstInvestmentISO: String?
    var disbursed: String
    var realised: String
    var unrealised: String
    var multiple: String?
    var irr: String?
    var heldAtCost: Bool

    static let fields = TemplateFields<ScheduleRow>("schedule row", plural: "schedule rows", [
        .init("name", \.name, "The company's name."),
        .init("lang", \.lang, "The language of `name` when it is not the page's."),
        .init("href", \.href, "Link to its page."),
        .init("first_investment", \.firstInvestment, "The date of its first round, as the page's language writes it."),
        .init("first_investment_iso", \.firstInvestmentISO, "The same, as `2011-10-10`."),
        .init("disbursed", \.disbursed, "What was paid into it."),
        .init("realised", \.realised, "What came back from it."),
        .init("unrealised", \.unrealised, "Its latest mark, else its cost, while held."),
        .init("multiple", \.multiple, "Its multiple."),
        .init("irr", \.irr, "Its IRR."),
        .init("held_at_cost", \.heldAtCost, "`true` when it is held and has no mark."),
    ])
}

/// The returns as of one day: a row of `performance`.
struct PerformanceValues: TemplateObject {
    var date: String
    var dateISO: String
    var disbursed: String
    var realised: String
    var unrealised: String
    var dpi: String?
    var rvpi: String?
    var tvpi: String?
    var irr: String?

    static let fields = TemplateFields<PerformanceValues>("performance row", plural: "performance rows", [
        .init("date", \.date, "The day, as the page's language writes it."),
        .init("date_iso", \.dateISO, "The same, as `2011-10-10`."),
        .init("disbursed", \.disbursed, "Paid in by then."),
        .init("realised", \.realised, "Received by then."),
        .init("unrealised", \.unrealised, "Held then."),
        .init("dpi", \.dpi, "The DPI then."),
        .init("rvpi", \.rvpi, "The RVPI then."),
        .init("tvpi", \.tvpi, "The TVPI then."),
        .init("irr", \.irr, "The IRR then."),
    ])
}

/// An open warning of the content.
struct WarningValues: TemplateObject {
    var location: String
    var message: String

    static let fields = TemplateFields<WarningValues>("warning", plural: "warnings", [
        .init("location", \.location, "Where it is: `file:line:column`."),
        .init("message", \.message, "What it says."),
    ])
}

/// An SVG chart of output/reports, copied into the site.
struct ChartFile: TemplateObject {
    var src: String
    var alt: String
    var name: String

    static let fields = TemplateFields<ChartFile>("chart file", plural: "chart files", [
        .init("src", \.src, "Link to the SVG file (`../reports/charts/allocation.svg` from `reports/index.html`)."),
        .init("alt", \.alt, "The chart's description, for the `alt` attribute."),
        .init("name", \.name, "The file's name, `pool.svg`."),
    ])
}

extension SiteContext {
    /// The report page: the same figures as output/reports, from the same `Figures`, in this context's
    /// language (the charts, made once for every language, keep the default language's words).
    func reports(_ route: Route) -> ReportsPage {
        let description = strings.format(.reportsDescription, [("programme", text(.programme, .title, programme.title).text)])
        let figures = self.figures
        let total = { (total: Figures.Total) in self.reportTotal(total) }
        let group = { (group: Figures.Group) in
            FigureGroup(name: self.groupName(group.key), companies: group.companies, committed: total(group.committed))
        }
        let ratio = { (ratio: Ratio) in self.strings.format(.ratio, [("value", self.strings.decimal(ratio))]) }
        let values = FigureValues(
            charts: htmlCharts(figures),
            pool: strings.money(figures.pool), committed: total(figures.committed), disbursed: total(figures.disbursed),
            remaining: strings.money(figures.remaining), followOn: total(figures.followOn),
            coInvestment: total(figures.coInvestment), realised: strings.money(figures.realised),
            unrealised: strings.money(figures.unrealised), multiple: figures.multiple.map(ratio),
            dpi: figures.returns.dpi.map(ratio), rvpi: figures.returns.rvpi.map(ratio), irr: figures.returns.irr.map(strings.percent),
            asOfText: figures.reportingDate.map { strings.format(.figuresAsOf, [("date", strings.date($0))]) },
            heldAtCostText: figures.returns.heldAtCost == 0 ? nil : figures.returns.heldAtCost == 1 ? strings[.heldAtCostCountOne]
                : strings.format(.heldAtCostCount, [("count", String(figures.returns.heldAtCost))]),
            irrLeavesOutText: figures.undatedCompanies.isEmpty ? nil
                : strings.format(.irrLeavesOut, [("companies", companyNames(figures.undatedCompanies))]),
            leverage: figures.leverage.map(ratio),
            companiesSigned: figures.companiesSigned, companiesInProgramme: figures.companiesInProgramme,
            targetCompanies: figures.targetCompanies,
            companiesSignedText: strings.format(.countOfTotal, [("count", String(figures.companiesSigned)),
                                                                   ("total", String(figures.targetCompanies))]),
            standardTicket: strings.money(figures.standardTicket), averageTicket: figures.averageTicket.map(total),
            medianTicket: figures.medianTicket.map(total), estimated: figures.committed.isEstimated,
            exchangeRates: figures.exchangeRates.map { rates in
                strings.format(.exchangeRatesNote, [
                    ("date", strings.date(rates.asOf)),
                    // Each rate is a formula read left to right, isolated so in a right-to-left language, and
                    // kept on one line (no-break spaces): split, its parts would change places there.
                    ("rates", rates.rates.sorted { $0.key < $1.key }
                        .map { leftToRight("1\u{00A0}\($0.key.code)\u{00A0}=\u{00A0}\($0.value)\u{00A0}\(figures.currency.code)") }
                        .joined(separator: ", ")),
                ])
            },
            byStatus: figures.byStatus.map(group), bySector: figures.bySector.map(group),
            byFocusArea: figures.byFocusArea.map(group),
            byCountry: figures.byCountry.map { country in
                guard case .value(let code) = country.key else { return group(country) }
                return FigureGroup(name: strings.country(code), companies: country.companies, committed: total(country.committed))
            },
            timeline: figures.timeline.map { quarter in
                QuarterValues(name: quarter.name == Figures.undated ? strings[.undated] : quarter.name,
                              companies: quarter.companiesCommitted, committed: total(quarter.committed),
                              cumulative: total(quarter.cumulative), disbursed: total(quarter.disbursed),
                              cumulativeDisbursed: total(quarter.cumulativeDisbursed), agreementsSigned: quarter.agreementsSigned)
            },
            schedule: figures.companies.compactMap { line in
                guard let returns = line.returns, let slug = Slug(line.slug) else { return nil }
                let name = text(.entity(.companies, slug), .name, line.name)
                return ScheduleRow(
                    name: name.text, lang: languageCode(name.language), href: link(route, .company(slug)),
                    firstInvestment: line.date.map(strings.date), firstInvestmentISO: line.date?.description,
                    disbursed: strings.money(returns.disbursed), realised: strings.money(returns.realised),
                    unrealised: strings.money(returns.unrealised), multiple: returns.multiple.map(ratio),
                    irr: returns.irr.map(strings.percent), heldAtCost: returns.heldAtCost)
            },
            performance: figures.performance.map { row in
                PerformanceValues(
                    date: row.date.map(strings.date) ?? "", dateISO: row.date?.description ?? "", disbursed: strings.money(row.disbursed),
                    realised: strings.money(row.realised), unrealised: strings.money(row.unrealised), dpi: row.dpi.map(ratio),
                    rvpi: row.rvpi.map(ratio), tvpi: row.tvpi.map(ratio), irr: row.irr.map(strings.percent))
            },
            outcomes: outcomes(figures.outcomes),
            coverageText: figures.outcomes.latestPeriod.map { period in
                figures.outcomes.missing.isEmpty ? strings.format(.coverageAll, [("period", period.description)])
                    : strings.format(.coverageMissing, [("period", period.description), ("companies", companyNames(figures.outcomes.missing))])
            },
            agreements: agreements.map { agreementRow($0, from: route) },
            warnings: figures.warnings.map { WarningValues(location: $0.location.description, message: $0.message) },
            chartFiles: Charts.all(figures).map { chart in
                ChartFile(src: fileLink(route, Route("reports/" + chart.name)), alt: chart.description,
                          name: String(chart.name.dropFirst("charts/".count)))
            })
        return ReportsPage(frame: frame(route, title: strings[.reports], description: description), figures: values)
    }

    /// A group of the report in this context's language: a status's label, a focus area's translated
    /// name, a sector as written, or the `not_specified` text.
    func groupName(_ key: Figures.GroupKey) -> String {
        switch key {
        case .status(let status): strings.label(status)
        case .value(let value): value
        case .focusArea(let slug, let name): focusAreaName(slug, named: name).text
        case .unspecified: strings[.notSpecified]
        }
    }

    /// Companies named in a sentence of this context's language, by their names in it, one after
    /// another with the language's `list_separator`.
    func companyNames(_ companies: [Figures.NamedCompany]) -> String {
        companies.map { text(.entity(.companies, $0.slug), .name, $0.name).text }.joined(separator: strings[.listSeparator])
    }

    /// `text`, which reads left to right whatever the language (a formula, a code), as a left-to-right
    /// isolate (U+2066 … U+2069) on a right-to-left page, so that its parts keep their order there.
    func leftToRight(_ text: String) -> String {
        language.direction == "rtl" ? "\u{2066}\(text)\u{2069}" : text
    }

    /// `USD 4,000,000`, `USD 4,000,000 (estimated)` or `USD 4,000,000 (USD 1,000,000 estimated)`, in this
    /// context's language.
    ///
    /// With an estimate, the text starts with the mark of the language's direction (U+200F right to
    /// left, U+200E left to right) and each amount is an isolate (U+2068 … U+2069): the `<bdi>` the theme
    /// puts around it takes the language's direction from the mark, and the brackets and the word
    /// `estimated` follow it. In Hebrew, the brackets of `670,000 USD (125,000 USD הערכה)` then pair up
    /// right to left, also when the text wraps; as one left-to-right run, browsers draw both as opening
    /// brackets.
    func reportTotal(_ total: Figures.Total) -> String {
        let amount = strings.money(total.amount), estimated = strings[.estimated]
        let mark = language.direction == "rtl" ? "\u{200F}" : "\u{200E}"
        let isolated = { (text: String) in "\u{2068}\(text)\u{2069}" }
        if total.isAllEstimated { return "\(mark)\(isolated(amount)) (\(estimated))" }
        if total.isEstimated { return "\(mark)\(isolated(amount)) (\(isolated(strings.money(total.estimated))) \(estimated))" }
        return amount
    }
}
