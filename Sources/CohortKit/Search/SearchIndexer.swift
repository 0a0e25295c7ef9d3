import Foundation

/// Builds a site's full-text search index from its rendered pages, as files to add to the site. The
/// build runs it on the staged site, before the swap; a build without an indexer still succeeds.
protocol SearchIndexer: Sendable {
    /// The index files of the site in `folder`, by their path in the site.
    func index(site folder: URL) throws(SearchIndexFailure) -> [OutputFile]
}

/// Why a search index could not be built, said to the user as a warning.
struct SearchIndexFailure: Error, Sendable {
    var description: String
    var hint: String?
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
    /// `pagefind[extended]`, which puts no command on the `PATH`).
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(SearchIndexFailure) -> Pagefind {
        if let named = environment["PAGEFIND"], !named.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: named) else {
                throw SearchIndexFailure(description: "PAGEFIND names '\(named)', which is not a program", hint: installHint)
            }
            return Pagefind(command: [named])
        }
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in ["pagefind_extended", "pagefind"] {
            if let found = path.map({ $0 + "/" + name }).first(where: FileManager.default.isExecutableFile(atPath:)) {
                return Pagefind(command: [found])
            }
        }
        let missing = SearchIndexFailure(description: "Pagefind is not installed", hint: installHint)
        guard let python = path.map({ $0 + "/python3" }).first(where: FileManager.default.isExecutableFile(atPath:)) else { throw missing }
        let module = Pagefind(command: [python, "-m", "pagefind"])
        guard (try? module.run(["--version"])) != nil else { throw missing }
        return module
    }

    /// How to install Pagefind, for the warning when it is missing.
    static let installHint = "install it with 'python3 -m pip install \"pagefind[extended]\"' (or name its program in PAGEFIND), "
        + "or set 'search: false' in programme.yml"

    func index(site folder: URL) throws(SearchIndexFailure) -> [OutputFile] {
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
        guard !files.isEmpty else { throw SearchIndexFailure(description: "Pagefind wrote no search index") }
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

    /// Runs Pagefind with `arguments`; its output when it succeeds.
    @discardableResult
    private func run(_ arguments: [String]) throws(SearchIndexFailure) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw SearchIndexFailure(description: "cannot run Pagefind (\(command.joined(separator: " "))): \(FileError.describe(error))",
                                     hint: Self.installHint)
        }
        // Read both pipes while it runs, so that neither fills up and blocks it.
        let group = DispatchGroup()
        nonisolated(unsafe) var message = Data()
        DispatchQueue.global().async(group: group) { message = errors.fileHandleForReading.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: message + data, as: UTF8.self).trimmingWhitespace()
            throw SearchIndexFailure(description: "Pagefind failed (\(command.joined(separator: " "))): \(detail.isEmpty ? "exit status \(process.terminationStatus)" : detail)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
