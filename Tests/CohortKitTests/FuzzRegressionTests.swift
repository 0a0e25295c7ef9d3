import Foundation
import Testing
@testable import CohortKit

/// What the fuzzer starts from and every input it found a crash or hang with (`make fuzz`): each goes
/// through the fuzzer's own path and comes back, and, as the content file it was written as, gives
/// exactly the diagnostics pinned here: a new file in `Tests/Fuzz` needs its expectation.
@Suite struct FuzzRegressionTests {
    /// Each file of `Tests/Fuzz/seeds` and `Tests/Fuzz/regressions`: where in the smallest valid content
    /// it goes, and every line `cohort check` then prints.
    static let expectations: [String: (path: String, lines: [String])] = [
        "seeds/agreement-bad.md": ("agreements/bad.md", ["agreements/bad.md:5:9: error: invalid date '2012-02-30'"]),
        "seeds/broken-yaml.md": ("organizations/broken.md", [
            "organizations/broken.md:6:1: error: malformed YAML: did not find expected ',' or ']' while parsing a flow sequence that starts at line 5, column 7",
        ]),
        "seeds/company-full.md": ("companies/full.md", ["companies/full.md:5:11: error: no exchange rate for EUR into USD"]),
        "seeds/company-yen.md": ("companies/yen.md", ["companies/yen.md:4:13: error: the currency symbol '¥' is ambiguous"]),
        "seeds/empty-front-matter.md": ("pages/empty.md", ["pages/empty.md:2:1: error: missing required field 'title'"]),
        "seeds/news-crlf.md": ("news/crlf.md", []),
        // Every link that names nothing is an error at its column; `#`, `?q`, `//x` and `javascript:` are not
        // links to files of the site, and the reference to acme resolves.
        "seeds/page-links.md": ("pages/links.md", [
            "pages/links.md:4:5: error: broken link to '../logo.svg': it names no file",
            "pages/links.md:4:22: error: broken link to '/nothing': it names no file",
            "pages/links.md:4:36: error: broken link to '%2e%2e/x.md': it names no file",
            "pages/links.md:4:54: error: broken link to 'spaced name.md': it names no file",
            "pages/links.md:4:75: error: broken link to '../../../../etc/passwd': it names no file",
        ]),
        // The seed declares only the focus area `water`, which the valid content's company does not use.
        "seeds/programme.yml": ("programme.yml", ["companies/acme.md:4:13: error: unknown focus area 'water-treatment'"]),
    ]

    @Test func seedsAndFoundInputsGiveTheirPinnedDiagnostics() throws {
        var found: [String] = []
        for folder in ["seeds", "regressions"] {
            let url = repositoryRoot.appendingPathComponent("Tests/Fuzz/" + folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where !name.hasPrefix(".") {
                let data = try Data(contentsOf: url.appendingPathComponent(name))
                data.withUnsafeBytes { FuzzInput.exercise($0) }
                found.append(folder + "/" + name)
                guard let expected = Self.expectations[folder + "/" + name] else {
                    Issue.record("Tests/Fuzz/\(folder)/\(name) has no expectation: add where it goes and what cohort check says of it")
                    continue
                }
                let folderOfContent = try TemporaryFolder(validContent)
                try folderOfContent.write(expected.path, data)
                let outcome = Project(contentPath: folderOfContent.url.path, templatesPath: repositoryRoot.appendingPathComponent("templates").path,
                                      outputPath: folderOfContent.path("output")).check()
                #expect(outcome.lines == expected.lines, "Tests/Fuzz/\(folder)/\(name)")
            }
        }
        #expect(found.sorted() == Self.expectations.keys.sorted(), "every expectation names a file of Tests/Fuzz")
    }

    @Test func theSeedsThatDecodeGiveTheirValues() throws {
        let crlf = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fuzz/seeds/news-crlf.md"), encoding: .utf8)
        let news = try #require(try check(["news/crlf.md": crlf]).portfolio?.news.first)
        #expect(news.title == "CRLF")
        #expect(news.date.description == "2011-10-10")
        #expect(news.body.markdown == "Body with CRLF.\n", "line endings read as plain ones")
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fuzz/seeds/programme.yml"), encoding: .utf8)
        let decoded = ProgrammeDecoder.decode(SourceFile(displayPath: "programme.yml", relativePath: "programme.yml", text: text))
        #expect(decoded.diagnostics.isEmpty)
        let programme = try #require(decoded.programme)
        #expect(programme.pool.formatted == "USD 10,000,000")
        #expect(programme.standardTicket.formatted == "USD 1,000,000")
        #expect(programme.focusAreas.map(\.slug.rawValue) == ["water"])
        #expect(programme.exchangeRates?.rates[try #require(Currency("EUR"))]?.description == "1.37")
    }

    @Test func deepNestingAndLongRunsComeBackWithTheirDiagnostics() {
        let front = { (text: String) in located(decode(text).1) }
        // YAML nested past libyaml's limit is malformed, at the value.
        #expect(front("---\nname: " + String(repeating: "[", count: 100_000) + "\n---\n") == [
            "companies/acme.md:2:8: malformed YAML: Maximum nesting level reached, set with yaml_set_max_nest_level()) while parsing that starts at line 2, column 8",
        ])
        #expect(front("---\nname: " + String(repeating: "{a: ", count: 20_000) + "\n---\n") == [
            "companies/acme.md:2:3999: malformed YAML: Maximum nesting level reached, set with yaml_set_max_nest_level()) while parsing that starts at line 2, column 3999",
        ])
        #expect(front("---\ninvestment: \"$" + String(repeating: "9", count: 5_000) + "m\"\n---\n") == [
            "companies/acme.md:2:1: missing required field 'name'",
            "companies/acme.md:2:1: missing required field 'status'",
            "companies/acme.md:2:13: amount is too large: Cohort reads amounts up to 10,000,000,000,000",
        ])
        #expect(front(String(repeating: "#", count: 100) + " " + String(repeating: "x", count: 100_000)) == [
            "companies/acme.md:1:1: missing front matter: the file must start with a '---' line",
        ])
        // Bodies nested deep or with long runs of markers render whole, and as CommonMark says.
        let quotes = "---\nname: x\n---\n" + String(repeating: ">", count: 20_000) + " deep\n"
        #expect(front(quotes) == ["companies/acme.md:2:1: missing required field 'status'"])
        #expect(Markdown.render(String(repeating: ">", count: 20_000) + " deep\n").html
                == String(repeating: "<blockquote>\n", count: 20_000) + "<p>deep</p>\n" + String(repeating: "</blockquote>\n", count: 20_000))
        let brackets = String(repeating: "[", count: 50_000) + String(repeating: "*", count: 50_000)
        #expect(front("---\nname: x\n---\n" + brackets) == ["companies/acme.md:2:1: missing required field 'status'"])
        #expect(Markdown.render(brackets).html == "<p>" + brackets + "</p>\n", "no link or emphasis: every marker as text")
        let hashes = String(repeating: "#", count: 100) + " " + String(repeating: "x", count: 100_000)
        #expect(Markdown.render(hashes).html == "<p>" + hashes + "</p>\n", "more than six # is no heading")
        for text in [quotes, "---\nname: x\n---\n" + brackets, hashes] {
            Data(text.utf8).withUnsafeBytes { FuzzInput.exercise($0) }
        }
    }
}
