import Foundation
import Testing
@testable import CohortKit

/// A theme author's typos, checked before any page renders: each is an error at its tag, with the
/// nearest name, and nothing is written.
@Suite struct TemplateCheckTests {
    /// The built-in template `name` with `typo` in place of the first `correct`; a section's name
    /// (`{{#website}}`) is misspelt where it is closed too.
    func misspelt(_ name: String, _ correct: String, _ typo: String) throws -> [String: String] {
        var text = String(decoding: try #require(repositoryFiles("templates", keepingHidden: false)[name + ".mustache"]), as: UTF8.self)
        let range = try #require(text.range(of: correct))
        text.replaceSubrange(range, with: typo)
        if correct.hasPrefix("{{#"), let close = text[range.lowerBound...].range(of: "{{/" + correct.dropFirst(3)) {
            text.replaceSubrange(close, with: "{{/" + typo.dropFirst(3))
        }
        return [name + ".mustache": text]
    }

    func check(_ overrides: [String: String]) throws -> [Diagnostic] {
        let folder = try TemporaryFolder(overrides)
        return Project(contentPath: repositoryRoot.appendingPathComponent("content").path, templatesPath: folder.url.path).check()
            .diagnostics.filter { $0.severity == .error }
    }

    @Test func eachKindOfTypoInAnEjectedTemplateIsALocatedErrorWithTheNearestName() throws {
        let cases: [(template: String, correct: String, typo: String, error: String, hint: String)] = [
            ("company", "{{name}}", "{{nmae}}", "company.mustache:8:107: no value named 'nmae' here", "did you mean 'name'?"),
            ("company", "{{#website}}", "{{#webiste}}", "company.mustache:19:1: no value named 'webiste' here", "did you mean 'website'?"),
            ("company", "{{t.sector}}", "{{t.sectr}}", "company.mustache:12:21: no text named 'sectr' in the string tables",
             "did you mean 'sector'?"),
            ("partials/company-table", "{{name}}", "{{nmae}}",
             "partials/company-table.mustache:9:165: no value named 'nmae' here (in partials/company-table, as companies includes it)",
             "did you mean 'name'?"),
        ]
        for item in cases {
            let errors = try check(try misspelt(item.template, item.correct, item.typo))
            let error = try #require(errors.first, "\(item.typo)")
            #expect("\(error.location): \(error.message)".hasSuffix(item.error), "\(error)")
            #expect(error.location.path.hasPrefix("/"), "the programme's own file: \(error.location.path)")
            #expect(error.hint == item.hint)
        }
    }

    @Test func aTypoFailsTheBuildAndKeepsThePreviousOutput() throws {
        let folder = try TemporaryFolder(try misspelt("company", "{{name}}", "{{nmae}}"))
        let output = folder.url.appendingPathComponent("output")
        let content = repositoryRoot.appendingPathComponent("content").path
        #expect(!Project(contentPath: content, outputPath: output.path).build(search: false).diagnostics.hasErrors)
        let before = try #require(folder.read("output/site/companies/rotec.html"))
        let outcome = Project(contentPath: content, templatesPath: folder.url.path, outputPath: output.path).build(search: false)
        #expect(outcome.diagnostics.hasErrors)
        #expect(outcome.written.isEmpty)
        #expect(folder.read("output/site/companies/rotec.html") == before)
    }

    @Test func theBuiltInThemeChecksClean() throws {
        #expect(try check([:]).isEmpty)
    }
}

@Suite struct TemplateReferenceTests {
    let doc = (try? String(contentsOf: repositoryRoot.appendingPathComponent("docs/templates.md"), encoding: .utf8)) ?? ""

    @Test func theDocsContextReferenceIsWhatTheDeclarationsGive() throws {
        let start = try #require(doc.range(of: "Do not edit by hand. -->\n"))
        let end = try #require(doc.range(of: "<!-- End of the generated reference. -->"))
        #expect(String(doc[start.upperBound..<end.lowerBound]) == BuiltInTheme.valuesReference,
                "run `cohort theme values` and paste its output between the markers of docs/templates.md")
    }

    @Test func everyLinkWithinTheTemplatesDocNamesAHeading() {
        let anchors = Set(doc.split(separator: "\n").filter { $0.hasPrefix("#") }.map { line in
            String(line.drop { $0 == "#" }.dropFirst().lowercased().compactMap { $0 == " " ? "-" : ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : nil) })
        })
        var missing: [String] = []
        var rest = doc[...]
        while let open = rest.range(of: "](#") {
            let anchor = rest[open.upperBound...].prefix { $0 != ")" }
            if !anchors.contains(String(anchor)) { missing.append(String(anchor)) }
            rest = rest[open.upperBound...]
        }
        #expect(missing.isEmpty, "\(missing)")
    }
}
