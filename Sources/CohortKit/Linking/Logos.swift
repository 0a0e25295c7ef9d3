import Foundation

/// A logo of the site: the file under `static/` that a `logo` field names, and what the file says of
/// itself (its format and size).
public struct Logo: Sendable, Hashable {
    /// Its path in the site, such as `logos/rotec.svg`.
    public var path: String
    /// Its format, size in pixels and bytes.
    var facts: ImageFacts
}

/// Finds the file each `logo` field names, as a body's link to a static file is found, and reads it:
/// a missing file, an image Cohort cannot read and an SVG that would run or load something on the site
/// are errors at the field; a logo over 1 MB, or a picture over 2,000 pixels, is a warning.
enum Logos {
    /// A logo's file size above which pages that show it get slow.
    static let largestBytes = 1_000_000
    /// A picture's width or height above which it is larger than any page shows it.
    static let largestPixels = 2_000

    /// The logos of `organizations` and `companies` by slug, the programme's, the static files that a
    /// `logo` field names (whose problems are reported at the field), and the problems.
    static func resolve(_ programme: Programme, organizations: [Organization], companies: [Company], staticFiles: [OutputFile])
        -> (logos: [Slug: Logo], programme: Logo?, named: Set<String>, diagnostics: [Diagnostic]) {
        let files = Dictionary(staticFiles.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let contentPath = { (source: SourceLocation) in programme.pathInContent(source.path) }
        var logos: [Slug: Logo] = [:]
        var diagnostics: [Diagnostic] = []
        var owners: [(Slug?, Located<String>, String)] = [(nil, programme.logo, "programme.yml")].compactMap { slug, logo, file in
            logo.map { (slug, $0, file) }
        }
        owners += organizations.compactMap { organization in organization.logo.map { (organization.slug, $0, contentPath(organization.source)) } }
        owners += companies.compactMap { company in company.logo.map { (company.slug, $0, contentPath(company.source)) } }
        var programmeLogo: Logo?
        var named: Set<String> = []
        for (slug, written, file) in owners {
            switch resolve(written, writtenIn: file, files: files, named: &named) {
            case .success(let (logo, warnings)):
                diagnostics += warnings
                if let slug { logos[slug] = logo } else { programmeLogo = logo }
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }
        return (logos, programmeLogo, named, diagnostics)
    }

    private static func resolve(_ written: Located<String>, writtenIn file: String, files: [String: Data], named: inout Set<String>)
        -> Result<(Logo, [Diagnostic]), Diagnostic> {
        let folder = file.split(separator: "/").dropLast().map(String.init)
        guard let link = LocalLink(written.value), link.suffix.isEmpty else {
            return .failure(.error(at: written.location, "a logo is a file of the site, under static/, not '\(written.value)'",
                                   hint: "put the file in static/ and write its path, such as '\(ContentLinks.relative("static/logos/name.svg", from: folder))'"))
        }
        let sitePath: String?
        if link.isSiteRoot {
            sitePath = ContentLinks.normalized(link.path, from: [])
        } else {
            sitePath = ContentLinks.normalized(link.path, from: folder).flatMap { $0.hasPrefix("static/") ? String($0.dropFirst("static/".count)) : nil }
        }
        guard let sitePath, let data = files[sitePath] else {
            let nearest = Suggestion.closestPath(to: link.path, resolved: sitePath ?? link.path, among: files.keys)
            return .failure(.error(at: written.location, "no file '\(written.value)' for the logo",
                                   hint: nearest.map { "did you mean '\(link.isSiteRoot ? "/" + $0 : ContentLinks.relative("static/" + $0, from: folder))'?" }
                                       ?? "a logo is a file under static/, written like a link: '\(ContentLinks.relative("static/logos/name.svg", from: folder))'"))
        }
        named.insert(sitePath)
        switch ImageFacts.read(data) {
        case .failure(let problem):
            return .failure(.error(at: written.location, problem.message, hint: problem.hint))
        case .success(let facts):
            var warnings: [Diagnostic] = []
            if facts.bytes > largestBytes {
                warnings.append(.warning(at: written.location, "the logo is \(facts.bytes / 1000) kB, over 1 MB: every page that shows it gets slower",
                                         hint: "make it smaller, for example as an SVG or a PNG of at most a few hundred pixels"))
            }
            if facts.format != .svg, max(facts.width, facts.height) > largestPixels {
                warnings.append(.warning(at: written.location, "the logo is \(facts.width)×\(facts.height) pixels, over 2,000: larger than any page shows it",
                                         hint: "scale it down to at most 2,000 pixels"))
            }
            return .success((Logo(path: sitePath, facts: facts), warnings))
        }
    }
}
