/// The ids of headings, made as GitHub makes them, so that a link written for GitHub
/// (`about.md#key-figures`) works on the site too.
enum HeadingID {
    /// `Key figures` gives `key-figures`: lower case; letters, digits, `-` and `_` kept, whatever the
    /// script; spaces become `-`; everything else goes.
    static func slug(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
        var slug = ""
        for character in text.lowercased() {
            if character == " " {
                slug.append("-")
            } else if character == "-" || character == "_" || character.isLetterOrDigit {
                slug.append(character)
            }
        }
        return slug
    }

    /// `slug` of an ASCII text, byte by byte (most headings): what the rule above gives for ASCII,
    /// without a `Character` at a time; nil for any other text.
    private static func asciiSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { slug in
                var count = 0
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: " "): slug[count] = UInt8(ascii: "-")
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug[count] = byte + 32
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                        slug[count] = byte
                    default: continue
                    }
                    count += 1
                }
                return count
            }
        }
    }

    /// `slug`, or `slug-1`, `slug-2`... when a heading before took it.
    static func unique(_ slug: String, among used: inout Set<String>) -> String {
        var candidate = slug
        var count = 0
        while used.contains(candidate) {
            count += 1
            candidate = "\(slug)-\(count)"
        }
        used.insert(candidate)
        return candidate
    }
}
