import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps other builds out of an output folder while one writes it: an exclusive `flock` on the folder
/// itself, which the system releases when the build ends, however it ends, even by `kill -9`.
///
/// Holding it, a build knows that no other build is live, so the staging folders it finds are left
/// by builds that died: it removes them, after putting back a previous output that a build died
/// while swapping.
final class OutputLock {
    private let descriptor: Int32

    /// Locks `folder` (creating it when missing), or fails at once when another build holds it.
    init(_ folder: URL) throws(OutputWriter.Failure) {
        if let problem = PlainFile.makeFolder(folder.path) {
            throw OutputWriter.Failure(description: "cannot create \(problem)")
        }
        descriptor = open(folder.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputWriter.Failure(description: "cannot open \(folder.path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            close(descriptor)
            throw OutputWriter.Failure(description: busy
                ? "another cohort build is writing \(folder.path) now; run this one again when it has finished"
                : "cannot lock \(folder.path): \(String(cString: strerror(errno)))")
        }
        Self.removeLeftovers(in: folder)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Removes what builds that died left in `folder`: `.site-staging-*` and `.reports-staging-*`
    /// folders, and `-previous-*` ones after putting back an output that a build died while replacing.
    private static func removeLeftovers(in folder: URL) {
        let fileManager = FileManager.default
        let entries = ((try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        for entry in entries where entry.hasPrefix(".") {
            let parts = entry.dropFirst().split(separator: "-", maxSplits: 2)
            guard parts.count == 3, parts[1] == "staging" || parts[1] == "previous" else { continue }
            let leftover = folder.appendingPathComponent(entry)
            let target = folder.appendingPathComponent(String(parts[0]))
            if parts[1] == "previous", !fileManager.fileExists(atPath: target.path),
               (try? fileManager.moveItem(at: leftover, to: target)) != nil {
                continue
            }
            try? fileManager.removeItem(at: leftover)
        }
    }
}

extension PlainFile {
    /// Swaps two folders in one step, so that no moment has neither in place; false where the system
    /// or the file system cannot (then `errno` says why).
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        // glibc's renameat2, looked up at run time: Swift's Glibc module does not declare it.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let exchange: UInt32 = 2 // RENAME_EXCHANGE in <linux/fs.h>
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, exchange) == 0
        #elseif canImport(Darwin)
        return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }
}
