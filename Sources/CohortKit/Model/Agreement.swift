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

    /// What an agreement holds, shared by its copies (`SharedFields`).
    struct Fields: Sendable, Hashable {
        var slug: Slug
        var title: String
        var kind: Kind
        var status: Status
        var parties: [Located<Slug>]
        var signed: Day?
        var place: String?
        var amount: Located<Money>?
        var body: Body
        var source: SourceLocation
        var aliases: [Located<String>] = []
    }

    private var shared: SharedFields<Fields>

    /// An agreement with these fields.
    init(_ fields: Fields) { shared = SharedFields(fields) }

    /// The file name without `.md`, which identifies the agreement.
    public var slug: Slug { get { shared.fields.slug } set { shared.set(\.slug, newValue) } }
    /// The agreement's heading on its page and in the register.
    public var title: String { get { shared.fields.title } set { shared.set(\.title, newValue) } }
    /// What the agreement is, such as a framework or an MOU.
    public var kind: Kind { get { shared.fields.kind } set { shared.set(\.kind, newValue) } }
    /// Whether it is a draft, signed, terminated or expired.
    public var status: Status { get { shared.fields.status } set { shared.set(\.status, newValue) } }
    /// Slugs of the organisations and companies party to it.
    public var parties: [Located<Slug>] { get { shared.fields.parties } set { shared.set(\.parties, newValue) } }
    /// The day it was signed; required when the status is `signed`.
    public var signed: Day? { get { shared.fields.signed } set { shared.set(\.signed, newValue) } }
    /// Where it was signed.
    public var place: String? { get { shared.fields.place } set { shared.set(\.place, newValue) } }
    /// The money it involves, as written, in any currency with a declared rate.
    public var amount: Located<Money>? { get { shared.fields.amount } set { shared.set(\.amount, newValue) } }
    /// The Markdown after the front matter, describing the agreement.
    public var body: Body { get { shared.fields.body } set { shared.set(\.body, newValue) } }
    /// The start of the agreement's file.
    public var source: SourceLocation { get { shared.fields.source } set { shared.set(\.source, newValue) } }
    /// Earlier addresses of its page, as site paths (`companies/alpha-farms.html`,
    /// `old/about/index.html`): each is kept as a page that sends readers on (see `aliases:` in
    /// docs/content-format.md).
    public var aliases: [Located<String>] { get { shared.fields.aliases } set { shared.set(\.aliases, newValue) } }
}
