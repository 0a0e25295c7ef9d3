import Foundation
import Testing
@testable import CohortKit

/// Tests/Fixtures/lifecycle-programme: rounds in USD, EUR, CNY and ILS, a follow-on beside a
/// co-investor, an acquisition, a write-off, a valuation, a legacy single investment and a candidate.
let lifecycleFixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/lifecycle-programme")

/// The lifecycle programme checked, with `changes` over its files (nil deletes one).
func lifecycle(_ changes: [String: String?] = [:]) throws -> Project.Outcome {
    let folder = try TemporaryFolder()
    try FileManager.default.removeItem(at: folder.url)
    try FileManager.default.copyItem(at: lifecycleFixture, to: folder.url)
    for (path, text) in changes {
        if let text { try folder.write(path, text) } else { try FileManager.default.removeItem(at: folder.url.appendingPathComponent(path)) }
    }
    let outcome = Project(contentPath: folder.url.path, templatesPath: repositoryRoot.appendingPathComponent("templates").path,
                          outputPath: folder.url.appendingPathComponent("output").path).check()
    return withExtendedLifetime(folder) { outcome }
}

/// A fixture file's text.
func lifecycleFile(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: lifecycleFixture.appendingPathComponent(path)), as: UTF8.self)
}

@Suite struct LifecycleFiguresTests {
    @Test func everyFigureOfAProgrammeOverItsLife() throws {
        let outcome = try lifecycle()
        #expect(outcome.lines == [])
        let figures = try #require(outcome.figures)
        // alpha $500k + $250k, beta EUR 400,000.05 at 1.1 (USD 440,000.055, half to even), gamma CNY 3.2m at
        // 0.15625, delta ILS 1m at 0.3 (estimated), legacy $1m; the candidate's round counts nowhere.
        #expect(figures.committed.amount.formatted == "USD 2,990,000.06")
        #expect(figures.committed.estimated.formatted == "USD 300,000")
        // Every round but delta's is paid; the legacy investment counts as paid because the company is funded.
        #expect(figures.disbursed.amount.formatted == "USD 2,690,000.06")
        #expect(!figures.disbursed.isEstimated)
        #expect(figures.followOn.amount.formatted == "USD 250,000")
        #expect(figures.coInvestment.amount.formatted == "USD 500,000")
        // Beta's partial sale (EUR 100k) and exit (EUR 1.2m), alpha's dividend ($100k) and legacy's interest
        // ($20k); gamma's write-off adds nothing.
        #expect(figures.realised.formatted == "USD 1,550,000")
        // Alpha's latest mark ($2m) and legacy at cost ($1m), never marked.
        #expect(figures.unrealised.formatted == "USD 3,000,000")
        // (1,550,000 + 3,000,000) / 2,690,000.06 = 1.6914; 500,000 / 2,990,000.06 = 0.1672.
        #expect(figures.multiple?.description == "1.69")
        #expect(figures.leverage?.description == "0.17")
        #expect(figures.remaining.formatted == "USD 7,009,999.94")
        #expect(figures.companiesSigned == 5)
        #expect(figures.averageTicket?.amount.formatted == "USD 598,000.01")
        #expect(figures.medianTicket?.amount.formatted == "USD 500,000")
    }

    @Test func anEstimatedFollowOnCountsInTheFollowOnTotalAsItsEstimatedPart() throws {
        let acme = """
            ---
            name: Acme
            status: funded
            focus_area: water-treatment
            investments:
              - {date: 2011-10-10, kind: initial, amount: $1m, disbursed: 2011-10-12}
              - {date: 2012-03-01, kind: follow-on, amount: $250k}
              - {date: 2013-03-01, kind: follow-on, amount: $100k, estimated: true}
            ---
            """
        let outcome = try check(["companies/acme.md": acme])
        #expect(outcome.lines == [])
        let figures = try #require(outcome.figures)
        #expect(figures.followOn.amount.formatted == "USD 350,000")
        #expect(figures.followOn.estimated.formatted == "USD 100,000")
        #expect(figures.committed.amount.formatted == "USD 1,350,000")
        #expect(figures.committed.estimated.formatted == "USD 100,000")
    }

    @Test func theTimelineHasCommittedAndDisbursedPerQuarterAndTheirCumulatives() throws {
        let timeline = try #require(try lifecycle().figures).timeline
        #expect(timeline.map(\.name) == ["2019 Q4", "2020 Q1", "2020 Q2", "2020 Q3", "2020 Q4", "2021 Q1", "2021 Q2"])
        #expect(timeline.map(\.committed.amount.formatted) == [
            "USD 1,000,000", "USD 500,000", "USD 440,000.06", "USD 500,000", "USD 0", "USD 550,000", "USD 0",
        ])
        #expect(timeline.map(\.disbursed.amount.formatted) == [
            "USD 1,000,000", "USD 500,000", "USD 440,000.06", "USD 0", "USD 500,000", "USD 0", "USD 250,000",
        ])
        #expect(timeline.last?.cumulative.amount.formatted == "USD 2,990,000.06")
        #expect(timeline.map(\.cumulativeDisbursed.amount.formatted) == [
            "USD 1,000,000", "USD 1,500,000", "USD 1,940,000.06", "USD 1,940,000.06", "USD 2,440,000.06", "USD 2,440,000.06",
            "USD 2,690,000.06",
        ])
        #expect(timeline.map(\.companiesCommitted) == [1, 1, 1, 1, 0, 1, 0])
    }

    @Test func ratiosAreAbsentWithNothingToDivideByAndRoundHalfToEven() {
        #expect(Ratio(5, over: 0) == nil)
        #expect(Ratio(0, over: 3)?.description == "0.00")
        #expect(Ratio(1, over: 8)?.description == "0.12")
        #expect(Ratio(3, over: 8)?.description == "0.38")
        #expect(Ratio(203, over: 100)?.description == "2.03")
        #expect(Ratio(Int.max, over: 1)?.hundredths == Int.max)
    }

    @Test func aCompanyInvestedInSeveralCurrenciesIsShownInTheReportingOne() throws {
        let alpha = try lifecycleFile("companies/alpha.md").replacingOccurrences(of: "amount: $250k", with: "amount: €250k")
        let figures = try #require(try lifecycle(["companies/alpha.md": alpha]).figures)
        let line = try #require(figures.companies.first { $0.slug == "alpha" })
        #expect(line.investment?.formatted == "USD 775,000")
        let beta = try #require(figures.companies.first { $0.slug == "beta" })
        #expect(beta.investment?.formatted == "EUR 400,000.05")
    }

    @Test func reportsMatchTheReviewedFiles() throws {
        let figures = try #require(try lifecycle().figures)
        let golden = repositoryRoot.appendingPathComponent("Tests/Fixtures/lifecycle-reports")
        let files = Dictionary(uniqueKeysWithValues: Reports.render(figures).map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        for name in ["summary.md", "investments.csv", "companies.csv", "cash-flows.csv", "metrics.csv", "portfolio.json", "charts/commitments.svg",
                     "charts/performance.svg"] {
            let actual = try #require(files[name])
            let url = golden.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["COHORT_UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
            }
            #expect(actual == String(decoding: try Data(contentsOf: url), as: UTF8.self), "\(name) differs from Tests/Fixtures/lifecycle-reports/\(name)")
        }
    }

    @Test func portfolioJSONHasTheNewTotalsAsNumbers() throws {
        let json = PortfolioSnapshot(try #require(try lifecycle().figures)).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(json.contains("\"multiple\" : 1.69,"))
        #expect(json.contains("\"tvpi\" : 1.69,"))
        #expect(json.contains("\"irr\" : 0.2285,"))
        #expect(json.contains("\"leverage\" : 0.17,"))
        #expect(totals["funded"] == nil, "gone in schema version 3, as version 2 announced")
        for key in ["committed", "disbursed", "follow_on", "co_investment"] {
            #expect((totals[key] as? [String: Any])?["amount"] != nil, "\(key)")
        }
        #expect((totals["realised"] as? [String: Any])?["minor_units"] as? Int == 155_000_000)
        let snapshot = try PortfolioSnapshot.decode(Data(json.utf8))
        #expect(snapshot == PortfolioSnapshot(try #require(try lifecycle().figures)))
        // Nothing disbursed: no multiple at all, rather than zero.
        let nothingPaid = try check().figures
        #expect(!PortfolioSnapshot(try #require(nothingPaid)).json().contains("\"multiple\""))
    }
}

@Suite struct LifecycleSiteTests {
    @Test func pagesShowRoundsExitsValuationsAndWhoCoInvestedOrAcquired() throws {
        let folder = try TemporaryFolder()
        let run = try cohort(["build", "--content", lifecycleFixture.path, "--output", folder.path("output")])
        #expect(run.status == 0, "\(run.stderr)")
        let page = { (path: String) in folder.read("output/site/" + path) ?? "" }
        let alpha = page("companies/alpha.html")
        #expect(alpha.contains("<h2 id=\"section-rounds\">Rounds</h2>"))
        #expect(alpha.contains("<p class=\"meta\"><time datetime=\"2021-03-10\">10 March 2021</time> · Follow-on round · Equity</p>"))
        #expect(alpha.contains("<span class=\"status status-funded\">Paid</span> <time datetime=\"2021-04-01\">1 April 2021</time>"))
        #expect(alpha.contains("<a href=\"../organizations/angel-fund.html\" dir=\"auto\">Angel Fund</a> <bdi>USD\u{00A0}500,000</bdi>"))
        #expect(alpha.contains("Under <a href=\"../agreements/alpha-framework.html\" dir=\"auto\">alpha framework</a>"))
        #expect(alpha.contains("<dt>Valuation</dt> <dd><bdi>USD\u{00A0}2,000,000</bdi>, as of <time datetime=\"2022-12-31\">31 December 2022</time></dd>"))
        // Its money and its return as of the reporting date, its marks and its dividend.
        #expect(alpha.contains("<div><dt>Disbursed</dt> <dd><bdi>USD\u{00A0}750,000</bdi></dd></div>"))
        #expect(alpha.contains("<div><dt>Value held</dt> <dd><bdi>USD\u{00A0}2,000,000</bdi></dd></div>"))
        #expect(alpha.contains("<div><dt>Multiple</dt> <dd><bdi>2.80×</bdi></dd></div>"))
        #expect(alpha.contains("<div><dt>IRR</dt> <dd><bdi>49.6%</bdi></dd></div>"))
        #expect(alpha.contains("<div><dt>Held for</dt> <dd>2.9 years</dd></div>"))
        #expect(alpha.contains("<p class=\"muted\">As of 31 December 2022.</p>"))
        #expect(alpha.contains("<li><time datetime=\"2021-06-30\">30 June 2021</time>: <bdi>USD\u{00A0}1,200,000</bdi> <span class=\"muted\" dir=\"auto\">(priced round)</span></li>"))
        #expect(alpha.contains("<li><time datetime=\"2022-06-15\">15 June 2022</time>: Dividend, <bdi>USD\u{00A0}100,000</bdi></li>"))
        #expect(page("companies/legacy.html").contains("<bdi>USD\u{00A0}1,000,000</bdi> <span class=\"estimate\">(held at cost)</span>"))
        #expect(!page("companies/delta.html").contains("section-returns"), "nothing paid yet")
        let beta = page("companies/beta.html")
        #expect(beta.contains("<dt>Exit</dt> <dd>Acquisition, <time datetime=\"2022-06-30\">30 June 2022</time> · proceeds <bdi>EUR\u{00A0}1,200,000</bdi> · acquired by <a href=\"../organizations/big-corp.html\" dir=\"auto\">Big Corp</a></dd>"))
        #expect(beta.contains("<div><dt>Country</dt> <dd data-pagefind-filter=\"Country\">Germany</dd></div>"), "countries by name, from CLDR")
        #expect(page("companies/delta.html").contains("<span class=\"status status-selected\">Committed, not yet paid</span>"))
        #expect(page("organizations/big-corp.html").contains("<h2 id=\"section-acquisitions\">Companies it acquired</h2>"))
        #expect(page("organizations/big-corp.html").contains("<a href=\"../companies/beta.html\" dir=\"auto\">Beta Water</a>"))
        #expect(page("organizations/angel-fund.html").contains("<h2 id=\"section-co-investments\">Companies it co-invested in</h2>"))
        #expect(page("organizations/bank.html").contains("<a href=\"../companies/delta.html\" dir=\"auto\">Delta Labs</a>"))
        #expect(!page("organizations/fund.html").contains("section-co-investments"))
        let reports = page("reports/index.html")
        #expect(reports.contains("<div><dt>Disbursed</dt><dd><bdi>USD\u{00A0}2,690,000.06</bdi></dd></div>"))
        #expect(reports.contains("<div><dt>TVPI</dt><dd><bdi>1.69×</bdi></dd></div>"))
        #expect(reports.contains("<div><dt>DPI</dt><dd><bdi>0.58×</bdi></dd></div>"))
        #expect(reports.contains("<div><dt>IRR</dt><dd><bdi>22.8%</bdi></dd></div>"))
        #expect(reports.contains("<p class=\"muted\">Figures as of 31 December 2022. 1 company is held at cost: it has no mark yet.</p>"))
        // The schedule: legacy, never marked, held at cost; gamma, written off, a total loss.
        #expect(reports.contains("<td role=\"cell\" data-label=\"IRR\" class=\"number\"><bdi>-100.0%</bdi></td><td role=\"cell\" data-label=\"Held at cost\">no</td>"))
        #expect(reports.contains("<a href=\"../companies/legacy.html\" dir=\"auto\">Legacy Co</a>"))
        // The performance chart: paid in against value, from 2019 Q4 to the reporting date.
        #expect(reports.contains("<figcaption>Paid in and value by quarter</figcaption>"))
        #expect(reports.contains("<span class=\"chart-label\"><bdi>2022 Q4</bdi></span>"))
        #expect(reports.contains("data-label=\"Cumulative disbursed\" class=\"number\"><bdi>USD\u{00A0}2,690,000.06</bdi>"))
        // The charts in HTML: a visible title, bars in per cent of the largest (Health: 1,050,000 of
        // 1,500,000), and the values as text.
        #expect(reports.contains("<figcaption>Committed by focus area</figcaption>"))
        #expect(reports.contains("<span class=\"chart-label\"><bdi>Health</bdi></span><svg class=\"bar-track\" aria-hidden=\"true\"><rect class=\"bar\" width=\"70.0%\" height=\"100%\"/></svg><span class=\"chart-value\"><bdi>\u{200E}\u{2068}USD\u{00A0}1,050,000\u{2069} (\u{2068}USD\u{00A0}300,000\u{2069} estimated)</bdi> · 2 companies</span>"))
        #expect(reports.contains("<rect class=\"bar bar-disbursed\" width=\"26.9%\" height=\"100%\"/>"))
        #expect(reports.contains("<a href=\"../reports/charts/commitments.svg\">commitments.svg</a>"))
    }

    @Test func theWordsOfRoundsAreInEveryLanguagesTable() throws {
        let keys = ["rounds", "paid", "not_paid", "co_investors", "exit", "proceeds", "acquirer", "valuation", "as_of",
                    "disbursed", "follow_on", "co_investment", "realised", "unrealised", "multiple", "leverage", "ratio",
                    "cumulative_disbursed", "undated", "figures_note", "under_agreement", "companies_co_invested", "companies_acquired"]
            + Round.Kind.allCases.map { "round_kind_" + $0.rawValue.replacingOccurrences(of: "-", with: "_") }
            + Round.Instrument.allCases.map { "instrument_" + $0.rawValue }
            + Exit.Kind.allCases.map { "exit_kind_" + $0.rawValue.replacingOccurrences(of: "-", with: "_") }
        for language in ["en", "zh", "he"] {
            let table = try String(contentsOf: repositoryRoot.appendingPathComponent("templates/strings/\(language).yml"), encoding: .utf8)
            let missing = keys.filter { !table.contains("\n\($0): ") }
            #expect(missing == [], "templates/strings/\(language).yml")
        }
    }
}

@Suite struct LifecycleDiffTests {
    @Test func anAddedDisbursedRoundIsNamedWithTheTotalsItChanges() throws {
        let before = PortfolioSnapshot(try #require(try lifecycle().figures))
        let delta = try lifecycleFile("companies/delta.md").replacingOccurrences(of: "    co_investors: [bank]\n", with: """
                co_investors: [bank]
              - date: 2021-09-01
                kind: follow-on
                amount: $200k
                disbursed: 2021-09-15
                co_investors:
                  - organization: angel-fund
                    amount: $100k

            """)
        let after = PortfolioSnapshot(try #require(try lifecycle(["companies/delta.md": delta]).figures))
        let summary = ChangeSummary(from: before, to: after)
        #expect(summary.companiesChanged == [.init(slug: "delta", name: "Delta Labs", fields: [
            .init(field: "investment", before: "ILS 1,000,000", after: "USD 500,000"),
            .init(field: "round 2021-09-01 follow-on", before: "—", after: "USD 200,000, disbursed 2021-09-15, with angel-fund (USD 100,000)"),
            .init(field: "realised", before: "—", after: "USD 0"),
            .init(field: "unrealised", before: "—", after: "USD 200,000 (at cost)"),
            .init(field: "multiple", before: "—", after: "1.00x"),
            .init(field: "IRR", before: "—", after: "0.0%"),
        ])])
        #expect(summary.changedTotals.map(\.name) == [
            "Committed", "Disbursed", "Remaining", "Follow-on", "Co-investment", "Unrealised", "DPI", "RVPI", "TVPI (multiple)", "IRR",
            "Held at cost", "Leverage", "Average ticket",
        ])
        // DPI 1,550,000 / 2,890,000.06 = 0.54; RVPI 3,200,000 / 2,890,000.06 = 1.11; TVPI 1.64.
        #expect(summary.changedTotals.map(\.difference) == [
            "+USD 200,000", "+USD 200,000", "-USD 200,000", "+USD 200,000", "+USD 100,000", "+USD 200,000", "-0.04", "-0.01", "-0.05",
            "-0.6 points", "+1", "+0.02", "+USD 40,000",
        ])
        let markdown = ChangeReport.markdown.render(summary, base: "main")
        #expect(markdown.contains("| Disbursed | USD 2,690,000.06 | USD 2,890,000.06 | +USD 200,000 |"))
        #expect(markdown.contains("| TVPI (multiple) | 1.69x | 1.64x | -0.05 |"))
        #expect(markdown.contains("| IRR | 22.8% | 22.2% | -0.6 points |"))
        #expect(markdown.contains("""
            - **Delta Labs** (`delta`)
              - investment: ILS 1,000,000 → USD 500,000
              - round 2021-09-01 follow-on: — → USD 200,000, disbursed 2021-09-15, with angel-fund (USD 100,000)
            """))
    }

    @Test func anExitAndAMarkAreNamedOldToNew() throws {
        let before = PortfolioSnapshot(try #require(try lifecycle().figures))
        let alpha = try lifecycleFile("companies/alpha.md")
            .replacingOccurrences(of: "status: funded", with: "status: exited")
            .replacingOccurrences(of: "---\nA company", with: "exit:\n  date: 2022-12-31\n  kind: ipo\n  proceeds: $3m\n---\nA company")
            .replacingOccurrences(of: "  - as_of: 2022-12-31\n    amount: $2m\n", with: "")
        let legacy = try lifecycleFile("companies/legacy.md").replacingOccurrences(of: "---\nA company", with: "valuation:\n  as_of: 2022-12-31\n  amount: $1.5m\n---\nA company")
        let after = PortfolioSnapshot(try #require(try lifecycle(["companies/alpha.md": alpha, "companies/legacy.md": legacy]).figures))
        let summary = ChangeSummary(from: before, to: after)
        #expect(summary.companiesChanged.map { change in change.fields.map { "\($0.field): \($0.before) → \($0.after)" } } == [
            ["status: funded → exited", "exit: — → ipo on 2022-12-31, USD 3,000,000", "realised: USD 100,000 → USD 3,100,000",
             "unrealised: USD 2,000,000 → USD 0", "multiple: 2.80x → 4.13x", "IRR: 49.6% → 73.2%", "mark 2022-12-31: USD 2,000,000 → —"],
            ["mark 2022-12-31: — → USD 1,500,000", "unrealised: USD 1,000,000 (at cost) → USD 1,500,000", "multiple: 1.02x → 1.52x", "IRR: 0.6% → 14.2%"],
        ])
        // Realised gains the IPO; unrealised loses alpha's mark and gains legacy's; legacy is no longer at cost.
        // The IRRs are XIRR's of the flows (Python, by bisection: 0.7323, 0.1418 and 0.3645).
        #expect(summary.changedTotals.map(\.name) == ["Realised", "Unrealised", "DPI", "RVPI", "TVPI (multiple)", "IRR", "Held at cost"])
        #expect(summary.changedTotals.map(\.after) == ["USD 4,550,000", "USD 1,500,000", "1.69x", "0.56x", "2.25x", "36.4%", "0"])
    }

    @Test func aSavedPortfolioOfTheFirstSchemaIsRefusedWithWhatToDoInstead() throws {
        let folder = try TemporaryFolder()
        let json = PortfolioSnapshot(try #require(try check().figures)).json()
        try folder.write("old.json", json.replacingOccurrences(of: "\"schema_version\" : 3", with: "\"schema_version\" : 1"))
        let run = try cohort(["diff", "--content", lifecycleFixture.path, "--base", folder.path("old.json")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("old.json has schema version 1; this cohort reads version 3: compare with a git revision instead (--base REF)"))
    }
}
