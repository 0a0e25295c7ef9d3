/// The fields of one YAML mapping, looked up by name; whether each is required comes from its
/// declaration in `ContentSchema`, which the JSON Schemas and the docs are made from too.
struct Fields {
    let reader: NodeReader
    let node: YAMLNode
    let entries: [String: (key: YAMLNode, value: YAMLNode)]
    /// The fields the mapping may have, with whether each is required.
    let declared: [SchemaField]
    /// Optional fields it may have besides, named when the content is read.
    let also: [String]

    /// The value of `key`, or nil when it is absent or written as an empty value; a required field
    /// that is absent or empty is reported.
    func value(_ key: String) -> YAMLNode? {
        assert(also.contains(key) || declared.contains { $0.name == key }, "'\(key)' is not a declared field")
        if let value = node(key) { return value }
        guard declared.contains(where: { $0.name == key && $0.required == .yes }) else { return nil }
        if let entry = entries[key] {
            reader.error(entry.key, "field '\(key)' is empty", hint: "give '\(key)' a value")
        } else {
            reader.error(node, "missing required field '\(key)'", hint: "add '\(key): ...'")
        }
        return nil
    }

    /// The field `key`, as `value(_:)` finds it, read as its declaration's type says (`FieldValue`):
    /// `let founded: Int? = fields.read("founded")`.
    func read<T: FieldValue>(_ key: String) -> T? {
        value(key).flatMap { read($0, as: key) }
    }

    /// `node` read as the declaration of `key` says: for a value found some other way than `value(_:)`.
    func read<T: FieldValue>(_ node: YAMLNode, as key: String) -> T? {
        guard let type = declared.first(where: { $0.name == key })?.type else {
            assertionFailure("'\(key)' is read by its type but has no declaration")
            return nil
        }
        return T.read(node, as: type, reader)
    }

    /// Reads the field `key` with `read`, as `value(_:)` finds it: for a value with rules beyond its
    /// declared type (`founded`'s four digits, `base_url`'s trailing slash, a list of maps).
    func value<T>(_ key: String, _ read: (YAMLNode) -> T?) -> T? {
        value(key).flatMap(read)
    }

    /// The value of `key` as written, or nil when it is absent or empty, required or not: for a rule
    /// that reads several fields (`exit` only with status `exited`).
    func node(_ key: String) -> YAMLNode? {
        guard let value = entries[key]?.value else { return nil }
        if case .scalar(let scalar) = value, scalar.isPlain,
           ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return nil
        }
        return value
    }

    /// Whether `key` is written, even with an empty value.
    func contains(_ key: String) -> Bool { entries[key] != nil }

    /// The location of `key` itself (its name), or of the mapping when it is absent.
    func keyLocation(of key: String) -> SourceLocation {
        reader.location(entries[key]?.key ?? node)
    }

    /// The location of `key`'s value, or of the mapping when it is absent.
    func location(of key: String) -> SourceLocation {
        reader.location(entries[key]?.value ?? node)
    }
}
