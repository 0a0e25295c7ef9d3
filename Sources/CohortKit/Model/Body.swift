/// The Markdown text of an entity, after its front matter.
public struct Body: Sendable, Hashable {
    /// The Markdown source.
    public var markdown: String
    /// The line of the file on which the body starts.
    public var firstLine: Int
}
