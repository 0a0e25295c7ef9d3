import Mustache

/// Compiles a theme's templates against the types of the values they render: every tag of a page's
/// template, and of each partial and parent where it is included, is resolved to where its value
/// sits before any page renders. A name that resolves nowhere, a value printed that cannot be, a
/// text missing from the string tables, are errors at the tag, with the nearest name that would do.
///
/// Names resolve as Mustache resolves them (the innermost section's object first, then outwards),
/// but against the declared types rather than the values, so the answer is the same for every page.
struct TemplateCompiler {
    /// The parsed templates by name, each parsed with `prefixLength` UTF-8 bytes (the content-type
    /// pragma) before the text of its source.
    let templates: [String: MustacheTemplate]
    let sources: [String: SourceFile]
    let prefixLength: Int
    /// The interface's words in the language compiled for; `{{t.key}}` becomes its text.
    let strings: Strings
    /// Every problem found so far, each once.
    private(set) var diagnostics: [Diagnostic] = []
    private var reported: Set<String> = []

    init(templates: [String: MustacheTemplate], sources: [String: SourceFile], prefixLength: Int, strings: Strings) {
        self.templates = templates
        self.sources = sources
        self.prefixLength = prefixLength
        self.strings = strings
    }

    /// A block of a parent template as a template that includes the parent overrides it, with the
    /// file it is written in.
    private struct Block {
        var template: MustacheTemplate
        var file: String
    }

    /// What a tag is compiled in: the types of the objects it can read, innermost last, and the state
    /// Mustache carries through sections and partials.
    private struct Scope {
        var frames: [TemplateType]
        /// The template whose tokens are being compiled, and the page template that includes it.
        var file: String
        var page: String
        var inherited: [String: Block] = [:]
        var escape: CompiledTemplate.Escape = .html
        /// What swift-mustache puts before each line of a standalone partial; empty outside one.
        var indentation = ""
        /// The partials and parents being compiled, outermost first: one that includes itself stops there.
        var including: [String] = []
        /// Whether the innermost section is a list's, whose position `first()` and the like read. An
        /// object's section, a partial or a block in between hide it, as in swift-mustache.
        var inList = false
    }

    /// The template `name` compiled for values of `shape`; nil when it does not exist.
    mutating func compile(_ name: String, for shape: TemplateShape) -> CompiledTemplate? {
        guard let template = templates[name] else { return nil }
        let scope = Scope(frames: [.object(shape)], file: name, page: name, including: [name])
        return CompiledTemplate(shape: shape, ops: compile(template, scope))
    }

    private mutating func compile(_ template: MustacheTemplate, _ scope: Scope) -> [CompiledTemplate.Op] {
        var scope = scope
        var ops: [CompiledTemplate.Op] = []
        let tokens = template.parsedTokens
        for (index, token) in tokens.enumerated() {
            let offset = template.tagOffsets[index]
            switch token {
            case .text(let text):
                // Texts are joined, except where a standalone partial indents each one that starts a line.
                if scope.indentation.isEmpty, case .text(let previous)? = ops.last {
                    ops[ops.count - 1] = .text(previous + text)
                } else {
                    ops.append(.text(text))
                }
            case .variable(let name, let transforms), .unescapedVariable(let name, let transforms):
                guard let (reference, type) = resolve(name, transforms, scope, at: offset) else { continue }
                let escape: CompiledTemplate.Escape
                if case .unescapedVariable = token { escape = .none } else { escape = scope.escape }
                if let problem = Self.unprintable(name, type) {
                    report(problem.message, hint: problem.hint, scope, at: offset)
                    continue
                }
                if let constant = reference.constant {
                    if case .text(let text) = constant {
                        ops.append(.text(Self.escaped(text, escape)))
                    }
                } else {
                    ops.append(.print(reference, escape))
                }
            case .section(let name, let transforms, let body):
                guard let (reference, type) = resolve(name, transforms, scope, at: offset) else { continue }
                if case .strings = type.required {
                    report("'\(name)' is the string table: use one of its texts, such as {{t.companies}}", scope, at: offset)
                    continue
                }
                var inner = scope
                switch type.required {
                case .flag: break
                case .list(let element):
                    inner.frames.append(element)
                    inner.inList = true
                case let other:
                    inner.frames.append(other)
                    inner.inList = false
                }
                ops.append(.section(reference, level(compile(body, inner), scope)))
            case .invertedSection(let name, let transforms, let body):
                guard let (reference, type) = resolve(name, transforms, scope, at: offset) else { continue }
                // swift-mustache renders an empty list's inverted section with the list as the innermost.
                var inner = scope
                let pushes: Bool
                if case .list = type.required {
                    inner.frames.append(type.required)
                    inner.inList = false
                    pushes = true
                } else {
                    pushes = false
                }
                ops.append(.inverted(reference, pushes: pushes, level(compile(body, inner), scope)))
            case .partial(let name, let indentation, let overrides):
                guard let partial = templates[name], !scope.including.contains(name) else { continue }
                var inner = scope
                inner.file = name
                inner.escape = .html
                inner.inList = false
                inner.indentation += indentation ?? ""
                inner.including.append(name)
                // The blocks of an outer parent win over those of an inner one.
                for (block, template) in overrides ?? [:] where inner.inherited[block] == nil {
                    inner.inherited[block] = Block(template: template, file: scope.file)
                }
                append(level(compile(partial, inner), inner), to: &ops)
            case .dynamicNamePartial(let name, _, _):
                report("dynamic partials ({{>*\(name)}}) are not supported: name the partial", scope, at: offset)
            case .blockExpansion(let name, let defaultBody, let indentation):
                var inner = scope
                inner.indentation += indentation ?? ""
                inner.inList = false
                if let block = scope.inherited[name] {
                    inner.file = block.file
                    append(level(compile(block.template, inner), inner), to: &ops)
                } else {
                    append(level(compile(defaultBody, inner), inner), to: &ops)
                }
            case .contentType(let contentType):
                scope.escape = contentType is HTMLEscaping ? .html : .other(contentType)
            case .blockDefinition:
                // Only inside a parent tag, where `.partial` reads them.
                break
            }
        }
        return ops
    }

    /// `ops` as swift-mustache renders a template's tokens inside a standalone partial: as one level
    /// whose lines it indents. Outside one, the ops themselves.
    private func level(_ ops: [CompiledTemplate.Op], _ scope: Scope) -> [CompiledTemplate.Op] {
        scope.indentation.isEmpty ? ops : [.level(indentation: scope.indentation, body: ops)]
    }

    private func append(_ new: [CompiledTemplate.Op], to ops: inout [CompiledTemplate.Op]) {
        for op in new {
            if case .text(let text) = op, case .text(let previous)? = ops.last {
                ops[ops.count - 1] = .text(previous + text)
            } else {
                ops.append(op)
            }
        }
    }

    /// Where the value `name` (with `functions` applied, outermost first) is, and its type.
    private mutating func resolve(_ name: String, _ functions: [String], _ scope: Scope,
                                  at offset: Int?) -> (CompiledTemplate.Reference, TemplateType)? {
        var up = 0, slots: [Int] = [], applied: [CompiledTemplate.Function] = [], constant: TemplateValue?
        var type: TemplateType
        if name.isEmpty {
            // `first()`, `last()`, `index()`, `even()`, `odd()`: the position in the innermost list.
            let positional: [CompiledTemplate.Function: TemplateType] = [.first: .flag, .last: .flag, .index: .number, .even: .flag, .odd: .flag]
            guard functions.count == 1, let function = CompiledTemplate.Function(rawValue: functions[0]), let type = positional[function] else {
                report("\(functions.joined(separator: "(")) is not a function of the position in a list",
                       hint: "those are first(), last(), index(), even(), odd()", scope, at: offset)
                return nil
            }
            guard scope.inList else {
                report("\(function.rawValue)() is the position in a list, known only directly inside the list's section",
                       hint: "a partial, or an object's section, between them hides it", scope, at: offset)
                return nil
            }
            return (CompiledTemplate.Reference(position: function), type)
        }
        if name == "." {
            type = scope.frames[scope.frames.count - 1]
        } else {
            var parts = name.split(separator: ".").map(String.init)
            let first = parts.removeFirst()
            // `.name` looks only in the innermost object, as in Mustache.
            let frames = name.hasPrefix(".") ? [scope.frames.count - 1] : Array(scope.frames.indices.reversed())
            guard let (frame, slot) = frames.lazy.compactMap({ index in
                Self.slot(of: first, in: scope.frames[index]).map { (index, $0) }
            }).first else {
                let names = Set(frames.flatMap { Self.fieldNames(scope.frames[$0]) })
                report("no value named '\(first)' here", hint: Suggestion.hint(for: first, among: names), scope, at: offset)
                return nil
            }
            up = scope.frames.count - 1 - frame
            slots = [slot.index]
            type = slot.type
            var optional = type.isOptional
            var path = first
            for part in parts {
                if case .strings = type.required {
                    guard let text = strings.text(part) else {
                        report("no text named '\(part)' in the string tables", hint: Suggestion.hint(for: part, among: strings.keys),
                               scope, at: offset)
                        return nil
                    }
                    (up, slots, constant) = (0, [], text.templateValue)
                    type = .text
                    path += "." + part
                    continue
                }
                guard let next = Self.slot(of: part, in: type) else {
                    let names = Self.fieldNames(type)
                    let message = names.isEmpty ? "'\(path)' is \(Self.article(type.required)), which has no value named '\(part)'"
                        : "'\(path)' has no value named '\(part)'"
                    report(message, hint: Suggestion.hint(for: part, among: names), scope, at: offset)
                    return nil
                }
                slots.append(next.index)
                type = next.type
                optional = optional || type.isOptional
                path += "." + part
            }
            if optional, !type.isOptional { type = .optional(type) }
        }
        for name in functions.reversed() {
            guard let function = CompiledTemplate.Function(rawValue: name), let result = Self.apply(function, to: type) else {
                let allowed = Self.functions(for: type).map { $0.rawValue + "()" }
                let hint = allowed.isEmpty ? nil : "on \(Self.article(type.required)): " + allowed.joined(separator: ", ")
                report("\(name)() does not apply to \(Self.article(type.required))", hint: hint, scope, at: offset)
                return nil
            }
            applied.insert(function, at: 0)
            type = result
        }
        return (CompiledTemplate.Reference(up: up, path: slots, functions: applied, constant: constant), type)
    }

    /// The position and type of the field `name` of an object of `type`.
    private static func slot(of name: String, in type: TemplateType) -> (index: Int, type: TemplateType)? {
        guard case .object(let shape) = type.required, let index = shape.slots[name] else { return nil }
        return (index, shape.fields[index].type)
    }

    private static func fieldNames(_ type: TemplateType) -> [String] {
        guard case .object(let shape) = type.required else { return [] }
        return shape.fields.map(\.name)
    }

    /// The type of `function` applied to a value of `type`; nil when it does not apply.
    private static func apply(_ function: CompiledTemplate.Function, to type: TemplateType) -> TemplateType? {
        let result: TemplateType?
        switch (function, type.required) {
        case (.empty, .list), (.empty, .text): result = .flag
        case (.count, .list): result = .number
        case (.first, .list(let element)), (.last, .list(let element)): result = .optional(element)
        case (.reversed, .list), (.reversed, .text): result = type.required
        case (.capitalized, .text), (.lowercased, .text), (.uppercased, .text): result = .text
        case (.equalZero, .number), (.even, .number), (.odd, .number): result = .flag
        case (.plusOne, .number), (.minusOne, .number): result = .number
        default: result = nil
        }
        guard let result else { return nil }
        return type.isOptional && !result.isOptional ? .optional(result) : result
    }

    private static func functions(for type: TemplateType) -> [CompiledTemplate.Function] {
        CompiledTemplate.Function.allCases.filter { apply($0, to: type) != nil }
    }

    /// Why a value of `type` cannot be printed with `{{name}}`, and what to write instead.
    private static func unprintable(_ name: String, _ type: TemplateType) -> (message: String, hint: String)? {
        switch type.required {
        case .list:
            ("'\(name)' is \(article(type.required)) and cannot be printed", "print its items inside {{#\(name)}}…{{/\(name)}}")
        case .object(let shape):
            ("'\(name)' is \(article(type.required)) and cannot be printed",
             "print one of its values, such as {{\(name).\(shape.fields.first?.name ?? "name")}}")
        case .strings:
            ("'\(name)' is the string table and cannot be printed", "print one of its texts, such as {{t.companies}}")
        default:
            nil
        }
    }

    private static func article(_ type: TemplateType) -> String {
        let text = type.description
        return (text.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + text
    }

    private static func escaped(_ text: String, _ escape: CompiledTemplate.Escape) -> String {
        switch escape {
        case .html: HTMLEscaping().escapeText(text)
        case .none: text
        case .other(let contentType): contentType.escapeText(text)
        }
    }

    /// Reports `message` at the tag at `offset` of the template being compiled, once.
    private mutating func report(_ message: String, hint: String? = nil, _ scope: Scope, at offset: Int?) {
        var message = message
        if scope.file != scope.page { message += " (in \(scope.file), as \(scope.page) includes it)" }
        let location = location(in: scope.file, at: offset)
        guard reported.insert("\(location)\u{0}\(message)").inserted else { return }
        diagnostics.append(.error(at: location, message, hint: hint))
    }

    /// The line and column of the tag at UTF-8 `offset` of the parsed text of template `name`.
    private func location(in name: String, at offset: Int?) -> SourceLocation {
        guard let source = sources[name] else { return .file(name) }
        guard let offset, offset >= prefixLength else { return .file(source.displayPath) }
        let (line, column) = source.position(ofUTF8Offset: offset - prefixLength)
        return source.location(line: line, column: column)
    }
}
