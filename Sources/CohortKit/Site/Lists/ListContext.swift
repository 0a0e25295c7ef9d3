/// What every page of a list has beside its rows: its title, count, filters and the links to its
/// other pages.
struct ListParts: TemplateObject {
    var listTitle: String
    var countText: String
    var filter: FilterValues?
    var filters: [FilterGroup]
    var pagination: PaginationValues?

    static let fields = TemplateFields<ListParts>("list", plural: "lists", [
        .init("list_title", \.listTitle, "`Companies`, or with a filter `Companies: Water treatment` (the `filter_title` text)."),
        .init("count_text", \.countText, "How many rows the list or filter holds: `12 companies`, `1 company`."),
        .init("filter", \.filter, "On a filter's pages, the filter."),
        .init("filters", \.filters, "The list's filters, by dimension. The default theme shows each as a `<details>` disclosure (no script)."),
        .init("pagination", \.pagination, "When there is more than one page, the links to the others."),
    ])
}

/// The filter a page shows.
struct FilterValues: TemplateObject {
    var name: String
    var allHref: String
    var allText: String

    static let fields = TemplateFields<FilterValues>("filter", plural: "filters", [
        .init("name", \.name, "The value, in the page's language: a status label, a focus area's or country's name, a sector."),
        .init("all_href", \.allHref, "Link to the whole list."),
        .init("all_text", \.allText, "`Show all 300`, from the `all_of_list` text."),
    ])
}

/// The filters of one dimension of a list.
struct FilterGroup: TemplateObject {
    var label: String
    var options: [FilterOption]
    var open: Bool

    static let fields = TemplateFields<FilterGroup>("filter group", plural: "filter groups", [
        .init("label", \.label, "The dimension: `Status`, `Focus area`, `Sector`, `Country`, `Kind`."),
        .init("options", \.options, "Its values."),
        .init("open", \.open, "`true` on that dimension's pages."),
    ])
}

/// One value of a filter group.
struct FilterOption: TemplateObject {
    var name: String
    var count: Int
    var href: String
    var current: Bool

    static let fields = TemplateFields<FilterOption>("filter option", plural: "filter options", [
        .init("name", \.name, "The value, in the page's language."),
        .init("count", \.count, "How many rows have it."),
        .init("href", \.href, "Link to its page."),
        .init("current", \.current, "`true` on its own pages."),
    ])
}

/// The links to a list's other pages.
struct PaginationValues: TemplateObject {
    var pages: [PageNumber]
    var previous: String?
    var next: String?
    var rangeText: String

    static let fields = TemplateFields<PaginationValues>("pagination", plural: "paginations", [
        .init("pages", \.pages, "The pages shown: the first, the last and two on each side of the current one, with a gap where numbers are left out."),
        .init("previous", \.previous, "Link to the previous page."),
        .init("next", \.next, "Link to the next page."),
        .init("range_text", \.rangeText, "`101–200 of 340`, from the `rows_of` text; `341 of 341`, from `row_of`, on a page of one row."),
    ])
}

/// A page number of a list, or a gap between numbers.
struct PageNumber: TemplateObject {
    var gap = false
    var number: Int?
    var href: String?
    var current = false
    var label: String?

    static let fields = TemplateFields<PageNumber>("page number", plural: "page numbers", [
        .init("gap", \.gap, "`true` where numbers are left out; the other values are then absent."),
        .init("number", \.number, "The page's number, from 1."),
        .init("href", \.href, "Link to it."),
        .init("current", \.current, "`true` for the page shown."),
        .init("label", \.label, "`Page 2`, from the `page_number` text, for screen readers."),
    ])
}

/// A page of the companies list or of one of its filters.
struct CompanyListPage: TemplateObject {
    var frame: PageFrame
    var list: ListParts
    var companies: [CompanyRow]

    static let fields = TemplateFields<CompanyListPage>("companies page", plural: "companies pages", [
        .include(\.frame), .include(\.list), .init("companies", \.companies, "The page's companies, in the list's order."),
    ])
}

/// A page of the organisations list or of one of its filters.
struct OrganizationListPage: TemplateObject {
    var frame: PageFrame
    var list: ListParts
    var organizations: [OrganizationRow]

    static let fields = TemplateFields<OrganizationListPage>("organisations page", plural: "organisations pages", [
        .include(\.frame), .include(\.list), .init("organizations", \.organizations, "The page's organisations, in the list's order."),
    ])
}

/// A page of the agreements list or of one of its filters.
struct AgreementListPage: TemplateObject {
    var frame: PageFrame
    var list: ListParts
    var agreements: [AgreementRow]

    static let fields = TemplateFields<AgreementListPage>("agreements page", plural: "agreements pages", [
        .include(\.frame), .include(\.list), .init("agreements", \.agreements, "The page's agreements, in the list's order."),
    ])
}

/// A page of the news list.
struct NewsListPage: TemplateObject {
    var frame: PageFrame
    var list: ListParts
    var news: [NewsRow]

    static let fields = TemplateFields<NewsListPage>("news page", plural: "news pages", [
        .include(\.frame), .include(\.list), .init("news", \.news, "The page's news items, newest first."),
    ])
}

extension SiteContext {
    /// A page of a list: its rows, the filters of the list with how many rows each holds, the filter
    /// this page shows (when it is a filter's), and the links to the list's other pages.
    func list(_ page: ListPage) -> any TemplateObject {
        let route = page.route
        let keys = page.kind.keys
        let group = page.filter.flatMap { lists.group(page.kind, $0) }
        let all = rowCount(page.kind)
        let members = group.map(\.members) ?? Array(0..<all)
        let shown = Array(members[lists.rows(of: page.number, among: members.count)])
        let listTitle = strings[keys.title]
        let filterName = group.map { valueName($0, in: page.kind) }
        let title = filterName.map { strings.format(.filterTitle, [("list", listTitle), ("value", $0)]) } ?? listTitle
        let programmeTitle = text(.programme, .title, programme.title).text
        let description = filterName.map {
            strings.format(.filterDescription, [("list", listTitle), ("value", $0), ("programme", programmeTitle)])
        } ?? strings.format(keys.description, [("programme", programmeTitle)])
        let pageCount = lists.pageCount(members.count)
        var frame = frame(route, title: page.number > 1 ? strings.format(.pageTitle, [("title", title), ("page", String(page.number))]) : title,
                          description: description)
        frame.page.prev = page.number > 1 ? link(route, page.route(number: page.number - 1)) : nil
        frame.page.next = page.number < pageCount ? link(route, page.route(number: page.number + 1)) : nil
        let parts = ListParts(
            listTitle: title, countText: count(members.count, page.kind),
            filter: group.map { _ in
                FilterValues(name: filterName ?? "", allHref: link(route, ListPage(kind: page.kind, number: 1).route),
                             allText: strings.format(.allOfList, [("list", listTitle), ("count", String(all))]))
            },
            filters: filters(page, from: route),
            pagination: pagination(page, pageCount: pageCount, rows: members.count, from: route))
        switch page.kind {
        case .companies:
            let companies = self.companies
            return CompanyListPage(frame: frame, list: parts, companies: shown.map { companyRow(companies[$0], from: route) })
        case .organizations:
            let organizations = self.organizations
            return OrganizationListPage(frame: frame, list: parts, organizations: shown.map { organizationRow(organizations[$0], from: route) })
        case .agreements:
            let agreements = self.agreements
            return AgreementListPage(frame: frame, list: parts, agreements: shown.map { agreementRow(agreements[$0], from: route) })
        case .news:
            let news = self.news
            return NewsListPage(frame: frame, list: parts, news: shown.map { newsRow(news[$0], from: route) })
        }
    }

    /// A link from the site's root to the first page of the filter of `kind`'s list with `key` in `dimension`.
    func filterLink(_ kind: ListPage.Kind, _ dimension: ListPage.Dimension, _ key: String) -> String {
        rootLink(ListPage(kind: kind, filter: ListPage.Filter(dimension: dimension, key: key), number: 1).route)
    }

    private func rowCount(_ kind: ListPage.Kind) -> Int {
        switch kind {
        case .companies: companies.count
        case .organizations: organizations.count
        case .agreements: agreements.count
        case .news: news.count
        }
    }

    /// `12 companies`, `1 company`.
    private func count(_ count: Int, _ kind: ListPage.Kind) -> String {
        let keys = kind.keys
        return count == 1 ? strings[keys.countOne] : strings.format(keys.count, [("count", String(count))])
    }

    /// The filters of the page's list, by dimension, each value with its count and link; the page's
    /// own filter is marked current.
    private func filters(_ page: ListPage, from route: Route) -> [FilterGroup] {
        let groups = lists.groups[page.kind] ?? []
        var dimensions: [ListPage.Dimension] = []
        for group in groups where !dimensions.contains(group.filter.dimension) { dimensions.append(group.filter.dimension) }
        return dimensions.map { dimension in
            let options = groups.filter { $0.filter.dimension == dimension }.map { group in
                FilterOption(name: valueName(group, in: page.kind), count: group.members.count,
                             href: link(route, ListPage(kind: page.kind, filter: group.filter, number: 1).route),
                             current: group.filter == page.filter)
            }
            return FilterGroup(label: dimensionLabel(dimension), options: options, open: page.filter?.dimension == dimension)
        }
    }

    private func dimensionLabel(_ dimension: ListPage.Dimension) -> String {
        switch dimension {
        case .status: strings[.status]
        case .focusArea: strings[.focusArea]
        case .sector: strings[.sector]
        case .country: strings[.country]
        case .kind: strings[.kind]
        }
    }

    /// A filter's value as readers of this language see it.
    private func valueName(_ group: ListIndex.Group, in kind: ListPage.Kind) -> String {
        switch (group.filter.dimension, kind) {
        case (.status, .agreements): Agreement.Status(rawValue: group.value).map(strings.label) ?? group.value
        case (.status, _): Company.Status(rawValue: group.value).map(strings.label) ?? group.value
        case (.kind, .agreements): Agreement.Kind(rawValue: group.value).map(strings.label) ?? group.value
        case (.kind, _): Organization.Kind(rawValue: group.value).map(strings.label) ?? group.value
        case (.focusArea, _):
            programme.focusAreas.first { $0.slug.rawValue == group.value }.map { focusAreaName($0.slug, named: $0.name).text } ?? group.value
        case (.country, _): strings.country(group.value)
        case (.sector, _):
            // A sector is text of its companies: the first translation of it among them, else as written.
            group.members.lazy.compactMap { index -> String? in
                let company = self.companies[index]
                let translated = self.text(.entity(.companies, company.slug), .sector, company.sector ?? "")
                return translated.language == self.language && !translated.text.isEmpty ? translated.text : nil
            }.first ?? group.value
        }
    }

    /// The links to the other pages of a list of `pageCount` pages: the first, the last, and two on each
    /// side of this one, with a gap where numbers are left out; absent for a list of one page.
    private func pagination(_ page: ListPage, pageCount: Int, rows: Int, from route: Route) -> PaginationValues? {
        guard pageCount > 1 else { return nil }
        var numbers: [Int] = []
        for number in 1...pageCount where number == 1 || number == pageCount || abs(number - page.number) <= 2 {
            numbers.append(number)
        }
        var items: [PageNumber] = []
        for (index, number) in numbers.enumerated() {
            if index > 0, number - numbers[index - 1] > 1 { items.append(PageNumber(gap: true)) }
            items.append(PageNumber(number: number, href: link(route, page.route(number: number)), current: number == page.number,
                                    label: strings.format(.pageNumber, [("page", String(number))])))
        }
        let shown = lists.rows(of: page.number, among: rows)
        return PaginationValues(
            pages: items,
            previous: page.number > 1 ? link(route, page.route(number: page.number - 1)) : nil,
            next: page.number < pageCount ? link(route, page.route(number: page.number + 1)) : nil,
            rangeText: shown.count == 1
                ? strings.format(.rowOf, [("row", String(shown.upperBound)), ("count", String(rows))])
                : strings.format(.rowsOf, [("from", String(shown.lowerBound + 1)), ("to", String(shown.upperBound)),
                                             ("count", String(rows))]))
    }
}
