import Mustache

/// Templates parsed with swift-mustache: every syntax error at its file, line and column, and what
/// each template includes (`TemplateIncludes`), its partials that name nothing and its loops.
extension Theme {
    /// Parses template sources, naming the file and line of every syntax error and of every partial
    /// or parent that does not exist (swift-mustache would render those as nothing).
    static func parse(_ sources: [SourceFile]) -> (library: MustacheLibrary?, includes: TemplateIncludes, diagnostics: [Diagnostic]) {
        var library = MustacheLibrary()
        var parsed: [String: MustacheTemplate] = [:]
        var diagnostics: [Diagnostic] = []
        HTMLEscaping.register()
        for source in sources {
            let name = String(source.relativePath.dropLast(".mustache".count))
            do {
                let template = try MustacheTemplate(string: HTMLEscaping.pragma + source.text)
                library.register(template, named: name)
                parsed[name] = template
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
        }
        let sourcesByName = byName(sources)
        let includes = TemplateIncludes(templates: parsed, sources: sourcesByName, prefixLength: HTMLEscaping.pragma.utf8.count)
        diagnostics += includes.missing(known: Set(sourcesByName.keys), sources: sourcesByName) + includes.cycles(sources: sourcesByName)
        return (diagnostics.hasErrors ? nil : library, includes, diagnostics)
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

    /// After a syntax error, where the section the parser found unclosed or wrongly closed is opened (the
    /// parser reports the place where it gave up): the `{{...}}` tags of the template in order, with the
    /// character after `{{` and the name after it.
    private static func tags(in source: SourceFile) -> [(marker: Character?, reference: TemplateIncludes.Reference)] {
        var tags: [(marker: Character?, reference: TemplateIncludes.Reference)] = []
        for (index, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let start = rest.range(of: "{{"), let end = rest[start.upperBound...].range(of: "}}") {
                let tag = rest[start.upperBound..<end.lowerBound]
                let column = line.distance(from: line.startIndex, to: start.lowerBound) + 1
                tags.append((tag.first, TemplateIncludes.Reference(name: tag.dropFirst().trimmingWhitespace(), line: index + 1, column: column)))
                rest = rest[end.upperBound...]
            }
        }
        return tags
    }

    /// The innermost section tag (`{{#x}}`, `{{^x}}`, `{{$x}}`, `{{<x}}`) that no `{{/x}}` closes.
    static func unclosedSection(in source: SourceFile) -> TemplateIncludes.Reference? {
        var open: [TemplateIncludes.Reference] = []
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
    static func mismatchedClose(in source: SourceFile) -> (open: TemplateIncludes.Reference, close: TemplateIncludes.Reference)? {
        var open: [TemplateIncludes.Reference] = []
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
}
