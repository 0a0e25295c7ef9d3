/// What a template value is, as the check and the docs see it.
indirect enum TemplateType: Sendable {
    case text, number, flag
    case list(TemplateType)
    case object(TemplateShape)
    /// A value that may be absent.
    case optional(TemplateType)
    /// The interface's words, `t`: a text for each key of the string tables, written into the
    /// template when it is compiled.
    case strings

    /// The type without `optional`.
    var required: TemplateType {
        if case .optional(let wrapped) = self { return wrapped.required }
        return self
    }

    /// Whether the value may be absent.
    var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// How the docs name the type: `text`, `list of company rows`, `logo, or nothing`.
    var description: String {
        switch self {
        case .text: "text"
        case .number: "number"
        case .flag: "yes or no"
        case .list(let element): "list of " + element.required.plural
        case .object(let shape): shape.name
        case .optional(let wrapped): wrapped.description + ", or nothing"
        case .strings: "the string table"
        }
    }

    private var plural: String {
        switch self {
        case .text: "texts"
        case .number: "numbers"
        case .flag: "yes-or-no values"
        case .object(let shape): shape.plural
        default: description
        }
    }
}

/// The fields of one kind of object that templates see: each one's name, type and meaning.
final class TemplateShape: Sendable {
    struct Field: Sendable {
        var name: String
        var type: TemplateType
        /// What the field holds, for the docs.
        var summary: String
    }

    /// How the docs name an object of this shape: `company row`.
    let name: String
    let plural: String
    let fields: [Field]
    /// Each field's position in the object's values, by name.
    let slots: [String: Int]

    init(name: String, plural: String, fields: [Field]) {
        self.name = name
        self.plural = plural
        self.fields = fields
        var slots: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            precondition(slots.updateValue(index, forKey: field.name) == nil, "\(name) declares '\(field.name)' twice")
        }
        self.slots = slots
    }
}

/// A Swift type whose values templates see as objects: its fields declared once, from which come
/// the values pages render, the check of every template against them, and the docs.
protocol TemplateObject: TemplateRepresentable {
    static var fields: TemplateFields<Self> { get }
}

extension TemplateObject {
    static var templateType: TemplateType { .object(fields.shape) }
    var templateValue: TemplateValue { Self.fields.value(of: self) }
}

/// The declared fields of `Root`: their shape, and how to read each one from a `Root`.
struct TemplateFields<Root>: Sendable {
    let shape: TemplateShape
    fileprivate let readers: [@Sendable (Root) -> TemplateValue]

    /// `name` and `plural` name the object in the docs: `company row`, `company rows`.
    init(_ name: String, plural: String, _ fields: [TemplateField<Root>]) {
        let entries = fields.flatMap(\.entries)
        shape = TemplateShape(name: name, plural: plural, fields: entries.map(\.field))
        readers = entries.map(\.read)
    }

    /// The object's values, in the order of its fields.
    func value(of root: Root) -> TemplateValue {
        .object(readers.map { $0(root) })
    }
}

/// One declared field of `Root`, or the fields of a part of it laid in at its level.
struct TemplateField<Root>: Sendable {
    fileprivate let entries: [(field: TemplateShape.Field, read: @Sendable (Root) -> TemplateValue)]

    /// The field `name`, read at `path`, holding what `summary` says.
    init<Value: TemplateRepresentable>(_ name: String, _ path: KeyPath<Root, Value> & Sendable, _ summary: String) {
        let read: @Sendable (Root) -> TemplateValue = { $0[keyPath: path].templateValue }
        entries = [(TemplateShape.Field(name: name, type: Value.templateType, summary: summary), read)]
    }

    private init(entries: [(field: TemplateShape.Field, read: @Sendable (Root) -> TemplateValue)]) {
        self.entries = entries
    }

    /// Every field of the part at `path`, as fields of `Root` itself.
    static func include<Part: TemplateObject>(_ path: KeyPath<Root, Part> & Sendable) -> TemplateField {
        let part = Part.fields
        return TemplateField(entries: part.shape.fields.indices.map { index in
            let readPart = part.readers[index]
            let read: @Sendable (Root) -> TemplateValue = { readPart($0[keyPath: path]) }
            return (part.shape.fields[index], read)
        })
    }
}
