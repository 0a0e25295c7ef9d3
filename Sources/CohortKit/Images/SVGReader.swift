import CImageLibraries
import Foundation

/// Reads an SVG file as XML, with expat and its namespaces: its size (the root's `viewBox`, else its
/// `width` and `height`), whether it writes text, and whether it keeps to the static subset Cohort
/// publishes (`SVGSubset`, its CSS read by `SVGStyle`). Anything else is refused where it is written:
/// an element or attribute outside the subset, an event attribute, a reference to another file or
/// address, a processing instruction (`<?xml-stylesheet?>`), a declared entity. External entities are
/// never loaded.
enum SVGReader {
    /// What an SVG that keeps to the subset says of itself.
    struct Facts: Sendable, Hashable {
        /// Its size in pixels, when it gives one.
        var size: Size?
        /// Whether it writes text (which needs fonts to draw).
        var hasText: Bool
    }

    struct Size: Sendable, Hashable {
        var width: Int
        var height: Int
    }

    /// What to do with an SVG that is refused.
    static let hint = "Cohort publishes static SVG (see docs/content-format.md, SVG files): remove it, "
        + "or export the drawing again as a plain SVG (in Inkscape, Save As, Plain or Optimized SVG)"

    /// What `data` says of itself, or why it cannot be published.
    static func read(_ data: Data) -> Result<Facts, ImageProblem> {
        let state = State()
        // Names in a namespace come as "namespace name": no namespace holds a space.
        guard let parser = XML_ParserCreateNS(nil, CChar(UInt8(ascii: " "))) else { return .failure(.unreadable("SVG")) }
        defer { XML_ParserFree(parser) }
        let retained = Unmanaged.passRetained(state)
        defer { retained.release() }
        XML_SetUserData(parser, retained.toOpaque())
        state.position = { (Int(XML_GetCurrentLineNumber(parser)), Int(XML_GetCurrentColumnNumber(parser)) + 1) }
        XML_SetElementHandler(parser, { user, name, attributes in
            guard let user, let name else { return }
            var pairs: [(String, String)] = []
            var index = 0
            while let key = attributes?[index], let value = attributes?[index + 1] {
                pairs.append((String(cString: key), String(cString: value)))
                index += 2
            }
            State.of(user).start(String(cString: name), pairs)
        }, { user, _ in
            guard let user else { return }
            State.of(user).end()
        })
        XML_SetCharacterDataHandler(parser, { user, text, length in
            guard let user, let text, length > 0 else { return }
            let state = State.of(user)
            guard state.inStyle else { return }
            text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                state.style += String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
            }
        })
        XML_SetProcessingInstructionHandler(parser, { user, target, _ in
            guard let user else { return }
            State.of(user).fail("has a processing instruction <?\(target.map { String(cString: $0) } ?? "")?>, which can load a stylesheet")
        })
        XML_SetEntityDeclHandler(parser, { user, name, _, _, _, _, _, _, _ in
            guard let user else { return }
            State.of(user).fail("declares an entity '\(name.map { String(cString: $0) } ?? "")' in its DOCTYPE")
        })
        let status = data.withUnsafeBytes { bytes in
            XML_Parse(parser, bytes.bindMemory(to: CChar.self).baseAddress, Int32(clamping: bytes.count), 1)
        }
        if let problem = state.problem { return .failure(problem) }
        guard status == XML_STATUS_OK, state.isSVG else { return .failure(.unreadable("SVG")) }
        return .success(Facts(size: state.size, hasText: state.hasText))
    }

    /// What the parser has found so far.
    private final class State {
        var problem: ImageProblem?
        var isSVG = false
        var size: Size?
        var inStyle = false
        var hasText = false
        var style = ""
        /// Where the `<style>` element being read starts.
        var styleStart = (line: 0, column: 0)
        var position: () -> (line: Int, column: Int) = { (0, 0) }
        private var depth = 0

        static func of(_ user: UnsafeMutableRawPointer) -> State {
            Unmanaged<State>.fromOpaque(user).takeUnretainedValue()
        }

        func start(_ qualified: String, _ attributes: [(String, String)]) {
            guard problem == nil else { return }
            let (namespace, name) = Self.split(qualified)
            if depth == 0 {
                isSVG = namespace == SVGSubset.svgNamespace && name == "svg"
                guard isSVG else { return fail("is not an SVG image: its root is not <svg xmlns=\"\(SVGSubset.svgNamespace)\">") }
                size = Self.size(attributes)
            }
            depth += 1
            if namespace == SVGSubset.svgNamespace {
                if let reason = SVGSubset.refusedElements[name] { return fail("has \(reason)") }
                guard SVGSubset.elements.contains(name) else { return fail("has an element <\(name)>, which is not in the SVG subset") }
            } else if !SVGSubset.editorNamespaces.contains(namespace ?? "") {
                return fail("has an element <\(name)> of \(namespace.map { "the namespace \($0)" } ?? "no namespace"), which is not SVG")
            }
            switch name {
            case "style" where namespace == SVGSubset.svgNamespace: inStyle = true; style = ""; styleStart = position()
            case "text" where namespace == SVGSubset.svgNamespace: hasText = true
            default: break
            }
            for (key, value) in attributes {
                if let reason = Self.refusal(of: key, value, on: name, inSVG: namespace == SVGSubset.svgNamespace) {
                    return fail(reason)
                }
            }
        }

        func end() {
            depth -= 1
            guard inStyle, problem == nil else { return }
            inStyle = false
            if let reference = SVGStyle.refused(in: style) { fail("has \(reference) in a <style> element", at: styleStart) }
        }

        func fail(_ what: String, at place: (line: Int, column: Int)? = nil) {
            if problem == nil {
                let (line, column) = place ?? position()
                problem = .unsafe(what, line: line, column: column)
            }
        }

        /// Why the attribute `key` (as expat names it) with `value` on the element `element` is
        /// refused, or nil.
        private static func refusal(of key: String, _ value: String, on element: String, inSVG: Bool) -> String? {
            let (namespace, name) = split(key)
            let written = namespace.map { _ in name } ?? key
            switch namespace {
            case nil:
                if name.lowercased().hasPrefix("on") { return "has an event attribute '\(name)' on <\(element)>" }
                guard !inSVG || SVGSubset.allows(attribute: name) else {
                    return "has an attribute '\(name)' on <\(element)>, which is not in the SVG subset"
                }
                if name == "href" { return reference(value, on: element) }
                if name == "type", element == "style", !["", "text/css"].contains(value.trimmingWhitespace().lowercased()) {
                    return "has a <style> element of type '\(value)', which is not CSS"
                }
                return SVGStyle.refused(in: value).map { "has \($0) in its attribute '\(name)' on <\(element)>" }
            case SVGSubset.xlinkNamespace?:
                guard SVGSubset.xlinkAttributes.contains(name) else { return "has an attribute 'xlink:\(name)', which is not in the SVG subset" }
                return name == "href" ? reference(value, on: element) : nil
            case SVGSubset.xmlNamespace?:
                return SVGSubset.xmlAttributes.contains(name) ? nil : "has an attribute 'xml:\(name)', which is not in the SVG subset"
            case let other?:
                return SVGSubset.editorNamespaces.contains(other) ? nil
                    : "has an attribute '\(written)' of the namespace \(other), which is not SVG"
            }
        }

        private static func reference(_ value: String, on element: String) -> String? {
            SVGSubset.isInFile(value, on: element) ? nil : "refers to '\(value.trimmingWhitespace())' from <\(element)>"
        }

        /// A name as expat gives it: "namespace name", or a name without a namespace.
        private static func split(_ qualified: String) -> (namespace: String?, name: String) {
            guard let space = qualified.lastIndex(of: " ") else { return (nil, qualified) }
            return (String(qualified[..<space]), String(qualified[qualified.index(after: space)...]))
        }

        /// The `viewBox`'s width and height, else `width` and `height` in pixels (or without a unit).
        private static func size(_ attributes: [(String, String)]) -> Size? {
            let values = Dictionary(attributes, uniquingKeysWith: { first, _ in first })
            if let box = values["viewBox"] {
                let numbers = box.split(whereSeparator: { $0 == " " || $0 == "," || $0.isNewline || $0 == "\t" }).compactMap { Double($0) }
                if numbers.count == 4, numbers[2] > 0, numbers[3] > 0, numbers[2] < 1e6, numbers[3] < 1e6 {
                    return Size(width: Int(numbers[2].rounded()), height: Int(numbers[3].rounded()))
                }
            }
            func pixels(_ text: String?) -> Double? {
                guard var text = text?.trimmingWhitespace() else { return nil }
                if text.hasSuffix("px") { text.removeLast(2) }
                guard let value = Double(text), value > 0, value < 1e6 else { return nil }
                return value
            }
            guard let width = pixels(values["width"]), let height = pixels(values["height"]) else { return nil }
            return Size(width: Int(width.rounded()), height: Int(height.rounded()))
        }
    }
}
