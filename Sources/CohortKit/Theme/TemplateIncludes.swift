import Mustache

/// The partials and parents (`{{> name}}`, `{{< name}}`) that templates include, read from
/// swift-mustache's own parsed tokens, so that a tag counts exactly as the parser counts it (one in a
/// comment does not; one written with other delimiters after `{{=<% %>=}}` does): where each is, the
/// names no template has, the templates that include each other without end, and what a template
/// reaches.
struct TemplateIncludes: Sendable {
    /// A partial or parent tag: the template it names and where it is.
    struct Reference: Sendable, Hashable {
        var name: String
        var line: Int
        var column: Int
    }

    /// The references of each template, by name, in the order they are written.
    let references: [String: [Reference]]

    /// The includes of `templates` (by name), parsed from `sources` each with `prefixLength` UTF-8
    /// bytes before its text.
    init(templates: [String: MustacheTemplate], sources: [String: SourceFile], prefixLength: Int) {
        var references: [String: [Reference]] = [:]
        for (name, template) in templates {
            guard let source = sources[name] else { continue }
            var found: [(offset: Int, name: String)] = []
            Self.collect(template, into: &found)
            references[name] = found.sorted { $0.offset < $1.offset }.map { tag in
                let (line, column) = source.position(ofUTF8Offset: tag.offset - prefixLength)
                return Reference(name: tag.name, line: line, column: column)
            }
        }
        self.references = references
    }

    /// The partial and parent tags of `template` and of every section, block and override in it.
    private static func collect(_ template: MustacheTemplate, into found: inout [(offset: Int, name: String)]) {
        for (index, token) in template.parsedTokens.enumerated() {
            switch token {
            case .partial(let name, _, let overrides):
                found.append((template.tagOffsets[index] ?? 0, name))
                for key in (overrides ?? [:]).keys.sorted() {
                    if let body = overrides?[key] { collect(body, into: &found) }
                }
            case .section(_, _, let body), .invertedSection(_, _, let body), .blockDefinition(_, let body),
                 .blockExpansion(_, let body, _):
                collect(body, into: &found)
            case .text, .variable, .unescapedVariable, .dynamicNamePartial, .contentType:
                break
            }
        }
    }

    /// Each tag that names no template among `known`, an error at the tag.
    func missing(known: Set<String>, sources: [String: SourceFile]) -> [Diagnostic] {
        references.keys.sorted().flatMap { name -> [Diagnostic] in
            guard let source = sources[name] else { return [] }
            return (references[name] ?? []).filter { !known.contains($0.name) }.map { reference in
                .error(at: source.location(line: reference.line, column: reference.column), "no template named '\(reference.name)'",
                       hint: Suggestion.hint(for: reference.name, among: known))
            }
        }
    }

    /// Templates that include themselves, directly or through others: swift-mustache would recurse
    /// until the stack overflows. Reported at the tag that closes the loop, or, when the loop runs
    /// through the built-in theme, at the first tag of the loop in the programme's own templates.
    func cycles(sources: [String: SourceFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var finished: Set<String> = []
        func visit(_ name: String, path: [String]) {
            guard !finished.contains(name), let source = sources[name] else { return }
            for reference in references[name] ?? [] {
                if let start = path.firstIndex(of: reference.name) ?? (reference.name == name ? path.count : nil) {
                    // Each template of the loop includes the next; the last includes the first.
                    let loop = Array(path[start...]) + [name]
                    var location = source.location(line: reference.line, column: reference.column)
                    for (index, member) in loop.enumerated() where source.displayPath.hasPrefix(Theme.builtInRoot) {
                        guard let file = sources[member], !file.displayPath.hasPrefix(Theme.builtInRoot),
                              let tag = references[member]?.first(where: { $0.name == loop[(index + 1) % loop.count] }) else { continue }
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
        for name in references.keys.sorted() { visit(name, path: []) }
        return diagnostics
    }

    /// The templates that rendering `name` uses: itself and every partial and parent it reaches.
    func closure(of name: String) -> Set<String> {
        var reached: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard reached.insert(next).inserted else { continue }
            pending += (references[next] ?? []).map(\.name)
        }
        return reached
    }
}
