import Foundation

/// The path segment of a filter page for a value written in the content, such as a sector
/// (`companies/sector/<key>/`). It depends on the value alone, never on which other values the
/// programme has, so that a filter page keeps its address when content is added:
/// - the value's words, folded (`Slug.words`: lower case, accents off), joined by `-`:
///   `Énergie` gives `energie`, and `Energy storage`, `Energy Storage` and `energy-storage` share
///   `energy-storage`, one page;
/// - when a word is in a script other than Latin, the eight hexadecimal digits of the CRC-32 of the
///   folded words follow the Latin ones (`חקלאות` gives `dc790f11`, `AI חקלאות` gives `ai-5d630f70`), so that
///   values that differ there keep pages of their own;
/// - a value without letters or digits (`—`) is the CRC-32 of the value as written.
enum FilterKey {
    /// The key of `value`.
    static func of(_ value: String) -> String {
        let words = Slug.words(of: value)
        let latin = words.filter { $0.unicodeScalars.allSatisfy(\.isASCII) }
        if !words.isEmpty, latin.count == words.count { return latin.joined(separator: "-") }
        let hash = Checksum.crc32(Data((words.isEmpty ? value : words.joined(separator: "-")).utf8))
        return (latin + [hash]).joined(separator: "-")
    }
}
