/// The decode stage: every loaded file into a typed value, on all cores.
enum Decoding {
    /// The decoded programme and documents, with every problem found.
    struct Result: Sendable {
        var programme: Programme?
        var documents: [Document]
        var diagnostics: [Diagnostic]
        /// Slugs of files that exist but did not decode: references to them are not reported again.
        var undecoded: Set<Slug>
    }

    /// One entity file decoded: its value, or the slug of a file that did not decode, and its problems.
    struct DecodedDocument: Sendable {
        var document: Document?
        var stem: String
        var diagnostics: [Diagnostic]
    }

    static func decode(_ source: ContentSource) -> Result {
        let programme = source.programme.map(ProgrammeDecoder.decode)
        let documents = source.documents.parallelMap { decode($0, currency: programme?.currency, metrics: programme?.metrics) }
        return result(programme: programme, documents: source.programmeTranslations.map(decodeProgrammeTranslation) + documents,
                      diagnostics: source.diagnostics)
    }

    /// Decodes one entity file; bare amounts take `currency`, the programme's, and a company's metric
    /// reports are checked against `metrics`, the programme's (left out when it did not decode).
    static func decode(_ entry: ContentDocument, currency: Currency?, metrics: MetricCatalogue?) -> DecodedDocument {
        let (document, problems) = EntityDecoder.decode(entry.file, in: entry.folder, currency: currency, metrics: metrics)
        return DecodedDocument(document: document, stem: entry.file.stem, diagnostics: problems)
    }

    /// Decodes `programme.<language>.yml`.
    static func decodeProgrammeTranslation(_ file: SourceFile) -> DecodedDocument {
        let code = String(file.relativePath.dropFirst("programme.".count).dropLast(".yml".count))
        let (translation, problems) = TranslationDecoder.decodeProgramme(file, languageCode: code)
        return DecodedDocument(document: translation.map(Document.translation), stem: "", diagnostics: problems)
    }

    /// The stage's result from its parts, `documents` in the order they were read.
    static func result(programme: ProgrammeDecoder.Decoded?, documents: [DecodedDocument], diagnostics: [Diagnostic]) -> Result {
        var result = Result(programme: programme?.programme, documents: [], diagnostics: diagnostics + (programme?.diagnostics ?? []), undecoded: [])
        for entry in documents {
            if let document = entry.document {
                result.documents.append(document)
            } else if let slug = Slug(entry.stem) {
                result.undecoded.insert(slug)
            }
            result.diagnostics += entry.diagnostics
        }
        return result
    }
}
