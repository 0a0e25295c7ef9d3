/// Escaping for XML text and attribute values.
enum XML {
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: false
        case 0x0...0x1F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    static func escape(_ text: String) -> String {
        // Most text has none of the five, no control character and no U+FFFE or U+FFFF (whose UTF-8
        // starts with 0xEF): it is written as it is.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF })
        else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default:
                // XML 1.0 forbids most control characters even escaped: a pasted one would make the
                // whole feed or chart unreadable, so it becomes U+FFFD.
                if character.unicodeScalars.contains(where: isForbidden) {
                    escaped.append("\u{FFFD}")
                } else {
                    escaped.append(character)
                }
            }
        }
        return escaped
    }
}
