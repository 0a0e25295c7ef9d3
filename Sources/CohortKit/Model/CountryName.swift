import Foundation

/// A country's name from its ISO 3166 alpha-2 code, in a language: from the CLDR data of the
/// toolchain's ICU, which the binary carries, so the same on every machine.
enum CountryName {
    /// Where the toolchain's data departs from CLDR's standard name: it calls CN "China mainland"
    /// (中国大陆, סין היבשתית), a variant; CLDR, and readers, say "China".
    private static let standard: [String: [String: String]] = [
        "CN": ["en": "China", "zh": "中国", "he": "סין"],
    ]

    /// The name of `code` in the language with BCP 47 code `language`, or the code itself when the
    /// data has no name for it.
    static func name(_ code: String, language: String) -> String {
        let primary = String(language.split(separator: "-").first ?? "")
        if let name = standard[code]?[primary] { return name }
        return Locale(identifier: language).localizedString(forRegionCode: code) ?? code
    }
}
