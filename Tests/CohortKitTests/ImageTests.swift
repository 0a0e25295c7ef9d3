import Foundation
import Testing
@testable import CohortKit

/// Logos' sizes read from the files, and SVG that would run or load something on the site refused.
@Suite struct ImageTests {
    func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/logos/" + name))
    }

    func svg(_ body: String, root: String = #"viewBox="0 0 100 40""#) -> Result<ImageFacts, ImageProblem> {
        ImageFacts.read(Data("<svg xmlns=\"http://www.w3.org/2000/svg\" \(root)>\(body)</svg>".utf8))
    }

    @Test func sizesComeFromTheFilesOfEveryFormat() throws {
        #expect(try ImageFacts.read(fixture("alpha.png")).get() == ImageFacts(format: .png, width: 240, height: 96, bytes: 289))
        #expect(try ImageFacts.read(fixture("beta.jpg")).get().width == 240)
        #expect(try ImageFacts.read(fixture("beta.jpg")).get().format == .jpeg)
        #expect(try ImageFacts.read(fixture("gamma.webp")).get() == ImageFacts(format: .webp, width: 300, height: 120, bytes: 302))
        #expect(try ImageFacts.read(fixture("delta.svg")).get() == ImageFacts(format: .svg, width: 200, height: 80, bytes: 418))
        #expect(try svg("", root: #"width="120px" height="45""#).get().width == 120)
        #expect(try svg("", root: #"viewBox="0,0,64.4,32.6" width="10%""#).get().height == 33)
        #expect(svg("", root: #"width="100%""#) == .failure(.unsized))
        #expect(ImageFacts.read(Data("GIF89a".utf8)) == .failure(.unreadable("SVG")))
        #expect(ImageFacts.read(Data([0x89, 0x50, 0x4E, 0x47, 0, 0])) == .failure(.unreadable("PNG")))
    }

    /// Tests/Fixtures/hostile-svg: one file for each way an SVG could run or load something when a
    /// browser opens it (make lint-site opens them all in Chromium, served as a host serves them). Each
    /// is refused where it is written.
    static let hostile: [String: (what: String, line: Int, column: Int)] = [
        "animate-href.svg": ("has an <animate> element, which can change any attribute, a link's among them", 3, 5),
        "attlist-default.svg": ("has an event attribute 'onload' on <svg>", 5, 1),
        "clip-path-url.svg": ("has 'url(beacon/clip-path-url.svg#c)' in its attribute 'clip-path' on <rect>", 2, 3),
        "css-comment-import.svg": ("has the CSS rule '@import' in a <style> element", 2, 3),
        "css-escape-import.svg": ("has the CSS rule '@import' in a <style> element", 2, 3),
        "css-escape-url.svg": ("has 'url(beacon/css-escape-url.svg#paint)' in a <style> element", 2, 3),
        "data-svg-image.svg": ("refers to 'data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3Cimage href='beacon/data-svg-image.png'/%3E%3C/svg%3E' from <image>", 2, 3),
        "entity.svg": ("declares an entity 'run' in its DOCTYPE", 3, 16),
        "event-attribute.svg": ("has an event attribute 'onload' on <svg>", 1, 1),
        "external-image.svg": ("refers to 'beacon/external-image.png' from <image>", 2, 3),
        "feimage-external.svg": ("refers to 'beacon/feimage-external.png' from <feImage>", 2, 18),
        "fill-url.svg": ("has 'url(beacon/fill-url.svg#paint)' in its attribute 'fill' on <rect>", 2, 3),
        "filter-url.svg": ("has 'url(beacon/filter-url.svg#blur)' in its attribute 'filter' on <rect>", 2, 3),
        "font-face.svg": ("has the CSS rule '@font-face' in a <style> element", 2, 3),
        "foreign-object.svg": ("has a <foreignObject> element, which holds HTML", 2, 3),
        "handler.svg": ("has a <handler> element (script)", 2, 3),
        "image-set.svg": ("has the CSS function 'image-set()' in a <style> element", 2, 3),
        "link-javascript.svg": ("has an <a> element, a link that can run script when the file is opened", 2, 3),
        "marker-url.svg": ("has 'url(beacon/marker-url.svg#arrow)' in its attribute 'marker-end' on <path>", 2, 3),
        "mask-url.svg": ("has 'url(beacon/mask-url.svg#m)' in its attribute 'mask' on <rect>", 2, 3),
        "not-svg-namespace.svg": ("is not an SVG image: its root is not <svg xmlns=\"http://www.w3.org/2000/svg\">", 1, 1),
        "script.svg": ("has a <script> element", 3, 3),
        "set-event.svg": ("has a <set> element, which can change any attribute, a link's among them", 3, 5),
        "style-attribute-url.svg": ("has 'url(beacon/style-attribute-url.svg#f)' in its attribute 'style' on <rect>", 2, 3),
        "style-type-script.svg": ("has a <style> element of type 'text/ecmascript', which is not CSS", 2, 3),
        "use-external.svg": ("refers to 'beacon/use-external.svg#shape' from <use>", 2, 3),
        "xhtml-script.svg": ("has an element <script> of the namespace http://www.w3.org/1999/xhtml, which is not SVG", 2, 13),
        "xml-base.svg": ("has an attribute 'xml:base', which is not in the SVG subset", 1, 1),
        "xml-stylesheet.svg": ("has a processing instruction <?xml-stylesheet?>, which can load a stylesheet", 2, 1),
        "xmlns-prefixed-attribute.svg": ("has an attribute 'xmlnsfill' on <rect>, which is not in the SVG subset", 2, 3),
    ]

    @Test func everyHostileSVGIsRefusedWhereItIsWritten() throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures/hostile-svg")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == Self.hostile.keys.sorted())
        for name in names {
            let expected = try #require(Self.hostile[name])
            #expect(SVGReader.read(try Data(contentsOf: folder.appendingPathComponent(name)))
                        == .failure(.unsafe(expected.what, line: expected.line, column: expected.column)), "\(name)")
        }
    }

    @Test func svgOutsideTheSubsetIsRefused() throws {
        #expect(try ImageFacts.read(fixture("unsafe.svg")) == .failure(.unsafe("has a <script> element", line: 3, column: 3)))
        #expect(svg(#"<rect onclick="x()"/>"#) == .failure(.unsafe("has an event attribute 'onclick' on <rect>", line: 1, column: 62)))
        #expect(svg(#"<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="other.svg#a"/>"#)
                    == .failure(.unsafe("refers to 'other.svg#a' from <use>", line: 1, column: 62)))
        #expect(svg("<blink/>") == .failure(.unsafe("has an element <blink>, which is not in the SVG subset", line: 1, column: 62)))
        #expect(svg(#"<rect kind="x"/>"#) == .failure(.unsafe("has an attribute 'kind' on <rect>, which is not in the SVG subset", line: 1, column: 62)))
        #expect(svg(#"<m:math xmlns:m="http://www.w3.org/1998/Math/MathML"/>"#)
                    == .failure(.unsafe("has an element <math> of the namespace http://www.w3.org/1998/Math/MathML, which is not SVG", line: 1, column: 62)))
        #expect(svg(#"<rect xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load"/>"#)
                    == .failure(.unsafe("has an attribute 'event' of the namespace http://www.w3.org/2001/xml-events, which is not SVG", line: 1, column: 62)))
        #expect(svg(#"<image href=" data:image/svg+xml;base64,PHN2Zz4="/>"#)
                    == .failure(.unsafe("refers to 'data:image/svg+xml;base64,PHN2Zz4=' from <image>", line: 1, column: 62)))
        // A picture is embedded in an image, not in a pattern's link.
        #expect(svg(#"<pattern href="data:image/png;base64,iVBORw0KGgo="/>"#)
                    == .failure(.unsafe("refers to 'data:image/png;base64,iVBORw0KGgo=' from <pattern>", line: 1, column: 62)))
        // Character references are resolved before the check.
        #expect(svg(#"<image href="&#47;x.png"/>"#) == .failure(.unsafe("refers to '/x.png' from <image>", line: 1, column: 62)))
        // A file that is not well-formed is unreadable, and one without a size cannot be a logo.
        #expect(svg("<rect>") == .failure(.unreadable("SVG")))
        #expect(svg("", root: #"width="100%""#) == .failure(.unsized))
    }

    @Test func drawingProgramsSVGIsPublished() throws {
        // Inkscape's own namespaces and metadata, a DOCTYPE without entities, a style sheet in CDATA with
        // @media, url(#id) in CSS and attributes, xlink:href within the file, an embedded PNG, text.
        #expect(try ImageFacts.read(fixture("drawn.svg")).get() == ImageFacts(format: .svg, width: 240, height: 96, bytes: 2_336, hasText: true))
        #expect(try ImageFacts.read(fixture("delta.svg")).get().width == 200)
    }

    @Test func cssIsReadAsABrowserReadsItBeforeItIsChecked() {
        #expect(SVGStyle.resolved(#"u\72l(a) \000075 rl(b) @\69 mport \"q\" /* c */x"#) == #"url(a) url(b) @import "q"  x"#)
        #expect(SVGStyle.refused(in: #"fill: U\52L( "https://evil.example/p#x" )"#) == "'url(https://evil.example/p#x)'")
        #expect(SVGStyle.refused(in: #"@IMPORT 'x.css'"#) == "the CSS rule '@import'")
        #expect(SVGStyle.refused(in: "background: -webkit-image-set('x.png' 1x)") == "the CSS function '-webkit-image-set()'")
        #expect(SVGStyle.refused(in: "-moz-binding: x") == "the CSS property '-moz-binding'")
        #expect(SVGStyle.refused(in: "fill: url( '#g' ); @media print { a { fill: url(data:image/png;base64,AA==) } }") == nil)
        // A comment separates what it sits between, as in a browser: `u/**/rl(` is no url().
        #expect(SVGStyle.refused(in: "fill: u/**/rl(x)") == nil)
    }
}

/// `logo:` on companies, organisations and the programme: found like a link to a static file, checked,
/// shown with its size, or initials in its place; the picture of shared links.
@Suite struct LogoTests {
    /// The valid content with `acme`'s logo written as `logo`, and the fixture logos under static/logos/.
    func check(logo: String, programme: String = "") throws -> Project.Outcome {
        let folder = try TemporaryFolder(validContent)
        // unsafe.svg only where a logo names it: elsewhere it would be an error of its own (see below).
        for name in ["alpha.png", "delta.svg", "unsafe.svg", "wide.png"] where name != "unsafe.svg" || (logo + programme).contains(name) {
            try folder.write("static/logos/" + name, try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/logos/" + name)))
        }
        try folder.write("static/notes.txt", "not a picture\n")
        try folder.write("companies/acme.md", "---\nname: Acme\nstatus: signed\nfocus_area: water-treatment\ninvestment: $1m\nlogo: \(logo)\n---\n")
        try folder.write("programme.yml", programmeYAML + "\n" + programme)
        let outcome = Project(contentPath: folder.url.path, templatesPath: repositoryRoot.appendingPathComponent("templates").path).check()
        return withExtendedLifetime(folder) { outcome }
    }

    @Test func aLogoIsFoundAsALinkToAStaticFileIs() throws {
        let relative = try self.check(logo: "../static/logos/alpha.png")
        #expect(relative.lines == [])
        let acme = try #require(Slug("acme"))
        #expect(relative.portfolio?.logos[acme]?.path == "logos/alpha.png")
        #expect(relative.portfolio?.logos[acme]?.facts.width == 240)
        #expect(try self.check(logo: "/logos/delta.svg").portfolio?.logos[acme]?.facts.format == .svg)
        #expect(try self.check(logo: "../static/logos/alpha.png", programme: "logo: static/logos/delta.svg").portfolio?.programmeLogo?.path == "logos/delta.svg")
    }

    @Test func everyMistakeInALogoIsAnErrorAtItsField() throws {
        let missing = try self.check(logo: "../static/logos/alpah.png")
        #expect(missing.lines == ["companies/acme.md:6:7: error: no file '../static/logos/alpah.png' for the logo"])
        #expect(missing.diagnostics.first?.hint == "did you mean '../static/logos/alpha.png'?")
        // Written as from the content folder, not from the company's own folder.
        let fromTheTop = try self.check(logo: "static/logos/alpha.png")
        #expect(fromTheTop.lines == ["companies/acme.md:6:7: error: no file 'static/logos/alpha.png' for the logo"])
        #expect(fromTheTop.diagnostics.first?.hint == "did you mean '../static/logos/alpha.png'?")
        #expect(try self.check(logo: "https://example.org/logo.png").lines == [
            "companies/acme.md:6:7: error: a logo is a file of the site, under static/, not 'https://example.org/logo.png'",
        ])
        #expect(try self.check(logo: "../static/logos/unsafe.svg").lines == [
            "companies/acme.md:6:7: error: the SVG logo has a <script> element (its line 3, column 3)",
        ])
        #expect(try self.check(logo: "../static/notes.txt").lines == ["companies/acme.md:6:7: error: the logo is not a readable SVG image"])
        #expect(try self.check(logo: "../companies/acme.md").lines == ["companies/acme.md:6:7: error: no file '../companies/acme.md' for the logo"])
        let programme = try self.check(logo: "../static/logos/alpha.png", programme: "logo: static/logos/unsafe.svg")
        #expect(programme.lines == [
            "programme.yml:17:7: error: the SVG logo has a <script> element (its line 3, column 3)",
        ])
    }

    @Test func everySVGUnderStaticIsCheckedWhereItIsWritten() throws {
        let folder = try TemporaryFolder(validContent)
        let hostile = repositoryRoot.appendingPathComponent("Tests/Fixtures/hostile-svg/")
        try folder.write("static/art/animate.svg", try Data(contentsOf: hostile.appendingPathComponent("animate-href.svg")))
        try folder.write("static/art/Styled.SVG", try Data(contentsOf: hostile.appendingPathComponent("css-escape-import.svg")))
        try folder.write("static/art/drawn.svg", try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/logos/drawn.svg")))
        try folder.write("static/art/broken.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>")
        try folder.write("static/art/packed.svgz", Data([0x1F, 0x8B, 8, 0]))
        // Another file may hold anything: a host serves it as what its name says, not as SVG.
        try folder.write("static/art/notes.txt", "<svg onload=\"x()\"/>")
        let outcome = Project(contentPath: folder.url.path, templatesPath: repositoryRoot.appendingPathComponent("templates").path).check()
        #expect(outcome.lines == [
            "static/art/Styled.SVG:2:3: error: the SVG has the CSS rule '@import' in a <style> element",
            "static/art/animate.svg:3:5: error: the SVG has an <animate> element, which can change any attribute, a link's among them",
            "static/art/broken.svg:1:1: error: the file is not a readable SVG image (well-formed XML with an <svg> root)",
            "static/art/packed.svgz:1:1: error: a compressed SVG cannot be checked, and is not published",
        ])
        #expect(outcome.diagnostics.first?.hint == SVGReader.hint)
    }

    @Test func aLogoTooLargeForAnyPageIsAWarning() throws {
        #expect(try self.check(logo: "../static/logos/wide.png").lines == [
            "companies/acme.md:6:7: warning: the logo is 2400×200 pixels, over 2,000: larger than any page shows it",
        ])
    }

    @Test func pagesShowLogosWithTheirSizeAndInitialsElsewhere() throws {
        let folder = try TemporaryFolder()
        let run = try cohort(["build", "--no-search", "--content", lifecycleFixture.path, "--output", folder.path("output")])
        #expect(run.status == 0, "\(run.stderr)")
        let alpha = try #require(folder.read("output/site/companies/alpha.html"))
        #expect(alpha.contains(#"<img class="logo" src="../logos/alpha.png" width="240" height="96" alt="Alpha Health">"#))
        #expect(alpha.contains(#"<meta property="og:image" content="https://example.org/lifecycle/logos/alpha.png">"#))
        #expect(alpha.contains(#""logo":"https://example.org/lifecycle/logos/alpha.png""#))
        let list = try #require(folder.read("output/site/companies/index.html"))
        #expect(list.contains(#"<img class="logo-small" src="../logos/delta.svg" width="200" height="80" alt="" loading="lazy">"#))
        #expect(list.contains(#"<span class="logo-small logo-placeholder" aria-hidden="true">GF</span>"#))
        // Without resvg, an SVG logo is no picture for social sites: the programme's PNG is, and a warning says so.
        let bare = try TemporaryFolder()
        let withoutResvg = try cohort(["build", "--no-search", "--content", lifecycleFixture.path, "--output", bare.path("output")],
                                      environment: ["PATH": "", "HOME": bare.url.path])
        #expect(withoutResvg.stderr.contains("warning: shared links to pages with an SVG logo show no card of it: resvg is not installed"))
        #expect(try #require(bare.read("output/site/companies/delta.html")).contains(
            #"<meta property="og:image" content="https://example.org/lifecycle/logos/programme.png">"#))
        #expect(try #require(folder.read("output/site/organizations/big-corp.html")).contains(#"width="240" height="96" alt="Big Corp""#))
        // An SVG logo's picture for social sites is its card, made by resvg: 1200×630, the same every build.
        #expect(try #require(folder.read("output/site/companies/delta.html")).contains(
            #"<meta property="og:image" content="https://example.org/lifecycle/cards/logos/delta.png">"#))
        let card = try #require(FileManager.default.contents(atPath: folder.path("output/site/cards/logos/delta.png")))
        #expect(try ImageFacts.read(card).get().width == 1200)
        #expect(try ImageFacts.read(card).get().height == 630)
        #expect(SiteContext.initials("Sonarium Medical") == "SM")
        #expect(SiteContext.initials("ROTEC") == "RO")
        #expect(SiteContext.initials("松花江膜技术") == "松")
        #expect(SiteContext.initials("@someone") == "SO")
        #expect(SiteContext.initials("élan  --vital") == "ÉV")
        #expect(SiteContext.initials("3M - (Israel) Ltd") == "3I")
        #expect(SiteContext.initials("x") == "X")
        #expect(SiteContext.initials("— ...") == "")
        #expect(SiteContext.initials("Ω") == "Ω")
        // Hyphens, marks before a word, line breaks and a combining mark in the first word.
        #expect(SiteContext.initials("a-b c") == "AB")
        #expect(SiteContext.initials("Ab.cd") == "AB")
        #expect(SiteContext.initials("  ") == "")
        #expect(SiteContext.initials(".. x\r\ny") == "XY")
        #expect(SiteContext.initials("Ae\u{301}") == "AÉ")
    }

    @Test func anSVGLogoWithTextIsAWarningAsItsCardLeavesTheTextOut() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: lifecycleFixture, to: folder.url.appendingPathComponent("content"))
        try folder.write("content/static/logos/delta.svg", #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><text x="5" y="30">Delta</text></svg>"#)
        let run = try cohort(["build", "--no-search"], in: folder.url)
        #expect(run.status == 0)
        #expect(run.stderr.contains("content/companies/delta.md:4:7: warning: the SVG logo writes text, which its card for shared links leaves out"))
    }
}
