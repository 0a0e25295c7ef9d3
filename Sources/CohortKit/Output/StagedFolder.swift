import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder being written: files land in a staging folder beside the target as they come, from any
/// thread, and the whole folder replaces the target at `commit`, or disappears at `abort`. Pages can
/// so be written while others are still rendering, and a failed build still changes nothing.
///
/// A file whose bytes are those of the same file in the previous output is hard-linked from it
/// instead of written: a rebuild that changes one page writes one page.
public final class StagedFolder: @unchecked Sendable {
    /// The folder this one will replace.
    public let target: URL
    private let staging: URL
    /// `staging`'s path, which every file's is made from.
    private let stagingPath: String
    private let previous: (path: String, files: Set<String>)?
    // Guards `paths`, `directories` and `failure`; file contents are written outside it.
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var directories: Set<String> = [""]
    private var failure: String?

    /// Checks that `target` may be replaced (see `OutputWriter.preflight`) and creates the staging folder.
    public init(replacing target: URL, protecting protected: [URL]) throws(OutputWriter.Failure) {
        self.target = target.standardizedFileURL
        try OutputWriter.preflight(self.target, protecting: protected)
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        staging = self.target.deletingLastPathComponent().appendingPathComponent(".\(self.target.lastPathComponent)-staging-\(suffix)")
        stagingPath = staging.path
        let reusable = OutputWriter.manifest(of: self.target) ?? []
        previous = reusable.isEmpty ? nil : (self.target.path, reusable)
        if let problem = PlainFile.makeFolder(staging.path) {
            throw OutputWriter.Failure(description: "cannot write \(self.target.path): \(problem)")
        }
    }

    /// Where the files are while they are staged; complete once every file is added, until `commit`.
    var contents: URL { staging }

    /// Adds a file; safe to call from many threads. A problem is kept and reported by `commit`.
    public func add(_ file: OutputFile) {
        guard let folder = Self.folder(ofPlain: file.path), file.path != OutputWriter.manifestName else {
            return fail("refusing to write '\(file.path)': it is not a plain path inside the output folder")
        }
        let problem: String? = lock.withLock {
            guard paths.insert(file.path).inserted else { return "two files would be written to '\(file.path)'" }
            guard !directories.contains(folder) else { return nil }
            if let problem = PlainFile.makeFolder(stagingPath + "/" + folder) { return "cannot create \(problem)" }
            directories.insert(folder)
            return nil
        }
        if let problem { return fail(problem) }
        let destination = stagingPath + "/" + file.path
        if let previous, previous.files.contains(file.path), PlainFile.hasContents(previous.path + "/" + file.path, file.bytes),
           link(previous.path + "/" + file.path, destination) == 0 {
            return
        }
        if !PlainFile.write(file.bytes, to: destination) {
            fail("cannot write \(file.path): \(String(cString: strerror(errno)))")
        }
    }

    /// The folder of `path` (`companies` for `companies/rotec.html`, empty for a file at the top), or
    /// nil when `path` is not a plain path inside the folder: one that starts with `/`, has an empty,
    /// `.` or `..` name, or a line break. Read over the path's bytes: every file of the site comes here.
    static func folder(ofPlain path: String) -> String? {
        let bytes = path.utf8
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var nameStart = bytes.startIndex, lastSlash: String.Index?, beyondASCII = false
        var index = bytes.startIndex
        while true {
            let atEnd = index == bytes.endIndex
            if atEnd || bytes[index] == slash {
                let name = bytes[nameStart..<index]
                if name.isEmpty || name.elementsEqual([dot]) || name.elementsEqual([dot, dot]) { return nil }
                if atEnd { break }
                lastSlash = index
                nameStart = bytes.index(after: index)
            } else if (0x0A...0x0D).contains(bytes[index]) {
                return nil
            } else if bytes[index] >= 0x80 {
                beyondASCII = true
            }
            index = bytes.index(after: index)
        }
        if beyondASCII, path.contains(where: \.isNewline) { return nil }
        return lastSlash.map { String(path[..<$0]) } ?? ""
    }

    /// How many files have been added.
    public var count: Int { lock.withLock { paths.count } }

    /// Writes the manifest and puts the staging folder in place of the target, whole.
    public func commit() throws(OutputWriter.Failure) {
        if let failure = lock.withLock({ self.failure }) {
            abort()
            throw OutputWriter.Failure(description: "cannot write \(target.path): \(failure)")
        }
        let manifest = lock.withLock { paths.sorted() }.joined(separator: "\n") + "\n"
        let fileManager = FileManager.default
        let old = staging.deletingLastPathComponent().appendingPathComponent(
            staging.lastPathComponent.replacingOccurrences(of: "-staging-", with: "-previous-"))
        let exists = fileManager.fileExists(atPath: target.path)
        do {
            try Data(manifest.utf8).write(to: staging.appendingPathComponent(OutputWriter.manifestName))
            // Swapped in one step where the system can; otherwise a build that dies between the two
            // moves leaves the old output as `-previous-`, which the next build puts back.
            if exists, PlainFile.exchange(staging.path, target.path) {
                try? fileManager.removeItem(at: staging)
                return
            }
            if exists { try fileManager.moveItem(at: target, to: old) }
            try fileManager.moveItem(at: staging, to: target)
        } catch {
            if exists, !fileManager.fileExists(atPath: target.path) { try? fileManager.moveItem(at: old, to: target) }
            abort()
            throw OutputWriter.Failure(description: "cannot replace \(target.path): \(FileError.describe(error))")
        }
        if exists { try? fileManager.removeItem(at: old) }
    }

    /// Removes the staging folder; the target stays as it was.
    public func abort() {
        try? FileManager.default.removeItem(at: staging)
    }

    private func fail(_ message: String) {
        lock.withLock { if failure == nil { failure = message } }
    }
}
