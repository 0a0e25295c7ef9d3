import Foundation
import Testing
@testable import CohortKit
@testable import CohortServe

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

    /// A page as served, without the reload script the server adds.
    func withoutScript(_ body: Data) -> Data {
        let script = Data(LiveReload.script.utf8)
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
        #expect(home.text.contains("/__cohort/live"))
        #expect(try http.get("/companies/rotec.html").text.contains("<h1><bdi>ROTEC</bdi></h1>"))
        #expect(try http.get("/companies/").text.contains("Sonarium Medical"))
        let redirect = try http.get("/companies")
        #expect(redirect.status == 301 && redirect.headers["location"] == "/companies/")
        let stylesheet = try #require(home.text.firstMatch(of: /href="(assets\/style\.[0-9a-f]{8}\.css)"/)?.output.1)
        let css = try http.get("/" + stylesheet)
        #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(!css.text.contains("<script"))
        #expect(try http.get("/reports/charts/pool.svg").headers["content-type"] == "image/svg+xml")
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
        let socket = try server.http.webSocket("/__cohort/live")
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
            #expect(withoutScript(served.body) == bytes, "\(path) differs")
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
}
