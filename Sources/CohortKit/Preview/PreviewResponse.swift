import Foundation

/// What the preview server answers to a request, from the site in memory: the edge that speaks HTTP
/// only carries it (and gives each page its live-reload script). When the content has errors, every
/// page is a list of them.
public struct PreviewResponse: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields, in order.
    public var headers: [Header]
    /// The body; empty for HEAD, whose `Content-Length` is still the body's.
    public var body: Data

    /// One header field.
    public struct Header: Sendable, Equatable {
        /// The field's name.
        public var name: String
        /// The field's value.
        public var value: String
    }

    /// The answer to `method` on `target` (the request's path as sent, still percent-encoded) for a site
    /// whose files `file` gives by path, or the error page while `diagnostics` has errors. `previewFile`
    /// gives the server's own files (its live-reload script) by path, served even while there are errors.
    /// `sourceLine` gives the text of a line of a file, for the error page's snippets; `page` makes what
    /// is served of an HTML page (the server adds its live-reload script).
    public static func answer(method: String, target: String, file: (String) -> Data?, previewFile: (String) -> Data? = { _ in nil },
                              diagnostics: [Diagnostic], sourceLine: (String, Int) -> String?,
                              page: (Data) -> Data = { $0 }) -> PreviewResponse {
        guard method == "GET" || method == "HEAD" else {
            return plain(405, "Only GET and HEAD are answered here.\n", extra: [Header(name: "Allow", value: "GET, HEAD")])
        }
        var response: PreviewResponse
        if let path = sitePath(of: target) {
            if let bytes = previewFile(path) {
                response = plainFile(bytes, type: contentType(of: path))
            } else if diagnostics.hasErrors {
                response = html(500, page(errorPage(diagnostics, sourceLine: sourceLine)))
            } else if let bytes = file(path) {
                response = path.hasSuffix(".html") ? html(200, page(bytes)) : plainFile(bytes, type: contentType(of: path))
            } else if file(path + "/index.html") != nil {
                // Relative links in companies/index.html only work from /companies/.
                let location = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
                response = plain(301, "Moved to \(location)/\n", extra: [Header(name: "Location", value: location + "/")])
            } else if let notFound = file(Route.notFound.path) {
                response = html(404, page(notFound))
            } else {
                response = plain(404, "Not found.\n")
            }
        } else {
            response = plain(400, "This path cannot name a file of the site.\n")
        }
        response.headers.insert(Header(name: "Content-Length", value: String(response.body.count)), at: 0)
        if method == "HEAD" { response.body = Data() }
        return response
    }

    /// The site path a request's target names (`/` and `/companies/` name their `index.html`), or nil
    /// for one that cannot name a file of the site: `..` or `.` segments, empty segments (`//`),
    /// backslashes, encoded slashes, NUL, or bad percent-encoding.
    static func sitePath(of target: String) -> String? {
        let raw = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let lowered = raw.lowercased()
        guard raw.hasPrefix("/"), !lowered.contains("%2f"), !lowered.contains("%5c"), !lowered.contains("%00"),
              !raw.contains("\\"), let decoded = raw.removingPercentEncoding,
              !decoded.contains("\\"), !decoded.contains("\0") else { return nil }
        var segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        let isFolder = segments.last == ""
        if isFolder { segments.removeLast() }
        guard !segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return nil }
        let path = segments.joined(separator: "/")
        return isFolder ? (path.isEmpty ? "" : path + "/") + "index.html" : path
    }

    /// The media type of a site file, by its extension.
    static func contentType(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let suffix = name.contains(".") ? String(name.split(separator: ".").last ?? "").lowercased() : ""
        switch suffix {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "xml": return "application/xml; charset=utf-8"
        case "json": return "application/json"
        case "csv": return "text/csv; charset=utf-8"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/vnd.microsoft.icon"
        case "pdf": return "application/pdf"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }

    /// A page listing `diagnostics` as the terminal shows them, with source lines and carets, escaped.
    static func errorPage(_ diagnostics: [Diagnostic], sourceLine: (String, Int) -> String?) -> Data {
        let listing = withoutActuallyEscaping(sourceLine) { DiagnosticFormat.text.render(diagnostics, sourceLine: $0) }
            + DiagnosticFormat.summary(diagnostics)
        let title = "\(diagnostics.errors.count) \(diagnostics.errors.count == 1 ? "error" : "errors") in the content"
        return Data("""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLEscaping().escapeText(title)) · cohort serve</title>
            <style>
            body { margin: 0; padding: 1.5rem; font: 1rem/1.5 system-ui, sans-serif; color: #1d2330; background: #fff7f7; }
            h1 { margin: 0 0 0.5rem; font-size: 1.4rem; color: #a12a2a; }
            pre { margin: 1rem 0; padding: 1rem; overflow-x: auto; background: #fff; border: 1px solid #e5c4c4; border-radius: 0.5rem; font-size: 0.9rem; line-height: 1.45; }
            </style>
            </head>
            <body>
            <main>
            <h1>\(HTMLEscaping().escapeText(title))</h1>
            <p>The site is shown again as soon as the files are fixed; this page reloads by itself.</p>
            <pre>\(HTMLEscaping().escapeText(listing))</pre>
            </main>
            </body>
            </html>

            """.utf8)
    }

    private static func html(_ status: Int, _ page: Data) -> PreviewResponse {
        PreviewResponse(status: status, headers: common(type: "text/html; charset=utf-8"), body: page)
    }

    /// A file as it is; an SVG file with the policy `_headers` gives it, under which it only draws.
    private static func plainFile(_ bytes: Data, type: String) -> PreviewResponse {
        let policy = type.hasPrefix("image/svg+xml") ? [Header(name: "Content-Security-Policy", value: HostFiles.svgPolicy)] : []
        return PreviewResponse(status: 200, headers: common(type: type) + policy, body: bytes)
    }

    static func plain(_ status: Int, _ text: String, extra: [Header] = []) -> PreviewResponse {
        PreviewResponse(status: status, headers: common(type: "text/plain; charset=utf-8") + extra, body: Data(text.utf8))
    }

    /// Every answer is fetched again on each visit, so an edit always shows.
    private static func common(type: String) -> [Header] {
        [Header(name: "Content-Type", value: type), Header(name: "Cache-Control", value: "no-cache"),
         Header(name: "X-Content-Type-Options", value: "nosniff")]
    }
}
