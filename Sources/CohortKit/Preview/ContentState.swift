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
    /// An entity file's folder, what decoding gave, and the problems of reading it.
    private typealias Entry = (folder: ContentFolder, decoded: Decoding.DecodedDocument, problems: [Diagnostic])
    /// Entity files by path relative to the folder.
    private var documents: [String: Entry] = [:]
    private var staticFiles: [String: (file: OutputFile?, problems: [Diagnostic])] = [:]
    private var strays: [String: Diagnostic] = [:]
    /// The paths of `documents` in the order a build reads them, kept until a file comes or goes.
    private var order: [String]?
    /// Each path's place in `order`.
    private var position: [String: Int] = [:]
    /// The entity files with problems or diagnostics, or that did not decode: all `decoded` reads of a
    /// file besides its document.
    private var troubled: Set<String> = []
    /// The documents `decoded` gives, kept between updates and patched where a file's document was
    /// replaced: the programme translations' first, then the entity files' in reading order; and the
    /// place of each entity file's document. Nil when it must be assembled again.
    private var assembled: (documents: [Document], places: [String: Int])?
    private var topLevel: [Diagnostic] = []
    /// Folders that could not be listed, and links, as a build reports them.
    private var listingProblems: [Diagnostic] = []
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
        troubled = []
        assembled = nil
        staticFiles = [:]
        strays = [:]
        programmeTranslations = [:]
        let listing = ContentLoader.listing(of: directory)
        listingProblems = ContentLoader.problems(of: listing, prefix: prefix)
        refresh(listing.files + ContentLoader.programmeTranslationNames(in: directory))
        newReadingOrder()
        topLevel = ContentLoader.topLevelWarnings(in: directory, prefix: prefix)
    }

    /// What an update changed, so that a preview redoes no more than it must.
    enum Change {
        /// The programme's currency or metrics changed: every file must be decoded again (`reload`).
        case everything
        /// Only these organisations, companies, agreements, news items and pages changed, each in its
        /// body alone: decoded from the same file, with the same front matter and the same problems.
        /// Nothing else changed; none at all when empty.
        case bodies([Document])
        /// Anything else.
        case files
    }

    /// Brings the files at `paths` (relative to the folder; a folder stands for everything under it)
    /// up to date, and says what changed.
    mutating func update(_ paths: [String]) -> Change {
        guard missingFolder == nil else { return .everything }
        var touched: [String] = []
        var removed: [String: Entry] = [:]
        var beyondDocuments = false
        // A folder that changed (or went) may have become readable or unreadable: listed again below.
        var folderChanged = false
        for path in Set(paths) {
            if path == "programme.yml" {
                let (currency, metrics) = (programme?.currency, programme?.metrics)
                readProgramme()
                if programme?.currency != currency || programme?.metrics != metrics { return .everything }
                beyondDocuments = true
                continue
            }
            let underneath = path + "/"
            if programmeTranslations.removeValue(forKey: path) != nil {
                beyondDocuments = true
                assembled = nil
            }
            // The keys are listed first: removing while iterating a dictionary's keys copies the dictionary.
            let isUnder = { (key: String) in key == path || key.hasPrefix(underneath) }
            let (documentKeys, staticKeys, strayKeys) = (documents.keys.filter(isUnder), staticFiles.keys.filter(isUnder),
                                                         strays.keys.filter(isUnder))
            // A top-level name, or one that held files, may be a folder that became something else.
            if !path.contains("/") || (documentKeys + staticKeys + strayKeys).contains(where: { $0 != path }) {
                folderChanged = true
            }
            for key in documentKeys {
                removed[key] = documents.removeValue(forKey: key)
                troubled.remove(key)
            }
            for key in staticKeys { staticFiles.removeValue(forKey: key) }
            for key in strayKeys { strays.removeValue(forKey: key) }
            if !staticKeys.isEmpty || !strayKeys.isEmpty { beyondDocuments = true }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory) else {
                folderChanged = true
                continue
            }
            if isDirectory.boolValue {
                folderChanged = true
                let first = String(path.split(separator: "/").first ?? "")
                touched += ContentLoader.files(under: directory, folder: first, keepingHidden: first == "static")
                    .filter { $0.hasPrefix(underneath) || path == first }
            } else {
                touched.append(path)
            }
        }
        let edited = refresh(touched, replacing: removed)
        let warnings = ContentLoader.topLevelWarnings(in: directory, prefix: prefix)
        if warnings != topLevel { beyondDocuments = true }
        topLevel = warnings
        if folderChanged {
            let problems = ContentLoader.problems(of: ContentLoader.listing(of: directory), prefix: prefix)
            if problems != listingProblems { beyondDocuments = true }
            listingProblems = problems
        }
        guard !beyondDocuments, let edited else { return .files }
        return .bodies(edited)
    }

    /// Reads and decodes the files at `paths`, which exist, in place of the entity files `removed`
    /// just dropped; the reading order is worked out again only when the set of entity files changed.
    /// Returns the documents whose bodies alone changed, or nil when anything else changed.
    @discardableResult
    private mutating func refresh(_ paths: [String], replacing removed: [String: Entry] = [:]) -> [Document]? {
        var wanted: [(String, ContentFolder)] = []
        var beyondDocuments = false
        for path in paths {
            switch ContentLoader.kind(of: path) {
            case .document(let folder): wanted.append((path, folder))
            case .stray(let folder):
                strays[path] = ContentLoader.strayWarning(path, in: folder, prefix: prefix)
                beyondDocuments = true
            case .staticFile:
                staticFiles[path] = ContentLoader.readStatic(path, in: directory, prefix: prefix)
                beyondDocuments = true
            case .programmeTranslation:
                let (file, problems) = ContentLoader.readFile(path, from: directory, prefix: prefix)
                programmeTranslations[path] = (file.map(Decoding.decodeProgrammeTranslation)
                    ?? Decoding.DecodedDocument(document: nil, stem: "", diagnostics: []), problems)
                beyondDocuments = true
                assembled = nil
            case .programme, .ignored: break
            }
        }
        let (currency, metrics) = (programme?.currency, programme?.metrics)
        let (directory, prefix) = (self.directory, self.prefix)
        let decoded = wanted.parallelMap { path, folder -> Entry in
            let (document, problems) = ContentLoader.readDocument(path, in: folder, from: directory, prefix: prefix)
            let decoded = document.map { Decoding.decode($0, currency: currency, metrics: metrics) }
                ?? Decoding.DecodedDocument(document: nil, stem: "", diagnostics: [])
            return (folder, decoded, problems)
        }
        var edited: [Document] = []
        for ((path, _), entry) in zip(wanted, decoded) {
            if documents.updateValue(entry, forKey: path) == nil, removed[path] == nil { order = nil }
            if entry.decoded.document == nil || !entry.problems.isEmpty || !entry.decoded.diagnostics.isEmpty {
                troubled.insert(path)
            } else {
                troubled.remove(path)
            }
            if let document = entry.decoded.document, let place = assembled?.places[path] {
                assembled?.documents[place] = document
            } else {
                assembled = nil
            }
            switch Self.difference(from: removed[path], to: entry) {
            case .none: break
            case .body(let document): edited.append(document)
            case .more: beyondDocuments = true
            }
        }
        if removed.keys.contains(where: { documents[$0] == nil }) { order = nil }
        if order == nil {
            newReadingOrder()
            beyondDocuments = true
        }
        return beyondDocuments ? nil : edited
    }

    /// What re-reading an entity file changed.
    private enum Difference {
        /// Nothing: the same document, with the same problems.
        case none
        /// The body alone: the new document.
        case body(Document)
        /// More than the body, or the file is new, or it does not decode.
        case more
    }

    private static func difference(from old: Entry?, to new: Entry) -> Difference {
        guard let old, let was = old.decoded.document, let now = new.decoded.document, old.folder == new.folder,
              old.problems == new.problems, old.decoded.diagnostics == new.decoded.diagnostics,
              old.decoded.stem == new.decoded.stem, was.differsAtMostInBody(from: now) else { return .more }
        return was.body == now.body ? .none : .body(now)
    }

    private mutating func readProgramme() {
        let (file, problems) = ContentLoader.readProgramme(in: directory, prefix: prefix)
        programme = file.map(ProgrammeDecoder.decode)
        programmeProblems = problems
    }

    /// What the decode stage gives for the folder as it is now, as a build would decode it. The
    /// documents are kept from the last call, with those of the files read since put in (they are
    /// many and large: copying them all was a tenth of a front-matter edit's rebuild at 10,000 companies).
    mutating func decoded() -> Decoding.Result {
        if let missingFolder { return Decoding.Result(programme: nil, documents: [], diagnostics: [missingFolder], undecoded: []) }
        if order == nil { newReadingOrder() }
        let translations = programmeTranslations.sorted { $0.key < $1.key }.map(\.value)
        let assembled = self.assembled ?? assemble(translations)
        self.assembled = assembled
        // The rest, from the few files that have anything besides a document, in reading order.
        let troubled = self.troubled.sorted { (position[$0] ?? .max, $0) < (position[$1] ?? .max, $1) }.compactMap { documents[$0] }
        let problems = programmeProblems + translations.flatMap(\.problems) + troubled.flatMap(\.problems)
            + staticFiles.values.flatMap(\.problems) + strays.values + topLevel + listingProblems
        var result = Decoding.result(programme: programme, documents: translations.map(\.decoded) + troubled.map(\.decoded),
                                     diagnostics: problems)
        result.documents = assembled.documents
        return result
    }

    /// The documents of the programme translations, then those of the entity files in reading order.
    private func assemble(_ translations: [(decoded: Decoding.DecodedDocument, problems: [Diagnostic])])
        -> (documents: [Document], places: [String: Int]) {
        var documents = translations.compactMap(\.decoded.document)
        var places: [String: Int] = [:]
        documents.reserveCapacity(documents.count + self.documents.count)
        for path in order ?? [] {
            guard let document = self.documents[path]?.decoded.document else { continue }
            places[path] = documents.count
            documents.append(document)
        }
        return (documents, places)
    }

    /// Works out the reading order again, after a file came or went.
    private mutating func newReadingOrder() {
        let order = documentsInReadingOrder()
        self.order = order
        position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        assembled = nil
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
