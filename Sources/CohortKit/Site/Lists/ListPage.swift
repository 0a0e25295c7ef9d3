/// One page of one of the site's lists: every company (organisation, agreement, news item), or those
/// one filter picks, such as the companies of a sector; one page of them when the list is long.
///
/// A list's first page is `<folder>/index.html` and the others `<folder>/page/<n>.html`, where the
/// folder is the list's (`companies`) or a filter's (`companies/sector/water`).
struct ListPage: Hashable, Sendable {
    /// The lists of the site.
    enum Kind: String, Hashable, Sendable, CaseIterable {
        case companies, organizations, agreements, news
    }

    /// What a filter groups by; its raw value is the folder name.
    enum Dimension: String, Hashable, Sendable {
        case status, focusArea = "focus-area", sector, country, kind
    }

    /// The rows that share one value of a dimension.
    struct Filter: Hashable, Sendable {
        var dimension: Dimension
        /// The value as a path segment: `signed`, `water-treatment`, `il`.
        var key: String
    }

    var kind: Kind
    var filter: Filter?
    /// From 1.
    var number: Int

    /// The folder of the list or filter.
    var folder: String {
        guard let filter else { return kind.rawValue }
        return "\(kind.rawValue)/\(filter.dimension.rawValue)/\(filter.key)"
    }

    /// Where this page is.
    var route: Route { route(number: number) }

    /// Where page `number` of the same list or filter is.
    func route(number: Int) -> Route {
        number <= 1 ? Route(folder + "/index.html") : Route("\(folder)/page/\(number).html")
    }

    /// The first page of every company.
    static let companies = ListPage(kind: .companies, number: 1)
}

/// The site's lists, their filters and their pages, worked out once per build from the portfolio: which
/// rows each filter holds, each filter's key, and how many pages each has.
struct ListIndex: Sendable {
    /// The rows that share one value: their indexes in the portfolio's sorted list, and the value as
    /// written (a status or kind code, a focus area's slug, a sector, a country code).
    struct Group: Sendable {
        var filter: ListPage.Filter
        var value: String
        var members: [Int]
    }

    /// Rows per page; 0 for one page.
    let pageSize: Int
    /// Each list's filters, by dimension in the order the site shows them, then by value.
    let groups: [ListPage.Kind: [Group]]
    /// How many rows each list has.
    let counts: [ListPage.Kind: Int]
    /// The key of each sector as written (`FilterKey`).
    let sectorKeys: [String: String]

    init(_ portfolio: Portfolio) {
        pageSize = portfolio.programme.pageSize
        let companies = portfolio.companies
        let sectorKeys = Dictionary(Set(companies.compactMap(\.sector)).map { ($0, FilterKey.of($0)) }, uniquingKeysWith: { first, _ in first })
        self.sectorKeys = sectorKeys
        let focusOrder = portfolio.programme.focusAreas.map(\.slug.rawValue)
        groups = [
            .companies: Self.groups(companies, .status, order: Company.Status.allCases.map(\.rawValue)) { $0.status.rawValue }
                + Self.groups(companies, .focusArea, order: focusOrder) { $0.focusArea?.value.rawValue }
                + Self.groups(companies, .sector, key: { sectorKeys[$0] ?? $0 }) { $0.sector }
                + Self.groups(companies, .country, key: { $0.lowercased() }) { $0.country },
            .organizations: Self.groups(portfolio.organizations, .kind, order: Organization.Kind.allCases.map(\.rawValue)) { $0.kind.rawValue },
            .agreements: Self.groups(portfolio.agreements, .kind, order: Agreement.Kind.allCases.map(\.rawValue)) { $0.kind.rawValue }
                + Self.groups(portfolio.agreements, .status, order: Agreement.Status.allCases.map(\.rawValue)) { $0.status.rawValue },
            .news: [],
        ]
        counts = [.companies: companies.count, .organizations: portfolio.organizations.count,
                  .agreements: portfolio.agreements.count, .news: portfolio.news.count]
    }

    /// Every page of every list and filter.
    var pages: [ListPage] {
        ListPage.Kind.allCases.flatMap { kind -> [ListPage] in
            let all = (1...pageCount(counts[kind] ?? 0)).map { ListPage(kind: kind, number: $0) }
            return all + (groups[kind] ?? []).flatMap { group in
                (1...pageCount(group.members.count)).map { ListPage(kind: kind, filter: group.filter, number: $0) }
            }
        }
    }

    /// The group of `filter` in `kind`'s list.
    func group(_ kind: ListPage.Kind, _ filter: ListPage.Filter) -> Group? {
        groups[kind]?.first { $0.filter == filter }
    }

    /// How many pages a list of `count` rows takes: at least one, which says the list is empty.
    func pageCount(_ count: Int) -> Int {
        pageSize <= 0 || count == 0 ? 1 : (count + pageSize - 1) / pageSize
    }

    /// The positions, among `count` rows, of the rows of page `number`.
    func rows(of number: Int, among count: Int) -> Range<Int> {
        guard pageSize > 0 else { return 0..<count }
        let start = min(count, (number - 1) * pageSize)
        return start..<min(count, start + pageSize)
    }

    /// The filters of `dimension` over `items`: one per key of the values the items have (values with
    /// the same key share it, shown as the spelling most items have), in `order` (then by value).
    private static func groups<Item>(_ items: [Item], _ dimension: ListPage.Dimension, order: [String] = [],
                                     key makeKey: (String) -> String = { $0 }, value: (Item) -> String?) -> [Group] {
        // Each value as written, with its key (made once) and how many items have it; each key with its
        // members. An item costs one lookup of its value: the values are few and the items many.
        var valueIndex: [String: Int] = [:]
        var values: [(text: String, key: Int, count: Int)] = []
        var keyIndex: [String: Int] = [:]
        var keys: [(key: String, members: [Int])] = []
        for (index, item) in items.enumerated() {
            guard let text = value(item) else { continue }
            let position: Int
            if let known = valueIndex[text] {
                position = known
            } else {
                let key = makeKey(text)
                let keyPosition = keyIndex[key] ?? keys.count
                if keyPosition == keys.count {
                    keyIndex[key] = keyPosition
                    keys.append((key, []))
                }
                position = values.count
                valueIndex[text] = position
                values.append((text, keyPosition, 0))
            }
            values[position].count += 1
            keys[values[position].key].members.append(index)
        }
        // A key is shown as the spelling most items have, the first in text order on a tie.
        var shown = [(text: String, count: Int)?](repeating: nil, count: keys.count)
        for value in values {
            if let best = shown[value.key], best.count > value.count || (best.count == value.count && best.text < value.text) { continue }
            shown[value.key] = (value.text, value.count)
        }
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return keys.indices.map { (key: keys[$0].key, value: shown[$0]?.text ?? keys[$0].key, members: keys[$0].members) }
            .sorted { (rank[$0.value] ?? Int.max, $0.value, $0.key) < (rank[$1.value] ?? Int.max, $1.value, $1.key) }
            .map { Group(filter: ListPage.Filter(dimension: dimension, key: $0.key), value: $0.value, members: $0.members) }
    }
}
