import Testing
@testable import CohortKit

@Suite struct MarkdownTests {
    @Test func documentsOfEverySizeRenderFromTheArenaAsWithMalloc() {
        // Small, with allocations that grow in place and move; large, with allocations bigger than a
        // chunk and more chunks than the arena keeps; then small again, after the reset.
        let paragraph = "Some *emphasis*, `code`, a [link](https://example.org/a \"title\") and <span>html</span>.\n\n"
        let huge = "```\n" + String(repeating: "a line of code that is long enough to matter\n", count: 40_000) + "```\n\n"
        let documents = ["", "One line.", paragraph, String(repeating: paragraph, count: 5_000) + huge, "> quote\n\n- a\n- b\n"]
        for document in documents {
            #expect(Markdown.render(document).html == Markdown.plainHTML(document), "\(document.prefix(40))")
        }
    }

    @Test func theArenaIsTakenOncePerThread() {
        let arena = MarkdownArena.begin()
        #expect(arena != nil)
        #expect(MarkdownArena.begin() == nil)
        // Rendering meanwhile uses the system allocator, and gives the same HTML.
        #expect(Markdown.render("*a*").html == "<p><em>a</em></p>\n")
        arena?.end()
        #expect(MarkdownArena.begin() === arena)
        arena?.end()
    }

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
