/// A logo as pages show it: the file with its size, or, without one, initials for a placeholder.
struct LogoValues: TemplateObject {
    var src: String?
    var width: Int?
    var height: Int?
    var initials: String?

    static let fields = TemplateFields<LogoValues>("logo", plural: "logos", [
        .init("src", \.src, "A link to the logo's file; absent without a logo."),
        .init("width", \.width, "Its width in pixels, read from the file."),
        .init("height", \.height, "Its height in pixels, read from the file."),
        .init("initials", \.initials, "Without a logo, up to two letters for a placeholder (`SM` for Sonarium Medical)."),
    ])

    /// The logo with its link starting at `climb` (see `SiteContext.climb(from:)`), not at the site's root.
    func linked(from climb: String) -> LogoValues {
        var logo = self
        logo.src = src.map { climb + $0 }
        return logo
    }
}

/// A company as the lists show it.
struct CompanyRow: TemplateObject {
    var slug: String
    var name: String
    var lang: String?
    var href: String
    var logo: LogoValues
    var status: String
    var statusLabel: String
    var statusHref: String
    var sector: String?
    var sectorHref: String?
    var country: String?
    var countryCode: String?
    var countryHref: String?
    var focusArea: String?
    var focusAreaHref: String?
    var investment: InvestmentValues?

    static let fields = TemplateFields<CompanyRow>("company row", plural: "company rows", [
        .init("slug", \.slug, "The company's slug."),
        .init("name", \.name, "Its name."),
        .init("lang", \.lang, "The language of `name` when it is not the page's."),
        .init("href", \.href, "Link to its page."),
        .init("logo", \.logo, "Its logo, or initials for a placeholder. The `partials/logo` and `partials/logo-small` templates show either."),
        .init("status", \.status, "The status code: `candidate`, `selected`, `signed`, `funded`, `exited` or `withdrawn`. Useful in class names."),
        .init("status_label", \.statusLabel, "The status for readers: `Candidate`, `Selected`, `Signed`, ..."),
        .init("status_href", \.statusHref, "Link to the page of the companies with this status."),
        .init("sector", \.sector, "The sector."),
        .init("sector_href", \.sectorHref, "Link to the page of the companies of this sector."),
        .init("country", \.country, "The country's name in the page's language, such as `Israel`, `以色列`, `ישראל`."),
        .init("country_code", \.countryCode, "The ISO 3166 code, such as `IL`."),
        .init("country_href", \.countryHref, "Link to the page of the companies of this country."),
        .init("focus_area", \.focusArea, "The focus area's `name` from `programme.yml`, translated where the programme's translation gives it."),
        .init("focus_area_href", \.focusAreaHref, "Link to the page of the companies of this focus area."),
        .init("investment", \.investment, "The company's rounds added up; absent without rounds."),
    ])

    /// The row with its links starting at `climb`, not at the site's root.
    func linked(from climb: String) -> CompanyRow {
        guard !climb.isEmpty else { return self }
        var row = self
        row.href = climb + href
        row.logo = logo.linked(from: climb)
        row.statusHref = climb + statusHref
        row.sectorHref = sectorHref.map { climb + $0 }
        row.countryHref = countryHref.map { climb + $0 }
        row.focusAreaHref = focusAreaHref.map { climb + $0 }
        return row
    }
}

/// A company's rounds added up.
struct InvestmentValues: TemplateObject {
    var amount: String
    var estimated: Bool
    var estimatedPart: String?
    var date: String?
    var dateISO: String?

    static let fields = TemplateFields<InvestmentValues>("investment", plural: "investments", [
        .init("amount", \.amount, "The amount, formatted for the page's language: `USD 1,000,000`, `1,000,000 USD` in Hebrew; in the rounds' currency when they share one, else in the reporting currency."),
        .init("estimated", \.estimated, "`true` when every round is an estimate."),
        .init("estimated_part", \.estimatedPart, "When only some rounds are estimates, the estimated part, formatted."),
        .init("date", \.date, "The date of the first round (or else of the company's first signed agreement), as the page's language writes it: `10 October 2011`, `2011年10月10日`."),
        .init("date_iso", \.dateISO, "The same date, as `2011-10-10`."),
    ])
}

/// An organisation as the lists show it.
struct OrganizationRow: TemplateObject {
    var link: EntityLink
    var kind: String
    var kindHref: String
    var country: String?
    var countryCode: String?
    var role: String?
    var roleText: String?

    static let fields = TemplateFields<OrganizationRow>("organisation row", plural: "organisation rows", [
        .include(\.link),
        .init("kind", \.kind, "The kind code: `fund`, `government`, `university`, `tech-transfer`, `corporate` or `other`."),
        .init("kind_href", \.kindHref, "Link to the page of the organisations of this kind."),
        .init("country", \.country, "The country's name in the page's language."),
        .init("country_code", \.countryCode, "The ISO 3166 code."),
        .init("role", \.role, "`Manager` if the programme lists it under `managers`, `Partner` if under `partners` (from the string table)."),
        .init("role_text", \.roleText, "`Manager of the programme`, from the `role_of_programme` text."),
    ])

    /// The row with its links starting at `climb`, not at the site's root.
    func linked(from climb: String) -> OrganizationRow {
        guard !climb.isEmpty else { return self }
        var row = self
        row.link = link.linked(from: climb)
        row.kindHref = climb + kindHref
        return row
    }
}

/// A link to an organisation, company or agreement, with what it is.
struct EntityLink: TemplateObject {
    var slug: String
    var name: String
    var lang: String?
    var href: String
    var logo: LogoValues?
    var kindLabel: String?
    var amount: String?

    static let fields = TemplateFields<EntityLink>("link", plural: "links", [
        .init("slug", \.slug, "Its slug."),
        .init("name", \.name, "Its name, or an agreement's title."),
        .init("lang", \.lang, "The language of `name` when it is not the page's."),
        .init("href", \.href, "Link to its page."),
        .init("logo", \.logo, "An organisation's logo, or initials for a placeholder; absent for companies and agreements."),
        .init("kind_label", \.kindLabel, "What it is: an organisation's kind (`Fund`, ...), `Company` or `Agreement`; absent where the list says it."),
        .init("amount", \.amount, "For a co-investor, its amount in the round, formatted; else absent."),
    ])

    /// The link starting at `climb`, not at the site's root.
    func linked(from climb: String) -> EntityLink {
        guard !climb.isEmpty else { return self }
        var link = self
        link.href = climb + href
        link.logo = logo?.linked(from: climb)
        return link
    }
}

/// An agreement as the lists show it.
struct AgreementRow: TemplateObject {
    var slug: String
    var title: String
    var lang: String?
    var href: String
    var kind: String
    var kindLabel: String
    var kindHref: String
    var status: String
    var statusLabel: String
    var statusHref: String
    var signed: String?
    var signedISO: String?
    var signedLong: String?
    var place: String?
    var placeText: String?
    var amount: String?
    var parties: [EntityLink]

    static let fields = TemplateFields<AgreementRow>("agreement row", plural: "agreement rows", [
        .init("slug", \.slug, "The agreement's slug."),
        .init("title", \.title, "Its title."),
        .init("lang", \.lang, "The language of `title` when it is not the page's."),
        .init("href", \.href, "Link to its page."),
        .init("kind", \.kind, "The kind code: `framework`, `investment`, `licence`, `mou` or `other`."),
        .init("kind_label", \.kindLabel, "`Framework agreement`, `Investment agreement`, `Licence`, `Memorandum of understanding` or `Agreement`."),
        .init("kind_href", \.kindHref, "Link to the page of the agreements of this kind."),
        .init("status", \.status, "The status code: `draft`, `signed`, `terminated` or `expired`."),
        .init("status_label", \.statusLabel, "`Draft`, `Signed`, `Terminated` or `Expired`."),
        .init("status_href", \.statusHref, "Link to the page of the agreements with this status."),
        .init("signed", \.signed, "The signing date, as `10 October 2011`."),
        .init("signed_iso", \.signedISO, "The signing date, as `2011-10-10`."),
        .init("signed_long", \.signedLong, "The signing date with its weekday, as `Monday 10 October 2011`."),
        .init("place", \.place, "Where it was signed."),
        .init("place_text", \.placeText, "`in Tel Aviv`, from the `in_place` text."),
        .init("amount", \.amount, "The amount, formatted, in its own currency."),
        .init("parties", \.parties, "The parties, in the order of the file: organisations with their kind label, companies with `Company`."),
    ])

    /// The row with its links starting at `climb`, not at the site's root.
    func linked(from climb: String) -> AgreementRow {
        guard !climb.isEmpty else { return self }
        var row = self
        row.href = climb + href
        row.kindHref = climb + kindHref
        row.statusHref = climb + statusHref
        row.parties = parties.map { $0.linked(from: climb) }
        return row
    }
}

/// A news item as the lists show it.
struct NewsRow: TemplateObject {
    var slug: String
    var title: String
    var lang: String?
    var href: String
    var date: String
    var dateISO: String
    var summary: String?
    var summaryLang: String?

    static let fields = TemplateFields<NewsRow>("news row", plural: "news rows", [
        .init("slug", \.slug, "The item's slug."),
        .init("title", \.title, "Its title."),
        .init("lang", \.lang, "The language of `title` when it is not the page's."),
        .init("href", \.href, "Link to its page."),
        .init("date", \.date, "Its date, as the page's language writes it."),
        .init("date_iso", \.dateISO, "Its date, as `2011-10-10`."),
        .init("summary", \.summary, "The plain text of its body's first paragraph."),
        .init("summary_lang", \.summaryLang, "The language of `summary` when it is not the page's."),
    ])
}

extension SiteContext {
    /// A company's row on the page at `route`: made once with links from the site's root (each time
    /// when the page's reads are recorded), then given the page's start.
    func companyRow(_ company: Company, from route: Route) -> CompanyRow {
        let row = recorder == nil ? companyRows.value(for: company.slug) { companyRow(company) } : companyRow(company)
        return row.linked(from: climb(from: route))
    }

    /// An agreement's row on the page at `route`, made as a company's is.
    func agreementRow(_ agreement: Agreement, from route: Route) -> AgreementRow {
        let row = recorder == nil ? agreementRows.value(for: agreement.slug) { agreementRow(agreement) } : agreementRow(agreement)
        return row.linked(from: climb(from: route))
    }

    func organizationRow(_ organization: Organization, from route: Route) -> OrganizationRow {
        let role: String? = programme.managers.contains { $0.value == organization.slug } ? strings[.manager]
            : programme.partners.contains { $0.value == organization.slug } ? strings[.partner] : nil
        var link = organizationLink(organization)
        link.kindLabel = strings.label(organization.kind)
        return OrganizationRow(
            link: link, kind: organization.kind.rawValue,
            kindHref: filterLink(.organizations, .kind, organization.kind.rawValue),
            country: organization.country.map(strings.country), countryCode: organization.country,
            role: role, roleText: role.map { strings.format(.roleOfProgramme, [("role", $0)]) }
        ).linked(from: climb(from: route))
    }

    func organizationLink(_ organization: Organization, from route: Route) -> EntityLink {
        organizationLink(organization).linked(from: climb(from: route))
    }

    func newsRow(_ item: NewsItem, from route: Route) -> NewsRow {
        let title = text(.entity(.news, item.slug), .title, item.title)
        let summary = newsSummaries.summary(of: item)
        return NewsRow(slug: item.slug.rawValue, title: title.text, lang: languageCode(title.language),
                       href: link(route, .newsItem(item.slug)), date: strings.date(item.date), dateISO: item.date.description,
                       summary: summary.text, summaryLang: languageCode(summary.language))
    }

    /// A party of an agreement: an organisation with its kind, or a company.
    func partyLink(_ slug: Slug, from route: Route) -> EntityLink? {
        partyLink(slug)?.linked(from: climb(from: route))
    }

    /// What a news item is about: an agreement, or a party.
    func entityLink(_ slug: Slug, from route: Route) -> EntityLink? {
        if let agreement = self.agreement(slug) {
            let title = text(.entity(.agreements, slug), .title, agreement.title)
            return EntityLink(slug: slug.rawValue, name: title.text, lang: languageCode(title.language),
                              href: link(route, .agreement(slug)), kindLabel: strings[.agreement])
        }
        return partyLink(slug, from: route)
    }

    // MARK: - With links from the site's root

    private func companyRow(_ company: Company) -> CompanyRow {
        let original = Translation.Original.entity(.companies, company.slug)
        let area = company.focusArea.flatMap { area in programme.focusAreas.first { $0.slug == area.value } }
        let focusName = area.map { focusAreaName($0.slug, named: $0.name).text }
        let name = text(original, .name, company.name)
        return CompanyRow(
            slug: company.slug.rawValue, name: name.text, lang: languageCode(name.language),
            href: rootLink(.company(company.slug)), logo: logo(of: company.slug, named: name.text),
            status: company.status.rawValue, statusLabel: strings.label(company.status),
            statusHref: filterLink(.companies, .status, company.status.rawValue),
            sector: text(original, .sector, company.sector ?? "").text,
            sectorHref: company.sector.flatMap { lists.sectorKeys[$0] }.map { filterLink(.companies, .sector, $0) },
            country: company.country.map(strings.country), countryCode: company.country,
            countryHref: company.country.map { filterLink(.companies, .country, $0.lowercased()) },
            focusArea: focusName, focusAreaHref: area.map { filterLink(.companies, .focusArea, $0.slug.rawValue) },
            investment: company.investment(converter: source.converter).map { investment in
                let date = company.entryDate { agreements(of: company.slug) }
                let allEstimated = company.rounds.allSatisfy(\.estimated)
                return InvestmentValues(
                    amount: strings.money(investment.amount), estimated: allEstimated,
                    estimatedPart: allEstimated || investment.estimated.minorUnits == 0 ? nil : strings.money(investment.estimated),
                    date: date.map(strings.date), dateISO: date?.description)
            })
    }

    private func agreementRow(_ agreement: Agreement) -> AgreementRow {
        let original = Translation.Original.entity(.agreements, agreement.slug)
        let title = text(original, .title, agreement.title)
        let place = Optional(text(original, .place, agreement.place ?? "").text).flatMap { $0.isEmpty ? nil : $0 }
        return AgreementRow(
            slug: agreement.slug.rawValue, title: title.text, lang: languageCode(title.language),
            href: rootLink(.agreement(agreement.slug)), kind: agreement.kind.rawValue, kindLabel: strings.label(agreement.kind),
            kindHref: filterLink(.agreements, .kind, agreement.kind.rawValue),
            status: agreement.status.rawValue, statusLabel: strings.label(agreement.status),
            statusHref: filterLink(.agreements, .status, agreement.status.rawValue),
            signed: agreement.signed.map(strings.date), signedISO: agreement.signed?.description,
            signedLong: agreement.signed.map(strings.longDate), place: place,
            placeText: place.map { strings.format(.inPlace, [("place", $0)]) },
            amount: agreement.amount.map { strings.money($0.value) },
            parties: agreement.parties.compactMap { partyLink($0.value) })
    }

    private func organizationLink(_ organization: Organization) -> EntityLink {
        let name = text(.entity(.organizations, organization.slug), .name, organization.name)
        return EntityLink(slug: organization.slug.rawValue, name: name.text, lang: languageCode(name.language),
                          href: rootLink(.organization(organization.slug)), logo: logo(of: organization.slug, named: name.text))
    }

    private func partyLink(_ slug: Slug) -> EntityLink? {
        if let organization = self.organization(slug) {
            var link = organizationLink(organization)
            link.kindLabel = strings.label(organization.kind)
            return link
        }
        if let company = self.company(slug) {
            let name = text(.entity(.companies, slug), .name, company.name)
            return EntityLink(slug: slug.rawValue, name: name.text, lang: languageCode(name.language),
                              href: rootLink(.company(slug)), kindLabel: strings[.company])
        }
        return nil
    }
}
