/// The files that tell web hosts how to serve the site, beside its pages: `_headers` and `_redirects`
/// (which Netlify and Cloudflare Pages read; paths are from the host's root, with `base_url`'s path),
/// and `.nojekyll` (so that GitHub Pages publishing from a branch serves the files as they are,
/// without running Jekyll over them). None is a page: none is in the sitemap or the search index.
enum HostFiles {
    static let headers = "_headers"
    static let redirects = "_redirects"
    static let noJekyll = ".nojekyll"

    /// The Content-Security-Policy of the built-in theme's pages, which they carry in a `<meta>` element
    /// so that it holds on every host: the site's own files, images written as `data:` addresses by
    /// Pagefind's interface, and the WebAssembly of the search index (`'wasm-unsafe-eval'`). No inline
    /// script or style.
    static let pagePolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
        + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

    /// The policy of every SVG file, which a browser that opens one runs as a document on the site's
    /// address: it draws, with its own styles and embedded pictures, and runs and loads nothing.
    static let svgPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"

    /// What every response carries; a page's policy, which only a header can give, forbids other sites
    /// to frame it.
    static let securityHeaders: [(name: String, value: String)] = [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Content-Security-Policy", "frame-ancestors 'self'"),
    ]
    /// Files whose names change with their bytes: kept for a year, never asked about again.
    static let immutable = "public, max-age=31536000, immutable"
    /// Everything else (pages, feeds, logos, the search index): kept, but checked with the host each time.
    static let revalidate = "no-cache"

    /// The three files for a site whose other files are `sitePaths` (pages, assets, static files,
    /// feeds, aliases).
    static func all(programme: Programme, aliases: [Alias], assets: AssetNames, sitePaths: [String]) -> [SiteRenderer.OtherFile] {
        let root = programme.basePath
        let search = programme.search
        return [
            SiteRenderer.OtherFile(path: headers) {
                // The first name of each path, and which of them are folders.
                var topLevel: Set<String> = search ? [searchIndexFolder] : [], folders: Set<String> = []
                for path in sitePaths {
                    guard let slash = path.utf8.firstIndex(of: UInt8(ascii: "/")) else {
                        topLevel.insert(path)
                        continue
                    }
                    let folder = String(path[..<slash])
                    topLevel.insert(folder)
                    folders.insert(folder)
                }
                return headersFile(root: root, sitePaths: sitePaths, topLevel: topLevel, folders: folders, assets: assets)
            },
            SiteRenderer.OtherFile(path: redirects) { redirectsFile(root: root, aliases: aliases) },
            SiteRenderer.OtherFile(path: noJekyll) { "" },
        ]
    }

    /// `_headers`: the security headers on every path; the SVG policy on the SVG files; a year's
    /// caching for the fingerprinted assets; revalidation for the rest, rule by rule for each file and
    /// folder at the top of the site (but `assets/`), so that no path gets two `Cache-Control` values,
    /// which some hosts would join.
    private static func headersFile(root: String, sitePaths: [String], topLevel: Set<String>, folders: Set<String>,
                                    assets: AssetNames) -> String {
        var lines = ["# The HTTP headers of the site, for hosts that read this file (Netlify, Cloudflare Pages).",
                     "# Written by cohort build: see README.md, Publishing.", root + "*"]
        lines += securityHeaders.map { "  \($0.name): \($0.value)" }
        for pattern in svgPatterns(sitePaths) {
            lines += [root + pattern, "  Content-Security-Policy: \(svgPolicy)"]
        }
        for path in assets.fingerprinted {
            lines += [root + path, "  Cache-Control: \(immutable)"]
        }
        lines += [root, "  Cache-Control: \(revalidate)"]
        for name in topLevel.sorted() where name != "assets" && ![headers, redirects, noJekyll].contains(name) {
            lines += [root + name + (folders.contains(name) || name == searchIndexFolder ? "/*" : ""), "  Cache-Control: \(revalidate)"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The paths of the SVG files among `sitePaths` as few rules: a folder (`logos/*`) where every file
    /// under it is a picture, the file itself elsewhere. (A page or script in a folder must not get the
    /// SVG policy: it would run nothing.)
    private static func svgPatterns(_ sitePaths: [String]) -> [String] {
        let pictures: Set<String> = ["svg", "png", "jpg", "jpeg", "gif", "webp", "avif", "ico"]
        var holdsOther: Set<String> = [""]
        for path in sitePaths where !pictures.contains(fileExtension(path)) {
            // A folder's folders were added with it: the climb stops at the first one already there.
            var folder = parent(path[...])
            while let current = folder, holdsOther.insert(String(current)).inserted { folder = parent(current) }
        }
        return Set(sitePaths.filter(isSVG).map { path -> String in
            // The top folder that holds pictures alone, or the file.
            let folders = path.split(separator: "/").dropLast()
            for depth in folders.indices.map({ $0 + 1 }) {
                let folder = folders.prefix(depth).joined(separator: "/")
                if !holdsOther.contains(folder) { return folder + "/*" }
            }
            return path
        }).sorted()
    }

    /// What follows the last `.` of `path`, lower-cased (dots at its end aside); "" when it has none.
    private static func fileExtension(_ path: String) -> String {
        let trimmed = path.utf8.lastIndex { $0 != UInt8(ascii: ".") }.map { path[...$0] } ?? ""
        guard let dot = trimmed.utf8.lastIndex(of: UInt8(ascii: ".")) else { return trimmed.lowercased() }
        return trimmed[trimmed.utf8.index(after: dot)...].lowercased()
    }

    /// Whether `path` ends in `.svg`, in any case.
    private static func isSVG(_ path: String) -> Bool {
        let tail = path.utf8.suffix(4)
        return tail.count == 4 && tail.first == UInt8(ascii: ".") && tail.dropFirst().map { $0 | 0x20 }.elementsEqual("svg".utf8)
    }

    /// The folder `path` is in, nil at the top.
    private static func parent(_ path: Substring) -> Substring? {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[..<$0] }
    }

    /// `_redirects`: each alias's old address to its page, `301`, sorted by old address.
    private static func redirectsFile(root: String, aliases: [Alias]) -> String {
        var lines = ["# Earlier addresses of pages (aliases:), each to the page's address, for hosts that read this file",
                     "# (Netlify, Cloudflare Pages). Written by cohort build: see README.md, Publishing."]
        lines += aliases.sorted { $0.from < $1.from }.map { "\($0.from.absolute(under: root)) \($0.to.absolute(under: root)) 301" }
        return lines.joined(separator: "\n") + "\n"
    }
}
