import Foundation

/// The links of a rendered page, found in its HTML, and the ids others can link to: what the checks
/// that need the whole site (links from templates, fragments of links in bodies) read.
struct PageLinks: Sendable {
    /// Where the page is.
    var path: String
    /// The template that rendered it.
    var template: String
    /// The values of its `id` attributes.
    var ids: PageIDs
    /// `href` and `src` values, as written in the HTML, that come from templates and name no file of
    /// the site, with the site path they name.
    var unresolved: [(link: String, target: String)]
    /// Links in the body that have a fragment: the page they name, the fragment, the link as written,
    /// and how to find where it is written (which takes a moment, so only done for those reported).
    var fragments: [FragmentLink]

    /// A link in a body with a `#fragment`.
    struct FragmentLink: Sendable {
        var target: String
        var fragment: String
        var destination: String
        var location: @Sendable () -> SourceLocation
    }

    /// Reads `html`, the page at `path`. Links that `bodyLinks` gives (as written in the Markdown,
    /// resolved or not) were checked with their body and are left out; it is only asked for when a link
    /// does not resolve. With `hostRoot` (the path of `base_url`, such as `/fund/`), links that start
    /// with it start at the host's root, as the 404 page's do, and are checked from the site's top.
    init(path: String, template: String, html: Data, bodyLinks: () -> Set<String>, targets: LinkTargets,
         fragments: [FragmentLink], hostRoot: String? = nil) {
        self.path = path
        self.template = template
        self.fragments = fragments
        var ids = PageIDs()
        var unresolved: [(link: String, target: String)] = []
        var resolved: [String: String?] = [:]
        var written: Set<String>?
        // The folder `up` levels above the page's, as the start of a site path: the path's bytes up to
        // and with a `/`, none for the top. The folder's names are only split out for a link that does
        // not resolve the quick way.
        let bytes = Array(path.utf8)
        let slashes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "/") }
        let depth = slashes.count
        let folders: [SitePathIndex.Folder] = (0...depth).map { up in
            SitePathIndex.Folder(up == depth ? [] : Array(bytes[...slashes[depth - up - 1]]))
        }
        var names: [String]?
        let pagePath = path
        Self.attributes(in: html) { attribute, value in
            if attribute == .id {
                ids.add(value)
                return
            }
            // Most links are `../`s and then names, to a file that exists, with a `#fragment` at times
            // (which the page-link check leaves to the fragment check); and addresses with a scheme,
            // `//host` or a plain `#fragment` are not the site's to check.
            let path = UnsafeBufferPointer(rebasing: value[..<(value.firstIndex(of: UInt8(ascii: "#")) ?? value.endIndex)])
            if let (up, start) = Self.plainRelative(path, depth: depth) {
                if targets.pathIndex.contains(folder: folders[up], name: UnsafeBufferPointer(rebasing: path[start...])) { return }
            } else if value.isEmpty || value[0] == UInt8(ascii: "#") || LocalLink.hasScheme(value)
                        || value.starts(with: "//".utf8) {
                return
            }
            let raw = String(decoding: value, as: UTF8.self)
            var link = HTMLText.unescaped(raw)
            if let hostRoot, link.hasPrefix(hostRoot) { link = "/" + link.dropFirst(hostRoot.count) }
            let bodyLinks = written ?? bodyLinks()
            written = bodyLinks
            guard !bodyLinks.contains(link), !link.utf8.contains(UInt8(ascii: "%")) || !bodyLinks.contains(link.removingPercentEncoding ?? link) else { return }
            let target: String?
            if let known = resolved[link] {
                target = known
            } else {
                let folder = names ?? pagePath.split(separator: "/").dropLast().map(String.init)
                names = folder
                target = Self.missingTarget(link, from: folder, sitePaths: targets.sitePaths)
                resolved[link] = target
            }
            if let target { unresolved.append((raw, target)) }
        }
        self.ids = ids
        self.unresolved = unresolved
    }

    /// The site path a local link names when no file of the site is there; nil when it resolves or is
    /// not local (an address with a scheme, `//host`, a plain `#fragment`).
    static func missingTarget(_ link: String, from folder: [String], sitePaths: Set<String>) -> String? {
        if let path = plainRelativePath(link, from: folder), sitePaths.contains(path) { return nil }
        guard let local = LocalLink(link) else { return nil }
        guard let path = ContentLinks.normalized(local.path, from: local.isSiteRoot ? [] : folder) else { return local.path }
        return target(of: path, in: sitePaths) == nil ? path : nil
    }

    /// The site path of `link` from `folder` when the link is some `../` and then names, with no `.`
    /// or `..` among them, no `//` and nothing to decode or cut off (`../companies/rotec.html`,
    /// `logo.svg`); nil for any other link.
    static func plainRelativePath(_ link: String, from folder: [String]) -> String? {
        var link = link
        return link.withUTF8 { bytes in
            guard let (up, start) = plainRelative(bytes, depth: folder.count) else { return nil }
            let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
            let base = folder.dropLast(up)
            return base.isEmpty ? rest : base.joined(separator: "/") + "/" + rest
        }
    }

    /// How many `../` a plain relative link (see `plainRelativePath`) climbs, and where its names start;
    /// nil for any other link, or one that climbs more than `depth` folders.
    private static func plainRelative(_ link: UnsafeBufferPointer<UInt8>, depth: Int) -> (up: Int, start: Int)? {
        let dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
        var start = 0
        while start + 3 <= link.count, link[start] == dot, link[start + 1] == dot, link[start + 2] == slash { start += 3 }
        let up = start / 3
        guard up <= depth, start < link.count, link[start] != dot, link[start] != slash, link[link.count - 1] != slash else { return nil }
        var previous: UInt8 = 0
        for byte in link[start...] {
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "\\"), UInt8(ascii: "&"): return nil
            case slash where previous == slash: return nil
            case dot where previous == slash: return nil
            default: break
            }
            previous = byte
        }
        return (up, start)
    }

    /// The file a normalised site path names: the first of its `candidates` that the site has.
    static func target(of path: String, in sitePaths: Set<String>) -> String? {
        candidates(of: path).first(where: sitePaths.contains)
    }

    /// The files a normalised site path may name, in order: itself, then a folder's `index.html`; a
    /// path ending in `/` (or the empty one) only the folder's `index.html`.
    static func candidates(of path: String) -> [String] {
        path.isEmpty || path.hasSuffix("/") ? [path + "index.html"] : [path, path + "/index.html"]
    }

    /// The attributes the checks read.
    enum Attribute { case href, src, id }

    /// Calls `visit` with each `id`, `href` and `src` attribute of `html` and its raw value, in order.
    /// Cohort's templates and cmark write attributes with double quotes, which is what this reads.
    static func attributes(in html: Data, _ visit: (Attribute, UnsafeBufferPointer<UInt8>) -> Void) {
        html.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            let bytes = buffer.bindMemory(to: UInt8.self)
            let count = bytes.count
            var index = 0
            while index < count, let found = memchr(base + index, Int32(UInt8(ascii: "=")), count - index) {
                index = base.distance(to: UnsafeRawPointer(found))
                guard index + 1 < count, bytes[index + 1] == UInt8(ascii: "\"") else {
                    index += 1
                    continue
                }
                let attribute: Attribute
                if index >= 4, bytes[index - 4] == UInt8(ascii: "h"), bytes[index - 3] == UInt8(ascii: "r"),
                   bytes[index - 2] == UInt8(ascii: "e"), bytes[index - 1] == UInt8(ascii: "f"),
                   index == 4 || bytes[index - 5] == UInt8(ascii: " ") || bytes[index - 5] == UInt8(ascii: "\n") {
                    attribute = .href
                } else if index >= 3, bytes[index - 3] == UInt8(ascii: "s"), bytes[index - 2] == UInt8(ascii: "r"),
                          bytes[index - 1] == UInt8(ascii: "c"), index == 3 || bytes[index - 4] == UInt8(ascii: " ") {
                    attribute = .src
                } else if index >= 2, bytes[index - 2] == UInt8(ascii: "i"), bytes[index - 1] == UInt8(ascii: "d"),
                          index == 2 || bytes[index - 3] == UInt8(ascii: " ") {
                    attribute = .id
                } else {
                    index += 1
                    continue
                }
                var end = index + 2
                while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                visit(attribute, UnsafeBufferPointer(rebasing: bytes[(index + 2)..<end]))
                index = end + 1
            }
        }
    }
}

/// The values of a page's `id` attributes, unescaped, in order, kept as one run of bytes, each ended by
/// a NUL (which no id holds: cmark writes none, and templates escape text): made for every page, asked
/// only about the few that links in bodies name with a fragment, where a set per page cost more to
/// make than all the asking.
struct PageIDs: Sendable {
    private var bytes: [UInt8] = []

    /// Adds an id as written in the HTML.
    mutating func add(_ raw: UnsafeBufferPointer<UInt8>) {
        if raw.contains(UInt8(ascii: "&")) {
            bytes += HTMLText.unescaped(String(decoding: raw, as: UTF8.self)).utf8
        } else {
            bytes += raw
        }
        bytes.append(0)
    }

    /// Whether the page has the id `id`.
    func contains(_ id: String) -> Bool {
        let wanted = Array(id.utf8)
        return bytes.split(separator: 0, omittingEmptySubsequences: false).dropLast().contains { $0.elementsEqual(wanted) }
    }

    /// Every id, in order.
    var all: [String] {
        bytes.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Text in HTML attributes.
enum HTMLText {
    /// `text` with the entities Cohort's escaping and cmark write turned back into characters.
    static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
