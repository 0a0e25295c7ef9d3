import Foundation

/// JSON text laid out exactly as Foundation's `JSONEncoder` lays it out with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` (two spaces a level, ` : ` after a key, keys in the
/// order of their UTF-8 bytes, an empty array or object on three lines, decimals as `Decimal` writes
/// them), for `portfolio.json`.
///
/// Values write themselves, member by member, into one buffer (`PrettyJSONValue`): an object names its
/// keys in byte order, and dictionaries are sorted here. `JSONEncoder` builds a tree of every value
/// before writing, and any `Encoder` pays for `Codable`'s boxed containers at every value, which for
/// 10,000 companies was a tenth of a build; the test that `portfolio.json` is `JSONEncoder`'s to the
/// byte keeps the members written here and the types' `CodingKeys` the same.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the container being written has no member yet.
    private var isEmpty = true

    /// The text of `value` as UTF-8 bytes, with `ending` after it.
    static func utf8(_ value: some PrettyJSONValue, ending: String = "") -> [UInt8] {
        var json = PrettyJSON()
        json.bytes.reserveCapacity(1 << 16)
        value.write(to: &json)
        json.bytes.append(contentsOf: ending.utf8)
        return json.bytes
    }

    /// An object, whose members `write` writes with `field`, in the byte order of their keys.
    mutating func object(_ write: (inout PrettyJSON) -> Void) {
        open(UInt8(ascii: "{"))
        write(&self)
        close(UInt8(ascii: "}"))
    }

    /// An array of `items`.
    mutating func array<Items: Sequence>(_ items: Items) where Items.Element: PrettyJSONValue {
        open(UInt8(ascii: "["))
        for item in items {
            startLine()
            item.write(to: &self)
        }
        close(UInt8(ascii: "]"))
    }

    /// A member of the object being written, left out when `value` is nil (as `Codable` leaves out a
    /// nil optional).
    mutating func field(_ key: StaticString, _ value: (some PrettyJSONValue)?) {
        guard let value else { return }
        startLine()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes += [UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")]
        value.write(to: &self)
    }

    /// A dictionary's entries as an object's members, keys in the order of their bytes.
    fileprivate mutating func members<Value: PrettyJSONValue>(_ dictionary: [String: Value]) {
        for (key, value) in dictionary.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            startLine()
            JSONString.append(key, to: &bytes)
            bytes += [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")]
            value.write(to: &self)
        }
    }

    /// Text written as it is: a number, `true`, `false`.
    fileprivate mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A quoted string.
    fileprivate mutating func string(_ text: String) { JSONString.append(text, to: &bytes) }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        isEmpty = true
    }

    /// The closing bracket on a line at the container's depth, after an empty line when it is empty.
    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        bytes.append(UInt8(ascii: "\n"))
        if isEmpty { bytes.append(UInt8(ascii: "\n")) }
        indent()
        bytes.append(bracket)
        isEmpty = false
    }

    /// Ends the line of the member before, if any, with a comma and starts the next one indented.
    private mutating func startLine() {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
        indent()
        isEmpty = false
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
}

/// A value that `PrettyJSON` writes.
protocol PrettyJSONValue {
    func write(to json: inout PrettyJSON)
}

extension String: PrettyJSONValue {
    func write(to json: inout PrettyJSON) { json.string(self) }
}

extension Int: PrettyJSONValue {
    func write(to json: inout PrettyJSON) { json.raw(String(self)) }
}

extension Bool: PrettyJSONValue {
    func write(to json: inout PrettyJSON) { json.raw(self ? "true" : "false") }
}

extension Decimal: PrettyJSONValue {
    /// As `JSONEncoder` writes a decimal: a number, as its description.
    func write(to json: inout PrettyJSON) { json.raw(description) }
}

extension Array: PrettyJSONValue where Element: PrettyJSONValue {
    func write(to json: inout PrettyJSON) { json.array(self) }
}

extension Dictionary: PrettyJSONValue where Key == String, Value: PrettyJSONValue {
    func write(to json: inout PrettyJSON) { json.object { $0.members(self) } }
}
