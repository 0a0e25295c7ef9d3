/// An earlier address of a page, as `aliases:` writes it: a path from the site's top, such as
/// `companies/alpha-farms.html`, `/companies/alpha-farms.html` or `old/about/` (a folder, whose
/// `index.html` is written). Its segments are ASCII letters, digits, `-`, `_`, `~` and `.`, none
/// starting with a `.`; the last one names a page (`.html`, `.htm`) or a folder (no extension).
enum AliasPath {
    /// Why a written alias is refused.
    enum Problem: Error, Equatable {
        case address, climbs, characters, notAPage(String)

        var message: String {
            switch self {
            case .address: "an alias is a path on this site, not a full address"
            case .climbs: "an alias cannot leave the site or name '.' and '..' folders"
            case .characters: "an alias is ASCII letters, digits, '-', '_', '~', '.' and '/', each folder's name starting with no '.'"
            case .notAPage(let name): "an alias names a page or a folder, and '\(name)' is neither: a host would not serve it as a page"
            }
        }
    }

    /// The site path `written` names (`companies/alpha-farms.html`, `old/about/index.html`), or why not.
    static func sitePath(of written: String) -> Result<String, Problem> {
        let lowered = written.lowercased()
        if lowered.contains("://") || written.hasPrefix("//") || lowered.hasPrefix("mailto:") { return .failure(.address) }
        var path = Substring(written)
        if path.hasPrefix("/") { path = path.dropFirst() }
        let isFolder = path.hasSuffix("/")
        if isFolder { path = path.dropLast() }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .failure(.climbs) }
        let allowed = { (byte: UInt8) in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ".")].contains(byte)
        }
        guard !path.isEmpty, segments.allSatisfy({ !$0.isEmpty && $0.first != "." && $0.utf8.allSatisfy(allowed) }),
              let last = segments.last else { return .failure(.characters) }
        if isFolder { return .success(path + "/index.html") }
        let lowerLast = last.lowercased()
        if lowerLast.hasSuffix(".html") || lowerLast.hasSuffix(".htm") { return .success(String(path)) }
        if last.contains(".") { return .failure(.notAPage(String(last))) }
        return .success(path + "/index.html")
    }
}
