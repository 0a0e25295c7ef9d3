import ArgumentParser
import CohortKit
import CohortServe
import Foundation

/// `cohort serve`: a live preview while editing.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the site from memory, rebuilding what each edit changes and reloading open pages.",
        discussion: """
            Nothing is written to disk. When the content or a template has errors, every page shows them \
            until they are fixed. Listens on 127.0.0.1 only, unless --bind says otherwise.

            Answers only requests for its own hosts (see --bind); others get 421, so that no other web site \
            can reach the preview through a name of its own. A request line over 8 KiB gets 414, header \
            fields over 64 KiB in all get 431.
            """)

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: UInt16 = 8000

    @Option(help: ArgumentHelp("The address to listen on, such as 0.0.0.0 to let other computers see the preview.",
                               discussion: "Requests are answered only when their Host is, with the port or without one: localhost, "
                                   + "127.0.0.1 or [::1]; this address, when it is one address; any IP address, when it is 0.0.0.0 "
                                   + "or :: (so other computers open http://ADDRESS:PORT/, not a name of this one)."))
    var bind = "127.0.0.1"

    @OptionGroup var sources: SourceOptions

    func run() async throws {
        // Without --templates, `templates` is watched even before it exists.
        let options = PreviewServer.Options(contentPath: sources.content, templatesPath: sources.templates ?? "templates",
                                            templatesRequired: sources.templates != nil, host: bind, port: port)
        let isTerminal = isatty(STDERR_FILENO) == 1
        do {
            try await PreviewServer.run(options, say: { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }, report: { diagnostics in
                let snippets: ((String, Int) -> String?)? = isTerminal ? { DiagnosticFormat.sourceLine(path: $0, line: $1) } : nil
                FileHandle.standardError.write(Data((DiagnosticFormat.text.render(diagnostics, sourceLine: snippets)
                    + DiagnosticFormat.summary(diagnostics) + "\n").utf8))
            })
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(error.isUsage ? 2 : 1)
        }
    }
}
