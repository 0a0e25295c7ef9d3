/// A Swift type that a field's value is read into, as the field's `SchemaType` in `ContentSchema`
/// declares it: the one place where a declared type meets the reader of its values, so that a field's
/// bounds, words and list items come from its declaration (`Fields.read`).
protocol FieldValue {
    /// `node` read as `type`, or nil, with the problem reported, when it is not one. A `type` that this
    /// Swift type does not read is a mistake in the decoder: an assertion in debug builds, nil in others.
    static func read(_ node: YAMLNode, as type: SchemaType, _ reader: NodeReader) -> Self?
}

extension FieldValue {
    /// The assertion of `read` when the declaration and the decoder disagree.
    static func mismatch(_ type: SchemaType) -> Self? {
        assertionFailure("a field declared as \(type) is read as \(Self.self)")
        return nil
    }
}

extension String: FieldValue {
    static func read(_ node: YAMLNode, as type: SchemaType, _ reader: NodeReader) -> String? {
        switch type {
        case .text, .path: reader.nonEmptyString(node)
        case .blankableText: reader.string(node)
        case .country: countryCode(node, reader)
        case .webAddress: webAddress(node, reader)
        default: mismatch(type)
        }
    }

    private static func countryCode(_ node: YAMLNode, _ reader: NodeReader) -> String? {
        guard let text = reader.string(node) else { return nil }
        guard text.utf8.count == 2, text.utf8.allSatisfy({ (65...90).contains($0) }) else {
            reader.error(node, "invalid country '\(text)'", hint: "write an ISO 3166 alpha-2 code in capitals, such as IL or CN")
            return nil
        }
        return text
    }

    private static func webAddress(_ node: YAMLNode, _ reader: NodeReader) -> String? {
        guard let text = reader.nonEmptyString(node) else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !text.contains(" ") else {
            reader.error(node, "website must be an http(s) address, found '\(text)'", hint: "for example 'https://example.com'")
            return nil
        }
        return text
    }
}

extension Int: FieldValue {
    /// A whole number, from the declaration's bounds when it gives both.
    static func read(_ node: YAMLNode, as type: SchemaType, _ reader: NodeReader) -> Int? {
        switch type {
        case .whole(let from?, let to?): reader.int(node, in: from...to)
        case .whole(nil, nil): reader.int(node)
        default: mismatch(type)
        }
    }
}

extension Bool: FieldValue {
    static func read(_ node: YAMLNode, as type: SchemaType, _ reader: NodeReader) -> Bool? {
        if case .boolean = type { reader.bool(node) } else { mismatch(type) }
    }
}

extension Day: FieldValue {
    static func read(_ node: YAMLNode, as type: SchemaType, _ reader: NodeReader) -> Day? {
        if case .date = type { reader.day(node) } else { mismatch(type) }
    }
}

extension Slug: FieldValue {
    static func read(_ node: YAMLNode, as type: SchemaType, _ reader: NodeReader) -> Slug? {
        if case .slug = type { reader.slug(node)?.value } else { mismatch(type) }
    }
}

extension Currency: FieldValue {
    static func read(_ node: YAMLNode, as type: SchemaType, _ reader: NodeReader) -> Currency? {
        if case .currency = type { reader.currency(node) } else { mismatch(type) }
    }
}

extension Money: FieldValue {
    static func read(_ node: YAMLNode, as type: SchemaType, _ reader: NodeReader) -> Money? {
        if case .money = type { reader.money(node) } else { mismatch(type) }
    }
}

extension Located: FieldValue where Value: FieldValue {
    /// The value, with where it was written.
    static func read(_ node: YAMLNode, as type: SchemaType, _ reader: NodeReader) -> Located? {
        Value.read(node, as: type, reader).map { Located($0, at: reader.location(node)) }
    }
}

extension Array: FieldValue where Element: FieldValue {
    /// A list, each item read as the declaration's item type; the items that do not read are left out.
    static func read(_ node: YAMLNode, as type: SchemaType, _ reader: NodeReader) -> [Element]? {
        guard case .listOf(let item, _, _, _) = type else { return mismatch(type) }
        return reader.list(node) { Element.read($0, as: item, reader) }
    }
}

/// A field whose value is one of a few words: the cases of a Swift enum, which must be the words its
/// declaration lists.
protocol FieldChoice: FieldValue, CaseIterable, RawRepresentable where RawValue == String {
    /// What an error calls the field's value: "company status".
    static var what: String { get }
}

extension FieldChoice {
    static func read(_ node: YAMLNode, as type: SchemaType, _ reader: NodeReader) -> Self? {
        guard case .choice(let words) = type else { return mismatch(type) }
        assert(words == allCases.map(\.rawValue), "\(Self.self)'s cases are not the words declared: \(words)")
        return reader.choice(node, Self.self, what: what)
    }
}

extension Organization.Kind: FieldChoice { static let what = "organisation kind" }
extension Company.Status: FieldChoice { static let what = "company status" }
extension Agreement.Kind: FieldChoice { static let what = "agreement kind" }
extension Agreement.Status: FieldChoice { static let what = "agreement status" }
extension Round.Kind: FieldChoice { static let what = "round kind" }
extension Round.Instrument: FieldChoice { static let what = "instrument" }
extension Exit.Kind: FieldChoice { static let what = "exit kind" }
extension Distribution.Kind: FieldChoice { static let what = "distribution kind" }
extension Metric.Kind: FieldChoice { static let what = "metric kind" }
extension Metric.Total: FieldChoice { static let what = "total" }
extension Period.Kind: FieldChoice { static let what = "metrics period" }
