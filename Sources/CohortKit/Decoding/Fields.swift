import Yams

/// The fields of one YAML mapping, looked up by name.
struct Fields {
    let reader: NodeReader
    let node: Node
    let entries: [String: (key: Node, value: Node)]

    /// The value of `key`, or nil when it is absent or written as an empty value.
    func optional(_ key: String) -> Node? {
        guard let value = entries[key]?.value else { return nil }
        if case .scalar(let scalar) = value, scalar.style == .plain,
           ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return nil
        }
        return value
    }

    /// The value of `key`; reports it missing at the mapping when it is absent.
    func required(_ key: String) -> Node? {
        if let value = optional(key) { return value }
        if let entry = entries[key] {
            reader.error(entry.key, "field '\(key)' is empty", hint: "give '\(key)' a value")
        } else {
            reader.error(node, "missing required field '\(key)'", hint: "add '\(key): ...'")
        }
        return nil
    }

    /// Reads an optional field with `read`.
    func optional<T>(_ key: String, _ read: (Node) -> T?) -> T? {
        optional(key).flatMap(read)
    }

    /// Reads a required field with `read`.
    func required<T>(_ key: String, _ read: (Node) -> T?) -> T? {
        required(key).flatMap(read)
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
