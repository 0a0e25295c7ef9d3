import Mustache

/// HTML escaping for templates: the same five characters swift-mustache's HTML content type escapes
/// (`<`, `>`, `&`, `"`, `'`), done over UTF-8 bytes, and text with none of them is returned as it is.
/// swift-mustache looks each character up in a dictionary, which made escaping a tenth of a build.
///
/// It is installed through swift-mustache's own extension point: a registered content type, chosen by
/// a pragma that `Theme` puts before every template (partials start from HTML again, so each needs it).
struct HTMLEscaping: MustacheContentType {
    /// The content type's registered name.
    static let name = "COHORT_HTML"
    /// The pragma that selects it, on the template's first line so line numbers stay as written.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    /// Registers the content type; registering again is harmless.
    static func register() {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
    }

    private static let lessThan = Array("&lt;".utf8), greaterThan = Array("&gt;".utf8), ampersand = Array("&amp;".utf8)
    private static let quote = Array("&quot;".utf8), apostrophe = Array("&#39;".utf8)

    /// Appends `text`, escaped, to `output`: the runs between the five characters are copied whole.
    static func append(_ text: String, to output: inout ByteBuffer) {
        var text = text
        text.withUTF8 { appendEscaped($0, to: &output) }
    }

    func escapeText(_ text: String) -> String {
        // Text with none of the five comes back as it is, without a copy.
        guard Self.hasSpecial(text) else { return text }
        var escaped = ByteBuffer(capacity: text.utf8.count + 16)
        Self.append(text, to: &escaped)
        return escaped.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer) {
        var start = 0
        for index in bytes.indices {
            let entity: [UInt8]
            switch bytes[index] {
            case 0x3C: entity = lessThan
            case 0x3E: entity = greaterThan
            case 0x26: entity = ampersand
            case 0x22: entity = quote
            case 0x27: entity = apostrophe
            default: continue
            }
            output.append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<index]))
            entity.withUnsafeBytes { output.append($0) }
            start = index + 1
        }
        output.append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
    }

    /// Whether `text` has any of the five characters, read from its bytes in place (String's own
    /// iterator is several times slower here).
    private static func hasSpecial(_ text: String) -> Bool {
        let special = { (byte: UInt8) in byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 }
        return text.utf8.containsByte(where: special)
    }
}
