import FlyingFox
import Foundation
import Testing
@testable import CohortKit
@testable import CohortServe
#if canImport(Glibc)
import Glibc
#endif

/// `cohort serve` end to end: the built binary on a free port of 127.0.0.1, with real requests.
@Suite(.serialized) struct ServeTests {
    /// A running `cohort serve`, stopped when the value goes away.
    final class Server: @unchecked Sendable {
        let process = Process()
        let folder: TemporaryFolder
        private let lock = NSLock()
        private var output = ""
        private(set) var port: UInt16 = 0

        init(in folder: TemporaryFolder, arguments: [String] = []) throws {
            self.folder = folder
            process.executableURL = cohortBinary
            process.arguments = ["serve", "--port", "0"] + arguments
            process.currentDirectoryURL = folder.url
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            out.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let text = String(decoding: handle.availableData, as: UTF8.self)
                self?.lock.withLock { self?.output += text }
            }
            try process.run()
            let line = try waitFor("Serving http://")
            let address = line.split(separator: " ")[1]
            port = UInt16(address.split(separator: ":").last?.filter(\.isNumber) ?? "") ?? 0
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
        }

        var printed: String { lock.withLock { output } }

        /// The first line printed that contains `text`, waiting up to a minute for it.
        @discardableResult
        func waitFor(_ text: String) throws -> String {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if let line = printed.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
                guard process.isRunning else { break }
                Thread.sleep(forTimeInterval: 0.02)
            }
            throw RawHTTP.Failure(description: "the server never printed '\(text)'; it printed:\n\(printed)")
        }

        var http: RawHTTP { RawHTTP(port: port) }

        /// Asks for `path` until `accept` takes the response, for up to a minute: a rebuild follows each
        /// save shortly, but how shortly is not something a test may count on.
        @discardableResult
        func poll(_ path: String, until accept: (RawHTTP.Response) -> Bool) throws -> RawHTTP.Response {
            let deadline = Date().addingTimeInterval(60)
            var last: RawHTTP.Response?
            while Date() < deadline {
                let response = try http.get(path)
                if accept(response) { return response }
                last = response
                Thread.sleep(forTimeInterval: 0.05)
            }
            throw RawHTTP.Failure(description: "\(path) never came right; last: \(last?.status ?? 0) \(last?.text.prefix(300) ?? "")")
        }
    }

    func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: folder.url.appendingPathComponent("content"))
        return folder
    }

    /// A page as served at `target`, without the tag that loads the reload script, which the server adds.
    func withoutScript(_ body: Data, at target: String) -> Data {
        let script = Data(LiveReload.tag(for: target).utf8)
        guard let range = body.range(of: script) else { return body }
        var page = body
        page.removeSubrange(range)
        return page
    }

    @Test func servesPagesAssetsAndNotFoundOverHTTP() throws {
        let server = try Server(in: try project())
        let http = server.http
        let home = try http.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["cache-control"] == "no-cache")
        #expect(home.text.contains("<title>Harbin-Israel Incubator</title>"))
        #expect(home.text.contains("<script src=\".cohort/live-reload.js\" defer></script>\n</body>"))
        #expect(try http.get("/companies/rotec.html").text.contains("<h1><bdi>ROTEC</bdi></h1>"))
        #expect(try http.get("/companies/").text.contains("Sonarium Medical"))
        let redirect = try http.get("/companies")
        #expect(redirect.status == 301 && redirect.headers["location"] == "/companies/")
        let stylesheet = try #require(home.text.firstMatch(of: /href="(assets\/style\.[0-9a-f]{8}\.css)"/)?.output.1)
        let css = try http.get("/" + stylesheet)
        #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(!css.text.contains("<script"))
        let chart = try http.get("/reports/charts/pool.svg")
        #expect(chart.headers["content-type"] == "image/svg+xml")
        // Opened on its own, an SVG draws and does nothing else, as where a host reads _headers.
        #expect(chart.headers["content-security-policy"] == "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
        #expect(css.headers["content-security-policy"] == nil)
        #expect(try http.get("/feed.xml").headers["content-type"] == "application/xml; charset=utf-8")
        let missing = try http.get("/companies/nobody.html")
        #expect(missing.status == 404 && missing.text.contains("Page not found"))
        let head = try http.request("HEAD", "/")
        #expect(head.status == 200 && head.body.isEmpty && head.headers["content-length"] == home.headers["content-length"])
        let post = try http.request("POST", "/")
        #expect(post.status == 405 && post.headers["allow"] == "GET, HEAD")
        #expect(try http.request("DELETE", "/index.html").status == 405)
        for attempt in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/companies/..%2f..%2fetc%2fpasswd",
                        "/..\\..\\etc\\passwd", "//etc/passwd", "/companies//rotec.html", "/./index.html", "/%2E%2E/content/programme.yml",
                        "/index.html%00.css"] {
            let response = try http.get(attempt)
            #expect(response.status == 400, "\(attempt) gave \(response.status)")
            #expect(!response.text.contains("root:") && !response.text.contains("base_url"))
        }
        #expect(!FileManager.default.fileExists(atPath: server.folder.path("output")), "serve wrote output/")
    }

    @Test func editsErrorsNewFilesAndTemplatesShowWithoutARestart() throws {
        let folder = try project()
        let server = try Server(in: folder)
        let socket = try server.http.webSocket(LiveReload.socketPath)
        for page in ["/", "/companies/rotec.html", "/companies/sonarium-medical.html"] { #expect(try server.http.get(page).status == 200) }

        let rotec = try #require(folder.read("content/companies/rotec.md"))
        try folder.write("content/companies/rotec.md", rotec.replacingOccurrences(of: "name: \"ROTEC\"", with: "name: \"ROTEC Water\""))
        try server.poll("/companies/rotec.html") { $0.text.contains("<h1><bdi>ROTEC Water</bdi></h1>") }
        try server.poll("/companies/") { $0.text.contains("ROTEC Water") }
        #expect(try socket.next() == "reload")
        // Of the pages asked for so far, the edit touches the home page and its own.
        try server.waitFor("content/companies/rotec.md changed: ")
        #expect(server.printed.contains("ms, 2 pages to render again"), "\(server.printed)")

        // An editor that saves by writing a new file and renaming it over the old one.
        try folder.write("content/companies/.rotec.md.tmp", rotec.replacingOccurrences(of: "name: \"ROTEC\"", with: "name: \"ROTEC Renamed\""))
        try FileManager.default.removeItem(atPath: folder.path("content/companies/rotec.md"))
        try FileManager.default.moveItem(atPath: folder.path("content/companies/.rotec.md.tmp"), toPath: folder.path("content/companies/rotec.md"))
        try server.poll("/companies/rotec.html") { $0.text.contains("<h1><bdi>ROTEC Renamed</bdi></h1>") }

        try folder.write("content/companies/rotec.md", "---\nname: \"<b>ROTEC</b>\"\nstatus: signd\n---\n")
        let broken = try server.poll("/") { $0.status == 500 }
        #expect(broken.text.contains("content/companies/rotec.md:3:9: error: unknown company status &#39;signd&#39;; did you mean &#39;signed&#39;?"))
        #expect(broken.text.contains(" 3 | status: signd\n   |         ^"))
        #expect(!broken.text.contains("<b>ROTEC</b>"))
        #expect(try server.http.get("/companies/sonarium-medical.html").status == 500, "every page shows the errors")
        #expect(broken.text.contains(LiveReload.tag(for: "/")), "the error page reloads when the files are fixed")
        #expect(try server.http.get(LiveReload.scriptPath).status == 200, "so its script is served meanwhile")
        try folder.write("content/companies/rotec.md", rotec)
        try server.poll("/") { $0.status == 200 }
        #expect(server.process.isRunning)

        try folder.write("content/companies/aquatech.md", "---\nname: \"AquaTech\"\nstatus: \"candidate\"\n---\nA new company.\n")
        try server.poll("/companies/aquatech.html") { $0.status == 200 && $0.text.contains("A new company.") }
        try server.poll("/companies/") { $0.text.contains("AquaTech") }
        try FileManager.default.removeItem(atPath: folder.path("content/companies/aquatech.md"))
        try server.poll("/companies/aquatech.html") { $0.status == 404 }

        // A templates folder that appears while serving lays its files over the built-in theme.
        try folder.write("templates/news.mustache", "{{<layout}}\n{{$content}}\n<h1>Announcements</h1>\n{{/content}}\n{{/layout}}\n")
        try server.poll("/news/") { $0.text.contains("<h1>Announcements</h1>") }
        #expect(!FileManager.default.fileExists(atPath: folder.path("output")), "serve wrote output/")
    }

    @Test func theServedSiteIsWhatABuildWrites() throws {
        let folder = try project()
        let server = try Server(in: folder)
        try folder.write("content/news/second.md", "---\ntitle: \"Second\"\ndate: 2012-01-02\nabout: [rotec]\n---\nMore news.\n")
        try folder.write("content/pages/about.md", "---\ntitle: \"About us\"\norder: 2\n---\nAbout.\n")
        try folder.write("templates/partials/news-list.mustache", "<ol>{{#news}}<li><a href=\"{{href}}\">{{title}}</a></li>{{/news}}</ol>\n")
        try server.poll("/news/second.html") { $0.status == 200 }
        try server.poll("/companies/rotec.html") { $0.text.contains("<ol><li><a href=\"../news/second.html\">Second</a>") }
        try server.poll("/") { $0.text.contains("About us") }

        let copy = try TemporaryFolder()
        for name in ["content", "templates"] {
            try FileManager.default.copyItem(at: folder.url.appendingPathComponent(name), to: copy.url.appendingPathComponent(name))
        }
        // The preview builds no search index (its search page says so): compared without it.
        let build = try cohort(["build", "--no-search"], in: copy.url)
        #expect(build.status == 0, "\(build.stderr)")
        let built = files(under: copy.url.appendingPathComponent("output/site")).filter { $0.key != OutputWriter.manifestName }
        #expect(built.count > 20)
        for (path, bytes) in built.sorted(by: { $0.key < $1.key }) {
            let served = try server.http.get("/" + path)
            #expect(served.status == 200)
            #expect(withoutScript(served.body, at: "/" + path) == bytes, "\(path) differs")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("output")))
    }

    @Test func aPortInUseIsAClearErrorAndOtherAddressesAreAnnounced() throws {
        let first = try Server(in: try project(), arguments: ["--bind", "0.0.0.0"])
        try first.waitFor("Listening on 0.0.0.0, not only on this machine")
        let second = try cohort(["serve", "--port", String(first.port)], in: first.folder.url)
        #expect(second.status == 2)
        #expect(second.stderr.contains("error: port \(first.port) is already in use"), "\(second.stderr)")
        let bad = try cohort(["serve", "--bind", "example.org"], in: first.folder.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("'example.org' is not an IP address"))
    }

    @Test func onlyItsOwnHostsAreAnswered() throws {
        let server = try Server(in: try project())
        let port = server.port
        for host in ["localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)", "localhost", "127.0.0.1", "[::1]", "LocalHost:\(port)"] {
            #expect(try server.http.get("/", host: host).status == 200, "\(host)")
        }
        // A name of another site pointed at this computer (DNS rebinding), another port, and nonsense.
        for host in ["attacker.example", "attacker.example:\(port)", "localhost.attacker.example:\(port)", "localhost:\(port + 1)",
                     "127.0.0.2:\(port)", "[::2]:\(port)", "localhost:+\(port)", "localhost:", "user@localhost:\(port)", ""] {
            let refused = try server.http.get("/", host: host)
            #expect(refused.status == 421, "\(host) gave \(refused.status)")
            #expect(refused.text.contains("localhost:\(port), 127.0.0.1:\(port), [::1]:\(port)"), "\(refused.text)")
            #expect(!refused.text.contains("Harbin"))
        }
        #expect(try server.http.get(LiveReload.scriptPath, host: "attacker.example").status == 421)
        #expect(try server.http.send(server.http.webSocketRequest(LiveReload.socketPath, origin: "http://127.0.0.1:\(port)")
            .replacingOccurrences(of: "Host: 127.0.0.1:\(port)", with: "Host: attacker.example")).status == 421)
    }

    @Test func liveReloadAnswersOnlyThePreviewsOwnPages() throws {
        let server = try Server(in: try project())
        let port = server.port
        for origin in ["http://localhost:\(port)", "http://127.0.0.1:\(port)", "http://[::1]:\(port)"] {
            #expect(try server.http.send(server.http.webSocketRequest(LiveReload.socketPath, origin: origin)).status == 101, "\(origin)")
        }
        for origin in ["http://attacker.example", "http://attacker.example:\(port)", "https://localhost:\(port)", "http://localhost",
                       "http://localhost:\(port + 1)", "null", nil] as [String?] {
            let refused = try server.http.send(server.http.webSocketRequest(LiveReload.socketPath, origin: origin))
            #expect(refused.status == 403, "\(origin ?? "no origin") gave \(refused.status)")
        }
        _ = try server.http.webSocket(LiveReload.socketPath)
    }

    @Test func theHostsServedFollowTheAddressListenedOn() {
        let loopback = ServedHosts(bind: "127.0.0.1", port: 8000)
        #expect(loopback.names == ["localhost:8000", "127.0.0.1:8000", "[::1]:8000"])
        #expect(!loopback.accepts(host: "192.168.1.5:8000"))
        #expect(ServedHosts(bind: "localhost", port: 8000).names == loopback.names)
        #expect(ServedHosts(bind: "::1", port: 8000).names == loopback.names)

        let one = ServedHosts(bind: "192.168.1.5", port: 8000)
        #expect(one.names == ["localhost:8000", "127.0.0.1:8000", "[::1]:8000", "192.168.1.5:8000"])
        #expect(one.accepts(host: "192.168.1.5:8000") && one.accepts(host: "192.168.1.5") && one.accepts(host: "localhost:8000"))
        #expect(!one.accepts(host: "192.168.1.6:8000") && !one.accepts(host: "192.168.1.5:8001") && !one.accepts(host: "my-laptop.local:8000"))
        #expect(one.accepts(origin: "http://192.168.1.5:8000") && !one.accepts(origin: "http://192.168.1.6:8000"))
        #expect(ServedHosts(bind: "fe80::1", port: 8000).accepts(host: "[FE80::1]:8000"))

        // Listening on every address: any address is this computer's; names still are not answered.
        let every = ServedHosts(bind: "0.0.0.0", port: 8000)
        #expect(every.names.last == "any IP address of this computer with :8000")
        #expect(every.accepts(host: "192.168.1.5:8000") && every.accepts(host: "[2001:db8::5]:8000") && every.accepts(host: "10.0.0.2"))
        #expect(!every.accepts(host: "my-laptop.local:8000") && !every.accepts(host: "attacker.example") && !every.accepts(host: "192.168.1.5:80"))
        #expect(every.accepts(origin: "http://192.168.1.5:8000") && !every.accepts(origin: "http://attacker.example:8000"))
        #expect(ServedHosts(bind: "::", port: 8000).accepts(host: "10.0.0.2:8000"))
    }

    @Test func anOverlongRequestLineOrHeadersAreAnsweredAtOnce() throws {
        let server = try Server(in: try project())
        // Each read waits a few seconds at most: an answer only after the server's own timeout fails.
        let http = RawHTTP(port: server.port, timeout: 5)
        let line = try http.send("GET /" + String(repeating: "a", count: PreviewServer.requestLineLimit))
        #expect(line.status == 414 && line.headers["connection"] == "close", "\(line.status)")
        #expect(line.text == "The request line is longer than 8192 bytes.\n")
        let whole = try http.send("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n\r\n")
        #expect(whole.status == 414)
        // Just under the limit is a request like any other.
        let longest = "GET /" + String(repeating: "a", count: PreviewServer.requestLineLimit - " HTTP/1.1\r\n".utf8.count - "GET /".utf8.count) + " HTTP/1.1\r\n"
        #expect(longest.utf8.count == PreviewServer.requestLineLimit)
        #expect(try http.send(longest + "Host: 127.0.0.1:\(server.port)\r\nConnection: close\r\n\r\n").status == 404)

        let filler = (0..<70).map { "X-Filler-\($0): " + String(repeating: "b", count: 1000) + "\r\n" }.joined()
        let headers = try http.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n" + filler)
        #expect(headers.status == 431, "\(headers.status)")
        #expect(headers.text == "The request's header fields are over 65536 bytes in all.\n")
        let oneLong = try http.send("GET / HTTP/1.1\r\nX-Long: " + String(repeating: "c", count: 70_000))
        #expect(oneLong.status == 431)
        #expect(try http.get("/").status == 200)
        #expect(try http.get("/companies/rotec.html").status == 200)
        #expect(server.process.isRunning)
    }

    @Test func theLiveReloadScriptIsAFileThePagesLoad() throws {
        let server = try Server(in: try project())
        let script = try server.http.get(LiveReload.scriptPath)
        #expect(script.status == 200 && script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.text == LiveReload.script && script.text.contains("new WebSocket(address.href)"))
        #expect(script.text.contains("new URL(\"live\", document.currentScript.src)"), "the socket is beside the script")
        // Relative to each page, so that it loads under a proxy's sub-path too.
        for (target, source) in [("/", ".cohort/live-reload.js"), ("/companies/rotec.html", "../.cohort/live-reload.js"),
                                 ("/zh/companies/", "../../.cohort/live-reload.js"), ("/no/such/page.html", "../../.cohort/live-reload.js")] {
            let page = try server.http.get(target)
            #expect(page.text.contains("<script src=\"\(source)\" defer></script>\n</body>"), "\(target)")
            // No inline script, which a Content-Security-Policy without 'unsafe-inline' would block (a
            // page's JSON-LD is data, not run).
            let inline = page.text.ranges(of: "<script").count - page.text.ranges(of: "<script src=").count
                - page.text.ranges(of: "<script type=\"application/ld+json\">").count
            #expect(inline == 0, "\(target)")
        }
        #expect(try server.http.get("/.cohort/other.js").status == 404)
        #expect(try server.http.request("HEAD", LiveReload.scriptPath).headers["content-length"] == String(script.body.count))
    }

    #if canImport(Glibc)
    @Test func aFolderThatCannotBeWatchedIsNamedInTheTerminalAndOnEveryPage() async throws {
        let folder = try project()
        let options = PreviewServer.Options(contentPath: folder.path("content"), templatesPath: folder.path("templates"),
                                            templatesRequired: false, host: "127.0.0.1", port: 8000)
        let reported = Reported()
        let site = PreviewSite(options, rebuilt: { _, _ in }, unwatched: { reported.add($0) })
        #expect(site.build().diagnostics.isEmpty)
        let watcher = site.makeWatcher()
        // The kernel's answer when fs.inotify.max_user_watches is reached, for one folder.
        watcher.addWatchCall = { descriptor, path, mask in
            guard path.hasSuffix("/content/companies") else { return inotify_add_watch(descriptor, path, mask) }
            errno = ENOSPC
            return -1
        }
        watcher.start()
        let problem = try #require(reported.all.first)
        #expect(reported.all.count == 1)
        #expect(problem.location.path == folder.path("content/companies"))
        #expect(problem.message.contains("changes here cannot be seen") && problem.message.contains("fs.inotify.max_user_watches"))
        #expect(problem.hint?.contains("restart cohort serve") == true)

        let handler = PreviewHandler(site: site, hosts: ServedHosts(bind: "127.0.0.1", port: 8000), liveReload: LiveReload())
        for path in ["/", "/news/"] {
            let page = try await handler.handleRequest(HTTPRequest(method: .GET, version: .http11, path: path, query: [],
                                                                   headers: [.host: "localhost:8000"], body: Data()))
            let text = String(decoding: try await page.bodyData, as: UTF8.self)
            #expect(page.statusCode.code == 500)
            #expect(text.contains("\(folder.path("content/companies")):1:1: error: changes here cannot be seen"), "\(text)")
            #expect(text.contains("sudo sysctl fs.inotify.max_user_watches=524288"))
        }
        // Another failure for the same folder is not news.
        site.cannotWatch(WatchFailure(folder: folder.path("content/companies"), code: ENOSPC))
        #expect(reported.all.count == 1)
    }

    /// What a preview reported, from any thread.
    final class Reported: @unchecked Sendable {
        private let lock = NSLock()
        private var diagnostics: [Diagnostic] = []
        func add(_ diagnostic: Diagnostic) { lock.withLock { diagnostics.append(diagnostic) } }
        var all: [Diagnostic] { lock.withLock { diagnostics } }
    }
    #endif
}
