import Foundation

/// A folder of Cohort's repository compiled into the binary by the EmbedFolders build plugin:
/// `theme` is `templates/`, the built-in theme; `starter` is `starter/`, what `cohort init` writes.
/// Nothing is read from beside the binary at run time, so a `cohort` copied alone still has them.
struct EmbeddedFolder: Sendable {
    /// The folder's files, by path relative to it, sorted by path.
    let files: [OutputFile]

    /// Decodes the generated source's pairs of path and base64 text.
    init(files: [(path: String, base64: String)]) {
        self.files = files.map { file in
            guard let bytes = Data(base64Encoded: file.base64) else {
                preconditionFailure("the embedded file \(file.path) is not base64: the generated source is damaged")
            }
            return OutputFile(path: file.path, bytes: bytes)
        }
    }
}
