import Foundation

// Checks of text that answer the common case (ASCII, native strings) without Unicode's tables or
// String's general iterators, which cost more than the rest of the work where pages and reports ask
// them of every name, heading and value.

extension Character {
    /// Whether it is a letter or a digit (`isLetter || isNumber`), answered from its ASCII value when it
    /// has one: Unicode's property tables cost more than the rest of a short name's or heading's work.
    var isLetterOrDigit: Bool {
        guard let ascii = asciiValue else { return isLetter || isNumber }
        return (0x30...0x39).contains(ascii) || (0x41...0x5A).contains(ascii) || (0x61...0x7A).contains(ascii)
    }

    /// `isWhitespace`, answered from its ASCII value when it has one (a tab, a line break or a space).
    var isSpace: Bool {
        guard let ascii = asciiValue else { return isWhitespace }
        return ascii == 0x20 || (0x09...0x0D).contains(ascii)
    }
}

extension String.UTF8View {
    /// Whether `byte` is in the text: `memchr`, which reads many bytes at a time, where the bytes are
    /// contiguous (a whole content file is checked for carriage returns this way).
    func containsByte(_ byte: UInt8) -> Bool {
        withContiguousStorageIfAvailable { buffer in
            buffer.baseAddress.map { memchr($0, Int32(byte), buffer.count) != nil } ?? false
        } ?? contains(byte)
    }

    /// Whether any byte satisfies `predicate`, read in place where the string's bytes are contiguous
    /// (String's own iterator is several times slower over long text).
    func containsByte(where predicate: (UInt8) -> Bool) -> Bool {
        withContiguousStorageIfAvailable { $0.contains(where: predicate) } ?? contains(where: predicate)
    }
}
