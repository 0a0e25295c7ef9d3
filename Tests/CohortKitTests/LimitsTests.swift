import Foundation
import Testing
@testable import CohortKit

/// The bounds of values the content may give (docs/content-format.md): `page_size` from 0 to 10000,
/// dates and metric periods in the years 1900 to 2200; anything else an error at the value.
@Suite struct LimitsTests {
    /// `programme.yml` with `line` added as its last line, line 17.
    func programme(adding line: String) throws -> [String] {
        try check(["programme.yml": programmeYAML + "\n" + line + "\n"]).lines.filter { $0.contains(": error: ") }
    }

    @Test func pageSizeIsFromZeroToTenThousand() throws {
        for accepted in ["page_size: 0", "page_size: 10000", "page_size: 00100"] {
            #expect(try programme(adding: accepted) == [], "\(accepted)")
        }
        #expect(try programme(adding: "page_size: 10001") == [
            "programme.yml:17:12: error: expected a whole number from 0 to 10000, found '10001'",
        ])
        // A number past what a machine word holds once crashed the list pages' arithmetic.
        #expect(try programme(adding: "page_size: 9223372036854775807") == [
            "programme.yml:17:12: error: expected a whole number from 0 to 10000, found '9223372036854775807'",
        ])
        #expect(try programme(adding: "page_size: 99999999999999999999999") == [
            "programme.yml:17:12: error: expected a whole number from 0 to 10000, found '99999999999999999999999'",
        ])
        #expect(try programme(adding: "page_size: -1") == ["programme.yml:17:12: error: expected a whole number, found '-1'"])
    }

    @Test func theLargestPageSizeBuildsAndTheLargestNumberDoesNot() throws {
        var files = validContent
        files["programme.yml"] = programmeYAML + "\npage_size: 10000\n"
        let folder = try TemporaryFolder()
        for (path, text) in files { try folder.write("content/" + path, text) }
        let run = try cohort(["build", "--no-search"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(folder.read("output/site/companies/index.html")?.contains("Acme") == true)
        try folder.write("content/programme.yml", programmeYAML + "\npage_size: 9223372036854775807\n")
        let refused = try cohort(["build", "--no-search"], in: folder.url)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix(
            "content/programme.yml:17:12: error: expected a whole number from 0 to 10000, found '9223372036854775807'\n"), "\(refused.stderr)")
        #expect(folder.read("output/site/companies/index.html")?.contains("Acme") == true, "the previous site stays")
    }

    @Test func datesAreFrom1900To2200() throws {
        let company = { (date: String) in
            located(decode("---\nname: Acme\nstatus: signed\ninvestment:\n  amount: $1m\n  date: \(date)\n---\n").1)
        }
        for accepted in ["1900-01-01", "2200-12-31", "2011-10-10"] { #expect(company(accepted) == [], "\(accepted)") }
        #expect(company("0999-05-15") == ["companies/acme.md:6:9: the date 0999-05-15 is outside the years Cohort accepts, 1900 to 2200"])
        #expect(company("1899-12-31") == ["companies/acme.md:6:9: the date 1899-12-31 is outside the years Cohort accepts, 1900 to 2200"])
        #expect(company("2201-01-01") == ["companies/acme.md:6:9: the date 2201-01-01 is outside the years Cohort accepts, 1900 to 2200"])
        // A date that does not exist is still that error first.
        #expect(company("0999-02-30") == ["companies/acme.md:6:9: invalid date '0999-02-30'"])
        #expect(try check(["programme.yml": programmeYAML.replacingOccurrences(of: "announced: 2011-10-10", with: "announced: '0999-05-15'")]).lines == [
            "programme.yml:9:12: error: the date 0999-05-15 is outside the years Cohort accepts, 1900 to 2200",
        ])
        let diagnostics = decode("---\nname: Acme\nstatus: signed\ninvestment:\n  amount: $1m\n  date: 0999-05-15\n---\n").1
        #expect(diagnostics.first?.hint == "check the year")
    }

    @Test func metricPeriodsAreFrom1900To2200() throws {
        let alpha = try lifecycleFile("companies/alpha.md")
        let early = alpha.replacingOccurrences(of: "{period: 2020, employees: 12", with: "{period: 0999, employees: 12")
        #expect(try lifecycle(["companies/alpha.md": early]).lines.filter { $0.contains(": error: ") } == [
            "companies/alpha.md:37:14: error: the period 0999 is outside the years Cohort accepts, 1900 to 2200",
        ])
        let late = alpha.replacingOccurrences(of: "{period: 2022, employees: 26", with: "{period: 2201, employees: 26")
        #expect(try lifecycle(["companies/alpha.md": late]).lines.filter { $0.contains(": error: ") } == [
            "companies/alpha.md:39:14: error: the period 2201 is outside the years Cohort accepts, 1900 to 2200",
        ])
    }

    @Test func asOfTakesTheSameYears() throws {
        let folder = try TemporaryFolder()
        let run = try cohort(["report", "--content", lifecycleFixture.path, "--as-of", "0999-05-15", "--output", folder.path("output")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("The value '0999-05-15' is invalid for '--as-of <date>'"), "\(run.stderr)")
    }
}
