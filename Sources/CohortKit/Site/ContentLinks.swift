/// Resolves links that a Markdown body writes to other content files, such as `../companies/rotec.md`
/// or `rotec.md#team`, into relative links to their pages, so authors link files they can see in their
/// editor and the site gets working links.
struct ContentLinks: Sendable {
    let portfolio: Portfolio
    /// Records the folders looked in, for a preview's page inputs.
    var recorder: InputRecorder?

    /// What to do with `destination`, written in a file of `folder`, on the page at `route`; with
    /// `baseURL`, links become absolute (for the feed, which readers show away from the site).
    func resolve(_ destination: String, writtenIn folder: ContentFolder, on route: Route, absoluteUnder baseURL: String? = nil)
        -> Markdown.LinkResolution {
        // Most links are web addresses: leave anything that cannot name a .md file at once.
        guard destination.utf8.count > 3, destination.contains(".md") else { return .keep }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts.first.map(String.init) ?? ""
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains(":"), path.hasSuffix(".md") else { return .keep }
        var components = [folder.rawValue]
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if components.popLast() == nil { return .broken }
            default: components.append(String(component))
            }
        }
        guard components.count == 2, let target = ContentFolder(rawValue: components[0]),
              let slug = Slug(String(components[1].dropLast(".md".count))),
              let targetRoute = self.route(of: slug, in: target) else { return .broken }
        let fragment = parts.count == 2 ? "#" + parts[1] : ""
        return .replace((baseURL.map { targetRoute.absolute(under: $0) } ?? route.link(to: targetRoute)) + fragment)
    }

    private func route(of slug: Slug, in folder: ContentFolder) -> Route? {
        recorder?.record(.list(folder))
        return switch folder {
        case .organizations: portfolio.organization(slug) != nil ? .organization(slug) : nil
        case .companies: portfolio.company(slug) != nil ? .company(slug) : nil
        case .agreements: portfolio.agreement(slug) != nil ? .agreement(slug) : nil
        case .news: portfolio.news.contains { $0.slug == slug } ? .newsItem(slug) : nil
        case .pages: portfolio.pages.contains { $0.slug == slug } ? .page(slug) : nil
        }
    }
}
