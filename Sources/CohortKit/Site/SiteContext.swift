/// Builds the values templates see, from the typed portfolio: the one place that decides what a
/// template can print. Every key is documented in docs/templates.md.
///
/// Every read of the portfolio goes through the accessors at the end, which record it as a
/// `PageInput` when the context has a recorder (a preview does; a build does not).
struct SiteContext: Sendable {
    private let source: Portfolio
    private let reportFigures: Figures
    /// The summary of each news item, by slug: rendered once, shown on many pages.
    private let newsSummaries: [Slug: String]
    /// What links in bodies can point at.
    let targets: LinkTargets
    /// Where the reads of one page are recorded, if anywhere.
    private var recorder: InputRecorder?

    init(portfolio: Portfolio, figures: Figures, targets: LinkTargets) {
        source = portfolio
        reportFigures = figures
        self.targets = targets
        newsSummaries = Dictionary(portfolio.news.map {
            ($0.slug, Markdown.render($0.body.markdown, allowRawHTML: portfolio.programme.allowRawHTML).summary)
        }, uniquingKeysWith: { first, _ in first })
    }

    /// This context, recording every read of the portfolio into `recorder`.
    func recording(into recorder: InputRecorder) -> SiteContext {
        var copy = self
        copy.recorder = recorder
        return copy
    }

    /// How many companies and agreements the home page lists.
    static let homeListLength = 12

    typealias Values = [String: Any]

    // MARK: - Pages

    func home(_ route: Route) -> Values {
        let companies = self.companies, agreements = self.agreements
        let signed = companies.filter(\.status.countsAgainstTarget).count
        var values = common(route, title: programme.title, description: programme.description ?? programme.tagline)
        values["programme"] = compact([
            "title": programme.title,
            "tagline": programme.tagline,
            "description": programme.description,
            "pool": programme.pool.formatted,
            "standard_ticket": programme.standardTicket.formatted,
            "target_companies": programme.targetCompanies,
            "companies_in_programme": signed,
            "announced": programme.announced.mediumDescription,
            "announced_iso": programme.announced.description,
            "currency": programme.currency.code,
            "managers": programme.managers.compactMap { organization($0.value).map { organizationLink($0, from: route) } },
            "partners": programme.partners.compactMap { organization($0.value).map { organizationLink($0, from: route) } },
            "focus_areas": programme.focusAreas.map { ["name": $0.name, "slug": $0.slug.rawValue] },
        ])
        // The home page shows the first companies and the latest agreements; the list pages have them all.
        values["companies"] = companies.prefix(Self.homeListLength).map { companyRow($0, from: route) }
        values["agreements"] = agreements.suffix(Self.homeListLength).reversed().map { agreementRow($0, from: route) }
        values["more_companies"] = companies.count > Self.homeListLength ? companies.count : Absent()
        values["more_agreements"] = agreements.count > Self.homeListLength ? agreements.count : Absent()
        values["companies_href"] = route.link(to: .companies)
        values["agreements_href"] = route.link(to: .agreements)
        values["news_href"] = route.link(to: .news)
        values["news"] = news.prefix(5).map { newsRow($0, from: route) }
        return values
    }

    func companies(_ route: Route) -> Values {
        listPage(route, "Companies", "The companies of", key: "companies", rows: companies.map { companyRow($0, from: route) })
    }

    func organizations(_ route: Route) -> Values {
        listPage(route, "Organisations", "The organisations behind", key: "organizations",
                 rows: organizations.map { organizationRow($0, from: route) })
    }

    func agreements(_ route: Route) -> Values {
        listPage(route, "Agreements", "The agreements of", key: "agreements", rows: agreements.map { agreementRow($0, from: route) })
    }

    func news(_ route: Route) -> Values {
        listPage(route, "News", "News of", key: "news", rows: news.map { newsRow($0, from: route) })
    }

    /// A list page: its title, a description naming the programme, and its rows under `key`.
    private func listPage(_ route: Route, _ title: String, _ description: String, key: String, rows: [Values]) -> Values {
        var values = common(route, title: title, description: "\(description) \(programme.title).")
        values[key] = rows
        return values
    }

    func company(_ company: Company, _ route: Route, body: Markdown.Rendered) -> Values {
        recorder?.record(.entity(company.slug))
        var row = companyRow(company, from: route)
        row["website"] = present(company.website)
        row["founded"] = present(company.founded.map(String.init))
        row["tags"] = company.tags
        let agreements = self.agreements(of: company.slug)
        row["agreements"] = agreements.map { agreementRow($0, from: route) }
        row["counterparties"] = counterparties(of: company.slug, in: agreements).map { partyLink($0, from: route) }
        return entityPage(route, "company", row, title: company.name, slug: company.slug, body: body)
    }

    func organization(_ organization: Organization, _ route: Route, body: Markdown.Rendered) -> Values {
        recorder?.record(.entity(organization.slug))
        var row = organizationRow(organization, from: route)
        row["website"] = present(organization.website)
        row["people"] = organization.people.map { compact(["name": $0.name, "role": $0.role]) }
        let agreements = self.agreements(of: organization.slug)
        row["agreements"] = agreements.map { agreementRow($0, from: route) }
        let partners = counterparties(of: organization.slug, in: agreements)
        row["companies"] = partners.compactMap { self.company($0) }.map { companyRow($0, from: route) }
        row["organizations"] = partners.compactMap { self.organization($0) }.map { organizationLink($0, from: route) }
        return entityPage(route, "organization", row, title: organization.name, slug: organization.slug, body: body)
    }

    func agreement(_ agreement: Agreement, _ route: Route, body: Markdown.Rendered) -> Values {
        recorder?.record(.entity(agreement.slug))
        return entityPage(route, "agreement", agreementRow(agreement, from: route), title: agreement.title, slug: agreement.slug, body: body)
    }

    /// An entity's page: the common values, and under `key` its row with its body and the news about it.
    private func entityPage(_ route: Route, _ key: String, _ row: Values, title: String, slug: Slug, body: Markdown.Rendered) -> Values {
        var values = common(route, title: title, description: body.summary)
        var row = row
        row["body"] = body.html
        row["news"] = news(about: slug).map { newsRow($0, from: route) }
        values[key] = row
        return values
    }

    func newsItem(_ item: NewsItem, _ route: Route, body: Markdown.Rendered) -> Values {
        recorder?.record(.newsItem(item.slug))
        var values = common(route, title: item.title, description: body.summary)
        var row = newsRow(item, from: route)
        row["body"] = body.html
        row["about"] = item.about.compactMap { entityLink($0.value, from: route) }
        values["item"] = row
        return values
    }

    func page(_ page: Page, _ route: Route, body: Markdown.Rendered) -> Values {
        recorder?.record(.page(page.slug))
        var values = common(route, title: page.title, description: body.summary)
        values["page_content"] = ["title": page.title, "body": body.html] as Values
        return values
    }

    /// The 404 page is served from any path, so its links are absolute, under `base_url`.
    func notFound() -> Values {
        var values = common(Route.notFound, title: "Page not found", description: "")
        var site = values["site"] as? Values ?? [:]
        let base = programme.baseURL
        site["home"] = base
        site["root"] = base
        site["stylesheet"] = Route.stylesheet.absolute(under: base)
        site["feed"] = Route.feed.absolute(under: base)
        site["nav"] = navigation(from: nil)
        values["site"] = site
        return values
    }

    // MARK: - Shared pieces

    func common(_ route: Route, title: String, description: String) -> Values {
        [
            "site": compact([
                "title": programme.title,
                "tagline": programme.tagline,
                "language": programme.language.code,
                "home": route.link(to: .home),
                "root": String(repeating: "../", count: route.depth),
                "stylesheet": route.link(to: .stylesheet),
                "feed": route.link(to: .feed),
                "nav": navigation(from: route),
            ]),
            "page": compact([
                "title": title,
                "description": description,
                "canonical": route.absolute(under: programme.baseURL),
                "is_home": route == .home,
            ]),
        ]
    }

    private func navigation(from route: Route?) -> [Values] {
        var items: [(String, Route)] = [
            ("Home", .home), ("Companies", .companies), ("Organisations", .organizations),
            ("Agreements", .agreements), ("News", .news), ("Reports", .reports),
        ]
        recorder?.record(.navigation)
        items += source.pages.map { ($0.title, Route.page($0.slug)) }
        let base = programme.baseURL
        return items.map { title, target in
            [
                "title": title,
                "href": route.map { $0.link(to: target) } ?? target.absolute(under: base),
                "current": route == target,
            ]
        }
    }

    private func companyRow(_ company: Company, from route: Route) -> Values {
        let area = company.focusArea.flatMap { area in programme.focusAreas.first { $0.slug == area.value } }
        return compact([
            "slug": company.slug.rawValue,
            "name": company.name,
            "href": route.link(to: .company(company.slug)),
            "status": company.status.rawValue,
            "status_label": Labels.label(company.status),
            "sector": company.sector,
            "country": company.country,
            "focus_area": area?.name,
            "investment": company.investment.map(investment),
        ])
    }

    private func investment(_ investment: Investment) -> Values {
        compact([
            "amount": investment.amount.formatted,
            "estimated": investment.estimated,
            "date": investment.date?.mediumDescription,
            "date_iso": investment.date?.description,
        ])
    }

    private func organizationRow(_ organization: Organization, from route: Route) -> Values {
        let role: String? = programme.managers.contains { $0.value == organization.slug } ? "Manager"
            : programme.partners.contains { $0.value == organization.slug } ? "Partner" : nil
        var values = organizationLink(organization, from: route)
        values["kind"] = organization.kind.rawValue
        values["kind_label"] = Labels.label(organization.kind)
        values["country"] = present(organization.country)
        values["role"] = present(role)
        return values
    }

    private func organizationLink(_ organization: Organization, from route: Route) -> Values {
        ["slug": organization.slug.rawValue, "name": organization.name, "href": route.link(to: .organization(organization.slug))]
    }

    func agreementRow(_ agreement: Agreement, from route: Route) -> Values {
        compact([
            "slug": agreement.slug.rawValue,
            "title": agreement.title,
            "href": route.link(to: .agreement(agreement.slug)),
            "kind": agreement.kind.rawValue,
            "kind_label": Labels.label(agreement.kind),
            "status": agreement.status.rawValue,
            "status_label": Labels.label(agreement.status),
            "signed": agreement.signed?.mediumDescription,
            "signed_iso": agreement.signed?.description,
            "signed_long": agreement.signed?.longDescription,
            "place": agreement.place,
            "amount": agreement.amount?.value.formatted,
            "parties": agreement.parties.compactMap { partyLink($0.value, from: route) },
        ])
    }

    private func newsRow(_ item: NewsItem, from route: Route) -> Values {
        compact([
            "slug": item.slug.rawValue,
            "title": item.title,
            "href": route.link(to: .newsItem(item.slug)),
            "date": item.date.mediumDescription,
            "date_iso": item.date.description,
            "summary": newsSummaries[item.slug],
        ])
    }

    private func partyLink(_ slug: Slug, from route: Route) -> Values? {
        if let organization = self.organization(slug) {
            var values = organizationLink(organization, from: route)
            values["kind_label"] = Labels.label(organization.kind)
            return values
        }
        if let company = self.company(slug) {
            return ["slug": slug.rawValue, "name": company.name, "href": route.link(to: .company(slug)), "kind_label": "Company"]
        }
        return nil
    }

    private func entityLink(_ slug: Slug, from route: Route) -> Values? {
        if let agreement = self.agreement(slug) {
            return ["slug": slug.rawValue, "name": agreement.title, "href": route.link(to: .agreement(slug)), "kind_label": "Agreement"]
        }
        return partyLink(slug, from: route)
    }

    /// The other parties of `agreements`, each once, sorted by slug.
    private func counterparties(of slug: Slug, in agreements: [Agreement]) -> [Slug] {
        Set(agreements.flatMap { $0.parties.map(\.value) }).subtracting([slug]).sorted()
    }

    // MARK: - Reading the portfolio

    /// The programme; every page reads it.
    var programme: Programme {
        recorder?.record(.programme)
        return source.programme
    }

    /// The report figures.
    var figures: Figures {
        recorder?.record(.figures)
        return reportFigures
    }

    private var companies: [Company] {
        recorder.map { recorder in source.companies.forEach { recorder.record(.entity($0.slug)) } }
        recorder?.record(.list(.companies))
        return source.companies
    }

    var organizations: [Organization] {
        recorder.map { recorder in source.organizations.forEach { recorder.record(.entity($0.slug)) } }
        recorder?.record(.list(.organizations))
        return source.organizations
    }

    var agreements: [Agreement] {
        recorder.map { recorder in source.agreements.forEach { recorder.record(.entity($0.slug)) } }
        recorder?.record(.list(.agreements))
        return source.agreements
    }

    private var news: [NewsItem] {
        recorder.map { recorder in source.news.forEach { recorder.record(.newsItem($0.slug)) } }
        recorder?.record(.list(.news))
        return source.news
    }

    private func organization(_ slug: Slug) -> Organization? {
        recorder?.record(.entity(slug))
        return source.organization(slug)
    }

    private func company(_ slug: Slug) -> Company? {
        recorder?.record(.entity(slug))
        return source.company(slug)
    }

    private func agreement(_ slug: Slug) -> Agreement? {
        recorder?.record(.entity(slug))
        return source.agreement(slug)
    }

    private func agreements(of party: Slug) -> [Agreement] {
        recorder?.record(.agreementsOf(party))
        return (source.agreementsByParty[party] ?? []).compactMap(agreement)
    }

    private func news(about slug: Slug) -> [NewsItem] {
        recorder?.record(.newsAbout(slug))
        let items = (source.newsByEntity[slug] ?? []).map { source.news[$0] }
        items.forEach { recorder?.record(.newsItem($0.slug)) }
        return items
    }

    /// Records that the page reads `input` directly from the portfolio.
    func reading(_ input: PageInput) { recorder?.record(input) }

    /// Resolves links that bodies write to content files, recording the folders they look in.
    var contentLinks: ContentLinks { ContentLinks(targets: targets, recorder: recorder) }

    /// Marks absent and empty values as `Absent`: in Mustache an empty string is truthy, and a missing
    /// key would be looked up in the enclosing contexts (a person without a role would show the
    /// organisation's role).
    func compact(_ values: [String: Any?]) -> Values {
        values.mapValues(present)
    }

    /// `value`, or `Absent` when it is nil or empty text.
    private func present(_ value: Any?) -> Any {
        guard let value, !Self.isNil(value) else { return Absent() }
        if let text = value as? String, text.isEmpty { return Absent() }
        return value
    }

    /// Whether `value` is an optional holding nothing, boxed as `Any`.
    private static func isNil(_ value: Any) -> Bool {
        (value as? OptionalMarker)?.isNone ?? false
    }
}
