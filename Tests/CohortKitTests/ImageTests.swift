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
        #expect(try ImageFacts.read(fixture("delta.svg")).get() == ImageFacts(format: .svg, width: 200, height: 80, bytes: 451))
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
