import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write stage: puts a complete set of files in place of a folder, whole or not at all.
///
/// Files go to a staging folder beside the target, which is then swapped in. A folder is only ever
/// replaced when every file in it is listed in the manifest Cohort wrote last time, so Cohort never
/// deletes what it did not write.
public enum OutputWriter {
    /// The manifest's file name inside a written folder.
    public static let manifestName = ".cohort-manifest"

    /// Why a folder could not be written.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Writes `files` as the whole content of `target`, refusing when `target` is, holds or lies inside
    /// one of `protected` folders, or holds files Cohort did not write.
    public static func write(_ files: [OutputFile], to target: URL, protecting protected: [URL]) throws(Failure) {
        let target = target.standardizedFileURL
        try checkPaths(files)
        try preflight(target, protecting: protected)
        let fileManager = FileManager.default
        let parent = target.deletingLastPathComponent()
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent)-staging-\(suffix)")
        let previous = parent.appendingPathComponent(".\(target.lastPathComponent)-previous-\(suffix)")
        let reusable = manifest(of: target) ?? []
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            try writeAll(files, into: staging, reusing: reusable.isEmpty ? nil : (target, reusable))
        } catch {
            try? fileManager.removeItem(at: staging)
            let reason = (error as? Failure)?.description ?? error.localizedDescription
            throw Failure(description: "cannot write \(target.path): \(reason)")
        }
        let exists = fileManager.fileExists(atPath: target.path)
        do {
            if exists { try fileManager.moveItem(at: target, to: previous) }
            try fileManager.moveItem(at: staging, to: target)
        } catch {
            if exists, !fileManager.fileExists(atPath: target.path) { try? fileManager.moveItem(at: previous, to: target) }
            try? fileManager.removeItem(at: staging)
            throw Failure(description: "cannot replace \(target.path): \(error.localizedDescription)")
        }
        if exists { try? fileManager.removeItem(at: previous) }
    }

    /// Checks that `target` may be replaced, without writing anything: so that a build writing several
    /// folders can refuse before it writes the first.
    public static func preflight(_ target: URL, protecting protected: [URL]) throws(Failure) {
        let target = target.standardizedFileURL
        try checkNotOverlapping(target, protected)
        try checkOwnership(of: target)
    }

    /// Reads the files of a folder Cohort wrote, for comparing with what it would write now.
    public static func read(_ folder: URL) -> [String: Data]? {
        guard let listed = manifest(of: folder) else { return nil }
        var files: [String: Data] = [:]
        for path in listed {
            files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return files
    }

    /// The files in a folder Cohort wrote that its manifest does not list, sorted; nil when the folder
    /// does not exist or has no manifest.
    public static func foreignFiles(in folder: URL) -> [String]? {
        guard let listed = manifest(of: folder) else { return nil }
        return allFiles(in: folder).subtracting(listed).subtracting([manifestName]).sorted()
    }

    /// Writes every file into `staging`. A file whose bytes are those of the same file in the previous
    /// output is hard-linked from it instead: a rebuild that changes one page writes one page, and the
    /// swap stays atomic because the previous folder is left as it was until it is replaced.
    private static func writeAll(_ files: [OutputFile], into staging: URL, reusing previous: (folder: URL, files: Set<String>)?) throws {
        let directories = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
        for directory in directories.sorted() {
            try FileManager.default.createDirectory(
                at: staging.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        let stagingPath = staging.path
        let previousPath = previous?.folder.path
        let reusable = previous?.files ?? []
        let failures = files.parallelMap { file -> String? in
            let destination = stagingPath + "/" + file.path
            if let previousPath, reusable.contains(file.path), PlainFile.hasContents(previousPath + "/" + file.path, file.bytes),
               link(previousPath + "/" + file.path, destination) == 0 {
                return nil
            }
            return PlainFile.write(file.bytes, to: destination) ? nil : "\(file.path): \(String(cString: strerror(errno)))"
        }.compactMap { $0 }
        if let first = failures.first { throw Failure(description: "cannot write \(first)") }
        let manifest = files.map(\.path).sorted().joined(separator: "\n") + "\n"
        try Data(manifest.utf8).write(to: staging.appendingPathComponent(manifestName))
    }

    private static func checkPaths(_ files: [OutputFile]) throws(Failure) {
        var seen: Set<String> = []
        for file in files {
            let components = file.path.split(separator: "/", omittingEmptySubsequences: false)
            guard !file.path.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
                  file.path != manifestName else {
                throw Failure(description: "refusing to write '\(file.path)': it is not a plain path inside the output folder")
            }
            guard seen.insert(file.path).inserted else {
                throw Failure(description: "two files would be written to '\(file.path)'")
            }
        }
    }

    /// A path with every symbolic link resolved, also when its last components do not exist yet
    /// (`output -> content` makes `output/site` resolve to `content/site`).
    private static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for component in missing { path += (path.hasSuffix("/") ? "" : "/") + component }
        return path
    }

    private static func checkNotOverlapping(_ target: URL, _ protected: [URL]) throws(Failure) {
        let targetPath = resolved(target)
        for folder in protected {
            let path = resolved(folder)
            if path == targetPath || path.hasPrefix(targetPath + "/") || targetPath.hasPrefix(path + "/") {
                throw Failure(description: "refusing to write \(target.path): it overlaps \(folder.path), which Cohort reads")
            }
        }
    }

    private static func checkOwnership(of target: URL) throws(Failure) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Failure(description: "refusing to replace \(target.path): it is a file, not a folder Cohort wrote")
        }
        let present = allFiles(in: target)
        if present.isEmpty { return }
        guard let listed = manifest(of: target) else {
            throw Failure(description: "refusing to replace \(target.path): Cohort did not write it (no \(manifestName)); move it away or delete it")
        }
        let foreign = present.subtracting(listed).subtracting([manifestName]).sorted()
        guard foreign.isEmpty else {
            let shown = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? ", ..." : "")
            throw Failure(description: "refusing to replace \(target.path): it holds files Cohort did not write (\(shown)); move them elsewhere (files for the site belong in content/static/) or delete them")
        }
    }

    private static func manifest(of folder: URL) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(manifestName).path) else { return nil }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    private static func allFiles(in folder: URL) -> Set<String> {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey]) else { return [] }
        let root = folder.standardizedFileURL.path + "/"
        var files: Set<String> = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory != true else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(root) { files.insert(String(path.dropFirst(root.count))) }
        }
        return files
    }
}

/// Plain POSIX file access for the writer's hot path: no Foundation bookkeeping per file.
enum PlainFile {
    /// Writes `bytes` to a new file at `path`; false on failure, with `errno` set.
    static func write(_ bytes: Data, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Whether the file at `path` holds exactly `bytes`.
    static func hasContents(_ path: String, _ bytes: Data) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, Int(status.st_size) == bytes.count else { return false }
        guard let existing = FileManager.default.contents(atPath: path) else { return false }
        return existing == bytes
    }
}

/// The C library's `write`, which the writer's own `write` hides.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}
