import CYaml

/// Why a YAML text gave no node tree.
enum YAMLProblem: Error {
    /// libyaml could not parse it: the problem, where, and what it was reading from where.
    case malformed(problem: String, at: YAMLNode.Mark, context: (text: String, mark: YAMLNode.Mark)?)
    /// Keys written more than once in one mapping, each at its second writing, in the order of the keys.
    case duplicateKeys([(key: String, mark: YAMLNode.Mark)])
    /// The text could not be read at all (libyaml's reader or memory failed).
    case unreadable(String)
}

/// Composes a YAML text into `YAMLNode`s from libyaml's events, read from CYaml, the libyaml that Yams
/// is built on and ships. Yams' own composer builds a richer tree than decoding needs (tags and
/// resolvers, an object per event, a dictionary per mapping for its duplicate check), which was most
/// of what reading front matter cost; this one keeps what `NodeReader` reads and nothing else.
///
/// As Yams' `compose(yaml:)`: one document at most (none gives nil), aliases resolved to their anchor's
/// node, an undefined alias or a key written twice in a mapping an error, libyaml's own messages for
/// what it cannot parse.
final class YAMLComposer {
    private var parser = yaml_parser_t()
    private var anchors: [String: YAMLNode] = [:]

    private init() {}

    /// The document of `yaml`, nil when it has none.
    static func compose(_ yaml: String) -> Result<YAMLNode?, YAMLProblem> {
        var text = yaml
        return text.withUTF8 { bytes in
            let composer = YAMLComposer()
            guard yaml_parser_initialize(&composer.parser) == 1 else { return .failure(.unreadable("Memory error")) }
            defer { yaml_parser_delete(&composer.parser) }
            yaml_parser_set_encoding(&composer.parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&composer.parser, bytes.baseAddress, bytes.count)
            do throws(YAMLProblem) {
                return .success(try composer.document())
            } catch {
                return .failure(error)
            }
        }
    }

    /// One event, its strings copied out of libyaml's.
    private struct Event {
        var type: yaml_event_type_t
        var mark: YAMLNode.Mark
        var anchor: String?
        var scalar: String
        var isPlain: Bool
    }

    private func next() throws(YAMLProblem) -> Event {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw problem() }
        defer { yaml_event_delete(&event) }
        var anchor: UnsafeMutablePointer<yaml_char_t>?
        var scalar = ""
        var isPlain = false
        switch event.type {
        case YAML_SCALAR_EVENT:
            anchor = event.data.scalar.anchor
            scalar = String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
            isPlain = event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
        case YAML_ALIAS_EVENT: anchor = event.data.alias.anchor
        case YAML_SEQUENCE_START_EVENT: anchor = event.data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT: anchor = event.data.mapping_start.anchor
        default: break
        }
        return Event(type: event.type, mark: Self.mark(event.start_mark), anchor: anchor.map { String(cString: $0) },
                     scalar: scalar, isPlain: isPlain)
    }

    private func document() throws(YAMLProblem) -> YAMLNode? {
        _ = try next() // the stream's start
        let start = try next()
        guard start.type != YAML_STREAM_END_EVENT else { return nil }
        let root = try node(try next())
        _ = try next() // the document's end
        let end = try next()
        guard end.type == YAML_STREAM_END_EVENT else {
            throw .malformed(problem: "but found another document", at: end.mark,
                             context: ("expected a single document in the stream", YAMLNode.Mark(line: 1, column: 1)))
        }
        return root
    }

    private func node(_ event: Event) throws(YAMLProblem) -> YAMLNode {
        let node: YAMLNode
        switch event.type {
        case YAML_ALIAS_EVENT:
            guard let anchor = event.anchor, let target = anchors[anchor] else {
                throw .malformed(problem: "found undefined alias", at: event.mark, context: nil)
            }
            return target
        case YAML_SEQUENCE_START_EVENT:
            var items: [YAMLNode] = []
            while true {
                let item = try next()
                if item.type == YAML_SEQUENCE_END_EVENT { break }
                items.append(try self.node(item))
            }
            node = .sequence(YAMLNode.Sequence(items: items, mark: event.mark))
        case YAML_MAPPING_START_EVENT:
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            while true {
                let key = try next()
                if key.type == YAML_MAPPING_END_EVENT { break }
                pairs.append((try self.node(key), try self.node(try next())))
            }
            try Self.checkKeys(pairs)
            node = .mapping(YAMLNode.Mapping(pairs: pairs, mark: event.mark))
        default:
            node = .scalar(YAMLNode.Scalar(string: event.scalar, isPlain: event.isPlain, mark: event.mark))
        }
        if let anchor = event.anchor { anchors[anchor] = node }
        return node
    }

    /// Fails on text keys written twice: a mapping's handful of keys are compared pair by pair, a long
    /// one's through a set.
    private static func checkKeys(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(YAMLProblem) {
        var seen: Set<String> = [], reported: Set<String> = []
        var repeated: [(key: String, mark: YAMLNode.Mark)] = []
        for (index, pair) in pairs.enumerated() {
            guard let key = pair.key.scalar?.string else { continue }
            let isRepeated = pairs.count <= 16
                ? pairs[..<index].contains { $0.key.scalar?.string == key }
                : !seen.insert(key).inserted
            if isRepeated, reported.insert(key).inserted { repeated.append((key, pair.key.mark)) }
        }
        guard repeated.isEmpty else { throw .duplicateKeys(repeated.sorted { $0.key < $1.key }) }
    }

    /// What libyaml found wrong, in its words.
    private func problem() -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let context = parser.context.map { (String(cString: $0), Self.mark(parser.context_mark)) }
            return .malformed(problem: problem, at: Self.mark(parser.problem_mark), context: context)
        case YAML_MEMORY_ERROR:
            return .unreadable("Memory error")
        default:
            return .unreadable(problem)
        }
    }

    private static func mark(_ mark: yaml_mark_t) -> YAMLNode.Mark {
        YAMLNode.Mark(line: mark.line + 1, column: mark.column + 1)
    }
}
