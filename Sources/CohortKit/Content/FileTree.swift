import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks and reads the folders Cohort reads (content and templates), saying what it could not read:
/// a folder or a file that cannot be read is never taken for an empty one.
enum FileTree {
    /// A folder or file that could not be read, and the system's reason.
    struct Unreadable: Error, Sendable, Equatable {
        /// Its path relative to the folder walked; empty for that folder itself.
        var path: String
        /// Whether it is a folder, not a file.
        var isFolder: Bool
        /// Why, as the system says it: `Permission denied`, `Not a directory`, `Is a directory`.
        var reason: String

        /// The error that names it, under `root`, the walked folder as diagnostics name it.
        func diagnostic(under root: String) -> Diagnostic {
            let name = path.isEmpty ? root : (root.hasSuffix("/") ? root : root + "/") + path
            return .error(at: .file(name), "cannot read \(isFolder ? "folder" : "file"): \(reason)")
        }
    }

    /// What a walk found: the regular files, sorted, and what could not be read on the way.
    struct Listing: Sendable {
        /// Paths relative to the walked folder, sorted.
        var files: [String] = []
        /// The folders that could not be listed and the entries that are neither files, folders nor
        /// links (pipes, sockets, devices), in the order they were met.
        var unreadable: [Unreadable] = []
        /// The symbolic links, which are not followed, so that nothing outside the folder is read.
        var links: [String] = []

        /// A warning for each link, under `root`, the walked folder as diagnostics name it.
        func linkWarnings(under root: String) -> [Diagnostic] {
            links.map { link in
                .warning(at: .file((root.hasSuffix("/") ? root : root + "/") + link), "ignored: a symbolic link, which Cohort does not follow",
                         hint: "copy the file it points to into the folder")
            }
        }
    }

    /// The regular files below `folder`, as paths relative to it, sorted, and the folders below it that
    /// could not be listed. Hidden files and folders are skipped, unless `keepingHidden` (static files
    /// such as `.well-known/security.txt`); `.git` and `.DS_Store` are always skipped. Symbolic links
    /// are listed apart, not followed. A folder that does not exist has no files; one that exists but
    /// cannot be listed (no permission, not a folder) is unreadable.
    static func walk(_ folder: URL, keepingHidden: Bool = false) -> Listing {
        var listing = Listing()
        walk(folder.path, relative: "", keepingHidden: keepingHidden, into: &listing)
        listing.files.sort()
        return listing
    }

    /// Why `folder` cannot be listed, or nil when it can.
    static func unreadable(folder: URL) -> Unreadable? {
        guard let directory = opendir(folder.path) else { return Unreadable(path: "", isFolder: true, reason: systemReason()) }
        closedir(directory)
        return nil
    }

    /// The regular files below `folder`, as `walk` finds them, without what it could not read.
    static func regularFiles(in folder: URL, keepingHidden: Bool = false) -> [String] {
        walk(folder, keepingHidden: keepingHidden).files
    }

    /// The bytes of the file at `path` in the walked folder `folder`, or why they cannot be read (the
    /// system's reason). Only a regular file is read: a folder, or a pipe that would wait for a writer,
    /// is unreadable. Read with the system's calls, into memory of the size the file says it has: one
    /// read for the bytes and one for the end, where Foundation's read took a page at a time (and a URL
    /// made from a path asked the disk whether it was a folder).
    static func contents(of path: String, in folder: URL) -> Result<Data, Unreadable> {
        let unreadable = { (reason: String) in Unreadable(path: path, isFolder: false, reason: reason) }
        let root = folder.path
        let descriptor = open(root.hasSuffix("/") ? root + path : root + "/" + path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(unreadable(systemReason())) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(unreadable(systemReason())) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .failure(unreadable(status.st_mode & S_IFMT == S_IFDIR ? String(cString: strerror(EISDIR)) : notRegular))
        }
        var bytes = ByteBuffer(capacity: Int(max(status.st_size, 0)) + 1)
        if let error = bytes.appendContents(of: descriptor) { return .failure(unreadable(String(cString: strerror(error)))) }
        return .success(bytes.data())
    }

    /// The reason given for a pipe, a socket or a device where a file or folder belongs.
    private static let notRegular = "not a regular file or folder"

    /// The system's words for the last error (`errno`).
    private static func systemReason() -> String { String(cString: strerror(errno)) }

    /// Adds the regular files below `path` to `listing`, reading each folder's entries and their types
    /// with readdir: no attributes are read for a file whose type the entry gives.
    private static func walk(_ path: String, relative: String, keepingHidden: Bool, into listing: inout Listing) {
        guard let directory = opendir(path) else {
            // Only the walked folder itself may be missing; a folder met inside it exists, or did.
            if !(relative.isEmpty && errno == ENOENT) {
                listing.unreadable.append(Unreadable(path: relative, isFolder: true, reason: systemReason()))
            }
            return
        }
        defer { closedir(directory) }
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { listing.unreadable.append(Unreadable(path: relative, isFolder: true, reason: systemReason())) }
                return
            }
            // The name is read in place, up to its NUL: an entry is only as long as its name, so copying
            // the declared 256-byte field could read past the end of readdir's buffer and crash.
            let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                String(cString: UnsafeRawPointer(field).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            if name.hasPrefix("."), !keepingHidden || name == ".git" || name == ".DS_Store" { continue }
            let full = path + "/" + name
            let inside = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var status = stat()
                guard lstat(full, &status) == 0 else {
                    listing.unreadable.append(Unreadable(path: inside, isFolder: false, reason: systemReason()))
                    continue
                }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                case S_IFLNK: type = Int32(DT_LNK)
                default: type = Int32(DT_FIFO)
                }
            }
            switch type {
            case Int32(DT_DIR): walk(full, relative: inside, keepingHidden: keepingHidden, into: &listing)
            case Int32(DT_REG): listing.files.append(inside)
            case Int32(DT_LNK): listing.links.append(inside)
            default: listing.unreadable.append(Unreadable(path: inside, isFolder: false, reason: notRegular))
            }
        }
    }
}
