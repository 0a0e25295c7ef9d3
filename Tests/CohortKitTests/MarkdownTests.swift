import Testing
@testable import CohortKit

@Suite struct MarkdownTests {
    @Test func rendersCommonMark() {
        #expect(Markdown.render("# Title\n\nSome *emphasis* and `code`.\n").html
            == "<h1 id=\"title\">Title</h1>\n<p>Some <em>emphasis</em> and <code>code</code>.</p>\n")
    }

    @Test func safeModeDropsRawHTMLAndScriptLinks() {
        let html = Markdown.render("<script>alert(1)</script>\n\n[x](javascript:alert(1))\n").html
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
        #expect(html == "<!-- raw HTML omitted -->\n<p><a href=\"\">x</a></p>\n")
    }

    @Test func rawHTMLPassesWhenTheProgrammeAllowsIt() {
        #expect(Markdown.render("<aside>note</aside>\n", allowRawHTML: true).html == "<aside>note</aside>\n")
    }

    @Test func summaryIsTheFirstParagraphAsPlainText() {
        let rendered = Markdown.render("# Heading\n\nFirst *para*\nwith a [link](https://example.org).\n\nSecond.\n")
        #expect(rendered.summary == "First para with a link.")
    }
}
