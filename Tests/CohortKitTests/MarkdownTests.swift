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

    @Test func headingIDsAreGitHubsForEveryASCIICharacterAndOtherScripts() {
        // Every ASCII character, one at a time and all together: letters lower-cased, digits, `-`
        // and `_` kept, a space a `-`, the rest dropped; then text beyond ASCII, letter by letter.
        let ascii = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        for character in ascii {
            let expected = character == " " ? "-" : character.first!.isLetterOrDigit || character == "-" || character == "_" ? character.lowercased() : ""
            #expect(HeadingID.slug("a" + character + "Z") == "a" + expected + "z", "\(character.unicodeScalars.first!.value)")
        }
        #expect(HeadingID.slug(ascii.joined()) == "--0123456789abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz")
        #expect(HeadingID.slug("Key figures: 2011 (Q4)") == "key-figures-2011-q4")
        #expect(HeadingID.slug("Über uns – Zahlen") == "über-uns--zahlen")
        #expect(HeadingID.slug("关键 数字") == "关键-数字")
        #expect(HeadingID.slug("Ünïcode Ω") == "ünïcode-ω")
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
