import CohortKit
import FlyingFox
import FlyingSocks
import Foundation

/// `cohort serve`: builds the site in memory, serves it over HTTP, and rebuilds what each change to
/// the content or templates affects, reloading the open pages. It writes nothing to disk.
public enum PreviewServer {
    /// What to serve and where.
    public struct Options: Sendable {
        /// The content folder, as the user named it.
        public var contentPath: String
        /// The templates folder laid over the built-in theme, if any.
        public var templatesPath: String?
        /// Whether a missing templates folder is an error (named with `--templates`) or means the built-in theme.
        public var templatesRequired: Bool
        /// The address to listen on: `127.0.0.1` unless the user says otherwise.
        public var host: String
        /// The port; 0 picks a free one.
        public var port: UInt16

        /// Creates options.
        public init(contentPath: String, templatesPath: String?, templatesRequired: Bool, host: String, port: UInt16) {
            self.contentPath = contentPath
            self.templatesPath = templatesPath
            self.templatesRequired = templatesRequired
            self.host = host
            self.port = port
        }
    }

    /// Why the server could not run.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, for the user.
        public var description: String
        /// Whether the user asked for something impossible (a port in use, a bad address): exit 2.
        public var isUsage: Bool
    }

    /// Serves until the process ends. `say` prints a line of progress; `report` shows a build's problems
    /// and the folders that cannot be watched.
    public static func run(_ options: Options, say: @escaping @Sendable (String) -> Void,
                           report: @escaping @Sendable ([Diagnostic]) -> Void) async throws(Failure) {
        let address = try socketAddress(options.host, port: options.port)
        let liveReload = LiveReload()
        let site = PreviewSite(options, rebuilt: { paths, rebuild in
            say(line(for: paths, rebuild, options: options))
            if !rebuild.diagnostics.isEmpty { report(rebuild.diagnostics) }
            liveReload.reloadAll()
        }, unwatched: { problem in
            report([problem])
            liveReload.reloadAll()
        })
        let first = site.build()
        let pages = site.current.version?.paths.count ?? 0
        say("Read the content in \(milliseconds(first.seconds)) ms: \(pages) files; pages render when first asked for" + problems(first.diagnostics))
        if !first.diagnostics.isEmpty { report(first.diagnostics) }

        let server = HTTPServer(config: HTTPServer.Configuration(address: address, timeout: 60, logger: .disabled, requestLimits: requestLimits))
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                group.addTask {
                    try await server.waitUntilListening(timeout: 30)
                    let port: UInt16 = switch await server.listeningAddress {
                    case .ip4(_, let port)?, .ip6(_, let port)?: port
                    default: options.port
                    }
                    // Until now (a moment), every request gets 404: which port to answer for was not known.
                    await server.appendRoute("*", to: PreviewHandler(site: site, hosts: ServedHosts(bind: options.host, port: port), liveReload: liveReload))
                    site.makeWatcher().start()
                    let host = options.host.contains(":") ? "[\(options.host)]" : options.host
                    say("Serving http://\(host):\(port)/ (content: \(options.contentPath), theme: \(themeName(options))); press Ctrl-C to stop")
                    if options.host != "127.0.0.1" && options.host != "::1" && options.host != "localhost" {
                        say("Listening on \(options.host), not only on this machine: other computers that can reach it can see the preview")
                    }
                }
                try await group.next()
                try await group.next()
            }
        } catch let error as SocketError {
            if case .failed(_, let code, _) = error, code == EADDRINUSE {
                throw Failure(description: "port \(options.port) is already in use on \(options.host); pass --port with another number, or stop the other server",
                              isUsage: true)
            }
            throw Failure(description: "cannot serve on \(options.host):\(options.port): \(error.localizedDescription)", isUsage: true)
        } catch {
            throw Failure(description: "the server stopped: \(error.localizedDescription)", isUsage: false)
        }
    }

    /// The longest request line, its line break included, and the most bytes of header fields: what
    /// common servers allow. A request over them is answered at once with 414 or 431.
    static let requestLineLimit = 8 * 1024, headersLimit = 64 * 1024

    private static let requestLimits = HTTPRequestLimits(requestLine: requestLineLimit, headers: headersLimit) { part in
        HTTPResponse(part == .requestLine ? .requestLineTooLong(limit: requestLineLimit) : .headersTooLarge(limit: headersLimit))
    }

    private static func socketAddress(_ host: String, port: UInt16) throws(Failure) -> any SocketAddress {
        do {
            if host == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: port) }
            return host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        } catch {
            throw Failure(description: "'\(host)' is not an IP address to listen on, such as 127.0.0.1 or 0.0.0.0", isUsage: true)
        }
    }

    private static func themeName(_ options: Options) -> String {
        guard let templates = options.templatesPath else { return "built-in" }
        return options.templatesRequired || FileManager.default.fileExists(atPath: templates)
            ? "\(templates) over the built-in one" : "built-in (\(templates) is watched)"
    }

    /// `12:03:04 content/companies/rotec.md changed: 38 ms, 9 pages to render again`. Editors' temporary files
    /// (hidden, or gone again and without an extension) are left out of the list.
    static func line(for paths: [String], _ rebuild: LiveSite.Rebuild, options: Options) -> String {
        let names = paths.filter { path in
            let name = (path as NSString).lastPathComponent
            return !name.hasPrefix(".") && (name.contains(".") || FileManager.default.fileExists(atPath: path))
        }.map(shown)
        let shown = names.isEmpty ? "a file" : names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "HH:mm:ss"
        let count = rebuild.pagesOutOfDate
        return "\(formatter.string(from: Date())) \(shown) changed: \(milliseconds(rebuild.seconds)) ms, "
            + "\(count) \(count == 1 ? "page" : "pages") to render again" + problems(rebuild.diagnostics)
    }

    /// An absolute path as the user sees it: from the current folder when it is below it.
    static func shown(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }

    private static func milliseconds(_ seconds: Double) -> Int { Int((seconds * 1000).rounded()) }

    private static func problems(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.hasErrors ? "; \(DiagnosticFormat.summary(diagnostics)), the pages show them" : ""
    }
}
