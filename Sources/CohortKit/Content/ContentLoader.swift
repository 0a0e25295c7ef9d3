import Foundation

/// The files of a content folder, read into memory: the load stage.
public struct ContentSource: Sendable {
    /// `programme.yml`, if present.
    public var programme: SourceFile?
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

/// Reads a content folder from disk.
public enum ContentLoader {
    /// Reads `directory`; `displayRoot` is how the folder is named in diagnostics (for example `content`).
    public static func load(from directory: URL, displayRoot: String) -> ContentSource {
        var source = ContentSource(programme: nil, documents: [], staticFiles: [], diagnostics: [])
        let fileManager = FileManager.default
        let prefix = displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/"
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            source.diagnostics.append(.error(at: .file(displayRoot), "content folder not found",
                                             hint: "run cohort in a project folder, or pass --content DIR"))
            return source
        }
        let programmeURL = directory.appendingPathComponent("programme.yml")
        if fileManager.fileExists(atPath: programmeURL.path) {
            source.programme = read(programmeURL, relativePath: "programme.yml", prefix: prefix, into: &source.diagnostics)
        } else {
            source.diagnostics.append(.error(at: .file(prefix + "programme.yml"), "missing programme file",
                                             hint: "create programme.yml with the programme's title, currency and pool"))
        }
        var wanted: [(folder: ContentFolder, relative: String)] = []
        for folder in ContentFolder.allCases {
            for relative in files(under: directory, folder: folder.rawValue) {
                guard relative.hasSuffix(".md") else {
                    source.diagnostics.append(.warning(at: .file(prefix + relative), "ignored: only .md files are read in \(folder.rawValue)/"))
                    continue
                }
                wanted.append((folder, relative))
            }
        }
        // Reading is most of loading: read on all cores, keeping the sorted order.
        let paths = wanted.map(\.relative)
        let read = paths.parallelMap { relative -> (SourceFile?, [Diagnostic]) in
            var problems: [Diagnostic] = []
            let file = Self.read(directory.appendingPathComponent(relative), relativePath: relative, prefix: prefix, into: &problems)
            return (file, problems)
        }
        for (entry, (file, problems)) in zip(wanted, read) {
            source.diagnostics += problems
            if let file { source.documents.append(ContentDocument(folder: entry.folder, file: file)) }
        }
        for relative in files(under: directory, folder: "static", keepingHidden: true) {
            guard !relative.contains(where: \.isNewline) else {
                source.diagnostics.append(.error(at: .file(prefix + relative), "a static file's name cannot contain a line break"))
                continue
            }
            let url = directory.appendingPathComponent(relative)
            if let data = fileManager.contents(atPath: url.path) {
                source.staticFiles.append(OutputFile(path: String(relative.dropFirst("static/".count)), bytes: data))
            } else {
                source.diagnostics.append(.error(at: .file(prefix + relative), "cannot read file"))
            }
        }
        let known = Set(ContentFolder.allCases.map(\.rawValue) + ["static", "programme.yml"])
        let entries = (try? fileManager.contentsOfDirectory(atPath: directory.path)) ?? []
        for entry in entries.sorted() where !known.contains(entry) && !entry.hasPrefix(".") {
            let hint = Suggestion.hint(for: entry, among: known)
            source.diagnostics.append(.warning(at: .file(prefix + entry), "ignored: '\(entry)' is not part of the content format",
                                               hint: hint ?? "see docs/content-format.md"))
        }
        return source
    }

    /// The regular files below `directory/folder`, as paths relative to `directory`, sorted.
    private static func files(under directory: URL, folder: String, keepingHidden: Bool = false) -> [String] {
        FileTree.regularFiles(in: directory.appendingPathComponent(folder), keepingHidden: keepingHidden).map { folder + "/" + $0 }
    }

    /// Reads one text file; a file that is not UTF-8 is reported at the first bad byte.
    private static func read(_ url: URL, relativePath: String, prefix: String, into diagnostics: inout [Diagnostic]) -> SourceFile? {
        let displayPath = prefix + relativePath
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.error(at: .file(displayPath), "cannot read file"))
            return nil
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.append(.error(at: firstInvalidByte(in: bytes, path: displayPath),
                                      "file is not valid UTF-8 text", hint: "save the file with UTF-8 encoding"))
            return nil
        }
        // Windows line endings become plain ones, so lines and columns count the same everywhere.
        let normalized = bytes.contains(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
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
