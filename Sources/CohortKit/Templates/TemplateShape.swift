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
    fileprivate let readers: [TemplateField<Root>.Reader]

    /// `name` and `plural` name the object in the docs: `company row`, `company rows`.
    init(_ name: String, plural: String, _ fields: [TemplateField<Root>]) {
        shape = TemplateShape(name: name, plural: plural, fields: fields.flatMap(\.fields))
        readers = fields.map(\.reader)
    }

    /// The object's values, in the order of its fields.
    func value(of root: Root) -> TemplateValue {
        .object(values(of: root))
    }

    fileprivate func values(of root: Root) -> [TemplateValue] {
        var values: [TemplateValue] = []
        values.reserveCapacity(shape.fields.count)
        for reader in readers {
            switch reader {
            case .field(let read): values.append(read(root))
            case .part(let read): values += read(root)
            }
        }
        return values
    }
}

/// One declared field of `Root`, or the fields of a part of it laid in at its level.
struct TemplateField<Root>: Sendable {
    /// How the field's value is read, or the values of every field of a part.
    fileprivate enum Reader: Sendable {
        case field(@Sendable (Root) -> TemplateValue)
        case part(@Sendable (Root) -> [TemplateValue])
    }

    fileprivate let fields: [TemplateShape.Field]
    fileprivate let reader: Reader

    /// The field `name`, read by `read`, holding what `summary` says. Fields are declared with key
    /// paths (`\.name`), which Swift turns into plain functions here: reading through a stored
    /// `KeyPath` costs several times more, on every field of every row of every page.
    init<Value: TemplateRepresentable>(_ name: String, _ read: @escaping @Sendable (Root) -> Value, _ summary: String) {
        fields = [TemplateShape.Field(name: name, type: Value.templateType, summary: summary)]
        reader = .field { read($0).templateValue }
    }

    private init(fields: [TemplateShape.Field], reader: Reader) {
        self.fields = fields
        self.reader = reader
    }

    /// Every field of the part `read` gives (`\.link`), as fields of `Root` itself.
    static func include<Part: TemplateObject>(_ read: @escaping @Sendable (Root) -> Part) -> TemplateField {
        TemplateField(fields: Part.fields.shape.fields, reader: .part { Part.fields.values(of: read($0)) })
    }
}
