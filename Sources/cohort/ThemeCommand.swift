import ArgumentParser
import CohortKit
import Foundation

/// `cohort theme`: the built-in theme, to look at or to copy out for editing.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "List the built-in theme's files, or write them out to edit.",
        discussion: """
            Cohort builds with its built-in theme. A file in the programme's templates/ folder replaces \
            the built-in file of the same path; every other file stays built in. A template you write \
            can still inherit the built-in layout with {{<layout}}.
            """,
        subcommands: [List.self, Eject.self, Values.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in theme's files, marking those that a templates folder replaces.")

        @Option(help: "The programme's templates folder.")
        var templates = "templates"

        func run() throws {
            let folder = URL(fileURLWithPath: templates)
            for file in BuiltInTheme.files {
                let replaced = FileManager.default.fileExists(atPath: folder.appendingPathComponent(file.path).path)
                print(replaced ? "\(file.path)  (replaced by \(templates)/\(file.path))" : file.path)
            }
        }
    }

    struct Values: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every value each page template can use, as Markdown tables.",
            discussion: """
                Each page template is checked against these values before any page renders: a name that \
                none of them declares is an error at its line and column. The same tables are the context \
                reference of docs/templates.md.
                """)

        func run() {
            print(BuiltInTheme.valuesReference, terminator: "")
        }
    }

    struct Eject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write built-in theme files into a templates folder, to edit them.",
            discussion: """
                With no names, writes the whole theme. A name is a file (company.mustache, \
                assets/style.css), a template (partials/news-list) or a folder (partials). A file that \
                exists is never overwritten: it is listed as kept.
                """)

        @Argument(help: "The files to write (default: all).")
        var names: [String] = []

        @Option(help: "The folder to write into.")
        var to = "templates"

        func validate() throws {
            if to.isEmpty { throw ValidationError("--to needs a folder") }
        }

        func run() throws {
            let (files, unknown) = BuiltInTheme.select(names)
            guard unknown.isEmpty else {
                let lines = unknown.map { "error: the built-in theme has no file '\($0.name)'" + ($0.hint.map { "; \($0)" } ?? "") }
                FileHandle.standardError.write(Data((lines + ["(cohort theme list shows them all)"]).map { $0 + "\n" }.joined().utf8))
                throw ExitCode(2)
            }
            let result: FileExport.Result
            do {
                result = try FileExport.write(files, into: URL(fileURLWithPath: to))
            } catch {
                FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
                throw ExitCode(1)
            }
            let folder = to.hasSuffix("/") ? String(to.dropLast()) : to
            for path in result.written { print("wrote \(folder)/\(path)") }
            for path in result.kept { print("kept \(folder)/\(path) (it exists; delete it first to get the built-in one)") }
        }
    }
}
