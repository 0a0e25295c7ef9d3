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
                // The parser notices a missing close at the end of the file, or a close naming another
                // section: the section still open is the mistake, point at its tag.
                if let open = error.openSection {
                    let place = { (offset: Int) in source.position(ofUTF8Offset: offset - HTMLEscaping.pragma.utf8.count) }
                    (line, column) = place(open.offset)
                    if let close = error.closeTag {
                        let at = place(close.offset)
                        message = "template syntax error: section '\(open.name)' is opened here but not closed before "
                            + "'\(close.tag)' at line \(at.line), column \(at.column)"
                    } else {
                        message = "template syntax error: section '\(open.name)' is opened here but never closed"
                    }
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
}
