import Foundation
import Testing
@testable import CohortKit

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A valid programme file for fixtures; tests change single lines of it.
let programmeYAML = """
    title: Test Programme
    tagline: A programme for tests
    base_url: https://example.org/test/
    language: en
    currency: USD
    pool: $2m
    target_companies: 2
    standard_ticket: $1m
    announced: 2011-10-10
    managers: [fund]
    partners: []
    focus_areas:
      - slug: water-treatment
        name: Water treatment
      - slug: agriculture
        name: Agriculture
    """

/// The smallest valid content folder: a programme, one organisation, one signed company and its agreement.
let validContent: [String: String] = [
    "programme.yml": programmeYAML,
    "organizations/fund.md": "---\nname: The Fund\nkind: fund\n---\nA fund.\n",
    "companies/acme.md": "---\nname: Acme\nstatus: signed\nfocus_area: water-treatment\ninvestment: $1m\n---\nAcme makes things.\n",
    "agreements/acme-framework.md": "---\ntitle: Acme framework\nkind: framework\nstatus: signed\nsigned: 2011-10-10\nparties: [fund, acme]\n---\n",
]

/// The files of a folder of the repository, by relative path, as the embedding plugin picks them.
func repositoryFiles(_ folder: String, keepingHidden: Bool) -> [String: Data] {
    let root = repositoryRoot.appendingPathComponent(folder)
    var result: [String: Data] = [:]
    for path in FileTree.regularFiles(in: root, keepingHidden: keepingHidden) {
        result[path] = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
    }
    return result
}

/// A folder of files in a fresh temporary directory, removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: url.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
}

/// Checks content given as files, with `changes` applied over `validContent`; nil deletes a file.
func check(_ changes: [String: String?] = [:]) throws -> Project.Outcome {
    var files = validContent
    for (path, text) in changes { files[path] = text }
    let folder = try TemporaryFolder(files)
    let project = Project(contentPath: folder.url.path, templatesPath: repositoryRoot.appendingPathComponent("templates").path,
                          outputPath: folder.url.appendingPathComponent("output").path)
    let outcome = project.check()
    return withExtendedLifetime(folder) { outcome }
}

extension Project.Outcome {
    /// Diagnostics as `relative/path:line:column: severity: message`, paths relative to the content folder.
    var lines: [String] {
        diagnostics.map { diagnostic in
            let path = diagnostic.location.path
            let relative = path.range(of: "cohort-tests-").map { range in
                String(path[range.upperBound...].drop(while: { $0 != "/" }).dropFirst())
            } ?? path
            return "\(relative):\(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        }
    }
}

/// Decodes one entity file's text as if it were `folder/slug.md`.
func decode(_ text: String, in folder: ContentFolder = .companies, slug: String = "acme") -> (Document?, [Diagnostic]) {
    let file = SourceFile(displayPath: "\(folder.rawValue)/\(slug).md", relativePath: "\(folder.rawValue)/\(slug).md", text: text)
    return EntityDecoder.decode(file, in: folder, currency: Currency("USD"))
}

/// `path:line:column: message` for each diagnostic.
func located(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location): \($0.message)" }
}

/// What a run of the `cohort` binary printed and how it ended.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The debug `cohort` binary that `make test` builds before the tests.
let cohortBinary = repositoryRoot.appendingPathComponent(".build/debug/cohort")

/// Runs the built `cohort` (or another `binary`) in `directory`, as a user would, with `environment`
/// instead of this process's when given.
func cohort(_ arguments: [String], in directory: URL = repositoryRoot, binary: URL = cohortBinary,
            environment: [String: String]? = nil) throws -> Run {
    try #require(FileManager.default.isExecutableFile(atPath: binary.path),
                 "build the binary first: swift build --product cohort (make test does)")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
               stderr: String(decoding: stderr, as: UTF8.self))
}

/// Every file under `directory`, by relative path.
func files(under directory: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let root = directory.standardizedFileURL.path + "/"
    for case let url as URL in FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) ?? .init() {
        let path = url.standardizedFileURL.path
        if let data = FileManager.default.contents(atPath: path), !url.hasDirectoryPath {
            result[String(path.dropFirst(root.count))] = data
        }
    }
    return result
}

/// `files` without the search index, which Pagefind writes with some file names and orders of its own
/// from run to run, and without its lines in the manifests: what must be the same from build to build.
func withoutSearchIndex(_ files: [String: Data]) -> [String: Data] {
    var kept: [String: Data] = [:]
    for (path, data) in files where !path.contains("pagefind/") {
        if path.hasSuffix(".cohort-manifest") {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            kept[path] = Data(lines.filter { !$0.hasPrefix("pagefind/") }.joined(separator: "\n").utf8)
        } else {
            kept[path] = data
        }
    }
    return kept
}

/// Checks every `href` and `src` of the built site's pages that is not an external address or a
/// fragment: it must be relative and name a file, but on the 404 pages (which hosts serve at any
/// address), where it must start at the host's root with `basePath`, the path of `base_url`, and name a
/// file there. Returns how many were checked and, as `page -> link`, those that are not.
func relativeLinks(in site: URL, basePath: String = "/") throws -> (checked: Int, broken: [String]) {
    let pattern = try Regex(#"(?:href|src)="([^"]*)""#)
    var checked = 0
    var broken: [String] = []
    for (path, data) in files(under: site).sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
        let notFound = path == "404.html" || path.hasSuffix("/404.html")
        for match in String(decoding: data, as: UTF8.self).matches(of: pattern) {
            guard let link = match.output[1].substring.map(String.init) else { continue }
            if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("#") || link.hasPrefix("mailto:") { continue }
            checked += 1
            let address = String(link.split(separator: "#").first ?? "")
            if notFound {
                let file = String(address.dropFirst(basePath.count))
                let target = site.appendingPathComponent(file.isEmpty || file.hasSuffix("/") ? file + "index.html" : file)
                if !address.hasPrefix(basePath) || !FileManager.default.fileExists(atPath: target.path) { broken.append("\(path) -> \(link)") }
                continue
            }
            let target = URL(fileURLWithPath: path, relativeTo: site).deletingLastPathComponent()
                .appendingPathComponent(address).standardizedFileURL
            if link.hasPrefix("/") || !FileManager.default.fileExists(atPath: target.path) { broken.append("\(path) -> \(link)") }
        }
    }
    return (checked, broken)
}
