import Foundation

/// Bytes written piece after piece (or read from a file) into memory that `Data` then takes over
/// without a copy. A page's HTML is some tens of kilobytes: copying every page once more, from an
/// array into `Data`, was 2 % of a 10,000-company build. Not copyable, so that the memory has one
/// owner: freed with the buffer, or handed to the `Data` that `data()` makes.
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    /// How many bytes have been written.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        guard let memory = malloc(self.capacity) else { preconditionFailure("out of memory for \(capacity) bytes") }
        base = memory
    }

    deinit { free(base) }

    /// The last byte written, if any.
    var last: UInt8? { count > 0 ? base.load(fromByteOffset: count - 1, as: UInt8.self) : nil }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity { reserve(max(count + bytes.count, 2 * capacity)) }
        (base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    /// Appends the bytes of `text` (read in place: Swift's own strings are contiguous UTF-8).
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends what the open file `descriptor` reads until its end, growing as it must (one read
    /// when the capacity left is larger than the file); the system's error number when a read fails.
    mutating func appendContents(of descriptor: Int32) -> Int32? {
        while true {
            if count == capacity { reserve(2 * capacity) }
            let read = Foundation.read(descriptor, base + count, capacity - count)
            if read == 0 { return nil }
            if read < 0 {
                if errno == EINTR { continue }
                return errno
            }
            count += read
        }
    }

    private mutating func reserve(_ grown: Int) {
        guard let memory = realloc(base, grown) else { preconditionFailure("out of memory for \(grown) bytes") }
        base = memory
        capacity = grown
    }

    /// Calls `body` with the bytes written so far.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// The bytes as `Data`, which takes the memory over.
    consuming func data() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        discard self
        return data
    }
}
