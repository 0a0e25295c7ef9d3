import Foundation

/// JSON text laid out exactly as Foundation's `JSONEncoder` lays it out with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` (two spaces a level, ` : ` after a key, keys in the
/// order of their UTF-8 bytes, an empty array or object on three lines, decimals as `Decimal` writes
/// them), for `portfolio.json`. `JSONEncoder` builds a tree of every value before it writes any text,
/// which for 10,000 companies is the largest thing a build holds; here each value becomes text as soon
/// as it is encoded, and only the text of the values not yet placed in their object is kept.
enum PrettyJSON {
    /// The text of `value`, without a final newline.
    static func text<Value: Encodable>(_ value: Value) throws -> String {
        try render(value, depth: 0, codingPath: [])
    }

    /// The text of `value` at `depth` levels of indentation.
    fileprivate static func render<Value: Encodable>(_ value: Value, depth: Int, codingPath: [any CodingKey]) throws -> String {
        // JSONEncoder writes a decimal as a number; its own Encodable form is a map of its parts.
        if let decimal = value as? Decimal { return decimal.description }
        let encoder = TextEncoder(slot: Slot(), depth: depth, codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.slot.render(depth: depth)
    }

    /// What one value has become so far: its text, or the texts of its members, or entries still to
    /// be filled (a nested container or a super encoder).
    fileprivate final class Slot {
        enum Entry {
            case text(String)
            case pending(Slot)
        }

        enum Content {
            case empty
            case scalar(String)
            case object([(key: String, entry: Entry)])
            case array([Entry])
        }

        var content = Content.empty

        /// The value's text, written into one string sized beforehand: the members' texts are copied
        /// once, not joined from lines.
        func render(depth: Int) -> String {
            let close = Self.indentation(depth)
            func text(_ entry: Entry) -> String {
                switch entry {
                case .text(let text): text
                case .pending(let slot): slot.render(depth: depth + 1)
                }
            }
            switch content {
            case .scalar(let text):
                return text
            case .empty:
                return "{\n\n" + close + "}"
            case .object(let members):
                guard !members.isEmpty else { return "{\n\n" + close + "}" }
                let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                return Self.join(sorted.map(\.key), sorted.map { text($0.entry) }, open: "{", close: "}", depth: depth)
            case .array(let items):
                guard !items.isEmpty else { return "[\n\n" + close + "]" }
                return Self.join(nil, items.map(text), open: "[", close: "]", depth: depth)
            }
        }

        /// `open`, each text on a line of its own one level in (after its key, for an object's
        /// members), separated by commas, and `close` on a line at `depth`.
        private static func join(_ keys: [String]?, _ texts: [String], open: String, close: String, depth: Int) -> String {
            let indent = indentation(depth + 1), closeIndent = indentation(depth)
            // One more byte, for the newline that ends a file; a key's quotes and ` : ` are 5 more.
            var size = 2 + closeIndent.utf8.count + 3
            for text in texts { size += indent.utf8.count + text.utf8.count + 2 }
            for key in keys ?? [] { size += key.utf8.count + 5 }
            let (first, next) = depth + 1 < lineStarts.count ? lineStarts[depth + 1] : ("\n" + indent, ",\n" + indent)
            var out = open
            out.reserveCapacity(size)
            for (index, text) in texts.enumerated() {
                out += index > 0 ? next : first
                if let keys {
                    JSONString.append(keys[index], to: &out)
                    out += " : "
                }
                out += text
            }
            out += "\n"
            out += closeIndent
            out += close
            return out
        }

        /// Two spaces a level, made once for the usual depths.
        private static func indentation(_ depth: Int) -> String {
            depth < indentations.count ? indentations[depth] : String(repeating: "  ", count: depth)
        }

        private static let indentations = (0..<16).map { String(repeating: "  ", count: $0) }

        /// What starts the first line of a container's members at each depth, and what starts each
        /// line after it (the comma that ends the line before, then the indentation).
        private static let lineStarts = indentations.map { ("\n" + $0, ",\n" + $0) }

        func add(_ key: String, _ entry: Entry) {
            if case .object(var members) = content {
                content = .empty
                members.append((key, entry))
                content = .object(members)
            } else {
                content = .object([(key, entry)])
            }
        }

        func append(_ entry: Entry) {
            if case .array(var items) = content {
                content = .empty
                items.append(entry)
                content = .array(items)
            } else {
                content = .array([entry])
            }
        }
    }

    fileprivate struct TextEncoder: Encoder {
        let slot: Slot
        let depth: Int
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(slot: Slot, depth: Int, codingPath: [any CodingKey]) {
            self.slot = slot
            self.depth = depth
            self.codingPath = codingPath
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object = slot.content {} else { slot.content = .object([]) }
            return KeyedEncodingContainer(KeyedContainer<Key>(slot: slot, depth: depth, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .array = slot.content {} else { slot.content = .array([]) }
            return UnkeyedContainer(slot: slot, depth: depth, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleContainer(slot: slot, depth: depth, codingPath: codingPath)
        }
    }

    fileprivate struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        let depth: Int
        var codingPath: [any CodingKey]

        private func add(_ key: Key, _ text: String) { slot.add(key.stringValue, .text(text)) }

        mutating func encodeNil(forKey key: Key) throws { add(key, "null") }
        mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, value ? "true" : "false") }
        mutating func encode(_ value: String, forKey key: Key) throws { add(key, JSONString.quoted(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { add(key, try SingleContainer.number(value, codingPath + [key])) }
        mutating func encode(_ value: Float, forKey key: Key) throws { add(key, try SingleContainer.number(Double(value), codingPath + [key])) }
        mutating func encode(_ value: Int, forKey key: Key) throws { add(key, String(value)) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { add(key, String(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { add(key, String(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { add(key, String(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { add(key, String(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { add(key, String(value)) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { add(key, String(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { add(key, String(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { add(key, String(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { add(key, String(value)) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            add(key, try PrettyJSON.render(value, depth: depth + 1, codingPath: codingPath + [key]))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey> {
            nestedEncoder(key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            nestedEncoder(key).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { nestedEncoder(nil) }

        mutating func superEncoder(forKey key: Key) -> any Encoder { nestedEncoder(key) }

        private func nestedEncoder(_ key: Key?) -> TextEncoder {
            let nested = Slot()
            slot.add(key?.stringValue ?? "super", .pending(nested))
            return TextEncoder(slot: nested, depth: depth + 1, codingPath: codingPath + (key.map { [$0] } ?? []))
        }
    }

    fileprivate struct UnkeyedContainer: UnkeyedEncodingContainer {
        let slot: Slot
        let depth: Int
        var codingPath: [any CodingKey]
        private(set) var count = 0

        init(slot: Slot, depth: Int, codingPath: [any CodingKey]) {
            self.slot = slot
            self.depth = depth
            self.codingPath = codingPath
        }

        private mutating func append(_ text: String) {
            slot.append(.text(text))
            count += 1
        }

        mutating func encodeNil() throws { append("null") }
        mutating func encode(_ value: Bool) throws { append(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { append(JSONString.quoted(value)) }
        mutating func encode(_ value: Double) throws { append(try SingleContainer.number(value, codingPath)) }
        mutating func encode(_ value: Float) throws { append(try SingleContainer.number(Double(value), codingPath)) }
        mutating func encode(_ value: Int) throws { append(String(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            append(try PrettyJSON.render(value, depth: depth + 1, codingPath: codingPath))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            nestedEncoder().container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nestedEncoder().unkeyedContainer() }

        mutating func superEncoder() -> any Encoder { nestedEncoder() }

        private mutating func nestedEncoder() -> TextEncoder {
            let nested = Slot()
            slot.append(.pending(nested))
            count += 1
            return TextEncoder(slot: nested, depth: depth + 1, codingPath: codingPath)
        }
    }

    fileprivate struct SingleContainer: SingleValueEncodingContainer {
        let slot: Slot
        let depth: Int
        var codingPath: [any CodingKey]

        private func set(_ text: String) { slot.content = .scalar(text) }

        mutating func encodeNil() throws { set("null") }
        mutating func encode(_ value: Bool) throws { set(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { set(JSONString.quoted(value)) }
        mutating func encode(_ value: Double) throws { set(try Self.number(value, codingPath)) }
        mutating func encode(_ value: Float) throws { set(try Self.number(Double(value), codingPath)) }
        mutating func encode(_ value: Int) throws { set(String(value)) }
        mutating func encode(_ value: Int8) throws { set(String(value)) }
        mutating func encode(_ value: Int16) throws { set(String(value)) }
        mutating func encode(_ value: Int32) throws { set(String(value)) }
        mutating func encode(_ value: Int64) throws { set(String(value)) }
        mutating func encode(_ value: UInt) throws { set(String(value)) }
        mutating func encode(_ value: UInt8) throws { set(String(value)) }
        mutating func encode(_ value: UInt16) throws { set(String(value)) }
        mutating func encode(_ value: UInt32) throws { set(String(value)) }
        mutating func encode(_ value: UInt64) throws { set(String(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            set(try PrettyJSON.render(value, depth: depth, codingPath: codingPath))
        }

        /// A finite number; Cohort's figures have none but decimals and whole numbers.
        static func number(_ value: Double, _ codingPath: [any CodingKey]) throws -> String {
            guard value.isFinite else {
                throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "not a finite number"))
            }
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description
        }
    }
}
