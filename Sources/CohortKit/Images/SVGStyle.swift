/// CSS in an SVG file (a `<style>` element, a `style` attribute, a presentation attribute such as
/// `fill`) read as a browser reads it, comments removed and escapes resolved (so `u\72l(` is `url(` and
/// `@\69mport` is `@import`), then checked: `url()` may only name something in the file (`#id`) or an
/// embedded picture; no other at-rule than `@media`, `@supports` and `@keyframes`, and no function or
/// property that loads a document or runs code (`image-set()`, `-moz-binding`).
enum SVGStyle {
    static let atRules: Set<String> = ["media", "supports", "keyframes", "-webkit-keyframes", "-moz-keyframes"]
    static let refusedFunctions: Set<String> = [
        "image", "image-set", "-webkit-image-set", "cross-fade", "-webkit-cross-fade", "element", "-moz-element",
        "src", "expression", "paint",
    ]
    static let refusedProperties = ["behavior", "-moz-binding"]

    /// What in `css` loads another document or is outside the subset, described; nil when nothing.
    static func refused(in css: String) -> String? {
        let text = Array(resolved(css).lowercased().unicodeScalars)
        var index = 0
        while index < text.count {
            let character = text[index]
            if character == "@" {
                let name = identifier(in: text, from: index + 1)
                if !atRules.contains(name) { return "the CSS rule '@\(name)'" }
            } else if character == "(" {
                let name = identifier(in: text, endingAt: index)
                if name == "url" {
                    let target = urlTarget(in: text, from: index + 1)
                    if !(target.hasPrefix("#") || SVGSubset.isEmbeddedPicture(target)) { return "'url(\(target))'" }
                } else if refusedFunctions.contains(name) {
                    return "the CSS function '\(name)()'"
                }
            }
            index += 1
        }
        let flat = String(String.UnicodeScalarView(text))
        return refusedProperties.first { flat.contains($0) }.map { "the CSS property '\($0)'" }
    }

    /// `css` with its comments a space (they separate what they sit between) and its escapes resolved.
    static func resolved(_ css: String) -> String {
        let scalars = Array(css.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
                var end = index + 2
                while end + 1 < scalars.count, !(scalars[end] == "*" && scalars[end + 1] == "/") { end += 1 }
                index = end + 2
                result.append(" ")
                continue
            }
            guard scalar == "\\" else {
                result.append(scalar)
                index += 1
                continue
            }
            index += 1
            guard index < scalars.count else { break }
            var digits = ""
            while digits.count < 6, index < scalars.count, scalars[index].properties.isASCIIHexDigit {
                digits.unicodeScalars.append(scalars[index])
                index += 1
            }
            if digits.isEmpty {
                // An escaped newline continues a string; any other escaped character is itself.
                if !scalars[index].properties.isWhitespace || scalars[index] == " " { result.append(scalars[index]) }
                index += 1
                continue
            }
            if index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            let value = UInt32(digits, radix: 16) ?? 0
            result.append(value == 0 ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(result)
    }

    /// The CSS identifier that starts at `start`.
    private static func identifier(in text: [Unicode.Scalar], from start: Int) -> String {
        var end = start
        while end < text.count, isNameCharacter(text[end]) { end += 1 }
        return String(String.UnicodeScalarView(text[start..<end]))
    }

    /// The CSS identifier that ends just before `end` (a function's name before its parenthesis).
    private static func identifier(in text: [Unicode.Scalar], endingAt end: Int) -> String {
        var start = end
        while start > 0, isNameCharacter(text[start - 1]) { start -= 1 }
        return String(String.UnicodeScalarView(text[start..<end]))
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-" || scalar == "_"
    }

    /// What a `url(` at `start` names: a quoted string's text, or what comes before `)`, trimmed.
    private static func urlTarget(in text: [Unicode.Scalar], from start: Int) -> String {
        var index = start
        while index < text.count, text[index].properties.isWhitespace { index += 1 }
        var target = String.UnicodeScalarView()
        if index < text.count, text[index] == "\"" || text[index] == "'" {
            let quote = text[index]
            index += 1
            while index < text.count, text[index] != quote { target.append(text[index]); index += 1 }
        } else {
            while index < text.count, text[index] != ")" { target.append(text[index]); index += 1 }
        }
        return String(target).trimmingWhitespace()
    }
}
