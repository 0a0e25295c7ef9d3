import Testing
@testable import CohortKit

@Suite struct DiagnosticFormatTests {
    let diagnostics = [
        Diagnostic.error(at: SourceLocation(path: "content/companies/rotec.md", line: 5, column: 13),
                         "unknown focus area 'water'", hint: "did you mean 'water-treatment'?"),
        Diagnostic.warning(at: .file("content/programme.yml"), "11 companies, more than target_companies (10)"),
    ]

    @Test func textIsCompilerStyleWithSnippetAndCaret() {
        let text = DiagnosticFormat.text.render(diagnostics) { path, line in
            path.hasSuffix("rotec.md") && line == 5 ? "focus_area: water" : nil
        }
        #expect(text == """
            content/companies/rotec.md:5:13: error: unknown focus area 'water'; did you mean 'water-treatment'?
             5 | focus_area: water
               |             ^
            content/programme.yml:1:1: warning: 11 companies, more than target_companies (10)

            """)
        #expect(DiagnosticFormat.summary(diagnostics) == "1 error, 1 warning")
    }

    @Test func githubFormatIsWorkflowCommands() {
        #expect(DiagnosticFormat.github.render(diagnostics) == """
            ::error file=content/companies/rotec.md,line=5,col=13::unknown focus area 'water'; did you mean 'water-treatment'?
            ::warning file=content/programme.yml,line=1,col=1::11 companies, more than target_companies (10)

            """)
    }

    @Test func jsonFormatIsStable() {
        #expect(DiagnosticFormat.json.render(diagnostics) == """
            {
              "diagnostics" : [
                {
                  "column" : 13,
                  "file" : "content/companies/rotec.md",
                  "hint" : "did you mean 'water-treatment'?",
                  "line" : 5,
                  "message" : "unknown focus area 'water'",
                  "severity" : "error"
                },
                {
                  "column" : 1,
                  "file" : "content/programme.yml",
                  "line" : 1,
                  "message" : "11 companies, more than target_companies (10)",
                  "severity" : "warning"
                }
              ],
              "errors" : 1,
              "warnings" : 1
            }

            """)
    }
}
