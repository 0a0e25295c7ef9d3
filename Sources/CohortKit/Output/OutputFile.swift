import Foundation

/// A file to write: a path relative to the output folder, and its bytes.
public struct OutputFile: Sendable, Hashable {
    /// A relative path with `/` separators, such as `companies/rotec/index.html`.
    public var path: String
    /// The file's contents.
    public var bytes: Data

    /// Creates an output file from bytes.
    public init(path: String, bytes: Data) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates an output file from UTF-8 text.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Data(text.utf8))
    }
}
