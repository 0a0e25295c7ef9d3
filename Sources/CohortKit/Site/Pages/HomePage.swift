/// The home page, `index.html`: the programme, its first companies, latest agreements and news.
struct HomePage: TemplateObject {
    var frame: PageFrame
    var programme: ProgrammeValues
    var companies: [CompanyRow]
    var agreements: [AgreementRow]
    var moreCompanies: Int?
    var moreAgreements: Int?
    var moreCompaniesText: String
    var moreAgreementsText: String
    var companiesHref: String
    var agreementsHref: String
    var newsHref: String
    var news: [NewsRow]

    static let fields = TemplateFields<HomePage>("home page", plural: "home pages", [
        .include(\.frame),
        .init("programme", \.programme, "The programme."),
        .init("companies", \.companies, "The first \(SiteContext.homeListLength) companies, in the list's order."),
        .init("agreements", \.agreements, "The latest \(SiteContext.homeListLength) agreements, newest first."),
        .init("more_companies", \.moreCompanies, "How many companies there are, when there are more than `companies` shows."),
        .init("more_agreements", \.moreAgreements, "How many agreements there are, when there are more than `agreements` shows."),
        .init("more_companies_text", \.moreCompaniesText, "`All 300 companies`, from the `all_companies` text."),
        .init("more_agreements_text", \.moreAgreementsText, "`All 40 agreements`, from the `all_agreements` text."),
        .init("companies_href", \.companiesHref, "Link to the companies list."),
        .init("agreements_href", \.agreementsHref, "Link to the agreements list."),
        .init("news_href", \.newsHref, "Link to the news list."),
        .init("news", \.news, "The five latest news items."),
    ])
}

/// The programme, as the home page shows it.
struct ProgrammeValues: TemplateObject {
    var title: String
    var tagline: String?
    var description: String?
    var lang: String?
    var taglineLang: String?
    var descriptionLang: String?
    var pool: String
    var standardTicket: String
    var targetCompanies: Int
    var companiesInProgramme: Int
    var companiesProgress: String
    var announced: String
    var announcedISO: String
    var currency: String
    var managers: [EntityLink]
    var partners: [EntityLink]
    var focusAreas: [FocusAreaValues]

    static let fields = TemplateFields<ProgrammeValues>("programme", plural: "programmes", [
        .init("title", \.title, "The programme's title."),
        .init("tagline", \.tagline, "Its tagline."),
        .init("description", \.description, "Its description."),
        .init("lang", \.lang, "The language of `title` when it is not the page's."),
        .init("tagline_lang", \.taglineLang, "The language of `tagline` when it is not the page's."),
        .init("description_lang", \.descriptionLang, "The language of `description` when it is not the page's."),
        .init("pool", \.pool, "The pool in the reporting currency (converted as the reports convert it when written in another), formatted: the reports' own figure."),
        .init("standard_ticket", \.standardTicket, "The standard ticket in the reporting currency, formatted: the reports' own figure."),
        .init("target_companies", \.targetCompanies, "How many companies the programme means to fund."),
        .init("companies_in_programme", \.companiesInProgramme, "How many companies count against `target_companies` (`selected`, `signed`, `funded` or `exited`): the reports' own figure."),
        .init("companies_progress", \.companiesProgress, "`4 of 10`, from the `count_of_total` text."),
        .init("announced", \.announced, "The day it was announced, as the page's language writes it."),
        .init("announced_iso", \.announcedISO, "The same day, as `2011-10-10`."),
        .init("currency", \.currency, "The reporting currency's code, such as `USD`."),
        .init("managers", \.managers, "The organisations that manage it."),
        .init("partners", \.partners, "Its partner organisations."),
        .init("focus_areas", \.focusAreas, "Its focus areas, in the order of `programme.yml`."),
    ])
}

/// A focus area of the programme.
struct FocusAreaValues: TemplateObject {
    var name: String
    var slug: String
    var lang: String?

    static let fields = TemplateFields<FocusAreaValues>("focus area", plural: "focus areas", [
        .init("name", \.name, "Its name, translated where the programme's translation gives it."),
        .init("slug", \.slug, "Its slug."),
        .init("lang", \.lang, "The language of `name` when it is not the page's."),
    ])
}

extension SiteContext {
    /// How many companies and agreements the home page lists.
    static let homeListLength = 12

    func home(_ route: Route) -> HomePage {
        let companies = self.companies, agreements = self.agreements
        // The pool and the count are the reports' own figures: the home page and the reports agree.
        let figures = self.figures
        let signed = figures.companiesInProgramme
        let title = text(.programme, .title, programme.title)
        let description = text(.programme, .description, programme.description ?? "")
        let tagline = text(.programme, .tagline, programme.tagline)
        let summary = description.text.isEmpty ? tagline.text : description.text
        let programme = ProgrammeValues(
            title: title.text, tagline: tagline.text, description: description.text, lang: languageCode(title.language),
            taglineLang: languageCode(tagline.language), descriptionLang: languageCode(description.language),
            pool: strings.money(figures.pool), standardTicket: strings.money(figures.standardTicket),
            targetCompanies: self.programme.targetCompanies, companiesInProgramme: signed,
            companiesProgress: strings.format(.countOfTotal, [("count", String(signed)), ("total", String(self.programme.targetCompanies))]),
            announced: strings.date(self.programme.announced), announcedISO: self.programme.announced.description,
            currency: self.programme.currency.code,
            managers: self.programme.managers.compactMap { organization($0.value).map { organizationLink($0, from: route) } },
            partners: self.programme.partners.compactMap { organization($0.value).map { organizationLink($0, from: route) } },
            focusAreas: self.programme.focusAreas.map { area in
                let name = focusAreaName(area.slug, named: area.name)
                return FocusAreaValues(name: name.text, slug: area.slug.rawValue, lang: languageCode(name.language))
            })
        // The home page shows the first companies and the latest agreements; the list pages have them all.
        return HomePage(
            frame: frame(route, title: title.text, description: summary,
                         structuredData: homeStructuredData(title: title.text, description: summary)),
            programme: programme,
            companies: companies.prefix(Self.homeListLength).map { companyRow($0, from: route) },
            agreements: agreements.suffix(Self.homeListLength).reversed().map { agreementRow($0, from: route) },
            moreCompanies: companies.count > Self.homeListLength ? companies.count : nil,
            moreAgreements: agreements.count > Self.homeListLength ? agreements.count : nil,
            moreCompaniesText: strings.format(.allCompanies, [("count", String(companies.count))]),
            moreAgreementsText: strings.format(.allAgreements, [("count", String(agreements.count))]),
            companiesHref: link(route, .companies), agreementsHref: link(route, .agreements), newsHref: link(route, .news),
            news: news.prefix(5).map { newsRow($0, from: route) })
    }
}
