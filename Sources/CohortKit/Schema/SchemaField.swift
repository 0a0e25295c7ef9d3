/// A field of a kind of file: its name, type, whether it is required and what it means.
public struct SchemaField: Sendable {
    /// The field's name, as written in the file: `focus_area`.
    public let name: String
    /// The type its value is read as.
    public let type: SchemaType
    /// Whether a file must have it.
    public let required: Requirement
    /// What it means, in the words of docs/content-format.md (Markdown).
    public let meaning: String

    /// Whether a file must have the field.
    public enum Requirement: Sendable, Equatable {
        case yes
        case no
        /// Only in some cases, which `cohort check` knows (the docs' words): not required by the schema.
        case when(String)

        /// As the docs' tables write it.
        var label: String {
            switch self {
            case .yes: "yes"
            case .no: "no"
            case .when(let text): text
            }
        }
    }

    init(_ name: String, _ type: SchemaType, _ required: Requirement, _ meaning: String) {
        self.name = name
        self.type = type
        self.required = required
        self.meaning = meaning
    }
}

/// The type of a field's value, as Cohort reads it (docs/content-format.md, "Value types").
public indirect enum SchemaType: Sendable {
    /// Any single value, taken as written; not blank.
    case text
    /// Text that may be empty.
    case blankableText
    /// A whole number from zero, within these bounds when they are given.
    case whole(from: Int?, to: Int?)
    /// `true` or `false`.
    case boolean
    /// A day, `YYYY-MM-DD`.
    case date
    /// Another file's slug.
    case slug
    /// An ISO 3166 alpha-2 code in capitals.
    case country
    /// An ISO 4217 code in capitals.
    case currency
    /// An `http` or `https` address.
    case webAddress
    /// An amount in any of the money forms.
    case money
    /// A file's path from the content folder.
    case path
    /// An address of a page on the site, from its top: `companies/alpha-farms.html`, `old/about/`.
    case sitePath
    /// A BCP 47 language code.
    case language
    /// One of these words.
    case choice([String])
    /// A list of items of a type: at least so many, each different when `unique`; `label` names it in the docs.
    case listOf(SchemaType, atLeast: Int, unique: Bool, label: String?)
    /// A map with these fields, and the name the docs give it.
    case object(String, [SchemaField])
    /// Any of these forms.
    case either([SchemaType])
    /// Currency codes with rates.
    case rates
    /// A company's report of the programme's metrics: `period`, `estimated`, `source` and a value for
    /// any metric `programme.yml` declares.
    case metricReport

    /// Any whole number from zero.
    static let wholeNumber = SchemaType.whole(from: nil, to: nil)

    /// A whole number from `from` to `to`.
    static func wholeNumber(from: Int, to: Int) -> SchemaType { .whole(from: from, to: to) }

    static func list(_ item: SchemaType, atLeast: Int = 0, unique: Bool = false, label: String? = nil) -> SchemaType {
        .listOf(item, atLeast: atLeast, unique: unique, label: label)
    }

    /// The type as the docs' tables name it: `text`, `list of slug`, `one of `a`, `b``.
    var label: String {
        switch self {
        case .text, .blankableText: "text"
        case .whole: "whole number"
        case .boolean: "boolean"
        case .date: "date"
        case .slug: "slug"
        case .country: "country"
        case .currency: "currency"
        case .webAddress: "web address"
        case .money: "money"
        case .path: "path"
        case .sitePath: "site path"
        case .language: "language"
        case .rates: "map"
        case .metricReport: "report"
        case .choice(let words):
            words.count == 2 ? "`\(words[0])` or `\(words[1])`" : "one of " + words.map { "`\($0)`" }.joined(separator: ", ")
        case .listOf(let item, _, _, let label): label ?? "list of " + item.label
        case .object(let name, _): name
        case .either(let forms): forms.map(\.label).joined(separator: ", or ")
        }
    }
}
