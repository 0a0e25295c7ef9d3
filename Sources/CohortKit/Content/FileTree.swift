import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks the folders Cohort reads (content and templates).
enum FileTree {
    /// The regular files below `folder`, as paths relative to it, sorted. Hidden files and folders are
    /// skipped, unless `keepingHidden` (static files such as `.well-known/security.txt`); `.git` and
    /// `.DS_Store` are always skipped, and so are symbolic links. A folder that does not exist has no
    /// files.
    static func regularFiles(in folder: URL, keepingHidden: Bool = false) -> [String] {
        var paths: [String] = []
        walk(folder.path, relative: "", keepingHidden: keepingHidden, into: &paths)
        return paths.sorted()
    }

    /// Adds the regular files below `path` to `paths`, reading each folder's entries and their types
    /// with readdir: no attributes are read for a file whose type the entry gives.
    private static func walk(_ path: String, relative: String, keepingHidden: Bool, into paths: inout [String]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            if name.hasPrefix("."), !keepingHidden || name == ".git" || name == ".DS_Store" { continue }
            let full = path + "/" + name
            let inside = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var status = stat()
                guard lstat(full, &status) == 0 else { continue }
                type = (status.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (status.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
            }
            if type == Int32(DT_DIR) {
                walk(full, relative: inside, keepingHidden: keepingHidden, into: &paths)
            } else if type == Int32(DT_REG) {
                paths.append(inside)
            }
        }
    }
}
