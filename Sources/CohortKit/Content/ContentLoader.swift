import Foundation

/// The files of a content folder, read into memory: the load stage.
public struct ContentSource: Sendable {
    /// `programme.yml`, if present.
    public var programme: SourceFile?
    /// Its translations, `programme.<language>.yml`, sorted by name.
    public var programmeTranslations: [SourceFile] = []
    /// The `.md` files of each entity folder, sorted by path.
    public var documents: [ContentDocument]
    /// The files under `static/`, copied to the site as they are.
    public var staticFiles: [OutputFile]
    /// Problems found while reading: unreadable files, text that is not UTF-8, stray files.
    public var diagnostics: [Diagnostic]
}

/// One `.md` file and the folder it was found in, which says what kind of entity it holds.
public struct ContentDocument: Sendable {
    /// The entity folder the file was found in.
    public var folder: ContentFolder
    /// The file's paths and text.
    public var file: SourceFile
}

/// Reads a content folder from disk: all of it for a build, or file by file for a preview.
public enum ContentLoader {
    /// Reads `directory`; `displayRoot` is how the folder is named in diagnostics (for example `content`).
    public static func load(from directory: URL, displayRoot: String) -> ContentSource {
        var source = ContentSource(programme: nil, documents: [], staticFiles: [], diagnostics: [])
        let prefix = displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            source.diagnostics.append(.error(at: .file(displayRoot), "content folder not found",
                                             hint: "run cohort in a project folder, or pass --content DIR"))
            return source
        }
        if let unreadable = FileTree.unreadable(folder: directory) {
            source.diagnostics.append(unreadable.diagnostic(under: displayRoot))
            return source
        }
        (source.programme, source.diagnostics) = readProgramme(in: directory, prefix: prefix)
        for name in programmeTranslationNames(in: directory) {
            var problems: [Diagnostic] = []
            if let file = read(name, in: directory, prefix: prefix, into: &problems) {
                source.programmeTranslations.append(file)
            }
            source.diagnostics += problems
        }
        var wanted: [(folder: ContentFolder, relative: String)] = []
        var staticPaths: [String] = []
        let listing = listing(of: directory)
        source.diagnostics += problems(of: listing, prefix: prefix)
        for relative in listing.files {
            switch kind(of: relative) {
            case .document(let folder): wanted.append((folder, relative))
            case .stray(let folder): source.diagnostics.append(strayWarning(relative, in: folder, prefix: prefix))
            case .staticFile: staticPaths.append(relative)
            case .programme, .programmeTranslation, .ignored: break
            }
        }
        // Reading is most of loading: read on all cores, keeping the sorted order.
        let read = wanted.parallelMap { entry -> (SourceFile?, [Diagnostic]) in
            var problems: [Diagnostic] = []
            let file = Self.read(entry.relative, in: directory, prefix: prefix, into: &problems)
            return (file, problems)
        }
        for (entry, (file, problems)) in zip(wanted, read) {
            source.diagnostics += problems
            if let file { source.documents.append(ContentDocument(folder: entry.folder, file: file)) }
        }
        for relative in staticPaths {
            let (file, problems) = readStatic(relative, in: directory, prefix: prefix)
            source.diagnostics += problems
            if let file { source.staticFiles.append(file) }
        }
        source.diagnostics += topLevelWarnings(in: directory, prefix: prefix)
        return source
    }

    /// What a file of the content folder is, by its path relative to the folder.
    enum Kind: Equatable {
        case programme
        /// `programme.<language>.yml`.
        case programmeTranslation
        /// A `.md` file of an entity folder.
        case document(ContentFolder)
        /// Another file in an entity folder: ignored with a warning.
        case stray(ContentFolder)
        /// A file under `static/`, copied as it is.
        case staticFile
        /// Hidden, or outside the folders Cohort reads.
        case ignored
    }

    /// What the file at `relative` is. Hidden names are skipped everywhere but in `static/`, where only
    /// `.git` and `.DS_Store` are.
    static func kind(of relative: String) -> Kind {
        let components = relative.split(separator: "/", omittingEmptySubsequences: false)
        if relative == "programme.yml" { return .programme }
        if isProgrammeTranslation(relative) { return .programmeTranslation }
        guard components.count > 1, let first = components.first else { return .ignored }
        if first == "static" {
            return components.contains { $0 == ".git" || $0 == ".DS_Store" } ? .ignored : .staticFile
        }
        guard let folder = ContentFolder(rawValue: String(first)), !components.contains(where: { $0.hasPrefix(".") }) else {
            return .ignored
        }
        return relative.hasSuffix(".md") ? .document(folder) : .stray(folder)
    }

    /// Every regular file under the folders Cohort reads, relative to `directory`, in the order a build
    /// reads them, and the folders among them that could not be listed.
    static func listing(of directory: URL) -> FileTree.Listing {
        (ContentFolder.allCases.map(\.rawValue) + ["static"]).reduce(into: FileTree.Listing()) { all, folder in
            let listing = FileTree.walk(directory.appendingPathComponent(folder), keepingHidden: folder == "static")
            all.files += listing.files.map { folder + "/" + $0 }
            all.links += listing.links.map { folder + "/" + $0 }
            all.unreadable += listing.unreadable.map { unreadable in
                var named = unreadable
                named.path = unreadable.path.isEmpty ? folder : folder + "/" + unreadable.path
                return named
            }
        }
    }

    /// What a listing found that is no file to read: folders that could not be listed, and links.
    static func problems(of listing: FileTree.Listing, prefix: String) -> [Diagnostic] {
        listing.unreadable.map { $0.diagnostic(under: prefix) } + listing.linkWarnings(under: prefix)
    }

    /// The regular files below `directory/folder`, as paths relative to `directory`, sorted.
    static func files(under directory: URL, folder: String, keepingHidden: Bool = false) -> [String] {
        FileTree.regularFiles(in: directory.appendingPathComponent(folder), keepingHidden: keepingHidden).map { folder + "/" + $0 }
    }

    /// Reads `programme.yml`, or reports that it is missing.
    static func readProgramme(in directory: URL, prefix: String) -> (SourceFile?, [Diagnostic]) {
        let url = directory.appendingPathComponent("programme.yml")
        var diagnostics: [Diagnostic] = []
        guard FileManager.default.fileExists(atPath: url.path) else {
            return (nil, [.error(at: .file(prefix + "programme.yml"), "missing programme file",
                                 hint: "create programme.yml with the programme's title, currency and pool")])
        }
        let file = read("programme.yml", in: directory, prefix: prefix, into: &diagnostics)
        return (file, diagnostics)
    }

    /// Whether a name at the top of the folder is `programme.<something>.yml`.
    static func isProgrammeTranslation(_ name: String) -> Bool {
        name.hasPrefix("programme.") && name.hasSuffix(".yml") && name.count > "programme..yml".count && !name.contains("/")
    }

    /// The translations of `programme.yml` at the top of `directory`, sorted.
    static func programmeTranslationNames(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter(isProgrammeTranslation).sorted()
    }

    /// Reads one file by its path in the content folder.
    static func readFile(_ relative: String, from directory: URL, prefix: String) -> (SourceFile?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let file = read(relative, in: directory, prefix: prefix, into: &diagnostics)
        return (file, diagnostics)
    }

    /// Reads one entity file.
    static func readDocument(_ relative: String, in folder: ContentFolder, from directory: URL, prefix: String) -> (ContentDocument?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let file = read(relative, in: directory, prefix: prefix, into: &diagnostics)
        return (file.map { ContentDocument(folder: folder, file: $0) }, diagnostics)
    }

    /// Reads one file under `static/`, as the site will have it.
    static func readStatic(_ relative: String, in directory: URL, prefix: String) -> (OutputFile?, [Diagnostic]) {
        guard !relative.contains(where: \.isNewline) else {
            return (nil, [.error(at: .file(prefix + relative), "a static file's name cannot contain a line break")])
        }
        switch FileTree.contents(of: relative, in: directory) {
        case .success(let data): return (OutputFile(path: String(relative.dropFirst("static/".count)), bytes: data), [])
        case .failure(let unreadable): return (nil, [unreadable.diagnostic(under: prefix)])
        }
    }

    /// The warning for a file in an entity folder that is not Markdown.
    static func strayWarning(_ relative: String, in folder: ContentFolder, prefix: String) -> Diagnostic {
        .warning(at: .file(prefix + relative), "ignored: only .md files are read in \(folder.rawValue)/")
    }

    /// Warnings for entries at the top of the folder that are not part of the content format.
    static func topLevelWarnings(in directory: URL, prefix: String) -> [Diagnostic] {
        let known = Set(ContentFolder.allCases.map(\.rawValue) + ["static", "programme.yml"])
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.sorted().filter { !known.contains($0) && !$0.hasPrefix(".") && !isProgrammeTranslation($0) }.map { entry in
            .warning(at: .file(prefix + entry), "ignored: '\(entry)' is not part of the content format",
                     hint: Suggestion.hint(for: entry, among: known) ?? "see docs/content-format.md")
        }
    }

    /// Reads one text file; a file that is not UTF-8 is reported at the first bad byte.
    private static func read(_ relativePath: String, in directory: URL, prefix: String, into diagnostics: inout [Diagnostic]) -> SourceFile? {
        let displayPath = prefix + relativePath
        let data: Data
        switch FileTree.contents(of: relativePath, in: directory) {
        case .success(let bytes): data = bytes
        case .failure(let unreadable):
            diagnostics.append(unreadable.diagnostic(under: prefix))
            return nil
        }
        // Read where they are, after a byte order mark if there is one: copied once, into the text.
        let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.append(.error(at: firstInvalidByte(in: [UInt8](bytes), path: displayPath),
                                      "file is not valid UTF-8 text", hint: "save the file with UTF-8 encoding"))
            return nil
        }
        // Windows line endings become plain ones, so lines and columns count the same everywhere.
        let normalized = text.utf8.containsByte(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        return SourceFile(displayPath: displayPath, relativePath: relativePath, text: normalized)
    }

    /// The line and column of the first byte that breaks UTF-8.
    private static func firstInvalidByte(in bytes: [UInt8], path: String) -> SourceLocation {
        var validEnd = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                validEnd = offset
            case .emptyInput, .error:
                break loop
            }
        }
        let valid = String(decoding: bytes[..<validEnd], as: UTF8.self)
        let lines = valid.split(separator: "\n", omittingEmptySubsequences: false)
        return SourceLocation(path: path, line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
    }
}
