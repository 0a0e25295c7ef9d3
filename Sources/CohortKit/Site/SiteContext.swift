/// Builds the values templates see, from the typed portfolio, for the pages of one language: the one
/// place that decides what a template can print. Every key is documented in docs/templates.md.
///
/// Page functions take a page's route in the default language (`companies/rotec.html`); the page
/// itself is at `localized(route)` (`zh/companies/rotec.html`), and every link it has goes to pages
/// of its own language. Text comes from the language's translation when there is one, and otherwise
/// from the default-language file, marked with that language (`lang`).
///
/// Every read of the portfolio goes through the accessors at the end, which record it as a
/// `PageInput` when the context has a recorder (a preview does; a build does not).
///
/// A class, so that handing it to each page's work shares it instead of copying the portfolio's arrays.
final class SiteContext: Sendable {
    private let source: Portfolio
    private let reportFigures: Figures
    /// The summary of each news item in this language, by slug: rendered once, shown on many pages.
    private let newsSummaries: [Slug: (text: String, language: Language)]
    /// What links in bodies can point at.
    let targets: LinkTargets
    /// The interface's words in this context's language.
    let strings: Strings
    /// The lists, their filters and pages.
    let lists: ListIndex
    /// Each language's own name (`English`, `中文`, `עברית`), for the language switcher.
    private let languageNames: [Language: String]
    /// Where the reads of one page are recorded, if anywhere.
    private let recorder: InputRecorder?

    init(portfolio: Portfolio, figures: Figures, targets: LinkTargets, lists: ListIndex, strings: Strings,
         languageNames: [Language: String]) {
        recorder = nil
        source = portfolio
        reportFigures = figures
        self.targets = targets
        self.lists = lists
        self.strings = strings
        self.languageNames = languageNames
        let language = strings.language
        newsSummaries = Dictionary(portfolio.news.map { item in
            let translated = portfolio.translation(of: .entity(.news, item.slug), in: language)?.body
            let body = translated.flatMap { $0.markdown.isBlank ? nil : $0 } ?? item.body
            let summary = Markdown.render(body.markdown, allowRawHTML: portfolio.programme.allowRawHTML).summary
            return (item.slug, (summary, body == item.body ? portfolio.programme.language : language))
        }, uniquingKeysWith: { first, _ in first })
    }

    /// This context, recording every read of the portfolio into `recorder`.
    func recording(into recorder: InputRecorder) -> SiteContext {
        SiteContext(self, recorder: recorder)
    }

    private init(_ other: SiteContext, recorder: InputRecorder) {
        source = other.source
        reportFigures = other.reportFigures
        newsSummaries = other.newsSummaries
        targets = other.targets
        lists = other.lists
        strings = other.strings
        languageNames = other.languageNames
        self.recorder = recorder
    }

    /// How many companies and agreements the home page lists.
    static let homeListLength = 12

    typealias Values = [String: Any]

    /// The language of this context's pages.
    var language: Language { strings.language }

    /// Where a page of the default language is in this context's language: the same path, under
    /// `<language>/` unless it is the default.
    func localized(_ route: Route) -> Route {
        route.localized(language, default: source.programme.language)
    }

    /// A link from the page at `route` to the page at `target`, both in this context's language.
    func link(_ route: Route, _ target: Route) -> String {
        localized(route).link(to: localized(target))
    }

    // MARK: - Pages

    func home(_ route: Route) -> Values {
        let companies = self.companies, agreements = self.agreements
        let signed = companies.filter(\.status.countsAgainstTarget).count
        let title = text(.programme, "title", programme.title)
        let description = text(.programme, "description", programme.description ?? "")
        let tagline = text(.programme, "tagline", programme.tagline)
        let summary = description.text.isEmpty ? tagline.text : description.text
        var values = common(route, title: title.text, description: summary,
                            structuredData: homeStructuredData(title: title.text, description: summary))
        let focusNames = source.translation(of: .programme, in: language)?.focusAreaNames ?? [:]
        values["programme"] = compact([
            "title": title.text,
            "tagline": tagline.text,
            "description": description.text,
            "lang": languageMark(title.language),
            "tagline_lang": languageMark(tagline.language),
            "description_lang": languageMark(description.language),
            "pool": strings.money(programme.pool),
            "standard_ticket": strings.money(programme.standardTicket),
            "target_companies": programme.targetCompanies,
            "companies_in_programme": signed,
            "companies_progress": strings.format("count_of_total", [("count", String(signed)), ("total", String(programme.targetCompanies))]),
            "announced": strings.date(programme.announced),
            "announced_iso": programme.announced.description,
            "currency": programme.currency.code,
            "managers": programme.managers.compactMap { organization($0.value).map { organizationLink($0, from: route) } },
            "partners": programme.partners.compactMap { organization($0.value).map { organizationLink($0, from: route) } },
            "focus_areas": programme.focusAreas.map { area -> Values in
                compact(["name": focusNames[area.slug] ?? area.name, "slug": area.slug.rawValue,
                         "lang": languageMark(focusNames[area.slug] == nil ? programme.language : language)])
            },
        ])
        // The home page shows the first companies and the latest agreements; the list pages have them all.
        values["companies"] = companies.prefix(Self.homeListLength).map { companyRow($0, from: route) }
        values["agreements"] = agreements.suffix(Self.homeListLength).reversed().map { agreementRow($0, from: route) }
        values["more_companies"] = companies.count > Self.homeListLength ? companies.count : Absent.value
        values["more_agreements"] = agreements.count > Self.homeListLength ? agreements.count : Absent.value
        values["more_companies_text"] = strings.format("all_companies", [("count", String(companies.count))])
        values["more_agreements_text"] = strings.format("all_agreements", [("count", String(agreements.count))])
        values["companies_href"] = link(route, .companies)
        values["agreements_href"] = link(route, .agreements)
        values["news_href"] = link(route, .news)
        values["news"] = news.prefix(5).map { newsRow($0, from: route) }
        return values
    }

    func company(_ company: Company, _ route: Route, body: Markdown.Rendered) -> Values {
        recorder?.record(.entity(company.slug))
        let original = Translation.Original.entity(.companies, company.slug)
        var row = companyRow(company, from: route)
        row["website"] = present(company.website)
        row["founded"] = present(company.founded.map(String.init))
        row["tags"] = source.translation(of: original, in: language)?.tags ?? company.tags
        let agreements = self.agreements(of: company.slug)
        row["agreements"] = agreements.map { agreementRow($0, from: route) }
        row["counterparties"] = counterparties(of: company.slug, in: agreements).map { partyLink($0, from: route) }
        row["rounds"] = company.rounds.map { roundRow($0, from: route) }
        row["exit"] = company.exit.map { exit in
            compact([
                "kind": exit.kind.rawValue,
                "kind_label": strings.label(exit.kind),
                "date": strings.date(exit.date.value),
                "date_iso": exit.date.value.description,
                "proceeds": exit.proceeds.map { strings.money($0.value) },
                "acquirer": exit.acquirer.flatMap { self.organization($0.value) }.map { organizationLink($0, from: route) },
            ])
        } ?? Absent.value
        row["valuation"] = company.valuation.map { valuation in
            compact(["amount": strings.money(valuation.amount.value), "as_of": strings.date(valuation.asOf),
                     "as_of_iso": valuation.asOf.description])
        } ?? Absent.value
        let name = text(original, "name", company.name).text
        return entityPage(route, "company", row, original, title: name, slug: company.slug, body: body,
                          structuredData: structuredData(of: company, name: name, at: route))
    }

    func organization(_ organization: Organization, _ route: Route, body: Markdown.Rendered) -> Values {
        recorder?.record(.entity(organization.slug))
        let original = Translation.Original.entity(.organizations, organization.slug)
        var row = organizationRow(organization, from: route)
        row["website"] = present(organization.website)
        row["people"] = organization.people.map {
            compact(["name": $0.name, "role": $0.role, "lang": languageMark(programme.language)])
        }
        let agreements = self.agreements(of: organization.slug)
        row["agreements"] = agreements.map { agreementRow($0, from: route) }
        let partners = counterparties(of: organization.slug, in: agreements)
        row["companies"] = partners.compactMap { self.company($0) }.map { companyRow($0, from: route) }
        row["organizations"] = partners.compactMap { self.organization($0) }.map { organizationLink($0, from: route) }
        let investments = self.investments(by: organization.slug)
        // Each a map holding `companies`, so that the company-table partial lists them; absent when empty.
        for (key, slugs) in [("co_investments", investments.coInvested), ("acquisitions", investments.acquired)] {
            let rows = slugs.compactMap { self.company($0) }.map { companyRow($0, from: route) }
            row[key] = rows.isEmpty ? Absent.value : ["companies": rows] as Values
        }
        let name = text(original, "name", organization.name).text
        return entityPage(route, "organization", row, original, title: name, slug: organization.slug, body: body,
                          structuredData: structuredData(of: organization, name: name, at: route))
    }

    func agreement(_ agreement: Agreement, _ route: Route, body: Markdown.Rendered) -> Values {
        recorder?.record(.entity(agreement.slug))
        let original = Translation.Original.entity(.agreements, agreement.slug)
        return entityPage(route, "agreement", agreementRow(agreement, from: route), original,
                          title: text(original, "title", agreement.title).text, slug: agreement.slug, body: body)
    }

    /// An entity's page: the common values, and under `key` its row with its body, the news about it,
    /// and whether it is translated.
    private func entityPage(_ route: Route, _ key: String, _ row: Values, _ original: Translation.Original, title: String,
                            slug: Slug, body: Markdown.Rendered, structuredData: StructuredData? = nil) -> Values {
        var values = common(route, title: title, description: body.summary, structuredData: structuredData, imageOf: slug)
        var row = row
        row.merge(translationState(original)) { _, new in new }
        row["body"] = body.html
        row["news"] = news(about: slug).map { newsRow($0, from: route) }
        values[key] = row
        return values
    }

    func newsItem(_ item: NewsItem, _ route: Route, body: Markdown.Rendered) -> Values {
        recorder?.record(.newsItem(item.slug))
        let original = Translation.Original.entity(.news, item.slug)
        let title = text(original, "title", item.title).text
        var values = common(route, title: title, description: body.summary,
                            structuredData: structuredData(of: item, title: title, summary: body.summary, at: route), type: "article")
        var row = newsRow(item, from: route)
        row.merge(translationState(original)) { _, new in new }
        row["body"] = body.html
        row["about"] = item.about.compactMap { entityLink($0.value, from: route) }
        values["item"] = row
        return values
    }

    func page(_ page: Page, _ route: Route, body: Markdown.Rendered) -> Values {
        recorder?.record(.page(page.slug))
        let original = Translation.Original.entity(.pages, page.slug)
        let title = text(original, "title", page.title)
        var values = common(route, title: title.text, description: body.summary)
        var content: Values = ["title": title.text, "lang": languageMark(title.language), "body": body.html]
        content.merge(translationState(original)) { _, new in new }
        values["page_content"] = content
        return values
    }

    /// The search page: Pagefind's interface over the index in `pagefind/`.
    func search(_ route: Route) -> Values {
        var values = common(route, title: strings["search"],
                            description: strings.format("search_description", [("programme", text(.programme, "title", programme.title).text)]))
        values["search"] = ["bundle": String(repeating: "../", count: localized(route).depth) + searchIndexFolder + "/"]
        return values
    }

    /// The 404 page is served from any path, so its links are absolute, under `base_url`.
    func notFound() -> Values {
        var values = common(Route.notFound, title: strings["page_not_found"], description: "")
        var site = values["site"] as? Values ?? [:]
        let base = programme.baseURL
        site["home"] = localized(.home).absolute(under: base)
        site["root"] = localized(.home).absolute(under: base)
        site["stylesheet"] = Route.stylesheet.absolute(under: base)
        site["feed"] = localized(.feed).absolute(under: base)
        site["nav"] = navigation(from: nil)
        site["search_href"] = programme.search ? localized(.search).absolute(under: base) : Absent.value
        site["languages"] = languageSwitcher(for: nil)
        values["site"] = site
        return values
    }

    // MARK: - Shared pieces

    /// The values every page has; `structuredData` is the page's JSON-LD, and `type` its Open Graph type.
    /// The picture of a shared link is the logo of `imageOf`, else the programme's.
    func common(_ route: Route, title: String, description: String, structuredData: StructuredData? = nil,
                type: String = "website", imageOf: Slug? = nil) -> Values {
        let base = programme.baseURL
        let languages = programme.languages
        let siteTitle = text(.programme, "title", programme.title)
        let tagline = text(.programme, "tagline", programme.tagline)
        // Every language has every page; x-default is the default language's.
        let alternates: [Values] = languages.count < 2 ? [] : languages.map { other in
            ["lang": other.code, "href": route.localized(other, default: languages[0]).absolute(under: base)]
        } + [["lang": "x-default", "href": route.absolute(under: base)]]
        return [
            "t": strings.table,
            "site": compact([
                "title": siteTitle.text,
                "title_lang": languageMark(siteTitle.language),
                "tagline": tagline.text,
                "tagline_lang": languageMark(tagline.language),
                "language": language.code,
                "direction": language.direction,
                "home": link(route, .home),
                "root": String(repeating: "../", count: localized(route).depth),
                "stylesheet": localized(route).link(to: .stylesheet),
                "feed": link(route, .feed),
                "feed_title": strings.format("feed_title", [("programme", siteTitle.text)]),
                "nav": navigation(from: route),
                "languages": languageSwitcher(for: route),
                "search_href": programme.search ? link(route, .search) : nil,
            ]),
            "page": compact([
                "title": title,
                "description": description,
                "canonical": localized(route).absolute(under: base),
                "is_home": route == .home,
                "alternates": alternates,
                "type": type,
                "locale": Self.openGraphLocale(language),
                "locale_alternates": languages.filter { $0 != language }.map(Self.openGraphLocale),
                "json_ld": structuredData?.json,
                "image": sharedImage(of: imageOf),
            ]),
        ]
    }

    /// A language as Open Graph writes locales: `en`, `zh`, `pt_BR`.
    private static func openGraphLocale(_ language: Language) -> String {
        language.code.replacingOccurrences(of: "-", with: "_")
    }

    /// The other languages' versions of the page at `route` (absolute, for the 404 page, when nil),
    /// each named in its own language; empty for a site in one language.
    private func languageSwitcher(for route: Route?) -> [Values] {
        let languages = programme.languages
        guard languages.count > 1 else { return [] }
        return languages.map { other in
            let target = (route ?? .home).localized(other, default: languages[0])
            return [
                "code": other.code,
                "name": languageNames[other] ?? other.code,
                "direction": other.direction,
                "href": route.map { localized($0).link(to: target) } ?? target.absolute(under: programme.baseURL),
                "current": other == language,
            ]
        }
    }

    private func navigation(from route: Route?) -> [Values] {
        var items: [(String, Language?, Route)] = [
            (strings["home"], nil, .home), (strings["companies"], nil, .companies), (strings["organizations"], nil, .organizations),
            (strings["agreements"], nil, .agreements), (strings["news"], nil, .news), (strings["reports"], nil, .reports),
        ]
        recorder?.record(.navigation)
        items += source.pages.map { page in
            let title = text(.entity(.pages, page.slug), "title", page.title)
            return (title.text, title.language, Route.page(page.slug))
        }
        let base = programme.baseURL
        return items.map { title, language, target in
            compact([
                "title": title,
                "lang": languageMark(language),
                "href": route.map { link($0, target) } ?? localized(target).absolute(under: base),
                "current": route == target,
            ])
        }
    }

    func companyRow(_ company: Company, from route: Route) -> Values {
        let original = Translation.Original.entity(.companies, company.slug)
        let area = company.focusArea.flatMap { area in programme.focusAreas.first { $0.slug == area.value } }
        let focusName = area.map { source.translation(of: .programme, in: language)?.focusAreaNames[$0.slug] ?? $0.name }
        let name = text(original, "name", company.name)
        return compact([
            "slug": company.slug.rawValue,
            "name": name.text,
            "lang": languageMark(name.language),
            "href": link(route, .company(company.slug)),
            "logo": logo(of: company.slug, named: name.text, from: route),
            "status": company.status.rawValue,
            "status_label": strings.label(company.status),
            "status_href": filterLink(from: route, .companies, .status, company.status.rawValue),
            "sector": text(original, "sector", company.sector ?? "").text,
            "sector_href": company.sector.flatMap { lists.sectorKeys[$0] }.map { filterLink(from: route, .companies, .sector, $0) },
            "country": company.country.map(strings.country),
            "country_code": company.country,
            "country_href": company.country.map { filterLink(from: route, .companies, .country, $0.lowercased()) },
            "focus_area": focusName,
            "focus_area_href": area.map { filterLink(from: route, .companies, .focusArea, $0.slug.rawValue) },
            "investment": company.investment(converter: source.converter).map { investment in
                let date = company.rounds.compactMap(\.date).min()
                let allEstimated = company.rounds.allSatisfy(\.estimated)
                return compact([
                    "amount": strings.money(investment.amount),
                    "estimated": allEstimated,
                    "estimated_part": allEstimated || investment.estimated.minorUnits == 0 ? nil : strings.money(investment.estimated),
                    "date": date.map(strings.date),
                    "date_iso": date?.description,
                ])
            },
        ])
    }

    /// A round on a company's page: its date, kind, amount, whether it is paid, and its co-investors.
    private func roundRow(_ round: Round, from route: Route) -> Values {
        compact([
            "date": round.date.map(strings.date),
            "date_iso": round.date?.description,
            "kind": round.kind.rawValue,
            "kind_label": strings.label(round.kind),
            "instrument_label": round.instrument.map(strings.label),
            "amount": strings.money(round.amount.value),
            "estimated": round.estimated,
            "disbursed": round.isDisbursed,
            "disbursed_on": round.disbursedOn.map(strings.date),
            "disbursed_iso": round.disbursedOn?.description,
            "agreement": round.agreement.flatMap { self.agreement($0.value) }.map { agreement in
                let title = text(.entity(.agreements, agreement.slug), "title", agreement.title)
                return compact(["title": title.text, "lang": languageMark(title.language), "href": link(route, .agreement(agreement.slug))])
            },
            "co_investors": round.coInvestors.compactMap { investor -> Values? in
                guard let organization = self.organization(investor.organization.value) else { return nil }
                var values = organizationLink(organization, from: route)
                values["amount"] = present(investor.amount.map { strings.money($0.value) })
                return values
            },
        ])
    }

    func organizationRow(_ organization: Organization, from route: Route) -> Values {
        let role: String? = programme.managers.contains { $0.value == organization.slug } ? strings["manager"]
            : programme.partners.contains { $0.value == organization.slug } ? strings["partner"] : nil
        var values = organizationLink(organization, from: route)
        values["kind"] = organization.kind.rawValue
        values["kind_label"] = strings.label(organization.kind)
        values["kind_href"] = filterLink(from: route, .organizations, .kind, organization.kind.rawValue)
        values["country"] = present(organization.country.map(strings.country))
        values["country_code"] = present(organization.country)
        values["role"] = present(role)
        values["role_text"] = present(role.map { strings.format("role_of_programme", [("role", $0)]) })
        return values
    }

    private func organizationLink(_ organization: Organization, from route: Route) -> Values {
        let name = text(.entity(.organizations, organization.slug), "name", organization.name)
        return compact(["slug": organization.slug.rawValue, "name": name.text, "lang": languageMark(name.language),
                        "href": link(route, .organization(organization.slug)),
                        "logo": logo(of: organization.slug, named: name.text, from: route)])
    }

    func agreementRow(_ agreement: Agreement, from route: Route) -> Values {
        let original = Translation.Original.entity(.agreements, agreement.slug)
        let title = text(original, "title", agreement.title)
        let place = Optional(text(original, "place", agreement.place ?? "").text).flatMap { $0.isEmpty ? nil : $0 }
        return compact([
            "slug": agreement.slug.rawValue,
            "title": title.text,
            "lang": languageMark(title.language),
            "href": link(route, .agreement(agreement.slug)),
            "kind": agreement.kind.rawValue,
            "kind_label": strings.label(agreement.kind),
            "kind_href": filterLink(from: route, .agreements, .kind, agreement.kind.rawValue),
            "status": agreement.status.rawValue,
            "status_label": strings.label(agreement.status),
            "status_href": filterLink(from: route, .agreements, .status, agreement.status.rawValue),
            "signed": agreement.signed.map(strings.date),
            "signed_iso": agreement.signed?.description,
            "signed_long": agreement.signed.map(strings.longDate),
            "place": place,
            "place_text": place.map { strings.format("in_place", [("place", $0)]) },
            "amount": agreement.amount.map { strings.money($0.value) },
            "parties": agreement.parties.compactMap { partyLink($0.value, from: route) },
        ])
    }

    func newsRow(_ item: NewsItem, from route: Route) -> Values {
        let title = text(.entity(.news, item.slug), "title", item.title)
        let summary = newsSummaries[item.slug]
        return compact([
            "slug": item.slug.rawValue,
            "title": title.text,
            "lang": languageMark(title.language),
            "href": link(route, .newsItem(item.slug)),
            "date": strings.date(item.date),
            "date_iso": item.date.description,
            "summary": summary?.text,
            "summary_lang": languageMark(summary?.language),
        ])
    }

    private func partyLink(_ slug: Slug, from route: Route) -> Values? {
        if let organization = self.organization(slug) {
            var values = organizationLink(organization, from: route)
            values["kind_label"] = strings.label(organization.kind)
            return values
        }
        if let company = self.company(slug) {
            let name = text(.entity(.companies, slug), "name", company.name)
            return compact(["slug": slug.rawValue, "name": name.text, "lang": languageMark(name.language),
                            "href": link(route, .company(slug)), "kind_label": strings["company"]])
        }
        return nil
    }

    private func entityLink(_ slug: Slug, from route: Route) -> Values? {
        if let agreement = self.agreement(slug) {
            let title = text(.entity(.agreements, slug), "title", agreement.title)
            return compact(["slug": slug.rawValue, "name": title.text, "lang": languageMark(title.language),
                            "href": link(route, .agreement(slug)), "kind_label": strings["agreement"]])
        }
        return partyLink(slug, from: route)
    }

    /// The other parties of `agreements`, each once, sorted by slug.
    private func counterparties(of slug: Slug, in agreements: [Agreement]) -> [Slug] {
        Set(agreements.flatMap { $0.parties.map(\.value) }).subtracting([slug]).sorted()
    }

    // MARK: - Languages

    /// The programme's focus-area names in this context's language, by slug, where translated.
    var focusAreaNames: [Slug: String] { source.translation(of: .programme, in: language)?.focusAreaNames ?? [:] }

    /// A text field of a content file in this context's language: the translation's when it has the
    /// field, or the file's own, with the language it is in.
    func text(_ original: Translation.Original, _ field: String, _ value: String) -> (text: String, language: Language) {
        if language != programme.language, let translated = source.translation(of: original, in: language)?.texts[field] {
            return (translated, language)
        }
        return (value, programme.language)
    }

    /// The value for a `lang` attribute: the language of a text that is not in the page's language.
    func languageMark(_ textLanguage: Language?) -> Any {
        guard let textLanguage, textLanguage != language else { return Absent.value }
        return textLanguage.code
    }

    /// `untranslated` (true on a page of another language with no translation of its file) and
    /// `body_lang` (the body's language when it is not the page's).
    private func translationState(_ original: Translation.Original) -> Values {
        guard language != programme.language else { return ["untranslated": false, "body_lang": Absent.value] }
        let translation = source.translation(of: original, in: language)
        let bodyTranslated = translation?.body.map { !$0.markdown.isBlank } ?? false
        return ["untranslated": translation == nil,
                "body_lang": bodyTranslated ? Absent.value : programme.language.code as Any]
    }

    // MARK: - Reading the portfolio

    /// The programme; every page reads it.
    var programme: Programme {
        recorder?.record(.programme)
        return source.programme
    }

    /// The logos of organisations and companies, by slug; reading one reads its entity.
    var logos: LogoReader { LogoReader(source: source, recorder: recorder) }

    /// The cards made from SVG logos, by owner.
    var cards: [Slug?: String] { source.cards }

    /// The programme's logo.
    var programmeLogo: Logo? {
        recorder?.record(.programme)
        return source.programmeLogo
    }

    /// The report figures.
    var figures: Figures {
        recorder?.record(.figures)
        return reportFigures
    }

    var companies: [Company] {
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

    var news: [NewsItem] {
        recorder.map { recorder in source.news.forEach { recorder.record(.newsItem($0.slug)) } }
        recorder?.record(.list(.news))
        return source.news
    }

    func organization(_ slug: Slug) -> Organization? {
        recorder?.record(.entity(slug))
        return source.organization(slug)
    }

    func company(_ slug: Slug) -> Company? {
        recorder?.record(.entity(slug))
        return source.company(slug)
    }

    func agreement(_ slug: Slug) -> Agreement? {
        recorder?.record(.entity(slug))
        return source.agreement(slug)
    }

    private func agreements(of party: Slug) -> [Agreement] {
        recorder?.record(.agreementsOf(party))
        return (source.agreementsByParty[party] ?? []).compactMap(agreement)
    }

    private func investments(by organization: Slug) -> (coInvested: [Slug], acquired: [Slug]) {
        recorder?.record(.investmentsBy(organization))
        return (source.coInvestmentsBy[organization] ?? [], source.acquisitionsBy[organization] ?? [])
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
    var contentLinks: ContentLinks {
        ContentLinks(targets: targets, recorder: recorder, language: language, defaultLanguage: source.programme.language)
    }

    /// Marks absent and empty values as `Absent`: in Mustache an empty string is truthy, and a missing
    /// key would be looked up in the enclosing contexts (a person without a role would show the
    /// organisation's role).
    func compact(_ values: [String: Any?]) -> Values {
        values.mapValues(present)
    }

    /// `value`, or `Absent` when it is nil or empty text.
    private func present(_ value: Any?) -> Any {
        guard let value, !Self.isNil(value) else { return Absent.value }
        if let text = value as? String, text.isEmpty { return Absent.value }
        return value
    }

    /// Whether `value` is an optional holding nothing, boxed as `Any`.
    private static func isNil(_ value: Any) -> Bool {
        // The commonest values first, by their exact type: a cast to a protocol costs more than the rest of this.
        switch ObjectIdentifier(type(of: value)) {
        case ObjectIdentifier(String.self), ObjectIdentifier(Values.self), ObjectIdentifier([Values].self),
            ObjectIdentifier(Bool.self), ObjectIdentifier(Int.self):
            return false
        default:
            return (value as? OptionalMarker)?.isNone ?? false
        }
    }
}
