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
    /// A class, so that ops share one; rendering reads a reference of one field (most are) from its
    /// instruction (see `Program`) and the others from the program's table.
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
    /// The compiled ops, laid out for rendering.
    private let program: Program

    init(shape: TemplateShape, ops: [Op]) {
        self.shape = shape
        program = Program(ops)
    }

    /// The template's output for `value`, an object of `shape`, as UTF-8 bytes.
    func render(_ value: TemplateValue) -> Data {
        program.instructions.withUnsafeBufferPointer { instructions in
            program.text.withUnsafeBytes { text in
                // A page is some tens of kilobytes: room for most at once, rather than growing by doubling.
                var renderer = Renderer(program: program, instructions: instructions, text: text, frames: [value], positions: [],
                                        capacity: 32 * 1024)
                renderer.run(0..<instructions.count)
                return renderer.finish()
            }
        }
    }

    /// The ops as one array of plain instructions, a section's body right after it, with the literal
    /// text in one buffer: reading an instruction retains and releases nothing, where reading an op
    /// retained its box and its text or reference, objects that every rendering thread shares (a fifth
    /// of rendering's time went to that).
    private struct Program: Sendable {
        struct Instruction {
            enum Kind: UInt8 { case text, print, section, inverted, level }
            var kind: Kind
            /// `.inverted`: whether the value becomes the innermost.
            var pushes = false
            /// `.print`: 0 for HTML escaping, 1 for none, else 2 + the index of a content type in `escapes`.
            var escape = 0
            /// The value read: `slot` of the object `up` frames out; or, when `slot` is negative, the
            /// reference at `reference` in `references`.
            var up = 0
            var slot = -1
            var reference = 0
            /// `.text` and `.level`'s indentation: the range of its bytes in `text`.
            var textStart = 0
            var textEnd = 0
            /// The index of the next instruction: the one after it, or for `.section`, `.inverted` and
            /// `.level` the one after their body, which follows them.
            var end = 0
        }

        private(set) var instructions: [Instruction] = []
        private(set) var text: [UInt8] = []
        private(set) var references: [Reference] = []
        private(set) var escapes: [Escape] = []

        init(_ ops: [Op]) {
            lay(ops)
        }

        private mutating func lay(_ ops: [Op]) {
            for op in ops {
                switch op {
                case .text(let literal):
                    var instruction = Instruction(kind: .text)
                    (instruction.textStart, instruction.textEnd) = add(literal)
                    place(instruction)
                case .print(let reference, let escape):
                    var instruction = Instruction(kind: .print)
                    read(reference, into: &instruction)
                    switch escape {
                    case .html: instruction.escape = 0
                    case .none: instruction.escape = 1
                    case .other:
                        instruction.escape = 2 + escapes.count
                        escapes.append(escape)
                    }
                    place(instruction)
                case .section(let reference, let body):
                    var instruction = Instruction(kind: .section)
                    read(reference, into: &instruction)
                    place(instruction, body: body)
                case .inverted(let reference, let pushes, let body):
                    var instruction = Instruction(kind: .inverted, pushes: pushes)
                    read(reference, into: &instruction)
                    place(instruction, body: body)
                case .level(let indentation, let body):
                    var instruction = Instruction(kind: .level)
                    (instruction.textStart, instruction.textEnd) = add(indentation)
                    place(instruction, body: body)
                }
            }
        }

        private mutating func add(_ literal: String) -> (Int, Int) {
            let start = text.count
            text.append(contentsOf: literal.utf8)
            return (start, text.count)
        }

        private mutating func read(_ reference: Reference, into instruction: inout Instruction) {
            instruction.up = reference.up
            if let slot = reference.slot {
                instruction.slot = slot
            } else {
                instruction.reference = references.count
                references.append(reference)
            }
        }

        /// Appends `instruction` and then the instructions of `body` (none for text and values).
        private mutating func place(_ instruction: Instruction, body: [Op] = []) {
            let index = instructions.count
            instructions.append(instruction)
            lay(body)
            instructions[index].end = instructions.count
        }
    }

    /// What rendering keeps: the program it reads, the objects of the sections it is in, innermost
    /// last, the position in each list it is in, and the output so far.
    private struct Renderer: ~Copyable {
        let program: Program
        let instructions: UnsafeBufferPointer<Program.Instruction>
        let text: UnsafeRawBufferPointer
        var frames: [TemplateValue]
        var positions: [(index: Int, count: Int)]
        /// The bytes written so far: appending bytes spares a page's thousands of appends String's
        /// bookkeeping of counts and flags, and the page's `Data` takes them over without a copy.
        var output: ByteBuffer

        init(program: Program, instructions: UnsafeBufferPointer<Program.Instruction>, text: UnsafeRawBufferPointer,
             frames: [TemplateValue], positions: [(index: Int, count: Int)], capacity: Int) {
            self.program = program
            self.instructions = instructions
            self.text = text
            self.frames = frames
            self.positions = positions
            output = ByteBuffer(capacity: capacity)
        }

        consuming func finish() -> Data { output.data() }

        /// Runs the instructions in `range`, and the bodies of the sections among them.
        mutating func run(_ range: Range<Int>) {
            var index = range.lowerBound
            while index < range.upperBound {
                let instruction = instructions[index]
                // A section's body: what follows it up to the next instruction (nothing for text and values).
                let body = (index + 1)..<instruction.end
                switch instruction.kind {
                case .text:
                    output.append(UnsafeRawBufferPointer(rebasing: text[instruction.textStart..<instruction.textEnd]))
                case .print:
                    switch value(instruction) {
                    case .text(let value):
                        switch instruction.escape {
                        case 0: HTMLEscaping.append(value, to: &output)
                        case 1: output.append(value)
                        default:
                            if case .other(let contentType) = program.escapes[instruction.escape - 2] {
                                output.append(contentType.escapeText(value))
                            }
                        }
                    case .number(let number): output.append(String(number))
                    case .flag(let flag): output.append(flag ? "true" : "false")
                    case .list, .object, .absent: break
                    }
                case .section:
                    switch value(instruction) {
                    case .absent, .flag(false): break
                    case .flag(true): run(body)
                    case .list(let items):
                        for (position, item) in items.enumerated() {
                            frames.append(item)
                            positions.append((position, items.count))
                            run(body)
                            positions.removeLast()
                            frames.removeLast()
                        }
                    case let value:
                        frames.append(value)
                        run(body)
                        frames.removeLast()
                    }
                case .inverted:
                    let value = value(instruction)
                    let isFalse = switch value {
                    case .absent, .flag(false): true
                    case .list(let items): items.isEmpty
                    default: false
                    }
                    guard isFalse else { break }
                    if instruction.pushes { frames.append(value) }
                    run(body)
                    if instruction.pushes { frames.removeLast() }
                case .level:
                    // Each instruction's output apart, then indentation before each piece that starts a line.
                    let indentation = UnsafeRawBufferPointer(rebasing: text[instruction.textStart..<instruction.textEnd])
                    var level = ByteBuffer(capacity: 1024)
                    var piece = body.lowerBound
                    while piece < body.upperBound {
                        let next = instructions[piece].end
                        var renderer = Renderer(program: program, instructions: instructions, text: text, frames: frames,
                                                positions: positions, capacity: 256)
                        renderer.run(piece..<next)
                        if renderer.output.count > 0, level.last == UInt8(ascii: "\n") { level.append(indentation) }
                        renderer.output.withUnsafeBytes { level.append($0) }
                        piece = next
                    }
                    level.withUnsafeBytes { output.append($0) }
                }
                index = instruction.end
            }
        }

        private func value(_ instruction: Program.Instruction) -> TemplateValue {
            if instruction.slot >= 0 {
                guard case .object(let values) = frames[frames.count - 1 - instruction.up] else { return .absent }
                return values[instruction.slot]
            }
            let reference = program.references[instruction.reference]
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
