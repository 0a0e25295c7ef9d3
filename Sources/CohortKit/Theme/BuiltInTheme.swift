/// The built-in theme's files (the repository's `templates/`, compiled in), for `cohort theme list`
/// and `cohort theme eject`, and the values its templates can use, for `cohort theme values`.
/// Building uses them through `Theme.load`.
public enum BuiltInTheme {
    /// Every file of the theme, by path under `templates/`, sorted.
    public static var files: [OutputFile] { EmbeddedFolder.theme.files }

    /// Every value each page template can use, as Markdown tables: the context reference of
    /// docs/templates.md, for `cohort theme values`.
    public static var valuesReference: String { TemplateReference.markdown(SiteRenderer.pageTemplates) }

    /// A name that matches no file of the theme, with the nearest one when there is one.
    public struct UnknownName: Sendable, Equatable {
        /// The name as given.
        public var name: String
        /// `did you mean '...'?`, or nil.
        public var hint: String?
    }

    /// The files that `names` pick: a path such as `company.mustache` or `assets/style.css`, a
    /// template name without `.mustache` (`partials/news-list`), or a folder (`partials`); a leading
    /// `templates/` is allowed. No names pick every file.
    public static func select(_ names: [String]) -> (files: [OutputFile], unknown: [UnknownName]) {
        guard !names.isEmpty else { return (files, []) }
        var picked: [String: OutputFile] = [:]
        var unknown: [UnknownName] = []
        for name in names {
            var path = name.hasPrefix("templates/") ? String(name.dropFirst("templates/".count)) : name
            while path.hasSuffix("/") { path.removeLast() }
            let matches = files.filter { $0.path == path || $0.path == path + ".mustache" || $0.path.hasPrefix(path + "/") }
            if matches.isEmpty {
                unknown.append(UnknownName(name: name, hint: Suggestion.hint(for: path, among: files.map(\.path))))
            }
            for file in matches { picked[file.path] = file }
        }
        return (picked.values.sorted { $0.path < $1.path }, unknown)
    }
}
