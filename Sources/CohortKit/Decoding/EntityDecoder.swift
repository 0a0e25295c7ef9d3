/// Decodes one `.md` content file (front matter and body) into a `Document`.
enum EntityDecoder {
    /// Decodes `file`, which lives in `folder`; bare amounts take `currency`, and a company's metric
    /// reports are checked against `metrics` (not read at all when nil: the programme did not decode).
    static func decode(_ file: SourceFile, in folder: ContentFolder, currency: Currency?,
                       metrics: MetricCatalogue? = MetricCatalogue(metrics: [], period: .year)) -> (Document?, [Diagnostic]) {
        let stem = file.stem
        if let parts = TranslationDecoder.parts(ofStem: stem) {
            return TranslationDecoder.decodeEntity(file, in: folder, slug: parts.slug, languageCode: parts.language)
        }
        guard let slug = Slug(stem) else {
            return (nil, [.error(at: .file(file.displayPath), "invalid slug '\(stem)' in the file name",
                                 hint: "rename the file with lower-case letters, digits and '-' only, for example '\(Slug.nearest(to: stem, otherwise: "my-entity")).md'")])
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(file) {
        case .success(let split): frontMatter = split
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let reader = NodeReader(file: file, firstLine: frontMatter.yamlFirstLine, defaultCurrency: currency)
        guard let root = reader.compose(String(frontMatter.yaml)) else { return (nil, reader.diagnostics) }
        let body = Body(markdown: frontMatter.body, firstLine: frontMatter.bodyFirstLine)
        let entity = Entity(slug: slug, body: body, source: .file(file.displayPath), reader: reader, metrics: metrics)
        let document: Document? = switch folder {
        case .organizations: entity.organization(root).map(Document.organization)
        case .companies: entity.company(root).map(Document.company)
        case .agreements: entity.agreement(root).map(Document.agreement)
        case .news: entity.newsItem(root).map(Document.newsItem)
        case .pages: entity.page(root).map(Document.page)
        }
        return (reader.diagnostics.hasErrors ? nil : document, reader.diagnostics)
    }
}

/// What every entity file shares while it is decoded.
private struct Entity {
    let slug: Slug
    let body: Body
    let source: SourceLocation
    let reader: NodeReader
    let metrics: MetricCatalogue?

    func organization(_ root: YAMLNode) -> Organization? {
        guard let fields = reader.fields(root, declared: ContentSchema.organization) else { return nil }
        let name: String? = fields.read("name")
        let kind: Organization.Kind? = fields.read("kind")
        let country: String? = fields.read("country")
        let website: String? = fields.read("website")
        let logo: Located<String>? = fields.read("logo")
        let people = fields.value("people") { reader.list($0, person) } ?? []
        let aliases = self.aliases(fields)
        guard let name, let kind else { return nil }
        return Organization(slug: slug, name: name, kind: kind, country: country, website: website, logo: logo,
                            people: people, body: body, source: source, aliases: aliases)
    }

    func company(_ root: YAMLNode) -> Company? {
        guard let fields = reader.fields(root, declared: ContentSchema.company) else { return nil }
        let name: String? = fields.read("name")
        let status: Company.Status? = fields.read("status")
        let sector: String? = fields.read("sector")
        let country: String? = fields.read("country")
        let focusArea: Located<Slug>? = fields.read("focus_area")
        let money = InvestmentDecoder(reader: reader).decode(fields, status: status)
        let website: String? = fields.read("website")
        let logo: Located<String>? = fields.read("logo")
        let founded = fields.value("founded", year)
        let tags: [String] = fields.read("tags") ?? []
        let reports = metrics.flatMap { catalogue in
            fields.value("metrics") { MetricDecoder(reader: reader).reports($0, metrics: catalogue.metrics, period: catalogue.period) }
        } ?? []
        let aliases = self.aliases(fields)
        guard let name, let status else { return nil }
        return Company(Company.Fields(slug: slug, name: name, status: status, sector: sector, country: country,
                       focusArea: focusArea, rounds: money.rounds, exit: money.exit, valuations: money.valuations,
                       distributions: money.distributions, metrics: reports,
                       website: website, logo: logo, founded: founded,
                       tags: tags, body: body, source: source, aliases: aliases))
    }

    func agreement(_ root: YAMLNode) -> Agreement? {
        guard let fields = reader.fields(root, declared: ContentSchema.agreement) else { return nil }
        let title: String? = fields.read("title")
        let kind: Agreement.Kind? = fields.read("kind")
        let status: Agreement.Status? = fields.read("status")
        let parties: [Located<Slug>]? = fields.read("parties")
        let signed: Day? = fields.read("signed")
        let place: String? = fields.read("place")
        let amount: Located<Money>? = fields.read("amount")
        if let node = fields.node("parties"), case .sequence(let list) = node, list.items.count < 2 {
            reader.error(node, "an agreement needs at least two parties, found \(list.items.count)")
        }
        if status == .signed, signed == nil, fields.node("signed") == nil {
            reader.error(at: fields.location(of: "status"), "a signed agreement needs the date it was signed",
                         hint: "add 'signed: YYYY-MM-DD'")
        }
        let aliases = self.aliases(fields)
        guard let title, let kind, let status, let parties else { return nil }
        return Agreement(Agreement.Fields(slug: slug, title: title, kind: kind, status: status, parties: parties, signed: signed,
                         place: place, amount: amount, body: body, source: source, aliases: aliases))
    }

    func newsItem(_ root: YAMLNode) -> NewsItem? {
        guard let fields = reader.fields(root, declared: ContentSchema.news) else { return nil }
        let title: String? = fields.read("title")
        let date: Day? = fields.read("date")
        let about: [Located<Slug>] = fields.read("about") ?? []
        let aliases = self.aliases(fields)
        guard let title, let date else { return nil }
        return NewsItem(slug: slug, title: title, date: date, about: about, body: body, source: source, aliases: aliases)
    }

    func page(_ root: YAMLNode) -> Page? {
        guard let fields = reader.fields(root, declared: ContentSchema.page) else { return nil }
        let title: String? = fields.read("title")
        let order: Int? = fields.read("order")
        let aliases = self.aliases(fields)
        guard let title else { return nil }
        return Page(slug: slug, title: title, order: order, body: body, source: source, aliases: aliases)
    }

    // MARK: - Field types shared by several kinds

    /// `aliases`: earlier addresses of the page, each as the site path it names, at most once.
    private func aliases(_ fields: Fields) -> [Located<String>] {
        var aliases: [Located<String>] = []
        for node in fields.node("aliases").flatMap(reader.list) ?? [] {
            guard let written = reader.nonEmptyString(node) else { continue }
            switch AliasPath.sitePath(of: written) {
            case .failure(let problem):
                reader.error(node, "'\(written)': \(problem.message)",
                             hint: "write the page's old address from the site's top, such as 'companies/alpha-farms.html' or 'old/about/'")
            case .success(let path):
                if aliases.contains(where: { $0.value == path }) {
                    reader.error(node, "the alias '\(written)' is listed twice")
                } else {
                    aliases.append(Located(path, at: reader.location(node)))
                }
            }
        }
        return aliases
    }

    private func person(_ node: YAMLNode) -> Person? {
        guard let fields = reader.fields(node, declared: ContentSchema.person),
              let name: String = fields.read("name") else { return nil }
        return Person(name: name, role: fields.read("role"))
    }

    private func year(_ node: YAMLNode) -> Int? {
        guard let value = reader.int(node) else { return nil }
        guard (1000...9999).contains(value), node.scalarText.count == 4 else {
            reader.error(node, "expected a four-digit year, found '\(value)'")
            return nil
        }
        return value
    }
}
