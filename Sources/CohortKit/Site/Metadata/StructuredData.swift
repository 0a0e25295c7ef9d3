import Foundation

/// A page's schema.org description as JSON-LD, for search engines and link previews: the typed nodes
/// of its `@graph`, written as JSON that can sit inside a `<script>` element.
struct StructuredData: Encodable {
    /// The `@id` of the organisation or company whose page is at `url`.
    static func organizationID(_ url: String) -> String { url + "#organization" }

    /// Nodes named by their `@id`, as a property's value.
    static func references(_ ids: [String]) -> [[String: String]] { ids.map { ["@id": $0] } }

    /// An organisation or company: `Organization`.
    struct Organization: Encodable {
        var name: String
        var url: String
        var logo: String?
        var foundingDate: String?
        var address: Address?
        var sameAs: [String]?

        private enum CodingKeys: String, CodingKey {
            case type = "@type", id = "@id", name, url, logo, foundingDate, address, sameAs
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("Organization", forKey: .type)
            try container.encode(StructuredData.organizationID(url), forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(url, forKey: .url)
            try container.encodeIfPresent(logo, forKey: .logo)
            try container.encodeIfPresent(foundingDate, forKey: .foundingDate)
            try container.encodeIfPresent(address, forKey: .address)
            try container.encodeIfPresent(sameAs, forKey: .sameAs)
        }
    }

    /// Where an organisation is: a `PostalAddress` with its country.
    struct Address: Encodable {
        var addressCountry: String

        private enum CodingKeys: String, CodingKey { case type = "@type", addressCountry }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("PostalAddress", forKey: .type)
            try container.encode(addressCountry, forKey: .addressCountry)
        }
    }

    /// The site on its home page: `WebSite`, published by the programme's managers.
    struct WebSite: Encodable {
        var name: String
        var url: String
        var description: String?
        var inLanguage: String
        var publisher: [String]

        private enum CodingKeys: String, CodingKey { case type = "@type", name, url, description, inLanguage, publisher }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("WebSite", forKey: .type)
            try container.encode(name, forKey: .name)
            try container.encode(url, forKey: .url)
            try container.encodeIfPresent(description, forKey: .description)
            try container.encode(inLanguage, forKey: .inLanguage)
            try container.encode(StructuredData.references(publisher.map(StructuredData.organizationID)), forKey: .publisher)
        }
    }

    /// A news item: `NewsArticle`.
    struct NewsArticle: Encodable {
        var headline: String
        var url: String
        var datePublished: String
        var inLanguage: String
        var description: String?
        var publisher: [String]
        var about: [String]

        private enum CodingKeys: String, CodingKey {
            case type = "@type", headline, url, mainEntityOfPage, datePublished, inLanguage, description, publisher, about
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("NewsArticle", forKey: .type)
            try container.encode(headline, forKey: .headline)
            try container.encode(url, forKey: .url)
            try container.encode(url, forKey: .mainEntityOfPage)
            try container.encode(datePublished, forKey: .datePublished)
            try container.encode(inLanguage, forKey: .inLanguage)
            try container.encodeIfPresent(description, forKey: .description)
            try container.encode(StructuredData.references(publisher.map(StructuredData.organizationID)), forKey: .publisher)
            try container.encode(StructuredData.references(about), forKey: .about)
        }
    }

    /// The way from the home page to an entity's page: `BreadcrumbList`.
    struct Breadcrumbs: Encodable {
        /// Each step's name and absolute address, from the home page.
        var steps: [(name: String, url: String)]

        private enum CodingKeys: String, CodingKey { case type = "@type", itemListElement }
        private enum ItemKeys: String, CodingKey { case type = "@type", position, name, item }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("BreadcrumbList", forKey: .type)
            var items = container.nestedUnkeyedContainer(forKey: .itemListElement)
            for (index, step) in steps.enumerated() {
                var item = items.nestedContainer(keyedBy: ItemKeys.self)
                try item.encode("ListItem", forKey: .type)
                try item.encode(index + 1, forKey: .position)
                try item.encode(step.name, forKey: .name)
                try item.encode(step.url, forKey: .item)
            }
        }
    }

    /// One node of the graph.
    enum Node: Encodable {
        case organization(Organization), webSite(WebSite), newsArticle(NewsArticle), breadcrumbs(Breadcrumbs)

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .organization(let node): try node.encode(to: encoder)
            case .webSite(let node): try node.encode(to: encoder)
            case .newsArticle(let node): try node.encode(to: encoder)
            case .breadcrumbs(let node): try node.encode(to: encoder)
            }
        }
    }

    /// The page's nodes.
    var graph: [Node]

    private enum CodingKeys: String, CodingKey { case context = "@context", graph = "@graph" }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("https://schema.org", forKey: .context)
        try container.encode(graph, forKey: .graph)
    }

    /// One encoder for every page: making one costs more than encoding a page's graph.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The JSON, keys sorted, with `<`, `>` and `&` written as `\u003c`, `\u003e` and `\u0026` so that
    /// no text from content can end the `<script>` element it sits in.
    var json: String {
        guard let data = try? Self.encoder.encode(self) else { preconditionFailure("structured data always encodes") }
        let text = String(decoding: data, as: UTF8.self)
        // Most pages have none of the three: nothing to replace.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") }) else { return text }
        return text.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
