/// A value's fields in storage that its copies share until one of them changes: for the content's
/// large values (a company, an agreement), which are copied into many lists while they are linked,
/// reported and rendered. Two are equal at once when they share their storage.
struct SharedFields<Fields: Sendable & Hashable>: Sendable, Hashable {
    private final class Storage: @unchecked Sendable {
        // Changed only through `set`, on storage no other copy holds.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    init(_ fields: Fields) { storage = Storage(fields) }

    /// The fields.
    var fields: Fields { storage.fields }

    /// Sets one field, on storage of this copy's own.
    mutating func set<Value>(_ field: WritableKeyPath<Fields, Value>, _ value: Value) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        storage.fields[keyPath: field] = value
    }

    static func == (lhs: SharedFields, rhs: SharedFields) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }
}
