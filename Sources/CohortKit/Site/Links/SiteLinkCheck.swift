/// The link checks that need the whole site rendered: every link that a template writes must name a
/// file of the site, and every fragment of a link in a body must name a heading or id of its page.
enum SiteLinkCheck {
    static func check(_ pages: [PageLinks], sitePaths: Set<String>, theme: Theme) -> [Diagnostic] {
        templateLinks(pages, sitePaths: sitePaths, theme: theme) + fragments(pages)
    }

    /// One error per template tag and missing file, naming a page where it appears and how many more.
    private static func templateLinks(_ pages: [PageLinks], sitePaths: Set<String>, theme: Theme) -> [Diagnostic] {
        struct Finding {
            var link: String
            var page: String
            var pages = 1
        }
        var findings: [SourceLocation: [String: Finding]] = [:]
        var order: [(SourceLocation, String)] = []
        for page in pages.sorted(by: { $0.path < $1.path }) {
            for (link, target) in page.unresolved {
                let location = theme.location(ofLink: link, usedBy: page.template)
                if findings[location]?[target] != nil {
                    findings[location]?[target]?.pages += 1
                } else {
                    findings[location, default: [:]][target] = Finding(link: link, page: page.path)
                    order.append((location, target))
                }
            }
        }
        return order.compactMap { location, target in
            guard let finding = findings[location]?[target] else { return nil }
            let more = finding.pages > 1 ? " and \(finding.pages - 1) more" : ""
            let file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target
            let near = AssetNames.fingerprintedPaths.contains(file)
                ? "the theme's stylesheet and scripts are published with a fingerprint in their names: link them with {{site.stylesheet}} and {{site.search_script}}"
                : Suggestion.closest(to: file, among: sitePaths).map { "did you mean '\($0)'?" }
            return .error(at: location, "link '\(HTMLText.unescaped(finding.link))' names no file of the site ('\(target)'), on \(finding.page)\(more)",
                          hint: near ?? "link with the values templates are given, such as {{site.home}} or a row's {{href}}")
        }
    }

    private static func fragments(_ pages: [PageLinks]) -> [Diagnostic] {
        let ids = Dictionary(pages.map { ($0.path, $0.ids) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        var seen: Set<SourceLocation> = []
        for page in pages {
            for reference in page.fragments {
                guard let targetIDs = ids[reference.target], !targetIDs.contains(reference.fragment) else { continue }
                let location = reference.location()
                guard seen.insert(location).inserted else { continue }
                diagnostics.append(.warning(
                    at: location, "link '\(reference.destination)': \(reference.target) has no heading or id '\(reference.fragment)'",
                    hint: Suggestion.hint(for: reference.fragment, among: targetIDs.all)))
            }
        }
        return diagnostics
    }
}
