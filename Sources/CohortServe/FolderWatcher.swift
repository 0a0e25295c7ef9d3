import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders and reports the paths of files and folders written, created, removed or renamed
/// under them, including a root itself appearing or going. Editors that save by writing a new file and
/// renaming it over the old one are seen as the rename.
///
/// On Linux every folder below the roots has an inotify watch, and folders that appear get one at
/// once; a folder that cannot have one (the system's limit on watches reached, no permission) is
/// reported, since its changes would go unseen. Elsewhere the roots are scanned twice a second.
final class FolderWatcher: @unchecked Sendable {
    /// A path that changed, and what the change says of a writer.
    struct Change {
        let path: String
        let writer: Writer

        /// Whether a program may still be writing the file.
        enum Writer {
            /// It was created or written and is still open for writing, as far as the watcher knows.
            case writing
            /// Its writer closed it, or it was removed or renamed.
            case done
            /// The change says nothing of a writer (a folder, attributes).
            case unknown
        }
    }

    private let roots: [String]
    private let onChange: @Sendable ([Change]) -> Void
    private let onFailure: @Sendable (WatchFailure) -> Void

    /// Watches `roots` (which need not exist yet) and calls `onChange` with the changes, from a thread
    /// of its own, and `onFailure` for each folder it cannot watch.
    init(roots: [URL], onChange: @escaping @Sendable ([Change]) -> Void, onFailure: @escaping @Sendable (WatchFailure) -> Void) {
        self.roots = roots.map(\.standardizedFileURL.path)
        self.onChange = onChange
        self.onFailure = onFailure
    }

    #if canImport(Glibc)
    /// Adds an inotify watch, as `inotify_add_watch` does (a test gives one that fails, as the kernel can).
    var addWatchCall: @Sendable (_ descriptor: Int32, _ path: String, _ mask: UInt32) -> Int32 = { inotify_add_watch($0, $1, $2) }
    private var descriptor: Int32 = -1
    /// A watched folder: every change in it counts, or only those to the roots it holds (a root's parent).
    private struct Watch {
        var path: String
        var whole = false
        var roots: Set<String> = []
    }

    private var folders: [Int32: Watch] = [:]

    /// Starts watching; the thread runs until the process ends.
    func start() {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else {
            let code = errno
            for root in roots { onFailure(WatchFailure(folder: root, code: code)) }
            return
        }
        for root in roots {
            addWatch((root as NSString).deletingLastPathComponent, root: root)
            addWatches(below: root)
        }
        let thread = Thread { [self] in readEvents() }
        thread.name = "cohort file watcher"
        thread.start()
    }

    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// Watches the folder at `path`: all of it, or only for `root` appearing or going.
    private func addWatch(_ path: String, root: String? = nil) {
        let descriptor = addWatchCall(self.descriptor, path, Self.mask)
        guard descriptor >= 0 else {
            let code = errno
            // A folder gone again, or a file now, has nothing to watch.
            if code != ENOENT && code != ENOTDIR { onFailure(WatchFailure(folder: path, code: code)) }
            return
        }
        var watch = folders[descriptor] ?? Watch(path: path)
        if let root { watch.roots.insert(root) } else { watch.whole = true }
        folders[descriptor] = watch
    }

    /// Watches `path` and every folder below it, if it is a folder.
    private func addWatches(below path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        addWatch(path)
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            if enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { addWatch(path + "/" + relative) }
        }
    }

    private func readEvents() {
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, capacity)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            var changed: [Change] = []
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
                let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    changed += roots.map { Change(path: $0, writer: .unknown) } // Events were lost: everything may have changed.
                    continue
                }
                guard let folder = folders[event.wd] else { continue }
                if event.mask & UInt32(IN_IGNORED) != 0 {
                    folders[event.wd] = nil
                    continue
                }
                let path = name.isEmpty ? folder.path : folder.path + "/" + name
                let isFolder = event.mask & UInt32(IN_ISDIR) != 0
                let appeared = isFolder && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
                if folder.roots.contains(path) || folder.whole {
                    if appeared { addWatches(below: path) }
                    changed.append(Change(path: path, writer: isFolder ? .unknown : Self.writer(event.mask)))
                }
            }
            if !changed.isEmpty { onChange(changed) }
        }
    }

    /// What an event of a file says of its writer.
    private static func writer(_ mask: UInt32) -> Change.Writer {
        if mask & UInt32(IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO) != 0 { return .done }
        if mask & UInt32(IN_CREATE | IN_MODIFY) != 0 { return .writing }
        return .unknown
    }
    #else
    /// Starts scanning; the thread runs until the process ends.
    func start() {
        let thread = Thread { [self] in
            var previous = snapshot()
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                let current = snapshot()
                let changed = Set(previous.keys).union(current.keys).filter { previous[$0] != current[$0] }
                if !changed.isEmpty { onChange(changed.sorted().map { Change(path: $0, writer: .unknown) }) }
                previous = current
            }
        }
        thread.name = "cohort file watcher"
        thread.start()
    }

    /// Every file and folder below the roots, with its modification time and size.
    private func snapshot() -> [String: [Double]] {
        var entries: [String: [Double]] = [:]
        for root in roots {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: root) else { continue }
            entries[root] = [(attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0]
            let enumerator = FileManager.default.enumerator(atPath: root)
            while let relative = enumerator?.nextObject() as? String {
                let attributes = enumerator?.fileAttributes ?? [:]
                entries[root + "/" + relative] = [(attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0,
                                                  Double((attributes[.size] as? NSNumber)?.int64Value ?? 0)]
            }
        }
        return entries
    }
    #endif
}
