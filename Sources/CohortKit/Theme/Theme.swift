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
                switch FileTree.contents(of: overrides.appendingPathComponent(relative), path: relative) {
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
        let (library, problems) = parse(sources)
        diagnostics += problems
        guard let library, !diagnostics.hasErrors else { return (nil, diagnostics) }
        let byName = Dictionary(sources.map { (String($0.relativePath.dropLast(".mustache".count)), $0) }, uniquingKeysWith: { first, _ in first })
        return (Theme(library: library, assets: assets, sources: byName, stringTables: tables), diagnostics)
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

    /// Parses template sources, naming the file and line of every syntax error and of every partial
    /// or parent that does not exist (swift-mustache would render those as nothing).
    static func parse(_ sources: [SourceFile]) -> (MustacheLibrary?, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        let names = Set(sources.map { String($0.relativePath.dropLast(".mustache".count)) })
        HTMLEscaping.register()
        for source in sources {
            let name = String(source.relativePath.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma sits before the template's first line: take its width off columns there.
                var line = error.context.lineNumber
                var column = line == 1 ? max(1, error.context.columnNumber - HTMLEscaping.pragma.count) : error.context.columnNumber
                var message = "template syntax error: \(describe(error.error))"
                // The parser notices a missing close at the end of the file: point at the opening tag instead.
                if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error, let open = unclosedSection(in: source) {
                    (line, column) = (open.line, open.column)
                    message = "template syntax error: section '\(open.name)' is opened here but never closed"
                }
                // A close that names another section: the one still open is the mistake, point at it.
                if case .sectionCloseNameIncorrect? = error.error as? MustacheTemplate.Error, let (open, close) = mismatchedClose(in: source) {
                    (line, column) = (open.line, open.column)
                    message = "template syntax error: section '\(open.name)' is opened here but not closed before "
                        + "'{{/\(close.name)}}' at line \(close.line), column \(close.column)"
                }
                diagnostics.append(.error(at: source.location(line: line, column: column), message))
            } catch {
                diagnostics.append(.error(at: .file(source.displayPath), "template syntax error: \(error)"))
            }
            diagnostics += missingPartials(in: source, known: names)
        }
        diagnostics += cycles(in: sources)
        return (diagnostics.hasErrors ? nil : library, diagnostics)
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else {
            // The parser's own error when a tag runs to the end of the file.
            return "\(error)" == "overflow" ? "a tag or section runs to the end of the template without being closed" : "\(error)"
        }
        return switch error {
        case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case .unfinishedName: "a tag is not closed with '}}'"
        case .expectedSectionEnd: "a section is opened but never closed"
        case .invalidSetDelimiter: "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: "only block definitions may appear inside a parent tag"
        case .textInsideInheritSection: "only block definitions may appear inside a parent tag"
        case .invalidConfigVariableSyntax: "invalid pragma"
        case .unrecognisedConfigVariable: "unknown pragma"
        }
    }

    /// A `{{> name}}` or `{{< name}}` tag: the template it names and where it is.
    struct Reference {
        var name: String
        var line: Int
        var column: Int
    }

    /// Every `{{...}}` tag of a template, in order: the character after `{{` and the name after it.
    private static func tags(in source: SourceFile) -> [(marker: Character?, reference: Reference)] {
        var tags: [(marker: Character?, reference: Reference)] = []
        for (index, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let start = rest.range(of: "{{"), let end = rest[start.upperBound...].range(of: "}}") {
                let tag = rest[start.upperBound..<end.lowerBound]
                let column = line.distance(from: line.startIndex, to: start.lowerBound) + 1
                tags.append((tag.first, Reference(name: tag.dropFirst().trimmingWhitespace(), line: index + 1, column: column)))
                rest = rest[end.upperBound...]
            }
        }
        return tags
    }

    /// The partial and parent tags of a template, in order.
    static func references(in source: SourceFile) -> [Reference] {
        tags(in: source).filter { ($0.marker == ">" || $0.marker == "<") && !$0.reference.name.isEmpty }.map(\.reference)
    }

    /// The innermost section tag (`{{#x}}`, `{{^x}}`, `{{$x}}`, `{{<x}}`) that no `{{/x}}` closes.
    static func unclosedSection(in source: SourceFile) -> Reference? {
        var open: [Reference] = []
        for (marker, reference) in tags(in: source) {
            switch marker {
            case "#", "^", "$", "<": open.append(reference)
            case "/": if let last = open.lastIndex(where: { $0.name == reference.name }) { open.removeSubrange(last...) }
            default: break
            }
        }
        return open.last
    }

    /// The first close tag (`{{/x}}`) that does not close the innermost open section, with that section.
    static func mismatchedClose(in source: SourceFile) -> (open: Reference, close: Reference)? {
        var open: [Reference] = []
        for (marker, reference) in tags(in: source) {
            switch marker {
            case "#", "^", "$", "<": open.append(reference)
            case "/":
                guard let innermost = open.popLast() else { return nil }
                if innermost.name != reference.name { return (innermost, reference) }
            default: break
            }
        }
        return nil
    }

    /// Tags that name no template.
    private static func missingPartials(in source: SourceFile, known: Set<String>) -> [Diagnostic] {
        references(in: source).filter { !known.contains($0.name) }.map { reference in
            .error(at: source.location(line: reference.line, column: reference.column), "no template named '\(reference.name)'",
                   hint: Suggestion.hint(for: reference.name, among: known))
        }
    }

    /// Templates that include themselves, directly or through others: swift-mustache would recurse
    /// until the stack overflows. Reported at the tag that closes the loop, or, when the loop runs
    /// through the built-in theme, at the first tag of the loop in the programme's own templates.
    static func cycles(in sources: [SourceFile]) -> [Diagnostic] {
        let byName = Dictionary(sources.map { (String($0.relativePath.dropLast(".mustache".count)), $0) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        var finished: Set<String> = []
        func visit(_ name: String, path: [String]) {
            guard !finished.contains(name), let source = byName[name] else { return }
            for reference in references(in: source) {
                if let start = path.firstIndex(of: reference.name) ?? (reference.name == name ? path.count : nil) {
                    // Each template of the loop includes the next; the last includes the first.
                    let loop = Array(path[start...]) + [name]
                    var location = source.location(line: reference.line, column: reference.column)
                    for (index, member) in loop.enumerated() where source.displayPath.hasPrefix(builtInRoot) {
                        guard let file = byName[member], !file.displayPath.hasPrefix(builtInRoot),
                              let tag = references(in: file).first(where: { $0.name == loop[(index + 1) % loop.count] }) else { continue }
                        location = file.location(line: tag.line, column: tag.column)
                        break
                    }
                    diagnostics.append(.error(at: location, "templates include each other without end: "
                                              + (loop + [reference.name]).joined(separator: " → ")))
                } else {
                    visit(reference.name, path: path + [name])
                }
            }
            finished.insert(name)
        }
        for name in byName.keys.sorted() { visit(name, path: []) }
        return diagnostics
    }

    /// The templates that rendering `name` uses: itself and every partial and parent it reaches.
    func closure(of name: String) -> Set<String> {
        var reached: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard reached.insert(next).inserted, let source = sources[next] else { continue }
            pending += Self.references(in: source).map(\.name)
        }
        return reached
    }

    /// Where a template that renders with `template` writes the link `link` (as it appears in the
    /// HTML): the `href` or `src` attribute whose fixed text, with each tag standing for anything,
    /// matches it most closely; the template itself when none does.
    func location(ofLink link: String, usedBy template: String) -> SourceLocation {
        var best: (location: SourceLocation, fixed: Int)?
        for name in closure(of: template).sorted() {
            guard let source = sources[name] else { continue }
            for (lineIndex, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for match in line.matches(of: Self.linkAttribute) {
                    let value = String(match.output.value)
                    let parts = value.split(separator: Self.tag, omittingEmptySubsequences: false).map(String.init)
                    let fixed = parts.reduce(0) { $0 + $1.count }
                    guard Self.matches(link, parts), fixed > best?.fixed ?? -1 else { continue }
                    let column = line[..<match.range.lowerBound].unicodeScalars.count + 1
                    best = (source.location(line: lineIndex + 1, column: column), fixed)
                }
            }
        }
        return best?.location ?? sources[template].map { .file($0.displayPath) } ?? .file(template)
    }

    nonisolated(unsafe) private static let linkAttribute = /(?:href|src)="(?<value>[^"]*)"/
    nonisolated(unsafe) private static let tag = /\{\{[^}]*\}\}\}?/

    /// Whether `text` is the fixed `parts` with anything between them.
    private static func matches(_ text: String, _ parts: [String]) -> Bool {
        guard let first = parts.first, text.hasPrefix(first) else { return false }
        var rest = text.dropFirst(first.count)
        for (index, part) in parts.enumerated().dropFirst() {
            if index == parts.count - 1 { return rest.hasSuffix(part) }
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return parts.count == 1 ? rest.isEmpty : true
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
    func render<Page: TemplateObject>(_ page: Page, with name: String) -> String {
        guard let template = compiled[name], template.shape === Page.fields.shape else { return "" }
        return template.render(page.templateValue)
    }
}
