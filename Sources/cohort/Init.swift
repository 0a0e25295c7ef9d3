import ArgumentParser
import CohortKit
import Foundation

/// `cohort init`: start a new programme repository.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new programme: example content, a GitHub workflow, a README and the first reports.",
        discussion: """
            Writes content/ (the programme file, with a comment on every field, and one example of each \
            kind of file), output/reports/, .gitignore, .gitattributes, .github/workflows/cohort.yml and \
            README.md. The folder must be new or empty (a fresh git repository is fine); nothing is \
            written otherwise. The site uses the built-in theme until you add templates/ \
            (see cohort theme eject).
            """)

    @Argument(help: "The folder to create (default: the current folder, which must be empty).")
    var folder = "."

    @Option(help: "The programme's name (default: made from the folder's name).")
    var title: String?

    func validate() throws {
        if let title, title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--title needs the programme's name")
        }
        if folder.isEmpty { throw ValidationError("the folder name is empty") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        let name = title ?? Starter.title(fromFolderName: url.lastPathComponent)
        let written: [String]
        do {
            written = try Starter.create(in: url, title: name, today: Day.today)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            if case .notEmpty = error { throw ExitCode(2) }
            throw ExitCode(1)
        }
        let prefix = folder == "." ? "" : folder.hasSuffix("/") ? folder : folder + "/"
        let project = Project(contentPath: prefix + "content", outputPath: prefix + "output")
        let outcome = project.report()
        guard outcome.diagnostics.isEmpty, !outcome.written.isEmpty else {
            FileHandle.standardError.write(Data((DiagnosticFormat.text.render(outcome.diagnostics) + "error: the new programme does not build; this is a bug in cohort\n").utf8))
            throw ExitCode(1)
        }
        let reports = outcome.written.map(\.files).reduce(0, +)
        let hasGit = FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path)
        print("""
            Started "\(name)" in \(prefix.isEmpty ? "the current folder" : prefix.dropLast()): \(written.count) files and \(reports) reports.

            Next:
            \(prefix.isEmpty ? "" : "  cd \(Self.shellWord(String(prefix.dropLast())))\n")  cohort build              # the site in output/site; open output/site/index.html
              \(hasGit ? "" : "git init && ")git add . && git commit -m "Start the programme"
            Then replace the examples in content/ with your programme; README.md explains the rest.
            """)
    }

    /// `text` as one word of a POSIX shell: as it is when it has nothing a shell reads specially, else
    /// in single quotes (`'My Fund'`, `'Ana'\''s fund'`).
    static func shellWord(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "_-./+,:@%".unicodeScalars.contains($0)) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
