/// The identity of an entity: its file name without `.md`, matching `[a-z0-9][a-z0-9-]*`.
public struct Slug: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The slug's text.
    public let rawValue: String

    /// Creates a slug if `text` is a valid one.
    public init?(_ text: String) {
        guard Slug.isValid(text) else { return nil }
        rawValue = text
    }

    /// Whether `text` matches `[a-z0-9][a-z0-9-]*`.
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, isLowerAlphanumeric(first) else { return false }
        return text.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The slug nearest to `text`: its letters with accents folded (`Café München` gives
    /// `cafe-munchen`), its ASCII letters and digits in lower case, each other run as one `-`;
    /// `fallback` when nothing is left (text in Chinese, say).
    static func nearest(to text: String, otherwise fallback: String) -> String {
        let slug = words(of: text).filter { $0.unicodeScalars.allSatisfy(\.isASCII) }.joined(separator: "-")
        return slug.isEmpty ? fallback : slug
    }

    /// The words of `text`, folded: runs of letters and digits in lower case, with accents and other
    /// marks taken off (`é` is `e`) and the Latin letters that have no accent to take off spelled as
    /// ASCII (`ß` is `ss`, `ø` is `o`). Words of other scripts stay as they are; ASCII letters and
    /// letters of another script make separate words (`agriтех` gives `agri` and `тех`).
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var wordIsASCII = true
        func finish() {
            if !word.isEmpty { words.append(word) }
            word = ""
            wordIsASCII = true
        }
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let folded = latinSpellings[scalar] ?? String(scalar)
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
                finish()
                continue
            }
            // ASCII letters and letters of other scripts make separate words: `agriтех` is `agri`, `тех`.
            let isASCII = folded.unicodeScalars.allSatisfy(\.isASCII)
            if !word.isEmpty, isASCII != wordIsASCII { finish() }
            wordIsASCII = isASCII
            word += folded
        }
        finish()
        return words
    }

    /// Latin letters that canonical decomposition leaves as they are, as ASCII spells them.
    private static let latinSpellings: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t",
    ]

    /// The slug's text, as in the file name.
    public var description: String { rawValue }

    /// Orders slugs by their text.
    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }
}
