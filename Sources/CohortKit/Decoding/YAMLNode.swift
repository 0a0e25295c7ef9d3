/// A node of a YAML document (front matter, `programme.yml`, a string table), with where it starts:
/// what `NodeReader` reads typed values from. Scalars are kept as written; aliases are resolved to
/// the node their anchor names. `YAMLComposer` makes the tree.
enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// Where a node starts: line and column from 1, columns counted in Unicode scalars as libyaml counts them.
    struct Mark: Sendable, Equatable {
        var line: Int
        var column: Int
    }

    struct Scalar: Sendable {
        /// The text, after YAML's quoting, escapes and folding.
        var string: String
        /// Whether it was written without quotes or a block indicator (`~` and `null` mean nothing only then).
        var isPlain: Bool
        var mark: Mark
    }

    /// The key-value pairs of a mapping, in the order written.
    struct Mapping: Sendable, Swift.Sequence {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        var mark: Mark

        /// The value of the first key written as the text `key`.
        subscript(key: String) -> YAMLNode? {
            pairs.first { $0.key.scalar?.string == key }?.value
        }

        func makeIterator() -> IndexingIterator<[(key: YAMLNode, value: YAMLNode)]> { pairs.makeIterator() }
    }

    struct Sequence: Sendable {
        var items: [YAMLNode]
        var mark: Mark
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { scalar } else { nil }
    }

    var mapping: Mapping? {
        if case .mapping(let mapping) = self { mapping } else { nil }
    }

    /// How a node is described in an error: "a list", "fields", "text".
    var kindDescription: String {
        switch self {
        case .scalar(let scalar): scalar.string.isEmpty ? "an empty value" : "'\(scalar.string)'"
        case .mapping: "fields (key: value pairs)"
        case .sequence: "a list"
        }
    }

    /// A scalar's text, or an empty string.
    var scalarText: String { scalar?.string ?? "" }
}
