import Foundation

/// What the fuzzer (`make fuzz`, `Sources/cohort-fuzz`) and its regression tests feed arbitrary bytes
/// through: as an image (a logo or an SVG under `static/`: the SVG reader and its CSS, the picture
/// headers), and as one document, as each kind of content file and as `programme.yml`, through front matter,
/// YAML decoding, money and date parsing, and the Markdown render with link resolution and heading
/// ids. It must return for every input: a crash or a hang here is a bug.
public enum FuzzInput {
    /// Runs `bytes` through the pipeline's parts that read content.
    public static func exercise(_ bytes: UnsafeRawBufferPointer) {
        // As a logo or a static file: the SVG reader (with its CSS) and the picture headers.
        _ = ImageFacts.read(Data(bytes))
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // The loader reports such a file; it goes no further.
            return
        }
        let currency = Currency("USD")
        for folder in ContentFolder.allCases {
            let file = SourceFile(displayPath: "content/\(folder.rawValue)/fuzz.md", relativePath: "\(folder.rawValue)/fuzz.md", text: text)
            _ = EntityDecoder.decode(file, in: folder, currency: currency)
        }
        _ = ProgrammeDecoder.decode(SourceFile(displayPath: "content/programme.yml", relativePath: "programme.yml", text: text))
        for line in text.split(separator: "\n").prefix(64) {
            _ = MoneyText.parse(String(line), defaultCurrency: currency)
            _ = Day(iso: String(line))
        }
        let body = Body(markdown: text[...], firstLine: 1)
        let rendered = Markdown.render(text) { links.resolve($0, writtenIn: "pages/fuzz.md", on: .page(Slug("fuzz")!)) }
        for link in rendered.links.prefix(64) { _ = body.position(of: link.destination, near: link.line) }
        let html = Data(rendered.html.utf8)
        _ = PageLinks(path: "fuzz.html", template: "page", html: html, bodyLinks: { [] }, targets: links.targets, fragments: [])
    }

    /// Resolves links against a small programme: a company, an organisation, a page and a static file.
    private static let links: ContentLinks = {
        let files = [
            "programme.yml": "title: Fuzz\nbase_url: https://example.org/\ncurrency: USD\npool: $1m\ntarget_companies: 1\nstandard_ticket: $1m\nannounced: 2011-10-10\nmanagers: [fund]\n",
            "organizations/fund.md": "---\nname: Fund\nkind: fund\n---\n",
            "companies/acme.md": "---\nname: Acme\nstatus: candidate\n---\n",
            "pages/fuzz.md": "---\ntitle: Fuzz\n---\n",
        ]
        let documents = files.keys.sorted().compactMap { path -> Document? in
            guard let folder = ContentFolder(rawValue: String(path.split(separator: "/")[0])) else { return nil }
            return EntityDecoder.decode(SourceFile(displayPath: "content/" + path, relativePath: path, text: files[path] ?? ""),
                                        in: folder, currency: Currency("USD")).0
        }
        let programme = ProgrammeDecoder.decode(SourceFile(displayPath: "content/programme.yml", relativePath: "programme.yml",
                                                           text: files["programme.yml"] ?? "")).programme
        guard let programme, let portfolio = Linker.link(programme: programme, documents: documents,
                                                         staticFiles: [OutputFile(path: "logo.svg", text: "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]).0 else {
            preconditionFailure("the fuzzer's programme does not link")
        }
        let paths: Set<String> = ["index.html", "companies/index.html", "companies/acme.html", "organizations/fund.html", "fuzz.html", "logo.svg"]
        return ContentLinks(targets: LinkTargets(portfolio: portfolio, sitePaths: paths), language: programme.language,
                            defaultLanguage: programme.language)
    }()
}
