/// A string as JSON writes it, the way Foundation's `JSONEncoder` does with `.withoutEscapingSlashes`:
/// in quotes, with quotes, backslashes and control characters escaped and everything else as it is.
/// `portfolio.json` and the pages' JSON-LD both write their strings here.
enum JSONString {
    /// Appends `string`, quoted, to the UTF-8 bytes `out`. With `scriptSafe`, `<`, `>` and `&` are
    /// also written as `\u003c`, `\u003e` and `\u0026`, so that no text from content can end the
    /// `<script>` element the JSON sits in.
    static func append(_ string: String, to out: inout [UInt8], scriptSafe: Bool = false) {
        out.append(UInt8(ascii: "\""))
        // Most strings have nothing to escape: they are copied whole.
        if string.utf8.containsByte(where: { needsEscape($0, scriptSafe: scriptSafe) }) {
            appendEscaped(string, to: &out, scriptSafe: scriptSafe)
        } else {
            out.append(contentsOf: string.utf8)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends the bytes of `string` with every byte that needs it escaped.
    private static func appendEscaped(_ string: String, to bytes: inout [UInt8], scriptSafe: Bool) {
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case _ where needsEscape(byte, scriptSafe: scriptSafe):
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex(byte >> 4), hex(byte & 0x0F)]
            default: bytes.append(byte)
            }
        }
    }

    private static func needsEscape(_ byte: UInt8, scriptSafe: Bool) -> Bool {
        switch byte {
        case ..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"): true
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): scriptSafe
        default: false
        }
    }

    private static func hex(_ digit: UInt8) -> UInt8 {
        digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
    }
}
