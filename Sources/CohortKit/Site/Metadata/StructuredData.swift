import Foundation

/// A page's schema.org description as JSON-LD, for search engines and link previews: the typed nodes
/// of its `@graph`, written as JSON that can sit inside a `<script>` element. The text is written
/// member by member, keys in the order of their bytes, as Foundation's `JSONEncoder` writes it with
/// `.sortedKeys` and `.withoutEscapingSlashes`: pages are many and their graphs small, and an encoder's
/// tree of values cost more than the writing.
struct StructuredData {
    /// The `@id` of the organisation or company whose page is at `url`.
    static func organizationID(_ url: String) -> String { url + "#organization" }

    /// An organisation or company: `Organization`.
    struct Organization {
        var name: String
        var url: String
        var logo: String?
        var foundingDate: String?
        var address: Address?
        var sameAs: [String]?

        fileprivate func write(to json: inout Writer) {
            json.open("{")
            json.member("@id", StructuredData.organizationID(url))
            json.member("@type", "Organization")
            if let address {
                json.key("address")
                address.write(to: &json)
            }
            json.member("foundingDate", foundingDate)
            json.member("logo", logo)
            json.member("name", name)
            if let sameAs { json.member("sameAs", strings: sameAs) }
            json.member("url", url)
            json.close("}")
        }
    }

    /// Where an organisation is: a `PostalAddress` with its country.
    struct Address {
        var addressCountry: String

        fileprivate func write(to json: inout Writer) {
            json.open("{")
            json.member("@type", "PostalAddress")
            json.member("addressCountry", addressCountry)
            json.close("}")
        }
    }

    /// The site on its home page: `WebSite`, published by the programme's managers.
    struct WebSite {
        var name: String
        var url: String
        var description: String?
        var inLanguage: String
        var publisher: [String]

        fileprivate func write(to json: inout Writer) {
            json.open("{")
            json.member("@type", "WebSite")
            json.member("description", description)
            json.member("inLanguage", inLanguage)
            json.member("name", name)
            json.member("publisher", references: publisher.map(StructuredData.organizationID))
            json.member("url", url)
            json.close("}")
        }
    }

    /// A news item: `NewsArticle`.
    struct NewsArticle {
        var headline: String
        var url: String
        var datePublished: String
        var inLanguage: String
        var description: String?
        var publisher: [String]
        var about: [String]

        fileprivate func write(to json: inout Writer) {
            json.open("{")
            json.member("@type", "NewsArticle")
            json.member("about", references: about)
            json.member("datePublished", datePublished)
            json.member("description", description)
            json.member("headline", headline)
            json.member("inLanguage", inLanguage)
            json.member("mainEntityOfPage", url)
            json.member("publisher", references: publisher.map(StructuredData.organizationID))
            json.member("url", url)
            json.close("}")
        }
    }

    /// The way from the home page to an entity's page: `BreadcrumbList`.
    struct Breadcrumbs {
        /// Each step's name and absolute address, from the home page.
        var steps: [(name: String, url: String)]

        fileprivate func write(to json: inout Writer) {
            json.open("{")
            json.member("@type", "BreadcrumbList")
            json.key("itemListElement")
            json.open("[")
            for (index, step) in steps.enumerated() {
                json.open("{")
                json.member("@type", "ListItem")
                json.member("item", step.url)
                json.member("name", step.name)
                json.member("position", number: index + 1)
                json.close("}")
            }
            json.close("]")
            json.close("}")
        }
    }

    /// One node of the graph.
    enum Node {
        case organization(Organization), webSite(WebSite), newsArticle(NewsArticle), breadcrumbs(Breadcrumbs)

        fileprivate func write(to json: inout Writer) {
            switch self {
            case .organization(let node): node.write(to: &json)
            case .webSite(let node): node.write(to: &json)
            case .newsArticle(let node): node.write(to: &json)
            case .breadcrumbs(let node): node.write(to: &json)
            }
        }
    }

    /// The page's nodes.
    var graph: [Node]

    /// The JSON, keys sorted, with `<`, `>` and `&` written as `\u003c`, `\u003e` and `\u0026` so that
    /// no text from content can end the `<script>` element it sits in.
    var json: String {
        var json = Writer()
        json.open("{")
        json.member("@context", "https://schema.org")
        json.key("@graph")
        json.open("[")
        for node in graph { node.write(to: &json) }
        json.close("]")
        json.close("}")
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// Compact JSON, written in order, as UTF-8 bytes: a comma before each value but the first of its
    /// object or array.
    fileprivate struct Writer {
        private(set) var bytes: [UInt8] = []
        /// Whether the next value follows another in the same object or array.
        private var follows = false

        init() { bytes.reserveCapacity(1024) }

        /// Starts an object (`{`) or array (`[`) as the next value.
        mutating func open(_ bracket: Unicode.Scalar) {
            separate()
            bytes.append(UInt8(ascii: bracket))
            follows = false
        }

        /// Ends the innermost object (`}`) or array (`]`).
        mutating func close(_ bracket: Unicode.Scalar) {
            bytes.append(UInt8(ascii: bracket))
            follows = true
        }

        /// A member's key; its value comes next.
        mutating func key(_ key: String) {
            separate()
            JSONString.append(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            follows = false
        }

        /// A member with a string value; nothing when the value is absent.
        mutating func member(_ key: String, _ value: String?) {
            guard let value else { return }
            self.key(key)
            JSONString.append(value, to: &bytes, scriptSafe: true)
            follows = true
        }

        mutating func member(_ key: String, number: Int) {
            self.key(key)
            bytes.append(contentsOf: String(number).utf8)
            follows = true
        }

        mutating func member(_ key: String, strings: [String]) {
            self.key(key)
            open("[")
            for string in strings {
                separate()
                JSONString.append(string, to: &bytes, scriptSafe: true)
                follows = true
            }
            close("]")
        }

        /// Nodes named by their `@id`, as a property's value.
        mutating func member(_ key: String, references ids: [String]) {
            self.key(key)
            open("[")
            for id in ids {
                open("{")
                member("@id", id)
                close("}")
            }
            close("]")
        }

        private mutating func separate() {
            if follows { bytes.append(UInt8(ascii: ",")) }
        }
    }
}
