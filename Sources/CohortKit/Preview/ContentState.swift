import Foundation

/// A content folder as last read and decoded, file by file, so that a change re-reads and re-decodes
/// only the files it touched.
struct ContentState {
    let directory: URL
    /// How diagnostics name the folder, ending in `/`.
    let prefix: String
    private var programme: ProgrammeDecoder.Decoded?
    private var programmeProblems: [Diagnostic] = []
    /// `programme.<language>.yml` files, decoded, by name.
    private var programmeTranslations: [String: (decoded: Decoding.DecodedDocument, problems: [Diagnostic])] = [:]
    /// Entity files by path relative to the folder: their folder and what decoding gave.
    private var documents: [String: (folder: ContentFolder, decoded: Decoding.DecodedDocument, problems: [Diagnostic])] = [:]
    private var staticFiles: [String: (file: OutputFile?, problems: [Diagnostic])] = [:]
    private var strays: [String: Diagnostic] = [:]
    /// The paths of `documents` in the order a build reads them, kept until a file comes or goes.
    private var order: [String]?
    private var topLevel: [Diagnostic] = []
    private var missingFolder: Diagnostic?

    init(directory: URL, displayRoot: String) {
        self.directory = directory
        prefix = displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/"
    }

    /// Reads and decodes the whole folder.
    mutating func reload() {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            self = ContentState(directory: directory, displayRoot: prefix)
            missingFolder = .error(at: .file(String(prefix.dropLast())), "content folder not found",
                                   hint: "run cohort in a project folder, or pass --content DIR")
            return
        }
        missingFolder = nil
        readProgramme()
        documents = [:]
        staticFiles = [:]
        strays = [:]
        programmeTranslations = [:]
        refresh(ContentLoader.files(in: directory) + ContentLoader.programmeTranslationNames(in: directory))
        order = documentsInReadingOrder()
        topLevel = ContentLoader.topLevelWarnings(in: directory, prefix: prefix)
    }

    /// Brings the files at `paths` (relative to the folder; a folder stands for everything under it)
    /// up to date. Returns false when the programme's currency changed: every file must then be decoded
    /// again, so the caller reloads.
    mutating func update(_ paths: [String]) -> Bool {
        guard missingFolder == nil else { return false }
        var touched: [String] = []
        var removed: Set<String> = []
        for path in Set(paths) {
            if path == "programme.yml" {
                let currency = programme?.currency
                readProgramme()
                if programme?.currency != currency { return false }
                continue
            }
            let underneath = path + "/"
            programmeTranslations[path] = nil
            // The keys are listed first: removing while iterating a dictionary's keys copies the dictionary.
            let isUnder = { (key: String) in key == path || key.hasPrefix(underneath) }
            for key in documents.keys.filter(isUnder) {
                documents.removeValue(forKey: key)
                removed.insert(key)
            }
            for key in staticFiles.keys.filter(isUnder) { staticFiles.removeValue(forKey: key) }
            for key in strays.keys.filter(isUnder) { strays.removeValue(forKey: key) }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let first = String(path.split(separator: "/").first ?? "")
                touched += ContentLoader.files(under: directory, folder: first, keepingHidden: first == "static")
                    .filter { $0.hasPrefix(underneath) || path == first }
            } else {
                touched.append(path)
            }
        }
        refresh(touched, replacing: removed)
        topLevel = ContentLoader.topLevelWarnings(in: directory, prefix: prefix)
        return true
    }

    /// Reads and decodes the files at `paths`, which exist, in place of the entity files `removed`
    /// just dropped; the reading order is worked out again only when the set of entity files changed.
    private mutating func refresh(_ paths: [String], replacing removed: Set<String> = []) {
        var wanted: [(String, ContentFolder)] = []
        for path in paths {
            switch ContentLoader.kind(of: path) {
            case .document(let folder): wanted.append((path, folder))
            case .stray(let folder): strays[path] = ContentLoader.strayWarning(path, in: folder, prefix: prefix)
            case .staticFile: staticFiles[path] = ContentLoader.readStatic(path, in: directory, prefix: prefix)
            case .programmeTranslation:
                let (file, problems) = ContentLoader.readFile(path, from: directory, prefix: prefix)
                programmeTranslations[path] = (file.map(Decoding.decodeProgrammeTranslation)
                    ?? Decoding.DecodedDocument(document: nil, stem: "", diagnostics: []), problems)
            case .programme, .ignored: break
            }
        }
        let currency = programme?.currency
        let (directory, prefix) = (self.directory, self.prefix)
        let decoded = wanted.parallelMap { path, folder in
            let (document, problems) = ContentLoader.readDocument(path, in: folder, from: directory, prefix: prefix)
            let decoded = document.map { Decoding.decode($0, currency: currency) }
                ?? Decoding.DecodedDocument(document: nil, stem: "", diagnostics: [])
            return (folder, decoded, problems)
        }
        for ((path, _), entry) in zip(wanted, decoded) {
            if documents.updateValue(entry, forKey: path) == nil, !removed.contains(path) { order = nil }
        }
        if removed.contains(where: { documents[$0] == nil }) { order = nil }
        if order == nil { order = documentsInReadingOrder() }
    }

    private mutating func readProgramme() {
        let (file, problems) = ContentLoader.readProgramme(in: directory, prefix: prefix)
        programme = file.map(ProgrammeDecoder.decode)
        programmeProblems = problems
    }

    /// What the decode stage gives for the folder as it is now, as a build would decode it.
    var decoded: Decoding.Result {
        if let missingFolder { return Decoding.Result(programme: nil, documents: [], diagnostics: [missingFolder], undecoded: []) }
        // One pass, so each decoded document is copied once on its way to the result: they are many and large.
        let translations = programmeTranslations.sorted { $0.key < $1.key }.map(\.value)
        var decoded = translations.map(\.decoded)
        var problems = programmeProblems + translations.flatMap(\.problems)
        decoded.reserveCapacity(decoded.count + documents.count)
        for path in order ?? documentsInReadingOrder() {
            guard let entry = documents[path] else { continue }
            decoded.append(entry.decoded)
            problems += entry.problems
        }
        problems += staticFiles.values.flatMap(\.problems) + strays.values + topLevel
        return Decoding.result(programme: programme, documents: decoded, diagnostics: problems)
    }

    /// The paths of the entity files, by folder in the order of `ContentFolder`, then by path.
    private func documentsInReadingOrder() -> [String] {
        var byFolder: [ContentFolder: [String]] = [:]
        for (path, entry) in documents { byFolder[entry.folder, default: []].append(path) }
        return ContentFolder.allCases.flatMap { (byFolder[$0] ?? []).sorted() }
    }

    /// The files under `static/`, as the site has them, sorted.
    var staticOutput: [OutputFile] {
        staticFiles.sorted { $0.key < $1.key }.compactMap(\.value.file)
    }
}
