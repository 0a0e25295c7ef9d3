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

    /// The slug nearest to `text`: its ASCII letters and digits in lower case, each other run as one
    /// `-`; `fallback` when nothing is left (text in Chinese, say).
    static func nearest(to text: String, otherwise fallback: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? fallback : slug
    }

    /// The slug's text, as in the file name.
    public var description: String { rawValue }

    /// Orders slugs by their text.
    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }
}
