import Foundation
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
