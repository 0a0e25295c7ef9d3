import Foundation
import Testing
@testable import CohortKit

/// The lifecycle programme's metrics, each figure pinned to a hand computation.
@Suite struct OutcomesTests {
    func outcome(_ key: String) throws -> Outcomes.Outcome {
        let figures = try #require(try lifecycle().figures)
        return try #require(figures.outcomes.metrics.first { $0.metric.key.rawValue == key })
    }

    @Test func totalsByPeriodCountTheCompaniesThatReported() throws {
        let employees = try outcome("employees")
        #expect(employees.metric.iris == "PI4874")
        // 2019: legacy 30; 2020: alpha 12, beta 8, legacy 28, gamma 5; 2021: alpha 20, beta 15, delta 4; 2022: alpha 26.
        #expect(employees.periods.map { "\($0.period) \($0.total.plain) \($0.companies)" } == ["2019 30 1", "2020 53 4", "2021 39 3", "2022 26 1"])
        // Revenue in the reporting currency: beta's EUR 300k and 600k at 1.1.
        let revenue = try outcome("revenue")
        #expect(revenue.periods.map { "\($0.period) \($0.total.text(.money)) \($0.companies)" } == [
            "2020 USD 530,000 2", "2021 USD 1,160,000 2", "2022 USD 800,000 1",
        ])
        // A percentage is never added up.
        let margin = try outcome("gross-margin")
        #expect(margin.metric.total == .none)
        #expect(margin.periods == [] && margin.sinceEntry == nil)
    }

    @Test func sinceEntryIsTheLatestValueLessTheValueAtEntry() throws {
        // alpha +14 (12 in 2020, its first payment's year, to 26), beta +7 (8 to 15), legacy -2 (30 in
        // 2019 to 28), gamma 0 (5 only); delta has no payment: 19 over 4 companies (IRIS+ PI3687).
        let employees = try outcome("employees")
        #expect(employees.sinceEntry == .count(19))
        #expect(employees.companiesSinceEntry == 4)
        // alpha +600,000; beta +330,000 (EUR 300k to 600k at 1.1).
        let revenue = try outcome("revenue")
        #expect(revenue.sinceEntry?.text(.money) == "USD 930,000")
        #expect(revenue.companiesSinceEntry == 2)
        // A company whose first report comes after the year of its first payment starts from that report.
        let alpha = try lifecycleFile("companies/alpha.md").replacingOccurrences(of: "  - {period: 2020, employees: 12, revenue: $200k}\n", with: "")
        let figures = try #require(try lifecycle(["companies/alpha.md": alpha]).figures)
        #expect(figures.outcomes.metrics.first?.sinceEntry == .count(6 + 7 - 2 + 0))
    }

    @Test func coverageNamesTheCompaniesHeldThatHaveNotReportedForTheLatestPeriod() throws {
        let figures = try #require(try lifecycle().figures)
        // Alpha reported for 2022; legacy, held at cost, stopped after 2020; beta and gamma are gone; delta is not paid.
        #expect(figures.outcomes.latestPeriod?.description == "2022")
        #expect(figures.outcomes.missing.map(\.name) == ["Legacy Co"])
        let summary = SummaryReport.render(figures)
        #expect(summary.contains("""
            ### Employees (IRIS+ PI4874)

            | Period | Total | Companies |
            | --- | ---: | ---: |
            | 2019 | 30 | 1 |
            | 2020 | 53 | 4 |
            | 2021 | 39 | 3 |
            | 2022 | 26 | 1 |

            Since entry: +19, over 4 companies.
            """))
        #expect(summary.contains("Since entry: +USD 930,000, over 2 companies."))
        #expect(summary.contains("Not reported for 2022: Legacy Co."))
    }

    @Test func metricsCSVHasARowPerCompanyPeriodAndMetric() throws {
        let figures = try #require(try lifecycle().figures)
        let csv = CSVReport.metrics(figures).split(separator: "\r\n").map(String.init)
        #expect(csv.first == "\u{FEFF}company,company_name,status,period,metric,value,currency,reporting_value,reporting_currency,estimated,source")
        #expect(csv.contains("beta,Beta Water,exited,2021,revenue,600000,EUR,660000,USD,true,"))
        #expect(csv.contains("alpha,Alpha Health,funded,2022,gross-margin,41,,41,,false,audited accounts"))
        #expect(csv.count == 17)
    }

    @Test func asOfADayReportsOfLaterPeriodsAreLeftOut() throws {
        var project = Project(contentPath: lifecycleFixture.path)
        project.asOf = Day(iso: "2021-06-30")
        let figures = try #require(project.check().figures)
        let employees = try #require(figures.outcomes.metrics.first)
        #expect(employees.periods.map(\.period.description) == ["2019", "2020", "2021"])
        #expect(figures.outcomes.latestPeriod?.description == "2021")
        // Beta and gamma are held as of then; legacy, gamma and... those without a 2021 report are named.
        #expect(figures.outcomes.missing.map(\.name) == ["Gamma Farms", "Legacy Co"])
    }

    @Test func theDiffNamesEachValueAndTheTotalsItChanges() throws {
        let before = PortfolioSnapshot(try #require(try lifecycle().figures))
        let alpha = try lifecycleFile("companies/alpha.md")
            .replacingOccurrences(of: "{period: 2022, employees: 26,", with: "{period: 2022, employees: 30,")
        let legacy = try lifecycleFile("companies/legacy.md").replacingOccurrences(of: "  - {period: 2020, employees: 28}\n",
                                                                                with: "  - {period: 2020, employees: 28}\n  - {period: 2022, employees: 27}\n")
        let after = PortfolioSnapshot(try #require(try lifecycle(["companies/alpha.md": alpha, "companies/legacy.md": legacy]).figures))
        let summary = ChangeSummary(from: before, to: after)
        #expect(summary.companiesChanged.map { change in change.fields.map { "\($0.field): \($0.before) → \($0.after)" } } == [
            ["metric 2022 employees: 26 → 30"],
            ["metric 2022 employees: — → 27"],
        ])
        let totals = summary.changedTotals.map { "\($0.name): \($0.before) → \($0.after) (\($0.difference ?? ""))" }
        // 26 + 4 + 27; alpha +18, legacy 30 to 27.
        #expect(totals == ["Employees, 2022: 26 → 57 (+31)", "Employees since entry: 19 → 22 (+3)"])
    }
}

/// Every mistake in declaring or reporting metrics is an error at its place, with the nearest name.
@Suite struct MetricRulesTests {
    let declared = "\nmetrics:\n  - {key: employees, name: Employees, kind: count}\n  - {key: revenue, name: Revenue, kind: money}\n"

    func acme(_ metrics: String, programme extra: String = "") -> [String: String?] {
        ["programme.yml": programmeYAML + declared + extra,
         "companies/acme.md": "---\nname: Acme\nstatus: signed\nfocus_area: water-treatment\ninvestment: $1m\nmetrics:\n\(metrics)---\n"]
    }

    @Test func reportsAreCheckedAgainstTheDeclaration() throws {
        let rate = try check(acme("  - {period: 2023, employees: 12, revenue: €1m}\n  - {period: 2024, employees: 14}\n")).lines
        #expect(rate == [
            "companies/acme.md:7:44: error: no exchange rate for EUR into USD",
        ])
        let mistakes = try check(acme("""
              - {period: 2023, employes: 12}
              - {period: 2023, employees: 1.5}
              - {period: 2022, revenue: lots}
              - {period: 2024-Q1, employees: 3}

            """))
        #expect(mistakes.lines == [
            "companies/acme.md:7:20: error: unknown field 'employes'",
            "companies/acme.md:8:14: error: the period 2023 is reported twice",
            "companies/acme.md:8:31: error: expected a whole number, found '1.5'",
            "companies/acme.md:9:14: error: the period 2022 comes after 2023: reports are in the order of their periods",
            "companies/acme.md:9:29: error: 'lots' is not an amount",
            "companies/acme.md:10:14: error: '2024-Q1' is not a year: the programme's metrics are reported by year",
        ])
        #expect(mistakes.diagnostics.first?.hint?.contains("did you mean 'employees'?") == true)
    }

    @Test func quartersAndMonthsAreWrittenAsTheProgrammeSays() throws {
        #expect(try check(acme("  - {period: 2024-Q1, employees: 3}\n  - {period: 2024-Q2, employees: 4}\n",
                               programme: "metrics_period: quarter\n")).lines == [])
        let month = try check(acme("  - {period: 2024-13, employees: 3}\n", programme: "metrics_period: month\n")).lines
        #expect(month == [
            "companies/acme.md:7:14: error: '2024-13' is not a month: the programme's metrics are reported by month",
        ])
    }

    @Test func theDeclarationIsCheckedToo() throws {
        let programme = programmeYAML + """

            metrics:
              - {key: employees, name: Employees, kind: cout}
              - {key: period, name: Period, kind: count}
              - {key: margin, name: Margin, kind: percent, total: sum}
              - {key: jobs, name: Jobs, kind: count, iris: PI-4874}
              - {key: jobs, name: Jobs again, kind: count}

            """
        let outcome = try check(["programme.yml": programme])
        #expect(outcome.lines == [
            "programme.yml:18:45: error: unknown metric kind 'cout'",
            "programme.yml:19:11: error: 'period' names a field of every report; a metric needs another key",
            "programme.yml:20:55: error: percentages are not added up: a percent metric has no sum",
            "programme.yml:21:48: error: 'PI-4874' is not an IRIS+ metric id",
            "programme.yml:22:11: error: metric 'jobs' is declared twice",
        ])
        #expect(outcome.diagnostics.first?.hint == "did you mean 'count'?")
    }

    @Test func aTranslationNamesMetricsTheProgrammeDeclares() throws {
        var changes = acme("  - {period: 2023, employees: 12}\n")
        changes["programme.yml"] = (programmeYAML + declared).replacingOccurrences(of: "language: en", with: "languages: [en, zh]")
        changes["programme.zh.yml"] = "metrics:\n  - {key: employees, name: 员工}\n  - {key: employes, name: 员工}\n"
        let outcome = try check(changes)
        #expect(outcome.lines == ["programme.zh.yml:3:11: error: no metric 'employes' in programme.yml to translate"])
        changes["programme.zh.yml"] = "metrics:\n  - {key: employees, name: 员工}\n"
        let portfolio = try #require(try check(changes).portfolio)
        let metric = try #require(portfolio.programme.metrics.first)
        #expect(portfolio.metricName(metric, in: try #require(Language("zh"))).text == "员工")
    }
}
