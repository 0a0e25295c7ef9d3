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
        /// What went wrong, as a message for the user.
        public var description: String
    }

    /// Writes `files` as the whole content of `target`, refusing when `target` is, holds or lies inside
    /// one of `protected` folders, or holds files Cohort did not write.
    public static func write(_ files: [OutputFile], to target: URL, protecting protected: [URL]) throws(Failure) {
        let staged = try StagedFolder(replacing: target, protecting: protected)
        _ = files.parallelMap { staged.add($0) }
        try staged.commit()
    }

    /// Checks that `target` may be replaced, without writing anything: it must not overlap a
    /// `protected` folder, and must hold only files Cohort wrote.
    static func preflight(_ target: URL, protecting protected: [URL]) throws(Failure) {
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

    /// Refuses `target` when it is, holds or lies inside one of the `protected` folders.
    static func checkNotOverlapping(_ target: URL, _ protected: [URL]) throws(Failure) {
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

    /// The files a folder's manifest lists, or nil when it has none.
    static func manifest(of folder: URL) -> Set<String>? {
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
    /// Writes `bytes` to a new file at `path`; false on failure, with `errno` set. With `exclusive`, a
    /// file that exists is left as it is and the call fails with `EEXIST`.
    static func write(_ bytes: Data, to path: String, exclusive: Bool = false) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | (exclusive ? O_EXCL : O_TRUNC), 0o644)
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

    /// Creates a folder and any missing parents; nil on success, else the system's reason.
    static func makeFolder(_ path: String) -> String? {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0, errno != EEXIST { return "\(current): \(String(cString: strerror(errno)))" }
            var status = stat()
            guard stat(current, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
                return "\(current): \(String(cString: strerror(ENOTDIR)))"
            }
        }
        return nil
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
