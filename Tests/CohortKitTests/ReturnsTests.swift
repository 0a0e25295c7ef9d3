import Foundation
import Testing
@testable import CohortKit

/// The IRR as spreadsheets' XIRR computes it.
@Suite struct IRRTests {
    func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }

    @Test func theRateIsXIRRsToFourDecimals() throws {
        // The example of Excel's XIRR documentation: 0.373362535.
        let flows = try [("2008-01-01", -10_000), ("2008-03-01", 2_750), ("2008-10-30", 4_250), ("2009-02-15", 3_250), ("2009-04-01", 2_750)]
            .map { (try day($0.0), $0.1 * 100) }
        #expect(IRR.of(flows) == AnnualRate(tenThousandths: 3_734))
        #expect(IRR.of(flows)?.decimal == Decimal(string: "0.3734"))
        #expect(IRR.of(flows)?.description == "37.3%")
        // The order of the flows and flows of one day taken together change nothing.
        #expect(IRR.of(flows.reversed()) == IRR.of(flows))
    }

    @Test func edgeCasesHaveTheirOwnAnswers() throws {
        let start = try day("2021-01-01"), later = try day("2022-01-01")
        // Nothing back and nothing held: a total loss.
        #expect(IRR.of([(start, -100)]) == AnnualRate(tenThousandths: -10_000))
        #expect(AnnualRate(tenThousandths: -10_000).description == "-100.0%")
        // Nothing paid in, or everything on one day: not defined.
        #expect(IRR.of([(start, 100)]) == nil)
        #expect(IRR.of([(start, -100), (start, 150)]) == nil)
        #expect(IRR.of([]) == nil)
        // A year later, the money back doubled: 100%; the same money back: 0%.
        #expect(IRR.of([(start, -100), (later, 200)]) == AnnualRate(tenThousandths: 10_000))
        #expect(IRR.of([(start, -100), (later, 100)]) == AnnualRate(tenThousandths: 0))
        // A thousandfold in a year: far from Newton's start, found all the same.
        #expect(IRR.of([(start, -1), (later, 1_000)]) == AnnualRate(tenThousandths: 9_990_000))
        // Almost all lost: -99.99990%, which four decimals write as -100%; never below.
        #expect(IRR.of([(start, -1_000_000), (later, 1)]) == AnnualRate(tenThousandths: -10_000))
        #expect(IRR.of([(start, -1_000), (later, 1)]) == AnnualRate(tenThousandths: -9_990))
    }

    @Test func percentagesRoundHalfToEvenWithOneDecimal() {
        #expect(AnnualRate(tenThousandths: 2_285).description == "22.8%")
        #expect(AnnualRate(tenThousandths: 2_295).description == "23.0%")
        #expect(AnnualRate(tenThousandths: 2_286).description == "22.9%")
        #expect(AnnualRate(tenThousandths: -4).description == "0.0%")
        #expect(AnnualRate(tenThousandths: -63).description == "-0.6%")
        #expect(AnnualRate(tenThousandths: -63).decimal == Decimal(string: "-0.0063"))
    }
}

/// The returns of the lifecycle programme, each pinned to a hand computation.
@Suite struct ReturnsFiguresTests {
    @Test func theProgrammesReturnsAsOfTheReportingDate() throws {
        let outcome = try lifecycle()
        #expect(outcome.lines == [])
        let figures = try #require(outcome.figures)
        // The latest day the content names: alpha's mark.
        #expect(figures.reportingDate?.description == "2022-12-31")
        let returns = figures.returns
        #expect(returns.disbursed.formatted == "USD 2,690,000.06")
        // Beta's partial sale (EUR 100,000 at 1.1) and exit (EUR 1.2m), alpha's dividend, legacy's interest.
        #expect(returns.realised.formatted == "USD 1,550,000")
        // Alpha's latest mark and legacy at cost, never marked; beta and gamma have been left.
        #expect(returns.unrealised.formatted == "USD 3,000,000")
        #expect(returns.heldAtCost == 1)
        // 1,550,000 / 2,690,000.06 = 0.5762; 3,000,000 / 2,690,000.06 = 1.1152; 4,550,000 / 2,690,000.06 = 1.6914.
        #expect(returns.dpi?.description == "0.58")
        #expect(returns.rvpi?.description == "1.12")
        #expect(returns.tvpi?.description == "1.69")
        #expect(figures.multiple == returns.tvpi)
        // XIRR of cash-flows.csv (Python, bisection to 1e-15: 0.228 5...).
        #expect(returns.irr?.decimal == Decimal(string: "0.2285"))
        #expect(figures.undatedCompanies == [])
    }

    @Test func eachCompanysReturns() throws {
        let figures = try #require(try lifecycle().figures)
        let returns = Dictionary(uniqueKeysWithValues: figures.companies.compactMap { line in line.returns.map { (line.slug, $0) } })
        #expect(returns.keys.sorted() == ["alpha", "beta", "gamma", "legacy"], "delta is not paid, epsilon is a candidate")
        let alpha = try #require(returns["alpha"])
        #expect([alpha.disbursed, alpha.realised, alpha.unrealised].map(\.formatted) == ["USD 750,000", "USD 100,000", "USD 2,000,000"])
        #expect(alpha.multiple?.description == "2.80")
        #expect(alpha.irr?.decimal == Decimal(string: "0.4962"))
        #expect(alpha.heldAtCost == false)
        #expect(alpha.holdingDays == 1_064, "2020-02-01 to 2022-12-31")
        let beta = try #require(returns["beta"])
        #expect([beta.realised, beta.unrealised].map(\.formatted) == ["USD 1,430,000", "USD 0"])
        #expect(beta.multiple?.description == "3.25")
        #expect(beta.irr?.decimal == Decimal(string: "0.772"))
        #expect(beta.holdingDays == 771, "2020-05-20 to its exit on 2022-06-30")
        let gamma = try #require(returns["gamma"])
        #expect(gamma.multiple?.description == "0.00")
        #expect(gamma.irr == AnnualRate(tenThousandths: -10_000), "written off: a total loss")
        let legacy = try #require(returns["legacy"])
        #expect(legacy.heldAtCost)
        #expect(legacy.unrealised.formatted == "USD 1,000,000")
        #expect(legacy.irr?.decimal == Decimal(string: "0.0063"))
    }

    @Test func cashFlowsAreWhatTheIRRReads() throws {
        let figures = try #require(try lifecycle().figures)
        #expect(figures.cashFlows.map { "\($0.date) \($0.company) \($0.kind.rawValue) \($0.reporting.plainAmount)" } == [
            "2019-11-01 legacy disbursement -1000000",
            "2020-02-01 alpha disbursement -500000",
            "2020-05-20 beta disbursement -440000.06",
            "2020-10-01 gamma disbursement -500000",
            "2021-04-01 alpha disbursement -250000",
            "2021-11-30 beta partial-sale 110000",
            "2022-03-31 legacy interest 20000",
            "2022-06-15 alpha dividend 100000",
            "2022-06-30 beta exit 1320000",
            "2022-12-31 alpha value 2000000",
            "2022-12-31 legacy value 1000000",
        ])
        #expect(IRR.of(figures.cashFlows.map { ($0.date, $0.reporting.minorUnits) }) == figures.returns.irr)
    }

    @Test func eachRowOfThePerformanceIsWhatAsOfThatDayGives() throws {
        let figures = try #require(try lifecycle().figures)
        #expect(figures.performance.first?.date?.description == "2019-12-31", "from the quarter of the first disbursement")
        #expect(figures.performance.count == 13)
        #expect(figures.performance.last == figures.returns)
        for row in figures.performance {
            let date = try #require(row.date)
            var project = Project(contentPath: lifecycleFixture.path)
            project.asOf = date
            let asOf = try #require(project.check().figures)
            #expect(asOf.returns == row, "as of \(date)")
            #expect(asOf.performance.last == row, "as of \(date)")
        }
        // Half way: alpha marked at 1.2m, the others at cost; nothing back yet.
        let mid = try #require(figures.performance.first { $0.date?.description == "2021-06-30" })
        #expect([mid.disbursed, mid.realised, mid.unrealised].map(\.formatted) == ["USD 2,690,000.06", "USD 0", "USD 3,140,000.06"])
        #expect(mid.heldAtCost == 3)
    }

    @Test func aReportingDateThatIsNotAQuartersEndEndsThePerformance() throws {
        let programme = try lifecycleFile("programme.yml") + "reporting_date: 2022-08-15\n"
        let figures = try #require(try lifecycle(["programme.yml": programme]).figures)
        #expect(figures.performance.suffix(2).compactMap { $0.date?.description } == ["2022-06-30", "2022-08-15"])
        // Alpha's last mark is later: the one of 2021-06-30 counts.
        #expect(figures.returns.unrealised.formatted == "USD 2,200,000")
        #expect(figures.cashFlows.last?.date.description == "2022-08-15")
    }

    @Test func aNewProgrammeIsHeldAtCostNotWorthNothing() throws {
        let outcome = try check(["companies/acme.md": "---\nname: Acme\nstatus: funded\nfocus_area: water-treatment\ninvestments:\n  - {date: 2011-10-10, kind: initial, amount: $1m, disbursed: 2011-10-12}\n---\n"])
        let figures = try #require(outcome.figures)
        #expect(figures.returns.unrealised.formatted == "USD 1,000,000")
        #expect(figures.returns.tvpi?.description == "1.00")
        #expect(figures.returns.heldAtCost == 1)
        #expect(figures.returns.irr == nil, "paid in and valued on the same day: no rate")
    }
}

/// `--as-of`: the portfolio as it was known on a day.
@Suite struct AsOfTests {
    @Test func laterEventsAreLeftOutAndStatusesFollow() throws {
        var project = Project(contentPath: lifecycleFixture.path)
        project.asOf = Day(iso: "2021-06-30")
        let portfolio = try #require(project.check().portfolio)
        let company = { (slug: String) in portfolio.companies.first { $0.slug.rawValue == slug } }
        // Beta is sold in 2022: held, funded; its later partial sale is not there yet.
        #expect(company("beta")?.status == .funded)
        #expect(company("beta")?.exit == nil)
        #expect(company("beta")?.distributions == [])
        #expect(portfolio.acquisitionsBy.isEmpty)
        // Gamma's write-off was on 2021-12-31.
        #expect(company("gamma")?.status == .funded)
        // Alpha's marks of 2020 and 2021 only; its follow-on is paid.
        #expect(company("alpha")?.valuations.map(\.asOf.description) == ["2020-12-31", "2021-06-30"])
        #expect(company("alpha")?.rounds.allSatisfy(\.isDisbursed) == true)
        #expect(portfolio.reportingDate?.description == "2021-06-30")
        // Before alpha's follow-on was paid, it is committed but pending.
        project.asOf = Day(iso: "2021-03-31")
        let earlier = try #require(project.check().portfolio)
        let alpha = try #require(earlier.companies.first { $0.slug.rawValue == "alpha" })
        #expect(alpha.rounds.map(\.isDisbursed) == [true, false])
        // Before anything: no rounds, and the companies are not yet signed.
        project.asOf = Day(iso: "2019-01-01")
        let before = try #require(project.check().figures)
        #expect(before.committed.amount.formatted == "USD 0")
        #expect(before.companiesSigned == 0)
        #expect(before.performance == [])
        #expect(before.timeline.allSatisfy { $0.agreementsSigned == 0 })
    }

    @Test func theCommandLineTakesAsOf() throws {
        let folder = try TemporaryFolder()
        let run = try cohort(["report", "--content", lifecycleFixture.path, "--output", folder.path("output"), "--as-of", "2021-06-30"],
                             in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try #require(folder.read("output/reports/summary.md"))
        #expect(summary.contains("Figures as of 2021-06-30. 3 companies are held at cost: they have no mark yet."))
        #expect(summary.contains("| Unrealised | USD 3,140,000.06 |"))
        let json = try #require(folder.read("output/reports/portfolio.json"))
        #expect(json.contains(#""as_of" : "2021-06-30""#))
        let bad = try cohort(["report", "--as-of", "2021-02-30"], in: folder.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--as-of"))
    }
}

/// What `cohort diff` says of returns.
@Suite struct ReturnsDiffTests {
    @Test func aNewMarkDistributionOrExitIsNamedWithTheChangedTotals() throws {
        let before = try #require(try lifecycle().figures).snapshot
        let alpha = try lifecycleFile("companies/alpha.md")
            .replacingOccurrences(of: "distributions:\n", with: "distributions:\n  - date: 2022-09-30\n    kind: interest\n    amount: $10k\n")
            .replacingOccurrences(of: "  - as_of: 2022-12-31\n    amount: $2m\n", with: "  - as_of: 2022-12-31\n    amount: $2.5m\n")
        let after = try #require(try lifecycle(["companies/alpha.md": alpha]).figures).snapshot
        let summary = ChangeSummary(from: before, to: after)
        let changed = try #require(summary.companiesChanged.first { $0.slug == "alpha" })
        #expect(changed.fields.map { "\($0.field): \($0.before) → \($0.after)" } == [
            "mark 2022-12-31: USD 2,000,000 → USD 2,500,000",
            "distribution 2022-09-30 interest: — → USD 10,000",
            "realised: USD 100,000 → USD 110,000",
            "unrealised: USD 2,000,000 → USD 2,500,000",
            "multiple: 2.80x → 3.48x",
            "IRR: 49.6% → 62.4%",
        ])
        let totals = Dictionary(uniqueKeysWithValues: summary.changedTotals.map { ($0.name, "\($0.before) → \($0.after) (\($0.difference ?? ""))") })
        #expect(totals["TVPI (multiple)"] == "1.69x → 1.88x (+0.19)")
        #expect(totals["DPI"] == nil, "0.5762 to 0.5799: 0.58 both times")
        #expect(totals["IRR"]?.hasPrefix("22.8% → ") == true)
        #expect(totals["Realised"] == "USD 1,550,000 → USD 1,560,000 (+USD 10,000)")
    }
}

extension Figures {
    /// What portfolio.json holds of these figures.
    var snapshot: PortfolioSnapshot { PortfolioSnapshot(self) }
}
