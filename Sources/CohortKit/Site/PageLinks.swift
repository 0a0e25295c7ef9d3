import Foundation

/// The links of a rendered page, found in its HTML, and the ids others can link to: what the checks
/// that need the whole site (links from templates, fragments of links in bodies) read.
struct PageLinks: Sendable {
    /// Where the page is.
    var path: String
    /// The template that rendered it.
    var template: String
    /// The values of its `id` attributes.
    var ids: Set<String>
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

    /// Reads `html`, the page at `path`; links listed in `bodyLinks` (as written in the Markdown,
    /// resolved or not) were checked with their body and are left out.
    init(path: String, template: String, html: Data, bodyLinks: Set<String>, sitePaths: Set<String>,
         fragments: [FragmentLink]) {
        self.path = path
        self.template = template
        self.fragments = fragments
        var ids: Set<String> = []
        var unresolved: [(link: String, target: String)] = []
        var resolved: [String: String?] = [:]
        let folder = path.split(separator: "/").dropLast().map(String.init)
        Self.attributes(in: html) { name, value in
            if name == "id" {
                ids.insert(HTMLText.unescaped(value))
                return
            }
            let link = HTMLText.unescaped(value)
            guard !bodyLinks.contains(link), !link.utf8.contains(UInt8(ascii: "%")) || !bodyLinks.contains(link.removingPercentEncoding ?? link) else { return }
            let target: String?
            if let known = resolved[link] {
                target = known
            } else {
                target = Self.missingTarget(link, from: folder, sitePaths: sitePaths)
                resolved[link] = target
            }
            if let target { unresolved.append((value, target)) }
        }
        self.ids = ids
        self.unresolved = unresolved
    }

    /// The site path a local link names when no file of the site is there; nil when it resolves or is
    /// not local (an address with a scheme, `//host`, a plain `#fragment`).
    static func missingTarget(_ link: String, from folder: [String], sitePaths: Set<String>) -> String? {
        // Most links templates write are `../`s and then names, to a file that exists: no need to parse them.
        if let path = plainRelativePath(link, from: folder), sitePaths.contains(path) { return nil }
        guard let local = LocalLink(link) else { return nil }
        guard let path = ContentLinks.normalized(local.path, from: local.isSiteRoot ? [] : folder) else { return local.path }
        return target(of: path, in: sitePaths) == nil ? path : nil
    }

    /// The site path of `link` from `folder` when the link is some `../` and then names, with no `.`
    /// or `..` among them, no `//` and nothing to decode or cut off (`../companies/rotec.html`,
    /// `logo.svg`); nil for any other link.
    static func plainRelativePath(_ link: String, from folder: [String]) -> String? {
        var utf8 = Substring(link).utf8
        var up = 0
        while utf8.starts(with: "../".utf8) {
            up += 1
            utf8 = utf8.dropFirst(3)
        }
        guard up <= folder.count, let first = utf8.first, first != UInt8(ascii: "."), first != UInt8(ascii: "/"),
              utf8.last != UInt8(ascii: "/") else { return nil }
        var previous: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "\\"): return nil
            case UInt8(ascii: "/") where previous == UInt8(ascii: "/"): return nil
            case UInt8(ascii: ".") where previous == UInt8(ascii: "/"): return nil
            default: break
            }
            previous = byte
        }
        let rest = String(Substring(utf8))
        let base = folder.dropLast(up)
        return base.isEmpty ? rest : base.joined(separator: "/") + "/" + rest
    }

    /// The file a normalised site path names: itself, or a folder's `index.html`.
    static func target(of path: String, in sitePaths: Set<String>) -> String? {
        if path.isEmpty || path.hasSuffix("/") { return sitePaths.contains(path + "index.html") ? path + "index.html" : nil }
        if sitePaths.contains(path) { return path }
        return sitePaths.contains(path + "/index.html") ? path + "/index.html" : nil
    }

    /// Calls `visit` with each `id`, `href` and `src` attribute of `html` and its raw value, in order.
    /// Cohort's templates and cmark write attributes with double quotes, which is what this reads.
    static func attributes(in html: Data, _ visit: (String, String) -> Void) {
        html.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var index = 0
            let count = bytes.count
            while index < count {
                guard bytes[index] == UInt8(ascii: "=") , index + 1 < count, bytes[index + 1] == UInt8(ascii: "\"") else {
                    index += 1
                    continue
                }
                let name: String
                if index >= 4, bytes[index - 4] == UInt8(ascii: "h"), bytes[index - 3] == UInt8(ascii: "r"),
                   bytes[index - 2] == UInt8(ascii: "e"), bytes[index - 1] == UInt8(ascii: "f"),
                   index == 4 || bytes[index - 5] == UInt8(ascii: " ") || bytes[index - 5] == UInt8(ascii: "\n") {
                    name = "href"
                } else if index >= 3, bytes[index - 3] == UInt8(ascii: "s"), bytes[index - 2] == UInt8(ascii: "r"),
                          bytes[index - 1] == UInt8(ascii: "c"), index == 3 || bytes[index - 4] == UInt8(ascii: " ") {
                    name = "src"
                } else if index >= 2, bytes[index - 2] == UInt8(ascii: "i"), bytes[index - 1] == UInt8(ascii: "d"),
                          index == 2 || bytes[index - 3] == UInt8(ascii: " ") {
                    name = "id"
                } else {
                    index += 1
                    continue
                }
                var end = index + 2
                while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                visit(name, String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 2)..<end]), as: UTF8.self))
                index = end + 1
            }
        }
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
