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

    static func decode(_ source: ContentSource) -> Result {
        var diagnostics = source.diagnostics
        var programme: Programme?
        var currency: Currency?
        if let file = source.programme {
            let decoded = ProgrammeDecoder.decode(file)
            programme = decoded.programme
            currency = decoded.currency
            diagnostics += decoded.diagnostics
        }
        let defaultCurrency = currency
        let decoded = source.documents.parallelMap { entry in
            EntityDecoder.decode(entry.file, in: entry.folder, currency: defaultCurrency)
        }
        var documents: [Document] = []
        var undecoded: Set<Slug> = []
        for (entry, (document, problems)) in zip(source.documents, decoded) {
            if let document {
                documents.append(document)
            } else if let slug = Slug(entry.file.stem) {
                undecoded.insert(slug)
            }
            diagnostics += problems
        }
        return Result(programme: programme, documents: documents, diagnostics: diagnostics, undecoded: undecoded)
    }
}
