/// The decode stage: every loaded file into a typed value, on all cores.
enum Decoding {
    /// The decoded programme and documents, with every problem found.
    struct Result: Sendable {
        var programme: Programme?
        var documents: [Document]
        var diagnostics: [Diagnostic]
    }

    static func decode(_ source: ContentSource) -> Result {
        var diagnostics = source.diagnostics
        var programme: Programme?
        if let file = source.programme {
            let (decoded, problems) = ProgrammeDecoder.decode(file)
            programme = decoded
            diagnostics += problems
        }
        let currency = programme?.currency
        let decoded = source.documents.parallelMap { entry in
            EntityDecoder.decode(entry.file, in: entry.folder, currency: currency)
        }
        var documents: [Document] = []
        for (document, problems) in decoded {
            if let document { documents.append(document) }
            diagnostics += problems
        }
        return Result(programme: programme, documents: documents, diagnostics: diagnostics)
    }
}
