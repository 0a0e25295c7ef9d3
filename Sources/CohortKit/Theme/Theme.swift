import Foundation
import Mustache

/// The parsed templates of a theme: parsed once per build, shared by every page.
public struct Theme: Sendable {
    /// The templates, by name (file path under templates/ without `.mustache`).
    private(set) var library: MustacheLibrary
    /// The page templates compiled for one language, by name (see `localized`).
    private(set) var compiled: [String: CompiledTemplate] = [:]
    /// Files under `templates/assets/`, copied to the site's `assets/`.
    let assets: [OutputFile]
    /// The templates' sources, by name.
    let sources: [String: SourceFile]
    /// The interface's texts by language code, a programme's laid over the built-in ones key by key.
    let stringTables: [String: StringTable]
    /// The partials and parents each template includes.
    let includes: TemplateIncludes

    /// How diagnostics name a file of the built-in theme, for example `(built-in theme)/layout.mustache`.
    static let builtInRoot = "(built-in theme)/"

    /// The built-in theme (the repository's `templates/`, compiled into the binary) with the files of
    /// `overrides`, when given, laid over it path by path: a programme's `templates/company.mustache`
    /// replaces the built-in one and keeps every other template, partial and asset. `displayRoot`
    /// names the overrides folder in diagnostics.
    public static func load(overriding overrides: URL?, displayRoot: String) -> (Theme?, [Diagnostic]) {
        let prefix = displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/"
        var files: [String: (displayPath: String, bytes: Data)] = [:]
        var unreadable: [FileTree.Unreadable] = []
        var links: [Diagnostic] = []
        for file in EmbeddedFolder.theme.files { files[file.path] = (builtInRoot + file.path, file.bytes) }
        if let overrides {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrides.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return (nil, [.error(at: .file(displayRoot), "templates folder not found",
                                     hint: "pass --templates DIR, or leave it out to use the built-in theme")])
            }
            let listing = FileTree.walk(overrides)
            unreadable += listing.unreadable
            links = listing.linkWarnings(under: displayRoot)
            for relative in listing.files {
                switch FileTree.contents(of: relative, in: overrides) {
                case .success(let data): files[relative] = (prefix + relative, data)
                case .failure(let failure): unreadable.append(failure)
                }
            }
        }
        var sources: [SourceFile] = []
        var assets: [OutputFile] = []
        var diagnostics = unreadable.map { $0.diagnostic(under: displayRoot) } + links
        // The built-in tables first, then the programme's over them, key by key.
        let builtInTables = EmbeddedFolder.theme.files.filter { $0.path.hasPrefix("strings/") && $0.path.hasSuffix(".yml") }
            .map { (path: $0.path, displayPath: builtInRoot + $0.path, bytes: $0.bytes) }
        let ownTables = files.filter { $0.key.hasPrefix("strings/") && $0.key.hasSuffix(".yml") && !$0.value.displayPath.hasPrefix(builtInRoot) }
            .sorted { $0.key < $1.key }.map { (path: $0.key, displayPath: $0.value.displayPath, bytes: $0.value.bytes) }
        guard let reference = builtInTables.first(where: { $0.path == "strings/en.yml" }) else {
            preconditionFailure("the built-in theme has no strings/en.yml")
        }
        let (tables, tableProblems) = StringTable.load(builtInTables + ownTables, reference: reference)
        diagnostics += tableProblems
        for (relative, file) in files.sorted(by: { $0.key < $1.key }) {
            if relative.hasPrefix("strings/") { continue }
            if relative.hasPrefix("assets/") {
                assets.append(OutputFile(path: relative, bytes: file.bytes))
            } else if relative.hasSuffix(".mustache") {
                guard let text = String(validating: file.bytes, as: UTF8.self) else {
                    diagnostics.append(.error(at: .file(file.displayPath), "template is not valid UTF-8 text"))
                    continue
                }
                sources.append(SourceFile(displayPath: file.displayPath, relativePath: relative,
                                          text: text.replacingOccurrences(of: "\r\n", with: "\n")))
            }
        }
        let (library, includes, problems) = parse(sources)
        diagnostics += problems
        guard let library, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Theme(library: library, assets: assets, sources: byName(sources), stringTables: tables, includes: includes), diagnostics)
    }

    /// The texts for `language`: its table (or its primary language's, `zh` for `zh-Hans`), with what
    /// it lacks from the default language's and then from the built-in English one. A table that
    /// lacks texts, or a language without one, is a warning.
    func strings(for language: Language, defaultLanguage: Language, programmeFile: String) -> (Strings, [Diagnostic]) {
        let reference = stringTables["en"]?.texts ?? [:]
        let own = stringTables[language.code] ?? stringTables[language.primary]
        let fallback = stringTables[defaultLanguage.code] ?? stringTables[defaultLanguage.primary]
        var texts = reference
        if language != defaultLanguage, let fallback { texts.merge(fallback.texts) { _, new in new } }
        guard let own else {
            return (Strings(language: language, texts: texts), [.warning(
                at: .file(programmeFile), "no string table for '\(language)': its pages show the interface in \(language == defaultLanguage ? "English" : "'\(defaultLanguage)'")",
                hint: "add templates/strings/\(language.code).yml with the keys of Cohort's en.yml (cohort theme eject strings/en.yml)")])
        }
        texts.merge(own.texts) { _, new in new }
        let missing = Set(reference.keys.filter { !StringTable.isCountryName($0) }).subtracting(own.texts.keys).sorted()
        guard !missing.isEmpty else { return (Strings(language: language, texts: texts), []) }
        let shown = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", ..." : "")
        return (Strings(language: language, texts: texts), [.warning(
            at: .file(own.files.last ?? programmeFile),
            "the '\(language)' string table lacks \(missing.count) \(missing.count == 1 ? "text" : "texts") (\(shown)); \(language == defaultLanguage ? "English" : "the default language's") is shown instead")])
    }

    /// The templates that rendering `name` uses: itself and every partial and parent it reaches.
    func closure(of name: String) -> Set<String> { includes.closure(of: name) }

    /// Template sources by name: their path under templates/ without `.mustache`.
    static func byName(_ sources: [SourceFile]) -> [String: SourceFile] {
        Dictionary(sources.map { (String($0.relativePath.dropLast(".mustache".count)), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// This theme's page templates compiled for the language of `strings` against the types of their
    /// pages (`pages`, by template name), with every problem the compiler found: a tag that names no
    /// value, a value that cannot be printed, a text missing from the string tables. `{{t.key}}`
    /// becomes the text itself.
    func localized(_ strings: Strings, pages: [String: TemplateShape]) -> (Theme, [Diagnostic]) {
        var copy = self
        let templates = Dictionary(uniqueKeysWithValues: sources.keys.compactMap { name in library.getTemplate(named: name).map { (name, $0) } })
        var compiler = TemplateCompiler(templates: templates, sources: sources, prefixLength: HTMLEscaping.pragma.utf8.count, strings: strings)
        for (name, shape) in pages.sorted(by: { $0.key < $1.key }) {
            copy.compiled[name] = compiler.compile(name, for: shape)
        }
        return (copy, compiler.diagnostics)
    }

    /// Renders `page` with the compiled template `name`; nothing when the theme has none for its type.
    func render<Page: TemplateObject>(_ page: Page, with name: String) -> Data {
        guard let template = compiled[name], template.shape === Page.fields.shape else { return Data() }
        return template.render(page.templateValue)
    }
}
