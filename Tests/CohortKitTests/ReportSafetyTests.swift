import Foundation
import Testing
@testable import CohortKit

/// The reports stay inert whatever the content holds: CSV cells a spreadsheet would run as formulas are
/// neutralised, Markdown names mention, link and format nothing, and portfolio.json keeps the text as
/// written. Tests/Fixtures/hostile-programme holds such content; its reports are compared with the
/// reviewed files in Tests/Fixtures/hostile-reports (COHORT_UPDATE_GOLDEN=1 rewrites them).
@Suite struct ReportSafetyTests {
    static let fixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/hostile-programme")
    static let golden = repositoryRoot.appendingPathComponent("Tests/Fixtures/hostile-reports")

    @Test func cellsThatStartAFormulaGetAnApostrophe() {
        let cases: [(String, String)] = [
            ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1+1", "'-1+1"), ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("  =1", "'  =1"),
            ("A;=1+1", "A;'=1+1"), ("A; @here", "A;' @here"), ("A;B", "A;B"),
            ("Rotec", "Rotec"), ("a-b", "a-b"), ("1+1", "1+1"), ("松花江膜技术", "松花江膜技术"), ("מים טובים", "מים טובים"),
            ("", ""),
        ]
        for (text, neutralized) in cases {
            #expect(CSVReport.neutralized(text) == neutralized, "\(text.debugDescription)")
        }
    }

    @Test func fieldsAreQuotedForEverySeparatorAndNumbersStayPlain() {
        #expect(CSVReport.field(.text("=HYPERLINK(\"http://evil.example\",\"x\")")) == "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")
        #expect(CSVReport.field(.text("a;b")) == "\"a;b\"")
        #expect(CSVReport.field(.text("a\tb")) == "\"a\tb\"")
        #expect(CSVReport.field(.text("Beta, Inc.")) == "\"Beta, Inc.\"")
        #expect(CSVReport.field(.number("-2500.50")) == "-2500.50")
        #expect(CSVReport.field(.number("1000000")) == "1000000")
    }

    @Test func markdownTextMentionsLinksAndFormatsNothing() {
        let cases: [(String, String)] = [
            ("@someone", "@&#8203;someone"),
            ("@org/team", "@&#8203;org/team"),
            ("me@evil.example", "me@&#8203;evil.example"),
            ("a @ b", "a @ b"),
            ("a | b", "a \\| b"),
            ("<img src=x>", "\\<img src=x\\>"),
            ("[click](http://evil.example)", "\\[click\\](http\\://evil.example)"),
            ("![x](y.png)", "!\\[x\\](y.png)"),
            ("www.evil.example", "www\\.evil.example"),
            ("#1 and GH-2", "\\#&#8203;1 and GH&#8203;-2"),
            ("~~gone~~ *bold* _it_ `code`", "\\~\\~gone\\~\\~ \\*bold\\* \\_it\\_ \\`code\\`"),
            ("$x$ &amp; \\", "\\$x\\$ \\&amp; \\\\"),
            ("- dash", "\\- dash"), ("+ plus", "\\+ plus"), ("=1+1", "\\=1+1"), ("1. one", "1\\. one"), ("12) twelve", "12\\) twelve"),
            ("> quote", "\\> quote"), ("# heading", "\\# heading"),
            ("two\r\nlines", "two lines"), ("\t=1+1 ", "\\=1+1"),
            ("ROTEC", "ROTEC"), ("3M", "3M"), ("松花江膜技术", "松花江膜技术"), ("Sonarium Medical", "Sonarium Medical"), (" x ", "x"),
            ("", "—"), ("  ", "—"),
        ]
        for (text, escaped) in cases {
            #expect(ReportText.cell(text) == escaped, "\(text.debugDescription)")
        }
        #expect(ReportText.code("a`b") == "``a`b``")
        #expect(ReportText.code("`a") == "`` `a ``")
    }

    /// A cell of plain ASCII is returned as it is when it holds none of the characters the rules
    /// escape; padded with spaces, the same text takes the rules' own way. Both must give the same
    /// cell for every printable character, wherever a rule looks (at the start, after digits, after
    /// `gh` or `www`, before a digit or a slash), so the quick way cannot miss one the rules add.
    @Test func theQuickWayForPlainCellsAgreesWithTheRules() {
        for byte in UInt8(0x21)...UInt8(0x7E) {
            let c = String(UnicodeScalar(byte))
            for text in [c, "a\(c)b", "12\(c)", "\(c)1", "gh\(c)1", "www\(c)x", "a\(c)/", "\(c)\(c)"] {
                #expect(ReportText.cell(text) == ReportText.cell(" " + text + " "), "\(text.debugDescription)")
            }
        }
    }

    @Test func escapedTextRendersAsItselfInCommonMark() throws {
        let names = ["@someone", "a | b <b>x</b>", "[click](http://evil.example)", "![x](y.png)", "*bold* _it_ `code`",
                     "- dash", "1. one", "> quote", "# heading", "&amp; \\", "<script>alert(1)</script>"]
        for name in names {
            let html = Markdown.render("- " + ReportText.cell(name), allowRawHTML: true).html
            let text = name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            #expect(html.replacingOccurrences(of: "\u{200B}", with: "") == "<ul>\n<li>\(text)</li>\n</ul>\n", "\(name)")
        }
    }

    @Test func theHostileProgrammesReportsMatchTheReviewedFiles() throws {
        let outcome = Project(contentPath: Self.fixture.path, outputPath: "unused").check()
        #expect(outcome.diagnostics.allSatisfy { $0.severity != .error }, "\(outcome.diagnostics)")
        let figures = try #require(outcome.figures)
        var files = Dictionary(uniqueKeysWithValues: Reports.render(figures).map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        let before = PortfolioSnapshot(try #require(try check().figures))
        let summary = ChangeSummary(from: before, to: PortfolioSnapshot(figures))
        files["diff.md"] = ChangeReport.markdown.render(summary, base: "main")
        files["diff.txt"] = ChangeReport.text.render(summary, base: "main")
        for name in ["companies.csv", "investments.csv", "agreements.csv", "summary.md", "diff.md", "diff.txt"] {
            let actual = try #require(files[name])
            let url = Self.golden.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["COHORT_UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
            }
            let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            #expect(actual == expected, "\(name) differs from Tests/Fixtures/hostile-reports/\(name)")
        }
        #expect(files["companies.csv"]?.hasPrefix("\u{FEFF}slug,name,") == true)
        #expect(files["diff.txt"]?.contains("\r") == false)
        #expect(files["diff.txt"]?.contains("\t") == false)
    }

    @Test func portfolioJSONKeepsTheTextAsWritten() throws {
        let figures = try #require(Project(contentPath: Self.fixture.path, outputPath: "unused").check().figures)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(PortfolioSnapshot(figures).json().utf8)) as? [String: Any])
        let companies = try #require(json["companies"] as? [[String: Any]])
        let names = Set(companies.compactMap { $0["name"] as? String })
        #expect(names.isSuperset(of: ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-1+1", "@someone", "@org/team",
                                      "\t=1+1", "\r=1+1", "A;=1+1", "松花江膜技术", "מים טובים"]))
        #expect((json["programme"] as? [String: Any])?["title"] as? String == "=1+1 [Programme](http://evil.example) @team")
    }

    @Test func controlCharactersInTextAreLocatedErrors() throws {
        let outcome = try check(["companies/acme.md": "---\nname: \"Acme\\e[2J\"\nstatus: signed\nfocus_area: water-treatment\ninvestment: $1m\n---\n"])
        #expect(outcome.lines == ["companies/acme.md:2:7: error: text cannot hold the control character U+001B"])
    }
}
