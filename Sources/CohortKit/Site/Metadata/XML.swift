/// Escaping for XML text and attribute values.
enum XML {
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: false
        case 0x0...0x1F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// The entity for one of the five characters XML escapes, by its byte (or ASCII scalar value).
    private static func entity(_ byte: UInt32) -> [UInt8]? {
        switch byte {
        case 0x26: ampersand
        case 0x3C: lessThan
        case 0x3E: greaterThan
        case 0x22: quote
        case 0x27: apostrophe
        default: nil
        }
    }

    private static let ampersand = Array("&amp;".utf8), lessThan = Array("&lt;".utf8), greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8), apostrophe = Array("&apos;".utf8)

    static func escape(_ text: String) -> String {
        // Most text has none of the five, no control character and no U+FFFE or U+FFFF (whose UTF-8
        // starts with 0xEF): it is written as it is.
        guard text.utf8.containsByte(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF })
        else { return text }
        // Without a forbidden character, the five are replaced byte by byte (a feed escapes whole
        // news bodies, whose HTML has many).
        guard text.utf8.containsByte(where: { ($0 < 0x20 && $0 != 0x9 && $0 != 0xA && $0 != 0xD) || $0 == 0xEF }) else {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count + 64)
            for byte in text.utf8 {
                if let entity = entity(UInt32(byte)) { bytes += entity } else { bytes.append(byte) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            // XML 1.0 forbids most control characters even escaped: a pasted one would make the whole
            // feed or chart unreadable, so the character it is in becomes U+FFFD.
            if character.unicodeScalars.contains(where: isForbidden) {
                escaped.append("\u{FFFD}")
                continue
            }
            // Escaped scalar by scalar, so that a mark after `<` (one character) cannot keep it raw.
            for scalar in character.unicodeScalars {
                if let entity = entity(scalar.value) {
                    escaped += String(decoding: entity, as: UTF8.self)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }
}
