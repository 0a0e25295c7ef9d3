/// Decodes a translation: `<slug>.<lang>.md` beside an entity file, or `programme.<lang>.yml`.
enum TranslationDecoder {
    /// The fields a translation of each kind of file may set (text), and those it may not (facts).
    static let fields: [ContentFolder?: (text: [String], facts: [String])] = Dictionary(uniqueKeysWithValues: ContentSchema.kinds.map { kind in
        let text = ContentSchema.translated[kind.folder] ?? []
        return (kind.folder, (text, ContentSchema.names(kind.fields).filter { !text.contains($0) }))
    })

    /// The slug and language of an entity file's name, when it names a translation (`about.zh`).
    static func parts(ofStem stem: String) -> (slug: String, language: String)? {
        guard let dot = stem.firstIndex(of: ".") else { return nil }
        return (String(stem[..<dot]), String(stem[stem.index(after: dot)...]))
    }

    /// Decodes `file`, a translation into `languageCode` of the entity `slug` of `folder`.
    static func decodeEntity(_ file: SourceFile, in folder: ContentFolder, slug: String, languageCode: String) -> (Document?, [Diagnostic]) {
        guard let slug = Slug(slug) else {
            return (nil, [.error(at: .file(file.displayPath), "invalid slug '\(slug)' in the file name",
                                 hint: "a translation is named '<slug>.<language>.md', such as 'about.zh.md'")])
        }
        guard let language = Language(languageCode) else { return (nil, [invalidLanguage(languageCode, file)]) }
        let frontMatter: FrontMatter
        switch FrontMatter.split(file) {
        case .success(let split): frontMatter = split
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let reader = NodeReader(file: file, firstLine: frontMatter.yamlFirstLine, defaultCurrency: nil)
        guard let root = reader.compose(String(frontMatter.yaml)) else { return (nil, reader.diagnostics) }
        let original = "\(folder.rawValue)/\(slug).md"
        var translation = read(root, kind: folder, original: original, reader: reader, file: file, language: language)
        translation?.original = .entity(folder, slug)
        translation?.body = Body(markdown: frontMatter.body, firstLine: frontMatter.bodyFirstLine)
        return (reader.diagnostics.hasErrors ? nil : translation.map(Document.translation), reader.diagnostics)
    }

    /// Decodes `programme.<languageCode>.yml`.
    static func decodeProgramme(_ file: SourceFile, languageCode: String) -> (Translation?, [Diagnostic]) {
        guard let language = Language(languageCode) else { return (nil, [invalidLanguage(languageCode, file)]) }
        let reader = NodeReader(file: file, firstLine: 1, defaultCurrency: nil)
        guard let root = reader.compose(file.text) else { return (nil, reader.diagnostics) }
        let translation = read(root, kind: nil, original: "programme.yml", reader: reader, file: file, language: language)
        return (reader.diagnostics.hasErrors ? nil : translation, reader.diagnostics)
    }

    /// The text fields of a translation; every fact it sets is an error at that field.
    private static func read(_ root: YAMLNode, kind: ContentFolder?, original: String, reader: NodeReader, file: SourceFile,
                             language: Language) -> Translation? {
        guard let allowed = fields[kind], let fields = reader.fields(root, declared: [], also: allowed.text + allowed.facts) else { return nil }
        for fact in allowed.facts {
            guard let entry = fields.entries[fact] else { continue }
            reader.error(entry.key, "a translation cannot set '\(fact)': facts come from \(original) only",
                         hint: "remove '\(fact)'; a translation holds text: \(allowed.text.joined(separator: ", ")) and the body")
        }
        var translation = Translation(original: .programme, language: language, texts: [:], tags: nil, focusAreaNames: [:],
                                      body: nil, source: .file(file.displayPath), locations: [:])
        for key in allowed.text where key != "tags" && key != "focus_areas" && key != "metrics" {
            guard let node = fields.node(key), let text = key == "tagline" || key == "description" ? reader.string(node) : reader.nonEmptyString(node) else { continue }
            translation.texts[key] = text
            translation.locations[key] = reader.location(node)
        }
        translation.tags = fields.node("tags").flatMap { reader.list($0, reader.nonEmptyString) }
        if let node = fields.node("focus_areas") {
            translation.locations["focus_areas"] = reader.location(node)
            for item in reader.list(node) ?? [] {
                guard let area = reader.fields(item, declared: ContentSchema.focusArea), let slug: Located<Slug> = area.read("slug"),
                      let name: String = area.read("name") else { continue }
                translation.focusAreaNames[slug.value] = name
                translation.locations["focus_areas." + slug.value.rawValue] = slug.location
            }
        }
        if let node = fields.node("metrics") {
            translation.locations["metrics"] = reader.location(node)
            for item in reader.list(node) ?? [] {
                guard let metric = reader.fields(item, declared: ContentSchema.metricText),
                      let key: Located<Slug> = metric.read("key"), let name: String = metric.read("name") else { continue }
                translation.metricTexts[key.value] = Translation.MetricText(name: name, description: metric.read("description"))
                translation.locations["metrics." + key.value.rawValue] = key.location
            }
        }
        return translation
    }

    private static func invalidLanguage(_ code: String, _ file: SourceFile) -> Diagnostic {
        .error(at: .file(file.displayPath), "invalid language '\(code)' in the file name",
               hint: "name a translation '<slug>.<language>.md' with a BCP 47 code, such as 'about.zh.md' or 'about.pt-BR.md'")
    }
}
