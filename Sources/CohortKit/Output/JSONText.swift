import Foundation

/// JSON text laid out exactly as Foundation's `JSONEncoder` lays it out with `.sortedKeys` and
/// `.withoutEscapingSlashes`, compact (the JSON-LD of every page) or with `.prettyPrinted` too (two
/// spaces a level, ` : ` after a key, an empty array or object on three lines: `portfolio.json`); keys
/// in the order of their UTF-8 bytes, decimals as `Decimal` writes them. `JSONEncoder` builds a tree of
/// every value before it writes any text, which for 10,000 companies is the largest thing a build
/// holds; here each value becomes text as soon as it is encoded, and only the text of the values not
/// yet placed in their object is kept.
enum JSONText {
    /// The text of `value`, laid out as `.prettyPrinted` lays it out, without a final newline.
    static func pretty<Value: Encodable>(_ value: Value) throws -> String {
        try render(value, Level(depth: 0, pretty: true), codingPath: [])
    }

    /// The text of `value` on one line, without spaces between its parts.
    static func compact<Value: Encodable>(_ value: Value) throws -> String {
        try render(value, Level(depth: 0, pretty: false), codingPath: [])
    }

    /// How deep a value is, and whether it is laid out on lines of its own.
    fileprivate struct Level {
        var depth: Int
        var pretty: Bool

        /// The level of the values inside a container at this one.
        var inner: Level { Level(depth: depth + 1, pretty: pretty) }
    }

    /// The text of `value` at `level`.
    fileprivate static func render<Value: Encodable>(_ value: Value, _ level: Level, codingPath: [any CodingKey]) throws -> String {
        // JSONEncoder writes a decimal as a number; its own Encodable form is a map of its parts.
        if let decimal = value as? Decimal { return decimal.description }
        let encoder = TextEncoder(slot: Slot(), level: level, codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.slot.render(level)
    }

    /// `string` as a JSON string: quotes, backslashes and control characters escaped, the rest as it is.
    fileprivate static func quoted(_ string: String) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(string.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case ..<0x20: bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
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
        func render(_ level: Level) -> String {
            let indent = level.pretty ? String(repeating: "  ", count: level.depth + 1) : ""
            let close = level.pretty ? String(repeating: "  ", count: level.depth) : ""
            func text(_ entry: Entry) -> String {
                switch entry {
                case .text(let text): text
                case .pending(let slot): slot.render(level.inner)
                }
            }
            switch content {
            case .scalar(let text):
                return text
            case .empty:
                return level.pretty ? "{\n\n" + close + "}" : "{}"
            case .object(let members):
                guard !members.isEmpty else { return level.pretty ? "{\n\n" + close + "}" : "{}" }
                let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                let colon = level.pretty ? " : " : ":"
                return Self.join(sorted.map { (JSONText.quoted($0.key) + colon, text($0.entry)) }, open: "{", close: "}",
                                 indent: indent, closeIndent: close, pretty: level.pretty)
            case .array(let items):
                guard !items.isEmpty else { return level.pretty ? "[\n\n" + close + "]" : "[]" }
                return Self.join(items.map { ("", text($0)) }, open: "[", close: "]", indent: indent, closeIndent: close,
                                 pretty: level.pretty)
            }
        }

        /// `open`, the parts (a key and its value's text) separated by commas, and `close`; when
        /// `pretty`, each part on a line of its own at `indent`, and `close` on a line at `closeIndent`.
        private static func join(_ parts: [(prefix: String, text: String)], open: String, close: String,
                                 indent: String, closeIndent: String, pretty: Bool) -> String {
            let newline = pretty ? "\n" : ""
            // One more byte, for the newline that ends a file.
            var size = 2 + closeIndent.utf8.count + 3
            for part in parts { size += indent.utf8.count + part.prefix.utf8.count + part.text.utf8.count + 2 }
            var out = open + newline
            out.reserveCapacity(size)
            for (index, part) in parts.enumerated() {
                if index > 0 { out += "," + newline }
                out += indent
                out += part.prefix
                out += part.text
            }
            out += newline + closeIndent + close
            return out
        }

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
        let level: Level
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(slot: Slot, level: Level, codingPath: [any CodingKey]) {
            self.slot = slot
            self.level = level
            self.codingPath = codingPath
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object = slot.content {} else { slot.content = .object([]) }
            return KeyedEncodingContainer(KeyedContainer<Key>(slot: slot, level: level, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .array = slot.content {} else { slot.content = .array([]) }
            return UnkeyedContainer(slot: slot, level: level, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleContainer(slot: slot, level: level, codingPath: codingPath)
        }
    }

    fileprivate struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        let level: Level
        var codingPath: [any CodingKey]

        private func add(_ key: Key, _ text: String) { slot.add(key.stringValue, .text(text)) }

        mutating func encodeNil(forKey key: Key) throws { add(key, "null") }
        mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, value ? "true" : "false") }
        mutating func encode(_ value: String, forKey key: Key) throws { add(key, JSONText.quoted(value)) }
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
            add(key, try JSONText.render(value, level.inner, codingPath: codingPath + [key]))
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
            return TextEncoder(slot: nested, level: level.inner, codingPath: codingPath + (key.map { [$0] } ?? []))
        }
    }

    fileprivate struct UnkeyedContainer: UnkeyedEncodingContainer {
        let slot: Slot
        let level: Level
        var codingPath: [any CodingKey]
        private(set) var count = 0

        init(slot: Slot, level: Level, codingPath: [any CodingKey]) {
            self.slot = slot
            self.level = level
            self.codingPath = codingPath
        }

        private mutating func append(_ text: String) {
            slot.append(.text(text))
            count += 1
        }

        mutating func encodeNil() throws { append("null") }
        mutating func encode(_ value: Bool) throws { append(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { append(JSONText.quoted(value)) }
        mutating func encode(_ value: Double) throws { append(try SingleContainer.number(value, codingPath)) }
        mutating func encode(_ value: Float) throws { append(try SingleContainer.number(Double(value), codingPath)) }
        mutating func encode(_ value: Int) throws { append(String(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            append(try JSONText.render(value, level.inner, codingPath: codingPath))
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
            return TextEncoder(slot: nested, level: level.inner, codingPath: codingPath)
        }
    }

    fileprivate struct SingleContainer: SingleValueEncodingContainer {
        let slot: Slot
        let level: Level
        var codingPath: [any CodingKey]

        private func set(_ text: String) { slot.content = .scalar(text) }

        mutating func encodeNil() throws { set("null") }
        mutating func encode(_ value: Bool) throws { set(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { set(JSONText.quoted(value)) }
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
            set(try JSONText.render(value, level, codingPath: codingPath))
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
