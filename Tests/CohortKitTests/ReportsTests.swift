import Foundation
import Testing
@testable import CohortKit

/// Two companies (one signed at $1m, one funded at an estimated $750k) and a candidate.
private let reportContent: [String: String?] = [
    "companies/acme.md": "---\nname: Acme\nstatus: signed\nsector: Water\ncountry: IL\nfocus_area: water-treatment\ninvestment:\n  amount: $1m\n  date: 2011-10-10\n---\n",
    "companies/beta.md": "---\nname: \"Beta, Inc.\"\nstatus: funded\ncountry: IL\nfocus_area: agriculture\ninvestment:\n  amount: $750k\n  date: 2012-01-15\n  estimated: true\n---\n",
    "companies/gamma.md": "---\nname: Gamma\nstatus: candidate\n---\n",
    "agreements/beta-framework.md": "---\ntitle: Beta framework\nkind: framework\nstatus: signed\nsigned: 2012-01-15\nparties: [fund, beta]\n---\n",
]

private func figures(_ changes: [String: String?] = reportContent) throws -> Figures {
    try #require(try check(changes).figures)
}

@Suite struct FiguresTests {
    /// Committed reports name a file the same from every folder and machine: under a content folder
    /// given as a relative path, as diagnostics do; under one given as an absolute path or above the
    /// current folder, by the folder's name. A file outside the content folder keeps its name.
    @Test(arguments: [
        ("content/", "content/"), ("./", "./"), ("fund/content/", "fund/content/"),
        ("/home/ana/fund/content/", "content/"), ("../fund/content/", "content/"), ("../", ""), ("/", ""),
    ])
    func reportsNameFilesTheSameOnEveryMachine(root: String, named: String) throws {
        let file = SourceFile(displayPath: root + "programme.yml", relativePath: "programme.yml", text: programmeYAML)
        let programme = try #require(ProgrammeDecoder.decode(file).programme)
        #expect(programme.portable(SourceLocation(path: root + "companies/acme.md", line: 3, column: 7)).description
                == named + "companies/acme.md:3:7")
        #expect(programme.portable(.file("templates/strings/zh.yml")).path == "templates/strings/zh.yml")
    }

    @Test func theFiguresNameWarningsUnderTheContentFoldersName() throws {
        // check() builds a content folder given by its absolute path, /tmp/cohort-tests-<random>.
        var content = reportContent
        content["agreements/beta-framework.md"] = "---\ntitle: Beta framework\nkind: framework\nstatus: terminated\nsigned: 2012-01-15\nparties: [fund, beta]\n---\n"
        let warnings = try figures(content).warnings.map(\.location.description)
        #expect(warnings.map { $0.replacingOccurrences(of: #"^cohort-tests-[^/]+/"#, with: "", options: .regularExpression) } == [
            "companies/beta.md:1:1",
        ])
        #expect(warnings.allSatisfy { $0.hasPrefix("cohort-tests-") })
    }

    @Test func aSectorNamedNotSpecifiedIsItsOwnGroupAndEveryViewNamesGroupsByTheirKey() throws {
        var content = reportContent
        content["companies/gamma.md"] = "---\nname: Gamma\nstatus: selected\nsector: Not specified\nfocus_area: agriculture\n---\n"
        content["programme.zh.yml"] = "focus_areas:\n  - slug: agriculture\n    name: 农业\n"
        content["programme.yml"] = programmeYAML.replacingOccurrences(of: "language: en", with: "languages: [en, zh]")
        let outcome = try check(content)
        let figures = try #require(outcome.figures)
        #expect(figures.bySector.map(\.key) == [.value("Not specified"), .value("Water"), .unspecified])
        #expect(figures.bySector.map(\.companies) == [1, 1, 1])
        #expect(figures.byStatus.map(\.key) == Company.Status.allCases.map(Figures.GroupKey.status))
        #expect(figures.byFocusArea.map(\.name) == ["Water treatment", "Agriculture"])
        let theme = try #require(Theme.load(overriding: nil, displayRoot: "templates").0)
        let (files, _) = SiteRenderer.render(try #require(outcome.portfolio), figures: figures, theme: theme)
        let page = String(decoding: files.first { $0.path == "zh/reports/index.html" }?.bytes ?? Data(), as: UTF8.self)
        #expect(page.contains(">农业<"), "the focus area by its slug, translated")
        #expect(page.contains(">未注明<") && page.contains(">Not specified<"), "the unspecified group and the sector of that name")
    }

    @Test func headlineFiguresComeFromSignedAndFundedCompanies() throws {
        let figures = try figures()
        #expect(figures.committed.amount.formatted == "USD 1,750,000")
        #expect(figures.committed.estimated.formatted == "USD 750,000")
        #expect(figures.disbursed.amount.formatted == "USD 750,000")
        #expect(figures.disbursed.isAllEstimated)
        #expect(figures.remaining.formatted == "USD 250,000")
        #expect(figures.companiesSigned == 2)
        #expect(figures.companiesInProgramme == 2)
        #expect(figures.averageTicket?.amount.formatted == "USD 875,000")
        #expect(figures.medianTicket?.amount.formatted == "USD 875,000")
    }

    @Test func breakdownsFollowTheProgrammesOrderWithUnspecifiedLast() throws {
        let figures = try figures()
        #expect(figures.byFocusArea.map(\.name) == ["Water treatment", "Agriculture"])
        #expect(figures.bySector.map(\.name) == ["Water", "Not specified"])
        #expect(figures.byStatus.map(\.companies) == [1, 0, 1, 1, 0, 0])
    }

    @Test func timelineIsByQuarterWithACumulativeTotal() throws {
        let timeline = try figures().timeline
        #expect(timeline.map(\.name) == ["2011 Q4", "2012 Q1"])
        #expect(timeline.map(\.cumulative.amount.formatted) == ["USD 1,000,000", "USD 1,750,000"])
        #expect(timeline.map(\.agreementsSigned) == [1, 1])
    }

    /// Content dates are from 1900, but a quarter's name is not how quarters are ordered: a year
    /// written with fewer digits once sorted after 2012 and put its amount in the wrong cumulative total.
    @Test func timelineQuartersSortByDateNotByName() throws {
        let figures = try figures()
        let early = try #require(Day(year: 999, month: 5, day: 15))
        let lines = figures.companies.filter { $0.committed != nil }.map { line in
            guard line.slug == "acme" else { return line }
            var moved = line
            moved.date = early
            moved.rounds = line.rounds.map { round in
                var round = round
                round.date = early
                return round
            }
            return moved
        }
        let timeline = Figures.quarters(lines, agreements: [], try #require(Currency("USD")))
        #expect(timeline.map(\.name) == ["999 Q2", "2012 Q1"])
        #expect(timeline.map(\.cumulative.amount.formatted) == ["USD 1,000,000", "USD 1,750,000"])
        let undated = lines.map { line in
            var line = line
            line.date = nil
            line.rounds = line.rounds.map { round in
                var round = round
                round.date = nil
                round.disbursedOn = nil
                return round
            }
            return line
        }
        #expect(Figures.quarters(undated + lines, agreements: [], try #require(Currency("USD"))).map(\.name) == ["999 Q2", "2012 Q1", "Undated"])
    }

    @Test func otherCurrenciesConvertAtTheDeclaredRates() throws {
        var changes = reportContent
        changes["programme.yml"] = programmeYAML + "\nexchange_rates:\n  as_of: 2011-10-10\n  rates:\n    CNY: 0.15625\n"
        changes["companies/acme.md"] = "---\nname: Acme\nstatus: signed\ninvestment: CNY 3,200,000\n---\n"
        let figures = try figures(changes)
        #expect(figures.committed.amount.formatted == "USD 1,250,000")
        #expect(figures.exchangeRates?.rates[try #require(Currency("CNY"))]?.description == "0.15625")
    }
}

@Suite struct ReportFormatTests {
    @Test func summaryReadsWellOnGitHub() throws {
        let summary = SummaryReport.render(try figures())
        let lines = summary.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.prefix(31) == [
            "# Test Programme: summary",
            "",
            "Generated by `cohort` from the content; do not edit by hand. Amounts are in USD.",
            "",
            "## Headline",
            "",
            "| Figure | Value |",
            "| --- | ---: |",
            "| Pool | USD 2,000,000 |",
            "| Committed | USD 1,750,000 (USD 750,000 estimated) |",
            "| Disbursed | USD 750,000 (estimated) |",
            "| Remaining | USD 250,000 |",
            "| Follow-on | USD 0 |",
            "| Co-investment | USD 0 |",
            "| Realised | USD 0 |",
            "| Unrealised | USD 750,000 |",
            "| DPI | 0.00x |",
            "| RVPI | 1.00x |",
            "| TVPI (multiple) | 1.00x |",
            "| IRR | — |",
            "| Leverage | 0.00x |",
            "| Companies signed | 2 of 2 |",
            "| Companies in the programme | 2 of 2 |",
            "| Standard ticket | USD 1,000,000 |",
            "| Average ticket | USD 875,000 (USD 375,000 estimated) |",
            "| Median ticket | USD 875,000 (USD 375,000 estimated) |",
            "",
            "Figures as of 2012-01-15. 1 company is held at cost: it has no mark yet.",
            "",
            "Figures marked estimated include investments that are expectations rather than stated amounts.",
            "",
        ])
        #expect(summary.contains("| Beta framework | Framework agreement | Signed | 2012-01-15 | The Fund, Beta, Inc. |"))
        #expect(summary.contains("| 2012 Q1 | 1 | USD 750,000 (estimated) | USD 1,750,000 (USD 750,000 estimated) | USD 750,000 (estimated) | USD 750,000 (estimated) | 1 |"))
        #expect(summary.contains("""
            | Company | Date | Kind | Amount | Disbursed | Co-investors |
            | --- | --- | --- | ---: | --- | --- |
            | Acme | 2011-10-10 | initial | USD 1,000,000 | not yet | — |
            | Beta, Inc. | 2012-01-15 | initial | USD 750,000 (estimated) | 2012-01-15 | — |
            """))
        #expect(summary.hasSuffix("## Open warnings\n\nNone.\n"))
    }

    @Test func csvIsRFC4180WithRawNumbers() throws {
        let csv = CSVReport.companies(try figures())
        #expect(csv == "\u{FEFF}" + """
            slug,name,status,sector,country,focus_area,investment_amount,investment_currency,reporting_amount,reporting_currency,estimated,date,disbursed_amount,rounds,exit_kind,exit_date,realised_amount,valuation_amount,valuation_as_of\r
            acme,Acme,signed,Water,IL,Water treatment,1000000,USD,1000000,USD,false,2011-10-10,0,1,,,,,\r
            beta,"Beta, Inc.",funded,,IL,Agriculture,750000,USD,750000,USD,true,2012-01-15,750000,1,,,0,,\r
            gamma,Gamma,candidate,,,,,,,,,,,0,,,,,\r

            """)
        #expect(CSVReport.field(.text("say \"hi\"")) == "\"say \"\"hi\"\"\"")
        #expect(CSVReport.field(.text("two\r\nlines")) == "\"two\r\nlines\"")
        // A quote is doubled even when a combining mark follows it (one character, but its own byte).
        #expect(CSVReport.field(.text("a\"\u{301}b")) == "\"a\"\"\u{301}b\"")
        #expect(CSVReport.neutralized("x;  =1; +2;-3 ;") == "x;'  =1;' +2;'-3 ;")
        #expect(CSVReport.neutralized("  @a") == "'  @a" && CSVReport.neutralized("") == "" && CSVReport.neutralized("; ") == "; ")
        #expect(ReportText.cell("two\r\nlines | and *more*") == "two lines \\| and \\*more\\*")
    }

    @Test func portfolioJSONHasASchemaVersionAndExactMoneyAndRoundTrips() throws {
        let snapshot = PortfolioSnapshot(try figures())
        let json = snapshot.json()
        #expect(json.contains("\"schema_version\" : 3"))
        #expect(json.contains("""
                "remaining" : {
                  "currency" : "USD",
                  "formatted" : "USD 250,000",
                  "minor_units" : 25000000
                }
            """))
        #expect(try PortfolioSnapshot.decode(Data(json.utf8)) == snapshot)
    }

    @Test func chartsAreAccessibleAndStatic() throws {
        let figures = try figures()
        for chart in Charts.all(figures) {
            #expect(chart.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(chart.svg.contains("role=\"img\""))
            #expect(chart.svg.contains("<title id=\"title\">"))
            #expect(chart.svg.contains("<desc id=\"desc\">\(XML.escape(chart.description))</desc>"))
            #expect(!chart.svg.contains("<script"))
        }
        #expect(Charts.pool(figures).description == "Committed USD 1,750,000 (USD 750,000 estimated) of a pool of USD 2,000,000; USD 250,000 remaining.")
    }

    /// Each process hashes with its own seed: two runs give the same charts only if nothing in them
    /// depends on the order of a dictionary or a set.
    @Test func everyReportIsTheSameInTwoProcesses() throws {
        let folder = try TemporaryFolder()
        var runs: [[String: Data]] = []
        for run in 0..<2 {
            let result = try cohort(["report", "--content", lifecycleFixture.path, "--output", folder.path("out\(run)")])
            #expect(result.status == 0, "\(result.stderr)")
            let reports = folder.url.appendingPathComponent("out\(run)/reports")
            runs.append(Dictionary(uniqueKeysWithValues: FileTree.regularFiles(in: reports).map {
                ($0, FileManager.default.contents(atPath: reports.appendingPathComponent($0).path) ?? Data())
            }))
        }
        #expect(runs[0].keys.contains("charts/pool.svg"))
        #expect(runs[0] == runs[1])
        // And what both give is what was reviewed.
        let golden = repositoryRoot.appendingPathComponent("Tests/Fixtures/lifecycle-reports")
        for path in FileTree.regularFiles(in: golden) {
            #expect(runs[0][path] == FileManager.default.contents(atPath: golden.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test func editingOneAmountChangesOnlyTheLinesThatDependOnIt() throws {
        var changed = reportContent
        changed["companies/acme.md"] = "---\nname: Acme\nstatus: signed\nsector: Water\ncountry: IL\nfocus_area: water-treatment\ninvestment:\n  amount: $1.25m\n  date: 2011-10-10\n---\n"
        let before = Reports.render(try figures()), after = Reports.render(try figures(changed))
        var changedLines: [String: [String]] = [:]
        let lines = { (file: OutputFile) in
            file.bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        for (old, new) in zip(before, after) {
            let oldLines = lines(old), newLines = lines(new)
            #expect(oldLines.count == newLines.count, "\(old.path) changed its number of lines")
            let changed = zip(oldLines, newLines).filter { $0 != $1 }.map(\.1)
            if !changed.isEmpty { changedLines[old.path] = changed }
        }
        #expect(changedLines["summary.md"] == [
            "| Committed | USD 2,000,000 (USD 750,000 estimated) |",
            "| Remaining | USD 0 |",
            "| Average ticket | USD 1,000,000 (USD 375,000 estimated) |",
            "| Median ticket | USD 1,000,000 (USD 375,000 estimated) |",
            "| Signed | 1 | USD 1,250,000 |",
            "| Water | 1 | USD 1,250,000 |",
            "| Water treatment | 1 | USD 1,250,000 |",
            "| Israel (IL) | 2 | USD 2,000,000 (USD 750,000 estimated) |",
            "| Acme | 2011-10-10 | initial | USD 1,250,000 | not yet | — |",
            "| 2011 Q4 | 1 | USD 1,250,000 | USD 1,250,000 | USD 0 | USD 0 | 1 |",
            "| 2012 Q1 | 1 | USD 750,000 (estimated) | USD 2,000,000 (USD 750,000 estimated) | USD 750,000 (estimated) | USD 750,000 (estimated) | 1 |",
        ])
        #expect(changedLines["companies.csv"] == ["acme,Acme,signed,Water,IL,Water treatment,1250000,USD,1250000,USD,false,2011-10-10,0,1,,,,,\r"])
        #expect(changedLines["investments.csv"] == ["acme,Acme,signed,2011-10-10,initial,,1250000,USD,1250000,USD,false,false,,,,\r"])
        #expect(changedLines["agreements.csv"] == nil)
    }
}

@Suite struct ReportCheckTests {
    /// Checked against reports this test did not render: the lifecycle programme's reviewed files,
    /// committed as a build commits them, then with one line edited.
    @Test func theReviewedReportsAreCurrentAndAnEditedLineIsStale() throws {
        let golden = repositoryRoot.appendingPathComponent("Tests/Fixtures/lifecycle-reports")
        let reviewed = try FileTree.regularFiles(in: golden).map { OutputFile(path: $0, bytes: try Data(contentsOf: golden.appendingPathComponent($0))) }
        let rendered = Reports.render(try #require(try lifecycle().figures)).filter { file in reviewed.contains { $0.path == file.path } }
        #expect(rendered.map(\.path).sorted() == reviewed.map(\.path).sorted())
        let folder = try TemporaryFolder()
        let committed = folder.url.appendingPathComponent("reports")
        try OutputWriter.write(reviewed, to: committed, protecting: [])
        #expect(located(ReportCheck.compare(rendered, with: committed, displayFolder: "output/reports")) == [])
        // The pool's line edited by hand is stale there, and only there.
        let summary = try #require(reviewed.first { $0.path == "summary.md" }.map { String(decoding: $0.bytes, as: UTF8.self) })
        let pool = try #require(summary.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("| Pool |") })
        let edited = reviewed.map { $0.path == "summary.md" ? OutputFile(path: $0.path, text: summary.replacingOccurrences(of: "| Pool |", with: "| Pool (edited) |")) : $0 }
        try OutputWriter.write(edited, to: committed, protecting: [])
        let stale = located(ReportCheck.compare(rendered, with: committed, displayFolder: "output/reports"))
        #expect(stale.count == 1)
        #expect(stale.first?.hasPrefix("output/reports/summary.md:\(pool + 1):1: report is stale: line \(pool + 1) is not what the content gives; expected '| Pool |") == true,
                "\(stale)")
    }

    @Test func staleMissingAndExtraReportsAreNamedWithTheirLines() throws {
        let folder = try TemporaryFolder()
        let reports = folder.url.appendingPathComponent("reports")
        try OutputWriter.write([
            OutputFile(path: "summary.md", text: "# Title\n| Committed | USD 1 |\nend\n"),
            OutputFile(path: "old.csv", text: "a\n"),
        ], to: reports, protecting: [])
        let expected = [
            OutputFile(path: "summary.md", text: "# Title\n| Committed | USD 2 |\nend\n"),
            OutputFile(path: "new.csv", text: "b\n"),
        ]
        #expect(located(ReportCheck.compare(expected, with: reports, displayFolder: "output/reports")) == [
            "output/reports/new.csv:1:1: report is missing",
            "output/reports/summary.md:2:1: report is stale: line 2 is not what the content gives; expected '| Committed | USD 2 |'",
            "output/reports/old.csv:1:1: report is no longer produced",
        ])
    }
}

@Suite struct ChangeSummaryTests {
    @Test func nothingChangedSaysSoInOneLine() throws {
        let snapshot = PortfolioSnapshot(try figures())
        let summary = ChangeSummary(from: snapshot, to: snapshot)
        #expect(summary.isEmpty)
        #expect(ChangeReport.markdown.render(summary, base: "main") == "No changes to the programme's reports.\n")
        #expect(ChangeReport.text.render(summary, base: "main") == "No changes to the programme's reports.\n")
    }

    @Test func addedRemovedAndChangedEntitiesAreListed() throws {
        var changed = reportContent
        changed["companies/acme.md"] = "---\nname: Acme\nstatus: funded\nsector: Water\ncountry: IL\nfocus_area: water-treatment\ninvestment:\n  amount: $1m\n  date: 2011-10-10\n---\n"
        changed["companies/gamma.md"] = nil
        changed["companies/delta.md"] = "---\nname: Delta\nstatus: selected\ninvestment: $500k\n---\n"
        changed["organizations/fund.md"] = "---\nname: The Big Fund\nkind: fund\n---\nA fund.\n"
        changed["agreements/beta-framework.md"] = "---\ntitle: Beta framework\nkind: framework\nstatus: terminated\nsigned: 2012-01-15\nparties: [fund, beta]\n---\n"
        let summary = ChangeSummary(from: PortfolioSnapshot(try figures()), to: PortfolioSnapshot(try figures(changed)))
        #expect(!summary.isEmpty)
        #expect(summary.companiesAdded.map(\.detail) == ["selected, USD 500,000"])
        #expect(summary.companiesRemoved.map(\.slug) == ["gamma"])
        // A single investment of a funded company counts as paid on its date.
        #expect(summary.companiesChanged == [.init(slug: "acme", name: "Acme", fields: [
            .init(field: "status", before: "signed", after: "funded"),
            .init(field: "round 2011-10-10 initial", before: "USD 1,000,000, not disbursed", after: "USD 1,000,000, disbursed 2011-10-10"),
            .init(field: "realised", before: "—", after: "USD 0"),
            .init(field: "unrealised", before: "—", after: "USD 1,000,000 (at cost)"),
            .init(field: "multiple", before: "—", after: "1.00x"),
            .init(field: "IRR", before: "—", after: "0.0%"),
        ])])
        #expect(summary.agreementsChanged.first?.fields == [.init(field: "status", before: "signed", after: "terminated")])
        #expect(summary.organizationsChanged == [.init(slug: "fund", name: "The Big Fund", fields: [.init(field: "name", before: "The Fund", after: "The Big Fund")])])
        // Paid, and held at cost: its value adds what was paid; the IRR, with acme's flows dated a quarter
        // before the reporting date, is 0.0%, where nothing was dated apart before.
        #expect(summary.changedTotals.map(\.name) == ["Disbursed", "Unrealised", "IRR", "Held at cost", "Companies in the programme"])
        #expect(summary.changedTotals.map(\.difference) == ["+USD 1,000,000", "+USD 1,000,000", nil, "+1", "+1"])
        // The fixtures live in different folders, so compare the warnings without their folder.
        let warnings = summary.warningsAdded.map { $0.replacingOccurrences(of: #"^.*cohort-tests-[^/]+/"#, with: "", options: .regularExpression) }
        #expect(warnings == [
            "companies/beta.md: company 'beta' is funded but no signed agreement names it",
            "programme.yml: 3 companies are selected or further, more than target_companies (2)",
        ])
        let text = ChangeReport.text.render(summary, base: "main")
        #expect(text.contains("  Disbursed                   USD 750,000 (estimated) -> USD 1,750,000 (USD 750,000 estimated)  (+USD 1,000,000)"))
        #expect(text.contains("  + Delta (delta): selected, USD 500,000"))
        #expect(text.contains("  - Gamma (gamma): candidate"))
        #expect(text.contains("      status: signed -> funded"))
    }
}
