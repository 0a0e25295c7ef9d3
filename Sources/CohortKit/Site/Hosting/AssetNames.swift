import Foundation

/// The names the theme's stylesheet and scripts are published under. Each carries the CRC-32 of its
/// bytes before its extension (`assets/style.css` is published as `assets/style.3f2a9c1e.css`), so a
/// host may let browsers keep it for a year (`_headers` says so), and a page of a new theme fetches
/// the new file at once. That holds for the built-in theme's stylesheet and scripts, and for a
/// programme's own versions of them (`templates/assets/style.css`); templates link them with
/// `{{site.stylesheet}}` and `{{site.search_script}}`. Every other file under `assets/` (a programme's
/// own script, an image or font a stylesheet names) keeps its name, so a template may link it as
/// `{{site.root}}assets/<name>`.
struct AssetNames: Sendable {
    /// Published paths by the theme's paths, for the fingerprinted files alone.
    private let published: [String: String]

    /// The built-in theme's stylesheets and scripts: the files published under fingerprinted names.
    static let fingerprintedPaths: Set<String> = Set(EmbeddedFolder.theme.files.map(\.path).filter { path in
        path.hasPrefix("assets/") && (path.hasSuffix(".css") || path.hasSuffix(".js"))
    })

    /// The names of `assets`, the theme's files under `assets/`.
    init(_ assets: [OutputFile]) {
        var published: [String: String] = [:]
        for asset in assets where Self.fingerprintedPaths.contains(asset.path) {
            guard let dot = asset.path.lastIndex(of: ".") else { continue }
            published[asset.path] = asset.path[..<dot] + "." + Checksum.crc32(asset.bytes) + asset.path[dot...]
        }
        self.published = published
    }

    /// Where the theme's file at `path` (`assets/style.css`) is published.
    func route(of path: Route) -> Route { Route(published[path.path] ?? path.path) }

    /// The published paths that carry a fingerprint, sorted.
    var fingerprinted: [String] { published.values.sorted() }

    /// `assets` under their published names.
    func publish(_ assets: [OutputFile]) -> [OutputFile] {
        assets.map { OutputFile(path: route(of: Route($0.path)).path, bytes: $0.bytes) }
    }
}
