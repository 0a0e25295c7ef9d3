import Foundation

/// Walks the folders Cohort reads (content and templates).
enum FileTree {
    /// The regular files below `folder`, as paths relative to it, sorted. Hidden files and folders are
    /// skipped, unless `keepingHidden` (static files such as `.well-known/security.txt`); `.git` and
    /// `.DS_Store` are always skipped. A folder that does not exist has no files.
    static func regularFiles(in folder: URL, keepingHidden: Bool = false) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last ?? ""
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if name.hasPrefix("."), !keepingHidden || name == ".git" || name == ".DS_Store" {
                if type == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            if type == .typeRegular { paths.append(relative) }
        }
        return paths.sorted()
    }
}
