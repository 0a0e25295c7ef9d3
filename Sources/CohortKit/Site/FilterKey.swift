import CImageLibraries

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
        let hash = checksum(words.isEmpty ? value : words.joined(separator: "-"))
        return (latin + [hash]).joined(separator: "-")
    }

    /// The CRC-32 of `text`'s UTF-8 bytes, as eight hexadecimal digits.
    private static func checksum(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let value = bytes.withUnsafeBufferPointer { buffer in crc32(0, buffer.baseAddress, uInt(buffer.count)) }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
