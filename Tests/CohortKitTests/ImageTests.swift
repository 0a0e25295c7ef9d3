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

    @Test func svgThatWouldRunOrLoadAnythingIsRefusedWithItsLine() throws {
        #expect(try ImageFacts.read(fixture("unsafe.svg")) == .failure(.unsafe("holds a <script> element", line: 3)))
        #expect(svg("<foreignObject><p>x</p></foreignObject>") == .failure(.unsafe("holds a <foreignObject> element", line: 1)))
        #expect(svg(#"<rect onclick="x()"/>"#) == .failure(.unsafe("has an event attribute 'onclick'", line: 1)))
        #expect(svg("", root: #"viewBox="0 0 1 1" onload="x()""#) == .failure(.unsafe("has an event attribute 'onload'", line: 1)))
        #expect(svg(#"<image href="https://evil.example/x.png"/>"#) == .failure(.unsafe("refers to 'https://evil.example/x.png'", line: 1)))
        #expect(svg(#"<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="other.svg#a"/>"#) == .failure(.unsafe("refers to 'other.svg#a'", line: 1)))
        #expect(svg(#"<a href="javascript:alert(1)"><rect/></a>"#) == .failure(.unsafe("refers to 'javascript:alert(1)'", line: 1)))
        #expect(svg(#"<rect style="fill: url(https://evil.example/p.svg#x)"/>"#) == .failure(.unsafe("refers to 'url(https://evil.example/p.svg#x)' in its style", line: 1)))
        #expect(svg("<style>@import 'x.css';</style>") == .failure(.unsafe("refers to '@import' in its <style>", line: 1)))
        #expect(svg(#"<image href="data:image/svg+xml;base64,PHN2Zz4="/>"#) == .failure(.unsafe("refers to 'data:image/svg+xml;base64,PHN2Zz4='", line: 1)))
        // What stays in the file is fine.
        #expect((try? svg(#"<rect fill="url(#g)"/><image href="data:image/png;base64,iVBORw0KGgo="/><style>.a { fill: url(#g) }</style>"#).get()) != nil)
        // An external entity is never loaded, and a file that is not well-formed is unreadable.
        let entity = #"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text>&x;</text></svg>"#
        #expect(try ImageFacts.read(Data(entity.utf8)).get().width == 1)
        #expect(svg("<rect>") == .failure(.unreadable("SVG")))
    }
}

/// `logo:` on companies, organisations and the programme: found like a link to a static file, checked,
/// shown with its size, or initials in its place; the picture of shared links.
@Suite struct LogoTests {
    /// The valid content with `acme`'s logo written as `logo`, and the fixture logos under static/logos/.
    func check(logo: String, programme: String = "") throws -> Project.Outcome {
        let folder = try TemporaryFolder(validContent)
        for name in ["alpha.png", "delta.svg", "unsafe.svg", "wide.png"] {
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
            "companies/acme.md:6:7: error: the SVG logo holds a <script> element (its line 3): it would run or load it on the site",
        ])
        #expect(try self.check(logo: "../static/notes.txt").lines == ["companies/acme.md:6:7: error: the logo is not a readable SVG image"])
        #expect(try self.check(logo: "../companies/acme.md").lines == ["companies/acme.md:6:7: error: no file '../companies/acme.md' for the logo"])
        let programme = try self.check(logo: "../static/logos/alpha.png", programme: "logo: static/logos/unsafe.svg")
        #expect(programme.lines == [
            "programme.yml:17:7: error: the SVG logo holds a <script> element (its line 3): it would run or load it on the site",
        ])
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
