/// One decoded content file: the typed value of its kind.
enum Document: Sendable {
    case organization(Organization)
    case company(Company)
    case agreement(Agreement)
    case newsItem(NewsItem)
    case page(Page)
    /// The text of another file in another language.
    case translation(Translation)
}

/// The folders of `content/` that hold one entity per `.md` file.
public enum ContentFolder: String, CaseIterable, Sendable {
    /// One per entity folder; the raw value is the folder's name.
    case organizations, companies, agreements, news, pages
}

extension Document {
    /// The Markdown after the front matter; nil for a translation, whose body is optional.
    var body: Body? {
        switch self {
        case .organization(let value): value.body
        case .company(let value): value.body
        case .agreement(let value): value.body
        case .newsItem(let value): value.body
        case .page(let value): value.body
        case .translation: nil
        }
    }

    /// Whether `other` is this organisation, company, agreement, news item or page with the same
    /// front matter, decoded alike, and at most another body. Never for translations.
    func differsAtMostInBody(from other: Document) -> Bool {
        switch (self, other) {
        case (.organization(let value), .organization(let other)): return Self.equal(value, other, apartFrom: \.body)
        case (.company(let value), .company(let other)): return Self.equal(value, other, apartFrom: \.body)
        case (.agreement(let value), .agreement(let other)): return Self.equal(value, other, apartFrom: \.body)
        case (.newsItem(let value), .newsItem(let other)): return Self.equal(value, other, apartFrom: \.body)
        case (.page(let value), .page(let other)): return Self.equal(value, other, apartFrom: \.body)
        default:
            return false
        }
    }

    /// Whether `value` and `other` are equal once `field` of one is the other's.
    private static func equal<Value: Equatable, Field>(_ value: Value, _ other: Value, apartFrom field: WritableKeyPath<Value, Field>) -> Bool {
        var value = value
        value[keyPath: field] = other[keyPath: field]
        return value == other
    }
}
