import Foundation

/// Every file of the site by path, looked up by bytes: a folder's path and a name read from a page's
/// HTML are found without making a string of them or hashing them twice. What the page-link check
/// asks of every `href` and `src` of every page.
struct SitePathIndex: Sendable {
    /// The paths' bytes, one after another.
    private let bytes: [UInt8]
    /// Where each path starts in `bytes`, and one more for the end of the last.
    private let starts: [Int]
    /// Open addressing: the index of a path, or -1 for an empty slot.
    private let slots: [Int32]
    private let mask: Int

    init(_ paths: some Collection<String>) {
        var bytes: [UInt8] = []
        var starts = [0]
        var capacity = 16
        while capacity < paths.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        for path in paths {
            var hash = Hash()
            for byte in path.utf8 {
                bytes.append(byte)
                hash.add(byte)
            }
            var slot = hash.value & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(starts.count - 1)
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
        self.slots = slots
        mask = capacity - 1
    }

    /// The start of site paths in a folder (empty for the root, else ending in `/`), hashed once for
    /// the many names looked up in it.
    struct Folder: Sendable {
        fileprivate let bytes: [UInt8]
        fileprivate let hash: Hash

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var hash = Hash()
            for byte in bytes { hash.add(byte) }
            self.hash = hash
        }
    }

    /// Whether the site has a file at `folder` followed by `name`.
    func contains(folder: Folder, name: UnsafeBufferPointer<UInt8>) -> Bool {
        var hash = folder.hash
        for byte in name { hash.add(byte) }
        let length = folder.bytes.count + name.count
        var slot = hash.value & mask
        return bytes.withUnsafeBufferPointer { stored in
            folder.bytes.withUnsafeBufferPointer { prefix in
                guard let base = stored.baseAddress else { return false }
                while slots[slot] >= 0 {
                    let index = Int(slots[slot])
                    let start = starts[index]
                    if starts[index + 1] - start == length, Self.equal(base + start, prefix),
                       Self.equal(base + start + prefix.count, name) {
                        return true
                    }
                    slot = (slot + 1) & mask
                }
                return false
            }
        }
    }

    /// Whether the bytes at `stored` start with `bytes`.
    private static func equal(_ stored: UnsafePointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.baseAddress.map { memcmp(stored, $0, bytes.count) == 0 } ?? true
    }

    /// FNV-1a over bytes: continues from one part of a path to the next.
    fileprivate struct Hash: Sendable {
        private var state: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ byte: UInt8) { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var value: Int { Int(truncatingIfNeeded: state ^ (state >> 29)) }
    }
}
