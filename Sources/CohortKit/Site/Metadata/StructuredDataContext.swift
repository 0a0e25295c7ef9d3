extension SiteContext {
    /// The absolute address of the page at `route` (given in the default language) in this context's language.
    func absolute(_ route: Route) -> String {
        localized(route).absolute(under: programme.baseURL)
    }

    /// A company's page: the company as an `Organization`, and the way to it.
    func structuredData(of company: Company, name: String, at route: Route) -> StructuredData {
        let node = StructuredData.Organization(
            name: name, url: absolute(route), logo: logoAddress(of: company.slug), foundingDate: company.founded.map(String.init),
            address: company.country.map(StructuredData.Address.init), sameAs: company.website.map { [$0] })
        return StructuredData(graph: [.organization(node), breadcrumbs(.companies, strings[.companies], route, name)])
    }

    /// An organisation's page: the organisation, and the way to it.
    func structuredData(of organization: Organization, name: String, at route: Route) -> StructuredData {
        StructuredData(graph: [.organization(organizationNode(organization, name: name, at: route)),
                               breadcrumbs(.organizations, strings[.organizations], route, name)])
    }

    /// A news item's page: a `NewsArticle` published by the programme's managers, about what it names.
    func structuredData(of item: NewsItem, title: String, summary: String, at route: Route) -> StructuredData {
        let article = StructuredData.NewsArticle(
            headline: title, url: absolute(route), datePublished: item.date.description, inLanguage: language.code,
            description: summary.isEmpty ? nil : summary,
            publisher: programme.managers.map { absolute(.organization($0.value)) },
            about: item.about.compactMap { entityRoute($0.value).map(absolute) })
        return StructuredData(graph: [.newsArticle(article), breadcrumbs(.news, strings[.news], route, title)])
    }

    /// The home page: the site, and the organisations that run the programme.
    func homeStructuredData(title: String, description: String) -> StructuredData {
        let site = StructuredData.WebSite(
            name: title, url: absolute(.home), description: description.isEmpty ? nil : description, inLanguage: language.code,
            publisher: programme.managers.map { absolute(.organization($0.value)) })
        let managers = programme.managers.compactMap { slug in organization(slug.value) }.map { manager in
            StructuredData.Node.organization(organizationNode(
                manager, name: text(.entity(.organizations, manager.slug), .name, manager.name).text, at: .organization(manager.slug)))
        }
        return StructuredData(graph: [.webSite(site)] + managers)
    }

    private func organizationNode(_ organization: Organization, name: String, at route: Route) -> StructuredData.Organization {
        StructuredData.Organization(name: name, url: absolute(route), logo: logoAddress(of: organization.slug),
                                    address: organization.country.map(StructuredData.Address.init),
                                    sameAs: organization.website.map { [$0] })
    }

    /// Home, then the list, then the page.
    private func breadcrumbs(_ list: Route, _ listName: String, _ route: Route, _ name: String) -> StructuredData.Node {
        .breadcrumbs(StructuredData.Breadcrumbs(steps: [
            (text(.programme, .title, programme.title).text, absolute(.home)), (listName, absolute(list)), (name, absolute(route)),
        ]))
    }

    /// The page of the organisation, company or agreement `slug` names.
    private func entityRoute(_ slug: Slug) -> Route? {
        if organization(slug) != nil { return .organization(slug) }
        if company(slug) != nil { return .company(slug) }
        return agreement(slug).map { _ in .agreement(slug) }
    }
}
