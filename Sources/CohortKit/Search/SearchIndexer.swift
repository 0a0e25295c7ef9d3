import Foundation

/// Builds a site's full-text search index from its rendered pages, as files to add to the site. The
/// build runs it on the staged site, before the swap; a build without an indexer still succeeds.
protocol SearchIndexer: Sendable {
    /// The index files of the site in `folder`, by their path in the site.
    func index(site folder: URL) throws(ToolFailure) -> [OutputFile]
}

/// The search index's folder in the site.
let searchIndexFolder = "pagefind"

/// Pagefind (pagefind.app), run as a program: it reads the site's HTML (the pages marked
/// `data-pagefind-body`, each language of `<html lang>` into its own index, Chinese segmented by the
/// extended build) and writes a static bundle of index files and scripts that search in the browser.
struct Pagefind: SearchIndexer {
    /// The program and the arguments that come before Pagefind's own.
    let command: [String]

    /// Pagefind as this machine has it, in this order: the `PAGEFIND` variable naming the program;
    /// `pagefind_extended`, then `pagefind`, on the `PATH`; `python3 -m pagefind` (PyPI's
    /// `pagefind[extended]`, which puts no command on the `PATH`), run apart from the current folder
    /// like every Python tool (`ExternalProgram.python`).
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ToolFailure) -> Pagefind {
        if let named = environment["PAGEFIND"], !named.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: named) else {
                throw ToolFailure(description: "PAGEFIND names '\(named)', which is not a program", hint: installHint)
            }
            return Pagefind(command: [named])
        }
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in ["pagefind_extended", "pagefind"] {
            if let found = path.map({ $0 + "/" + name }).first(where: FileManager.default.isExecutableFile(atPath:)) {
                return Pagefind(command: [found])
            }
        }
        let missing = ToolFailure(description: "Pagefind is not installed", hint: installHint)
        guard let python = ExternalProgram.python(environment: environment) else { throw missing }
        let module = Pagefind(command: python + ["-m", "pagefind"])
        guard (try? module.run(["--version"])) != nil else { throw missing }
        return module
    }

    /// How to install Pagefind, for the warning when it is missing.
    static let installHint = "install it with 'python3 -m pip install \"pagefind[extended]\"' (or name its program in PAGEFIND), "
        + "or set 'search: false' in programme.yml"

    func index(site folder: URL) throws(ToolFailure) -> [OutputFile] {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-pagefind-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        // Result addresses keep `index.html`, so that they also work on hosts that serve no folder index.
        try run(["--site", folder.path, "--output-path", output.path, "--keep-index-url", "--silent"])
        var files: [OutputFile] = []
        let root = output.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey]) ?? .init() {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(root.count))
            files.append(OutputFile(path: searchIndexFolder + "/" + path, bytes: path.hasSuffix(".json") ? Self.sortedKeys(data) : data))
        }
        guard !files.isEmpty else { throw ToolFailure(description: "Pagefind wrote no search index") }
        return files.sorted { $0.path < $1.path }
    }

    /// JSON with its keys sorted: Pagefind writes the languages of `pagefind-entry.json` in an order
    /// that changes from run to run, and the same site must give the same bytes.
    private static func sortedKeys(_ data: Data) -> Data {
        guard let object = try? JSONSerialization.jsonObject(with: data),
              let sorted = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return data
        }
        return sorted
    }

    /// Runs Pagefind with `arguments`; what it prints when it succeeds.
    @discardableResult
    private func run(_ arguments: [String]) throws(ToolFailure) -> Data {
        do {
            return try ExternalProgram.run(command + arguments) { status in "Pagefind failed (\(command.joined(separator: " ")), exit status \(status))" }
        } catch {
            throw ToolFailure(description: error.description, hint: error.hint ?? Self.installHint)
        }
    }
}
