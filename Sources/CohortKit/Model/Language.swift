/// A language of the site, by its BCP 47 code: `en`, `zh`, `he`, `pt-BR`.
public struct Language: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The code as written: a primary subtag of two or three letters, then subtags joined by `-`.
    public let code: String

    /// A language from its code, or nil when the code is not of the BCP 47 form.
    public init?(_ code: String) {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count), primary.utf8.allSatisfy({ (97...122).contains($0) }),
              parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) } })
        else { return nil }
        self.code = code
        isRightToLeft = Self.rightToLeft.contains(String(primary)) && !code.hasSuffix("-Latn")
    }

    /// The primary subtag, such as `zh` for `zh-Hans`.
    public var primary: String { String(code.split(separator: "-").first ?? "") }

    /// Whether the language is written right to left: Arabic, Hebrew, Persian, Urdu and the others
    /// whose main script is. Found once, when the code is read: every page asks it.
    public let isRightToLeft: Bool

    private static let rightToLeft: Set<String> = ["ar", "he", "iw", "fa", "ur", "yi", "dv", "ps", "sd", "ug", "ckb", "syr", "arc", "nqo", "ku"]

    /// `rtl` or `ltr`, for `dir` attributes.
    public var direction: String { isRightToLeft ? "rtl" : "ltr" }

    /// The code.
    public var description: String { code }

    /// Orders by code.
    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.code < rhs.code }
}
