import Foundation

/// The pictures of shared links for organisations and companies whose logo is an SVG, which social
/// sites do not show: each logo centred on a white 1200×630 PNG card (`cards/logos/<slug>.png`,
/// `cards/programme.png`), as Open Graph recommends. Rasterised by resvg (PyPI's `resvg-py`), run at
/// the edge like Pagefind, so that the binary links no SVG renderer: the build works without it, and
/// those pages then share the programme's logo. resvg draws without the machine's fonts, so that a
/// card is the same on every machine: text in a logo is left out (a warning says so).
enum SocialCards {
    static let width = 1200, height = 630
    /// The largest box a logo takes on its card.
    static let box = (width: 1000, height: 430)

    /// The folder of the cards in the site.
    static let folder = "cards"

    /// How to install resvg, for the warning when it is missing.
    static let installHint = "install it with 'python3 -m pip install resvg-py'; until then those pages share the programme's logo"

    /// The cards of the SVG logos of `portfolio`: the organisations' and companies' by slug, the
    /// programme's (`cards/programme.png`) under nil; a warning when they cannot be made.
    static func make(for portfolio: Portfolio, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (cards: [Slug?: OutputFile], diagnostics: [Diagnostic]) {
        let files = Dictionary(portfolio.staticFiles.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        var logos: [(Slug?, Logo)] = portfolio.logos.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if let logo = portfolio.programmeLogo { logos.insert((nil, logo), at: 0) }
        // Cards of organisations and companies are named for them, under cards/<folder>/, so no slug meets the programme's.
        let jobs = logos.filter { $0.1.facts.format == .svg }.compactMap { slug, logo in
            files[logo.path].map { data in
                (slug: slug, path: slug.map { "\(folder)/logos/\($0).png" } ?? "\(folder)/programme.png", svg: card(wrapping: data, facts: logo.facts))
            }
        }
        guard !jobs.isEmpty else { return ([:], []) }
        do {
            let rendered = try render(jobs.map { ($0.path, $0.svg) }, environment: environment)
            var cards: [Slug?: OutputFile] = [:]
            for (job, png) in zip(jobs, rendered) { cards[job.slug] = OutputFile(path: job.path, bytes: png) }
            return (cards, textWarnings(portfolio))
        } catch {
            return ([:], [.warning(at: portfolio.programme.source, "shared links to pages with an SVG logo show no card of it: \(error.description)",
                                   hint: installHint)])
        }
    }

    /// A warning for each SVG logo that writes text: its card shows the logo without it.
    private static func textWarnings(_ portfolio: Portfolio) -> [Diagnostic] {
        let writesText = { (logo: Logo?) in logo.map { $0.facts.format == .svg && $0.facts.hasText } ?? false }
        var fields: [Located<String>] = []
        if writesText(portfolio.programmeLogo), let field = portfolio.programme.logo { fields.append(field) }
        fields += portfolio.organizations.filter { writesText(portfolio.logos[$0.slug]) }.compactMap(\.logo)
        fields += portfolio.companies.filter { writesText(portfolio.logos[$0.slug]) }.compactMap(\.logo)
        return fields.map { field in
            .warning(at: field.location, "the SVG logo writes text, which its card for shared links leaves out (it is drawn without fonts)",
                     hint: "convert the logo's text to paths (outlines) in the program that made it")
        }
    }

    /// An SVG of the card: white, with the logo as a picture in the middle, scaled to fit its box.
    static func card(wrapping logo: Data, facts: ImageFacts) -> String {
        let scale = min(Double(box.width) / Double(max(facts.width, 1)), Double(box.height) / Double(max(facts.height, 1)))
        let width = Int((Double(facts.width) * scale).rounded()), height = Int((Double(facts.height) * scale).rounded())
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.width)" height="\(Self.height)" viewBox="0 0 \(Self.width) \(Self.height)">\
            <rect width="\(Self.width)" height="\(Self.height)" fill="#ffffff"/>\
            <image x="\((Self.width - width) / 2)" y="\((Self.height - height) / 2)" width="\(width)" height="\(height)" \
            href="data:image/svg+xml;base64,\(logo.base64EncodedString())"/></svg>
            """
    }

    /// The PNG of each card, rendered by resvg in one run of Python.
    private static func render(_ cards: [(path: String, svg: String)], environment: [String: String]) throws(ToolFailure) -> [Data] {
        guard let python = ExternalProgram.python(environment: environment) else {
            throw ToolFailure(description: "resvg is not installed (no python3)")
        }
        // Reads the cards' SVG as a JSON list on standard input; writes their PNG as base64, one a line.
        let script = """
            import base64, json, sys
            try:
                import resvg_py
            except ImportError:
                sys.exit(3)
            for svg in json.load(sys.stdin):
                print(base64.b64encode(bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True))).decode())
            """
        guard let input = try? JSONSerialization.data(withJSONObject: cards.map(\.svg)) else {
            throw ToolFailure(description: "the cards could not be written for resvg")
        }
        let output = try ExternalProgram.run(python + ["-c", script], input: input) { status in
            status == 3 ? "resvg is not installed" : "resvg failed"
        }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        let images = lines.compactMap { Data(base64Encoded: String($0)) }
        guard images.count == cards.count else { throw ToolFailure(description: "resvg made \(images.count) of \(cards.count) cards") }
        return images
    }
}
