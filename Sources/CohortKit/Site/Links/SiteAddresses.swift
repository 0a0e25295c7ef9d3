/// The addresses of a site's pages, aliases included, in every language: what readers, search engines
/// and other sites link to, and what `cohort diff` checks a change keeps.
public struct SiteAddresses: Sendable, Hashable {
    /// Every page and alias of every language, as a site path (`companies/rotec.html`,
    /// `zh/companies/index.html`).
    let paths: Set<String>
    /// The page of each content file, in the default language, by the file's path in the content
    /// folder (`companies/rotec.md` gives `companies/rotec.html`).
    let pages: [String: String]
    /// The folders of the languages other than the default, by code: `zh` and `he`.
    let languageFolders: Set<String>
    /// The default language's code.
    let defaultLanguage: String

    /// The addresses of `portfolio`'s site.
    public init(_ portfolio: Portfolio) {
        let programme = portfolio.programme
        let routes = SiteRenderer.pageJobs(portfolio, lists: ListIndex(portfolio)).map { SiteRenderer.route(of: $0, in: portfolio) }
        var paths = Set(Aliases.all(portfolio).map(\.from.path))
        for language in programme.languages {
            for route in routes { paths.insert(route.localized(language, default: programme.language).path) }
        }
        var pages: [String: String] = [:]
        for folder in ContentFolder.allCases {
            for index in 0..<portfolio.count(of: folder) {
                let entity = portfolio.entity(folder, index)
                pages[programme.pathInContent(entity.source.path)] = entity.route.path
            }
        }
        self.paths = paths
        self.pages = pages
        languageFolders = Set(programme.languages.filter { $0 != programme.language }.map(\.code))
        defaultLanguage = programme.language.code
    }

    /// The page addresses this site has that `after` has neither as a page nor as an alias, each in
    /// the default language's form, with the languages it is lost in and what would keep it: an alias
    /// on the page that replaced it, named when the change adds one file to the folder (or one whose
    /// name is close).
    func lost(in after: SiteAddresses) -> [LostAddress] {
        var languages: [String: [String]] = [:]
        for path in paths.subtracting(after.paths) {
            let first = path.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            if languageFolders.contains(first), path.count > first.count + 1 {
                languages[String(path.dropFirst(first.count + 1)), default: []].append(first)
            } else {
                languages[path, default: []].append(defaultLanguage)
            }
        }
        let files = Dictionary(pages.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        let added = Set(after.pages.keys).subtracting(pages.keys)
        return languages.keys.sorted().map { path in
            let address = path == "index.html" ? "/" : path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
            var fix: String?
            // A content file's page lost in the default language; not one only a dropped language had.
            if let file = files[path], languages[path]?.contains(defaultLanguage) == true {
                let folder = Route(file).folders.last ?? ""
                let candidates = added.filter { (Route($0).folders.last ?? "") == folder }
                let replacement = candidates.count == 1 ? candidates.first : Suggestion.closest(to: file, among: candidates)
                fix = "add `aliases: [\(address)]` to " + (replacement ?? "the page that replaced it")
            }
            let lost = (languages[path] ?? []).sorted()
            let ordered = lost.filter { $0 == defaultLanguage } + lost.filter { $0 != defaultLanguage }
            return LostAddress(address: address, languages: languageFolders.isEmpty ? [] : ordered, fix: fix)
        }
    }
}

/// An address a change stops serving.
public struct LostAddress: Sendable, Hashable, Encodable {
    /// The address from the site's top, in the default language's form: `companies/zeta-sense.html`,
    /// `companies/sector/water/`.
    public var address: String
    /// On a site in several languages, the languages whose version of it is lost, the default first;
    /// empty on a site in one.
    public var languages: [String]
    /// What keeps it, for a content file's page: `add `aliases: [companies/zeta-sense.html]` to companies/zeta-labs.md`.
    public var fix: String?
}
