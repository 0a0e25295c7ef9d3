/// An agreement among organisations and companies, from `agreements/<slug>.md`.
public struct Agreement: Sendable, Hashable {
    /// What an agreement is.
    public enum Kind: String, Sendable, CaseIterable {
        /// As written in the `kind` field; `mou` is a memorandum of understanding.
        case framework, investment, licence, mou, other
    }

    /// Where an agreement stands.
    public enum Status: String, Sendable, CaseIterable {
        /// As written in the `status` field.
        case draft, signed, terminated, expired
    }

    /// The file name without `.md`, which identifies the agreement.
    public var slug: Slug
    /// The agreement's heading on its page and in the register.
    public var title: String
    /// What the agreement is, such as a framework or an MOU.
    public var kind: Kind
    /// Whether it is a draft, signed, terminated or expired.
    public var status: Status
    /// Slugs of the organisations and companies party to it.
    public var parties: [Located<Slug>]
    /// The day it was signed; required when the status is `signed`.
    public var signed: Day?
    /// Where it was signed.
    public var place: String?
    /// The money it involves, as written, in any currency with a declared rate.
    public var amount: Located<Money>?
    /// The Markdown after the front matter, describing the agreement.
    public var body: Body
    /// The start of the agreement's file.
    public var source: SourceLocation
    /// Earlier addresses of its page, as site paths (`companies/alpha-farms.html`,
    /// `old/about/index.html`): each is kept as a page that sends readers on (see `aliases:` in
    /// docs/content-format.md).
    public var aliases: [Located<String>] = []
}
