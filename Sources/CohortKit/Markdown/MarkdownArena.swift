import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for libcmark while it parses and renders one document: each thread has an arena that hands
/// out memory from large chunks and frees nothing until the document is done, then is reset for the
/// next one. libcmark allocates a node, a buffer or a string for nearly everything it reads; with the
/// system allocator that was a tenth of a build's time, and more on two threads than on one.
///
/// Only `Markdown` uses it, through `allocator`, between `begin()` and `end()`.
final class MarkdownArena {
    /// Each chunk's size; an allocation larger than a quarter of it gets memory of its own.
    private static let chunkSize = 1 << 18
    /// How many chunks an arena keeps between documents; a larger document's extra chunks are freed.
    private static let chunksKept = 8
    /// Before each allocation, its size, so that `reallocate` can copy it; also keeps alignment.
    private static let header = 16

    @exclusivity(unchecked) private var chunks: [UnsafeMutableRawPointer] = []
    @exclusivity(unchecked) private var large: [UnsafeMutableRawPointer] = []
    @exclusivity(unchecked) private var chunk = -1
    @exclusivity(unchecked) private var offset = chunkSize
    /// The last allocation from the current chunk, which `reallocate` can grow in place.
    @exclusivity(unchecked) private var last: UnsafeMutableRawPointer?
    private var inUse = false

    deinit {
        reset()
        chunks.forEach { free($0) }
    }

    /// The current thread's arena, taken for one document; nil when it is already in use on this thread.
    static func begin() -> MarkdownArena? {
        #if COHORT_FUZZING
        return nil
        #else
        let arena = current
        guard !arena.inUse else { return nil }
        arena.inUse = true
        return arena
        #endif
    }

    /// Gives back what the document used.
    func end() {
        reset()
        inUse = false
    }

    /// The allocator libcmark calls, which uses the current thread's arena.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(
            calloc: { count, size in
                let (total, overflow) = Int(count).multipliedReportingOverflow(by: Int(size))
                guard !overflow else { return nil }
                return MarkdownArena.withCurrent { arena in
                    let pointer = arena.allocate(total)
                    if let pointer { memset(pointer, 0, total) }
                    return pointer
                }
            },
            realloc: { pointer, size in MarkdownArena.withCurrent { $0.reallocate(pointer, Int(size)) } },
            free: { _ in }
        ))
        return memory
    }()

    // MARK: - Allocation

    private func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let total = (size + Self.header + 15) & ~15
        let block: UnsafeMutableRawPointer
        if total > Self.chunkSize / 4 {
            guard let memory = malloc(total) else { return nil }
            large.append(memory)
            block = memory
            last = nil
        } else {
            if offset + total > Self.chunkSize {
                chunk += 1
                if chunk == chunks.count {
                    guard let memory = malloc(Self.chunkSize) else { return nil }
                    chunks.append(memory)
                }
                offset = 0
            }
            block = chunks[chunk] + offset
            offset += total
            last = block + Self.header
        }
        block.storeBytes(of: size, as: Int.self)
        return block + Self.header
    }

    private func reallocate(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
        guard let pointer else { return allocate(size) }
        let block = pointer - Self.header
        let old = block.load(as: Int.self)
        if size <= old { return pointer }
        if pointer == last {
            let oldTotal = (old + Self.header + 15) & ~15, newTotal = (size + Self.header + 15) & ~15
            if offset - oldTotal + newTotal <= Self.chunkSize {
                offset += newTotal - oldTotal
                block.storeBytes(of: size, as: Int.self)
                return pointer
            }
        }
        guard let moved = allocate(size) else { return nil }
        moved.copyMemory(from: pointer, byteCount: old)
        return moved
    }

    private func reset() {
        large.forEach { free($0) }
        large.removeAll(keepingCapacity: true)
        while chunks.count > Self.chunksKept, let extra = chunks.popLast() { free(extra) }
        chunk = -1
        offset = Self.chunkSize
        last = nil
    }

    // MARK: - One arena per thread

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<MarkdownArena>.fromOpaque(pointer).release() }
        }
        return key
    }()

    private static var current: MarkdownArena {
        if let pointer = pthread_getspecific(key) { return Unmanaged<MarkdownArena>.fromOpaque(pointer).takeUnretainedValue() }
        let arena = MarkdownArena()
        pthread_setspecific(key, Unmanaged.passRetained(arena).toOpaque())
        return arena
    }

    private static func withCurrent<T>(_ body: (MarkdownArena) -> T) -> T {
        guard let pointer = pthread_getspecific(key) else { return body(current) }
        return Unmanaged<MarkdownArena>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
    }
}
