import Foundation
import Mustache

/// A template compiled against the type of the values it renders (`TemplateCompiler`): literal text,
/// and values read by their position in the objects, found once, so rendering looks no name up,
/// casts nothing and hashes nothing.
///
/// It renders what swift-mustache renders from the same template and the same values, byte for byte,
/// indentation of standalone partials included.
struct CompiledTemplate: Sendable {
    /// Where a value is: `up` objects out from the innermost section (0 is the innermost), then the
    /// position of a field in each object on the way, then the functions applied to it, innermost
    /// last; or a value known when the template was compiled (a text of the string table).
    ///
    /// A class, so that reading one while rendering retains one object, not each of its arrays.
    final class Reference: Sendable {
        let up: Int
        let path: [Int]
        let functions: [Function]
        let constant: TemplateValue?
        /// A function of the position in the innermost list (`{{^last()}}`), instead of a value.
        let position: Function?
        /// The position of the field read, when the reference is one field of an object and nothing
        /// more (most are): read without walking a path.
        let slot: Int?

        init(up: Int = 0, path: [Int] = [], functions: [Function] = [], constant: TemplateValue? = nil, position: Function? = nil) {
            self.up = up
            self.path = path
            self.functions = functions
            self.constant = constant
            self.position = position
            slot = constant == nil && position == nil && functions.isEmpty && path.count == 1 ? path[0] : nil
        }
    }

    /// The functions templates may apply to a value, as swift-mustache names them: `empty(companies)`.
    enum Function: String, Sendable, CaseIterable {
        case empty, count, first, last, reversed, capitalized, lowercased, uppercased
        case equalZero = "equalzero", plusOne = "plusone", minusOne = "minusone", even, odd
        /// Of the position in a list only: `{{index()}}`, from 0.
        case index

        func apply(_ value: TemplateValue) -> TemplateValue {
            switch (self, value) {
            case (.empty, .list(let items)): .flag(items.isEmpty)
            case (.empty, .text): .flag(false)
            case (.count, .list(let items)): .number(items.count)
            case (.first, .list(let items)): items.first ?? .absent
            case (.last, .list(let items)): items.last ?? .absent
            case (.reversed, .list(let items)): .list(items.reversed())
            case (.reversed, .text(let text)): .text(String(text.reversed()))
            case (.capitalized, .text(let text)): .text(text.capitalized)
            case (.lowercased, .text(let text)): .text(text.lowercased())
            case (.uppercased, .text(let text)): .text(text.uppercased())
            case (.equalZero, .number(let number)): .flag(number == 0)
            case (.plusOne, .number(let number)): .number(number &+ 1)
            case (.minusOne, .number(let number)): .number(number &- 1)
            case (.even, .number(let number)): .flag(number & 1 == 0)
            case (.odd, .number(let number)): .flag(number & 1 == 1)
            default: .absent
            }
        }
    }

    /// How printed text is escaped: Cohort's HTML escaping, none (`{{{name}}}`), or a content type of
    /// swift-mustache's that a template selects with a pragma.
    enum Escape: Sendable {
        case html, none
        case other(any MustacheContentType)
    }

    indirect enum Op: Sendable {
        case text(String)
        case print(Reference, Escape)
        /// The body once for a true value, once per item of a list, once with an object or text as
        /// the innermost; not at all for a false, empty or absent one.
        case section(Reference, [Op])
        /// The body once for a false, empty or absent value; with `pushes` (a list), with that value
        /// as the innermost, as swift-mustache has it.
        case inverted(Reference, pushes: Bool, [Op])
        /// The output of `body`, with `indentation` before each piece that starts a line, as swift-mustache
        /// indents the lines of a standalone partial.
        case level(indentation: String, body: [Op])
    }

    /// The shape of the values it renders.
    let shape: TemplateShape
    let ops: [Op]

    /// The template's output for `value`, an object of `shape`, as UTF-8 bytes.
    func render(_ value: TemplateValue) -> Data {
        // A page is some tens of kilobytes: room for most at once, rather than growing by doubling.
        var renderer = Renderer(frames: [value], positions: [], capacity: 32 * 1024)
        renderer.run(ops)
        return renderer.finish()
    }

    /// What rendering keeps: the objects of the sections it is in, innermost last, the position in
    /// each list it is in, and the output so far.
    private struct Renderer: ~Copyable {
        var frames: [TemplateValue]
        var positions: [(index: Int, count: Int)]
        /// The bytes written so far: appending bytes spares a page's thousands of appends String's
        /// bookkeeping of counts and flags, and the page's `Data` takes them over without a copy.
        var output: ByteBuffer

        init(frames: [TemplateValue], positions: [(index: Int, count: Int)], capacity: Int) {
            self.frames = frames
            self.positions = positions
            output = ByteBuffer(capacity: capacity)
        }

        consuming func finish() -> Data { output.data() }

        mutating func run(_ ops: [Op]) {
            for op in ops {
                switch op {
                case .text(let text):
                    output.append(text)
                case .print(let reference, let escape):
                    switch value(reference) {
                    case .text(let text):
                        switch escape {
                        case .html: HTMLEscaping.append(text, to: &output)
                        case .none: output.append(text)
                        case .other(let contentType): output.append(contentType.escapeText(text))
                        }
                    case .number(let number): output.append(String(number))
                    case .flag(let flag): output.append(flag ? "true" : "false")
                    case .list, .object, .absent: break
                    }
                case .section(let reference, let body):
                    switch value(reference) {
                    case .absent, .flag(false): break
                    case .flag(true): run(body)
                    case .list(let items):
                        for (index, item) in items.enumerated() {
                            frames.append(item)
                            positions.append((index, items.count))
                            run(body)
                            positions.removeLast()
                            frames.removeLast()
                        }
                    case let value:
                        frames.append(value)
                        run(body)
                        frames.removeLast()
                    }
                case .inverted(let reference, let pushes, let body):
                    let value = value(reference)
                    switch value {
                    case .absent, .flag(false): break
                    case .list(let items) where items.isEmpty: break
                    default: continue
                    }
                    if pushes { frames.append(value) }
                    run(body)
                    if pushes { frames.removeLast() }
                case .level(let indentation, let body):
                    // Each op's output apart, then indentation before each piece that starts a line.
                    var level = ByteBuffer(capacity: 1024)
                    for op in body {
                        var piece = Renderer(frames: frames, positions: positions, capacity: 256)
                        piece.run([op])
                        if piece.output.count > 0, level.last == UInt8(ascii: "\n") { level.append(indentation) }
                        piece.output.withUnsafeBytes { level.append($0) }
                    }
                    level.withUnsafeBytes { output.append($0) }
                }
            }
        }

        private func value(_ reference: Reference) -> TemplateValue {
            if let slot = reference.slot {
                guard case .object(let values) = frames[frames.count - 1 - reference.up] else { return .absent }
                return values[slot]
            }
            if let constant = reference.constant { return constant }
            if let function = reference.position {
                guard let (index, count) = positions.last else { return .absent }
                switch function {
                case .first: return .flag(index == 0)
                case .last: return .flag(index == count - 1)
                case .even: return .flag(index & 1 == 0)
                case .odd: return .flag(index & 1 == 1)
                default: return .number(index)
                }
            }
            var value = frames[frames.count - 1 - reference.up]
            for slot in reference.path {
                guard case .object(let values) = value else { return .absent }
                value = values[slot]
            }
            for function in reference.functions.reversed() {
                if case .absent = value { return .absent }
                value = function.apply(value)
            }
            return value
        }
    }
}
