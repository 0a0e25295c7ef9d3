import Foundation
import Testing
@testable import CohortKit

@Suite struct LinkingTests {
    @Test func overThePoolOrTheTargetIsAWarningWithTheReportsFigures() throws {
        // The pool written in another currency (converted, as the reports convert it); a selected company
        // counts against the target.
        var content = validContent
        content["programme.yml"] = programmeYAML.replacingOccurrences(of: "pool: $2m", with: "pool: EUR 1m")
            .replacingOccurrences(of: "target_companies: 2", with: "target_companies: 1")
            + "\nexchange_rates:\n  as_of: 2011-10-10\n  rates:\n    EUR: 1.25\n"
        content["companies/beta.md"] = "---\nname: Beta\nstatus: selected\nfocus_area: agriculture\n---\n"
        let outcome = try check(content)
        #expect(outcome.lines == ["programme.yml:1:1: warning: 2 companies are selected or further, more than target_companies (1)"])
        #expect(outcome.figures?.companiesInProgramme == 2)
        // Over the pool (USD 1,250,000 once converted): the committed total the reports show.
        content["companies/acme.md"] = "---\nname: Acme\nstatus: signed\nfocus_area: water-treatment\ninvestment: $1.5m\n---\n"
        let over = try check(content)
        #expect(try #require(over.figures).committed.amount.formatted == "USD 1,500,000")
        #expect(over.lines == [
            "programme.yml:1:1: warning: 2 companies are selected or further, more than target_companies (1)",
            "programme.yml:1:1: warning: committed investments add up to USD 1,500,000, more than the pool of USD 1,250,000",
        ])
    }

    @Test func validContentHasNoDiagnostics() throws {
        let outcome = try check()
        #expect(outcome.lines == [])
        let portfolio = try #require(outcome.portfolio)
        #expect(portfolio.agreementsByParty[try #require(Slug("acme"))]?.map(\.rawValue) == ["acme-framework"])
    }

    @Test func unknownFocusAreaSuggestsTheClosest() throws {
        let outcome = try check(["companies/acme.md": "---\nname: Acme\nstatus: signed\nfocus_area: water\n---\n"])
        #expect(outcome.lines == ["companies/acme.md:4:13: error: unknown focus area 'water'"])
        #expect(outcome.diagnostics.first?.hint == "did you mean 'water-treatment'?")
    }

    @Test func referenceToMissingEntityIsAnError() throws {
        let outcome = try check([
            "agreements/acme-framework.md": "---\ntitle: A\nkind: framework\nstatus: signed\nsigned: 2011-10-10\nparties: [fund, acme, ghost]\n---\n",
        ])
        #expect(outcome.lines == ["agreements/acme-framework.md:6:23: error: no organisation or company with slug 'ghost'"])
    }

    @Test func duplicateSlugAcrossFoldersIsAnError() throws {
        let outcome = try check(["organizations/acme.md": "---\nname: Acme Holdings\nkind: corporate\n---\n"])
        #expect(outcome.lines.count == 1)
        #expect(outcome.lines.first?.hasPrefix("companies/acme.md:1:1: error: duplicate slug 'acme':") == true)
    }

    @Test func managerMustBeAnOrganisation() throws {
        let outcome = try check(["programme.yml": programmeYAML.replacingOccurrences(of: "managers: [fund]", with: "managers: [acme]")])
        #expect(outcome.lines == ["programme.yml:10:12: error: 'acme' is not an organisation"])
    }

    @Test func currencyWithoutRateIsAnErrorWhereATotalNeedsIt() throws {
        let outcome = try check(["companies/acme.md": "---\nname: Acme\nstatus: signed\ninvestment: CNY 6,400,000\n---\n"])
        #expect(outcome.lines == ["companies/acme.md:4:13: error: no exchange rate for CNY into USD"])
    }

    @Test func declaredRateConvertsAndClearsTheError() throws {
        let rates = programmeYAML + "\nexchange_rates:\n  as_of: 2011-10-10\n  rates:\n    CNY: 0.15625\n"
        let outcome = try check([
            "programme.yml": rates,
            "companies/acme.md": "---\nname: Acme\nstatus: signed\ninvestment: CNY 6,400,000\n---\n",
        ])
        #expect(outcome.lines == [])
    }

    @Test func fileThatIsNotUTF8IsReportedAtTheBadByte() throws {
        let folder = try TemporaryFolder(validContent)
        try folder.write("companies/bad.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xFF, 0x0A]))
        let outcome = Project(contentPath: folder.url.path, templatesPath: repositoryRoot.appendingPathComponent("templates").path).check()
        #expect(outcome.lines == ["companies/bad.md:2:7: error: file is not valid UTF-8 text"])
    }

    @Test func signedCompanyWithoutSignedAgreementIsAWarning() throws {
        let outcome = try check(["agreements/acme-framework.md": nil])
        #expect(outcome.lines == ["companies/acme.md:1:1: warning: company 'acme' is signed but no signed agreement names it"])
        #expect(outcome.portfolio != nil)
    }

    @Test func investmentsOverThePoolAreAWarning() throws {
        let outcome = try check(["companies/acme.md": "---\nname: Acme\nstatus: signed\ninvestment: $3m\n---\n"])
        #expect(outcome.lines == ["programme.yml:1:1: warning: committed investments add up to USD 3,000,000, more than the pool of USD 2,000,000"])
    }

    @Test func moreCompaniesThanTheTargetIsAWarning() throws {
        let outcome = try check([
            "companies/beta.md": "---\nname: Beta\nstatus: selected\n---\n",
            "companies/gamma.md": "---\nname: Gamma\nstatus: selected\n---\n",
        ])
        #expect(outcome.lines == ["programme.yml:1:1: warning: 3 companies are selected or further, more than target_companies (2)"])
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let outcome = try check([
            "companies/acme.md": "---\nname: Acme\nstatus: signd\n---\n",
            "companies/beta.md": "---\nname: Beta\n---\n",
            "news/launch.md": "---\ntitle: Launch\ndate: 2011-02-30\n---\n",
        ])
        #expect(outcome.lines == [
            "companies/acme.md:3:9: error: unknown company status 'signd'",
            "companies/beta.md:2:1: error: missing required field 'status'",
            "news/launch.md:3:7: error: invalid date '2011-02-30'",
        ])
    }

    @Test func strayFilesAreWarnedAbout() throws {
        let outcome = try check(["company/acme.md": "---\nname: Acme\n---\n", "companies/notes.txt": "notes"])
        #expect(outcome.lines == [
            "company:1:1: warning: ignored: 'company' is not part of the content format",
            "companies/notes.txt:1:1: warning: ignored: only .md files are read in companies/",
        ].sorted())
    }

    /// A content path resolved from the folder it is written in: `.` and `..` gone, empty parts
    /// dropped, a trailing `/` kept, and nothing above the top.
    @Test func contentPathsResolveFromTheirFolder() {
        let cases: [(path: String, folder: [String], expected: String?)] = [
            ("../companies/x.md", ["news"], "companies/x.md"),
            ("./a//b/", ["f"], "f/a/b/"),
            ("a/./b/../c", [], "a/c"),
            ("../../x", ["a"], nil),
            ("..", ["a"], ""),
            ("/", [], ""),
            ("../", ["a", "b"], "a/"),
            ("é/中.md", ["x"], "x/é/中.md"),
            ("x.md", ["a", "b"], "a/b/x.md"),
        ]
        for (path, folder, expected) in cases {
            #expect(ContentLinks.normalized(path, from: folder) == expected, "\(path) from \(folder)")
        }
    }
}

@Suite struct RegressionTests {
    /// A byte order mark, as some Windows editors save one, is not part of the text: lines and
    /// columns count from after it, and a bad byte after it is found where it is.
    @Test func aByteOrderMarkIsSkipped() throws {
        let bom = "\u{FEFF}"
        let outcome = try check(["companies/acme.md": bom + "---\r\nname: Acme\r\nstatus: signed\r\nfocus_area: water\r\n---\r\nBody\r\n"])
        #expect(outcome.lines == ["companies/acme.md:4:13: error: unknown focus area 'water'"])
        let folder = try TemporaryFolder(validContent)
        try folder.write("companies/bad.md", Data([0xEF, 0xBB, 0xBF, 0x2D, 0x2D, 0x2D, 0x0A, 0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xFF, 0x0A]))
        let bad = Project(contentPath: folder.url.path, templatesPath: repositoryRoot.appendingPathComponent("templates").path).check()
        #expect(bad.lines == ["companies/bad.md:2:7: error: file is not valid UTF-8 text"])
    }

    @Test func windowsLineEndingsAreRead() throws {
        let outcome = try check(["companies/acme.md": "---\r\nname: Acme\r\nstatus: signed\r\nfocus_area: water\r\n---\r\nBody\r\n"])
        #expect(outcome.lines == ["companies/acme.md:4:13: error: unknown focus area 'water'"])
    }

    @Test func anErrorInTheProgrammeDoesNotCascadeIntoBareAmounts() throws {
        let outcome = try check([
            "programme.yml": programmeYAML.replacingOccurrences(of: "target_companies: 2", with: "target_companies: two"),
            "companies/acme.md": "---\nname: Acme\nstatus: signed\ninvestment: 1000000\n---\n",
        ])
        #expect(outcome.lines == ["programme.yml:7:19: error: expected a whole number, found 'two'"])
    }

    @Test func poolInAnotherCurrencyNeedsARateAtTheField() throws {
        let outcome = try check(["programme.yml": programmeYAML.replacingOccurrences(of: "pool: $2m", with: "pool: CNY 12,800,000")])
        #expect(outcome.lines == ["programme.yml:6:7: error: no exchange rate for CNY into USD"])
    }

    @Test func staticFileThatWouldOverwriteAPageIsAnError() throws {
        let outcome = try check(["static/companies/acme.html": "<p>mine</p>"])
        #expect(outcome.lines == ["static/companies/acme.html:1:1: error: static file 'companies/acme.html' would overwrite a page or folder the site generates"])
    }

    @Test func staticFileWhereTheSiteNeedsAFolderIsAnError() throws {
        let outcome = try check(["static/companies": "not a folder", "static/about.html/x.txt": nil])
        #expect(outcome.lines == ["static/companies:1:1: error: static file 'companies' would overwrite a page or folder the site generates"])
    }

    @Test func hiddenStaticFilesArePublished() throws {
        let outcome = try check(["static/.well-known/security.txt": "Contact: mailto:security@example.org\n", "static/.DS_Store": "junk"])
        #expect(outcome.lines == [])
        #expect(outcome.portfolio?.staticFiles.map(\.path) == [".well-known/security.txt"])
    }

    @Test func hugeAmountsAreErrorsNotCrashes() throws {
        let outcome = try check(["companies/acme.md": "---\nname: Acme\nstatus: signed\ninvestment: \"92233720368547758.07\"\n---\n"])
        #expect(outcome.lines == ["companies/acme.md:4:13: error: amount is too large: Cohort reads amounts up to 10,000,000,000,000"])
    }

    @Test func brokenLinksArePlacedAtTheirDestination() throws {
        let body = "[ref]: https://example.com\nSee [x](gone.md).\n\nA long [multi\nline](gone2.md)\n\ncafé 🚀 [y](gone3.md)\n"
        let outcome = try check(["companies/acme.md": "---\nname: Acme\nstatus: signed\n---\n" + body])
        #expect(outcome.lines == [
            "companies/acme.md:6:9: error: broken link to 'gone.md': it names no file",
            "companies/acme.md:9:7: error: broken link to 'gone2.md': it names no file",
            "companies/acme.md:11:12: error: broken link to 'gone3.md': it names no file",
        ])
    }
}
