import Foundation

/// Resolves the links and images that a Markdown body writes, as GitHub does: a relative destination
/// starts from the file it is written in and names a content file (`../companies/rotec.md`, which
/// becomes a link to its page), a file under `static/` (`../static/logo.svg`, the copied file) or an
/// entity folder (`../companies/`, its list page). A site-root destination (`/logo.svg`,
/// `/companies/`) names a file of the built site. Both become links relative to the page, so the site
/// works at a domain root, under a sub-path and from disk. Addresses with a scheme, `//` addresses and
/// plain `#fragments` stay as written.
struct ContentLinks: Sendable {
    let targets: LinkTargets
    /// Records what resolving read, for a preview's page inputs.
    var recorder: InputRecorder?
    /// The language of the page the links are on: links to content files go to pages in it.
    let language: Language
    let defaultLanguage: Language

    init(targets: LinkTargets, recorder: InputRecorder? = nil, language: Language, defaultLanguage: Language) {
        self.targets = targets
        self.recorder = recorder
        self.language = language
        self.defaultLanguage = defaultLanguage
    }

    /// What to do with `destination`, written in the content file at `file` (a path in the content
    /// folder), on the page at `route` (the default language's route of the page, which is in this
    /// resolver's language); with `baseURL`, links become absolute (for the feed, which readers show
    /// away from the site).
    func resolve(_ destination: String, writtenIn file: String, on route: Route, absoluteUnder baseURL: String? = nil)
        -> Markdown.LinkResolution {
        guard let link = LocalLink(destination) else { return .keep }
        var target: Route
        if link.isSiteRoot {
            guard let path = Self.normalized(link.path, from: []), let found = PageLinks.target(of: path, in: targets.sitePaths) else {
                return .broken(hint: suggestion(forSitePath: link.path))
            }
            if let recorder { PageLinks.candidates(of: path).forEach { recorder.record(.sitePath($0)) } }
            target = Route(found)
        } else {
            // The file's folder as its path's bytes before the last `/`: split into names only for a
            // broken link's suggestion.
            let folder = file.utf8.lastIndex(of: UInt8(ascii: "/")).map { Array(file.utf8[..<$0]) } ?? []
            guard let path = Self.normalized(link.path, fromFolder: folder), let found = contentTarget(path) else {
                return .broken(hint: suggestion(for: link.path, writtenIn: file.split(separator: "/").dropLast().map(String.init)))
            }
            // A page of the site goes to the same language's page; a static file is the same for all.
            target = path.hasPrefix("static/") ? found : found.localized(language, default: defaultLanguage)
        }
        let page = route.localized(language, default: defaultLanguage)
        let address = baseURL.map { target.absolute(under: $0) } ?? page.link(to: target)
        return .replace(address + link.suffix)
    }

    /// What a path in the content folder names on the site.
    private func contentTarget(_ path: String) -> Route? {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        if trimmed.hasSuffix(".md") {
            recordFolder(of: trimmed)
            return targets.pages[trimmed]
        }
        if trimmed.hasPrefix("static/") {
            let sitePath = String(trimmed.dropFirst("static/".count))
            recorder?.record(.sitePath(sitePath))
            return targets.staticPaths.contains(sitePath) ? Route(sitePath) : nil
        }
        return LinkTargets.folderPages[trimmed]
    }

    private func recordFolder(of path: String) {
        guard let recorder else { return }
        if let folder = path.split(separator: "/").first.flatMap({ ContentFolder(rawValue: String($0)) }) {
            recorder.record(.list(folder))
        }
    }

    /// `path` resolved from `folder` (both in the same tree), with `.` and `..` gone and a trailing `/`
    /// kept; nil when it climbs above the top.
    static func normalized(_ path: String, from folder: [String]) -> String? {
        normalized(path, fromFolder: Array(folder.joined(separator: "/").utf8))
    }

    /// `normalized(_:from:)`, with the folder as its path's bytes (`news/2011`).
    private static func normalized(_ path: String, fromFolder folder: [UInt8]) -> String? {
        // Built as bytes, a component at a time, without splitting `path` into strings: every link of
        // every body comes here.
        var result = folder
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        let bytes = Array(path.utf8)
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: slash) ?? bytes.count
            let part = bytes[start..<end]
            start = end + 1
            if part.isEmpty || part.elementsEqual([dot]) { continue }
            if part.elementsEqual([dot, dot]) {
                guard !result.isEmpty else { return nil }
                result.removeSubrange((result.lastIndex(of: slash) ?? 0)...)
                continue
            }
            if !result.isEmpty { result.append(slash) }
            result += part
        }
        if bytes.last == slash, !result.isEmpty { result.append(slash) }
        return String(decoding: result, as: UTF8.self)
    }

    /// `did you mean '...'?` for a relative destination that names nothing: a file of the same name
    /// elsewhere in the content folder, or one of a close name, written from the same folder.
    private func suggestion(for path: String, writtenIn folder: [String]) -> String? {
        recorder?.record(.siteFiles)
        let candidates = Array(targets.pages.keys) + targets.staticPaths.map { "static/" + $0 }
        let match = Suggestion.closestPath(to: path, resolved: Self.normalized(path, from: folder) ?? path, among: candidates)
        return match.map { "did you mean '\(Self.relative($0, from: folder))'?" }
    }

    private func suggestion(forSitePath path: String) -> String? {
        recorder?.record(.siteFiles)
        let trimmed = String(path.drop(while: { $0 == "/" }))
        return Suggestion.closest(to: trimmed, among: targets.sitePaths).map { "did you mean '/\($0)'?" }
    }

    /// How a file at `path` in the content folder is written from a file in `folder`.
    static func relative(_ path: String, from folder: [String]) -> String {
        let target = path.split(separator: "/").map(String.init)
        var common = 0
        while common < folder.count, common < target.count - 1, folder[common] == target[common] { common += 1 }
        return (Array(repeating: "..", count: folder.count - common) + target[common...]).joined(separator: "/")
    }
}

/// A destination that names something of this site: not an address with a scheme, not `//host`, not
/// a plain `#fragment`. Its path is percent-decoded; a query and a fragment stay as written.
struct LocalLink {
    let path: String
    let isSiteRoot: Bool
    /// `?query#fragment`, as written.
    let suffix: String
    /// The fragment, percent-decoded, if there is one.
    let fragment: String?

    init?(_ destination: String) {
        // Read as bytes, in place: String's own searches walk characters, and every link of every body
        // comes here. Where the path ends (at the first `?` or `#`), and where the fragment starts.
        var destination = destination
        let found = destination.withUTF8 { bytes -> (cut: Int, hash: Int?, isSiteRoot: Bool)? in
            guard let first = bytes.first, first != UInt8(ascii: "#"), !bytes.starts(with: "//".utf8), !Self.hasScheme(bytes) else { return nil }
            let cut = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.count
            return (cut, bytes[cut...].firstIndex(of: UInt8(ascii: "#")), first == UInt8(ascii: "/"))
        }
        guard let found, found.cut > 0 else { return nil }
        let utf8 = destination.utf8
        let cut = utf8.index(utf8.startIndex, offsetBy: found.cut)
        let raw = String(destination[..<cut])
        guard let decoded = raw.utf8.contains(UInt8(ascii: "%")) ? raw.removingPercentEncoding : raw else { return nil }
        path = decoded
        isSiteRoot = found.isSiteRoot
        suffix = String(destination[cut...])
        fragment = found.hash.map { String(destination[utf8.index(utf8.startIndex, offsetBy: $0 + 1)...]) }
            .map { $0.utf8.contains(UInt8(ascii: "%")) ? $0.removingPercentEncoding ?? $0 : $0 }
    }

    /// Whether `destination` starts with a URL scheme such as `https:` or `mailto:`.
    static func hasScheme(_ destination: UnsafeBufferPointer<UInt8>) -> Bool {
        for (index, byte) in destination.enumerated() {
            switch byte {
            case UInt8(ascii: ":"): return index > 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "-"):
                if index == 0 { return false }
            default: return false
            }
        }
        return false
    }
}
