extension SiteContext {
    /// A page of a list: its rows, the filters of the list with how many rows each holds, the filter
    /// this page shows (when it is a filter's), and the links to the list's other pages.
    func list(_ page: ListPage) -> Values {
        let route = page.route
        let key = page.kind.rawValue
        let group = page.filter.flatMap { lists.group(page.kind, $0) }
        let all = rowCount(page.kind)
        let members = group.map(\.members) ?? Array(0..<all)
        let shown = Array(members[lists.rows(of: page.number, among: members.count)])
        let listTitle = strings[key]
        let filterName = group.map { valueName($0, in: page.kind) }
        let title = filterName.map { strings.format("filter_title", [("list", listTitle), ("value", $0)]) } ?? listTitle
        let programmeTitle = text(.programme, "title", programme.title).text
        let description = filterName.map {
            strings.format("filter_description", [("list", listTitle), ("value", $0), ("programme", programmeTitle)])
        } ?? strings.format(key + "_description", [("programme", programmeTitle)])
        let pageCount = lists.pageCount(members.count)
        var values = common(route, title: page.number > 1 ? strings.format("page_title", [("title", title), ("page", String(page.number))]) : title,
                            description: description)
        values[key] = rows(page.kind, shown, from: route)
        values["list_title"] = title
        values["count_text"] = count(members.count, page.kind)
        values["filter"] = group.map { _ in
            compact(["name": filterName, "all_href": link(route, ListPage(kind: page.kind, number: 1).route),
                     "all_text": strings.format("all_of_list", [("list", listTitle), ("count", String(all))])])
        } ?? Absent.value
        values["filters"] = filters(page, from: route)
        values["pagination"] = pagination(page, pageCount: pageCount, rows: members.count, from: route)
        if var pageValues = values["page"] as? Values {
            pageValues["prev"] = page.number > 1 ? link(route, page.route(number: page.number - 1)) : Absent.value
            pageValues["next"] = page.number < pageCount ? link(route, page.route(number: page.number + 1)) : Absent.value
            values["page"] = pageValues
        }
        return values
    }

    /// A link from the page at `route` to the first page of the filter of `kind`'s list with `key` in `dimension`.
    func filterLink(from route: Route, _ kind: ListPage.Kind, _ dimension: ListPage.Dimension, _ key: String) -> String {
        link(route, ListPage(kind: kind, filter: ListPage.Filter(dimension: dimension, key: key), number: 1).route)
    }

    private func rowCount(_ kind: ListPage.Kind) -> Int {
        switch kind {
        case .companies: companies.count
        case .organizations: organizations.count
        case .agreements: agreements.count
        case .news: news.count
        }
    }

    /// The rows at `indexes` of `kind`'s sorted list.
    private func rows(_ kind: ListPage.Kind, _ indexes: [Int], from route: Route) -> [Values] {
        switch kind {
        case .companies:
            let companies = self.companies
            return indexes.map { companyRow(companies[$0], from: route) }
        case .organizations:
            let organizations = self.organizations
            return indexes.map { organizationRow(organizations[$0], from: route) }
        case .agreements:
            let agreements = self.agreements
            return indexes.map { agreementRow(agreements[$0], from: route) }
        case .news:
            let news = self.news
            return indexes.map { newsRow(news[$0], from: route) }
        }
    }

    /// `12 companies`, `1 company`.
    private func count(_ count: Int, _ kind: ListPage.Kind) -> String {
        let key = kind == .companies ? "company_count" : kind == .organizations ? "organization_count"
            : kind == .agreements ? "agreement_count" : "news_count"
        return count == 1 ? strings[key + "_one"] : strings.format(key, [("count", String(count))])
    }

    /// The filters of the page's list, by dimension, each value with its count and link; the page's
    /// own filter is marked current.
    private func filters(_ page: ListPage, from route: Route) -> [Values] {
        let groups = lists.groups[page.kind] ?? []
        var dimensions: [ListPage.Dimension] = []
        for group in groups where !dimensions.contains(group.filter.dimension) { dimensions.append(group.filter.dimension) }
        return dimensions.map { dimension -> Values in
            let options = groups.filter { $0.filter.dimension == dimension }.map { group -> Values in
                compact(["name": valueName(group, in: page.kind), "count": group.members.count,
                         "href": link(route, ListPage(kind: page.kind, filter: group.filter, number: 1).route),
                         "current": group.filter == page.filter])
            }
            return ["label": dimensionLabel(dimension), "options": options,
                    "open": page.filter?.dimension == dimension]
        }
    }

    private func dimensionLabel(_ dimension: ListPage.Dimension) -> String {
        switch dimension {
        case .status: strings["status"]
        case .focusArea: strings["focus_area"]
        case .sector: strings["sector"]
        case .country: strings["country"]
        case .kind: strings["kind"]
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
            programme.focusAreas.first { $0.slug.rawValue == group.value }.map { focusAreaNames[$0.slug] ?? $0.name } ?? group.value
        case (.country, _): strings.country(group.value)
        case (.sector, _):
            // A sector is text of its companies: the first translation of it among them, else as written.
            group.members.lazy.compactMap { index -> String? in
                let company = self.companies[index]
                let translated = self.text(.entity(.companies, company.slug), "sector", company.sector ?? "")
                return translated.language == self.language && !translated.text.isEmpty ? translated.text : nil
            }.first ?? group.value
        }
    }

    /// The links to the other pages of a list of `pageCount` pages: the first, the last, and two on each
    /// side of this one, with a gap where numbers are left out; absent for a list of one page.
    private func pagination(_ page: ListPage, pageCount: Int, rows: Int, from route: Route) -> Any {
        guard pageCount > 1 else { return Absent.value }
        var numbers: [Int] = []
        for number in 1...pageCount where number == 1 || number == pageCount || abs(number - page.number) <= 2 {
            numbers.append(number)
        }
        var items: [Values] = []
        for (index, number) in numbers.enumerated() {
            if index > 0, number - numbers[index - 1] > 1 { items.append(["gap": true]) }
            items.append(["number": number, "href": link(route, page.route(number: number)), "current": number == page.number,
                          "label": strings.format("page_number", [("page", String(number))])])
        }
        let shown = lists.rows(of: page.number, among: rows)
        return compact([
            "pages": items,
            "previous": page.number > 1 ? link(route, page.route(number: page.number - 1)) : nil,
            "next": page.number < pageCount ? link(route, page.route(number: page.number + 1)) : nil,
            "range_text": strings.format("rows_of", [("from", String(shown.lowerBound + 1)), ("to", String(shown.upperBound)),
                                                     ("count", String(rows))]),
        ])
    }
}
