import Foundation

/// Writes files out for a person to edit (`cohort init`, `cohort theme eject`). Unlike the write stage,
/// which replaces a folder it owns, this adds to a folder and never replaces a file that exists.
public enum FileExport {
    /// What an export did.
    public struct Result: Sendable, Equatable {
        /// The paths written, relative to the folder, in order.
        public var written: [String] = []
        /// The paths left alone because a file was already there.
        public var kept: [String] = []
    }

    /// Writes `files` under `folder`, creating it and any subfolders; a file that exists is kept.
    public static func write(_ files: [OutputFile], into folder: URL) throws(OutputWriter.Failure) -> Result {
        var result = Result()
        for file in files {
            let destination = folder.appendingPathComponent(file.path)
            if let problem = PlainFile.makeFolder(destination.deletingLastPathComponent().path) {
                throw OutputWriter.Failure(description: "cannot create \(problem)")
            }
            if PlainFile.write(file.bytes, to: destination.path, exclusive: true) {
                result.written.append(file.path)
            } else if errno == EEXIST {
                result.kept.append(file.path)
            } else {
                throw OutputWriter.Failure(description: "cannot write \(destination.path): \(String(cString: strerror(errno)))")
            }
        }
        return result
    }
}
