/// An entity's page body and the state of its translation, shared by every kind of entity page.
struct EntityText: TemplateObject {
    var body: String
    var untranslated: Bool
    var bodyLang: String?

    static let fields = TemplateFields<EntityText>("entity text", plural: "entity texts", [
        .init("body", \.body, "HTML. The rendered body: the translation's when it has one, else the original's."),
        .init("untranslated", \.untranslated, "`true` on a page of another language when the file has no translation in it."),
        .init("body_lang", \.bodyLang, "The body's language when it is not the page's."),
    ])
}

/// The company page, `companies/<slug>.html`.
struct CompanyPage: TemplateObject {
    var frame: PageFrame
    var company: CompanyDetails

    static let fields = TemplateFields<CompanyPage>("company page", plural: "company pages", [
        .include(\.frame),
        .init("company", \.company, "The company."),
    ])
}

/// A company on its own page: its row, and everything else about it.
struct CompanyDetails: TemplateObject {
    var row: CompanyRow
    var text: EntityText
    var website: String?
    var founded: String?
    var tags: [String]
    var agreements: [AgreementRow]
    var counterparties: [EntityLink]
    var rounds: [RoundRow]
    var exit: ExitValues?
    var valuation: ValuationValues?
    var valuations: [ValuationValues]
    var distributions: [DistributionValues]
    var returns: ReturnValues?
    var metrics: CompanyMetrics?
    var news: [NewsRow]

    static let fields = TemplateFields<CompanyDetails>("company", plural: "companies", [
        .include(\.row),
        .include(\.text),
        .init("website", \.website, "The website address."),
        .init("founded", \.founded, "The year it was founded, as text."),
        .init("tags", \.tags, "Its tags. Print each with `{{.}}`."),
        .init("agreements", \.agreements, "The agreements it is party to, in agreement order."),
        .init("counterparties", \.counterparties, "The other parties of those agreements, each once, by slug."),
        .init("rounds", \.rounds, "Its rounds, by date."),
        .init("exit", \.exit, "Its exit."),
        .init("valuation", \.valuation, "Its latest mark."),
        .init("valuations", \.valuations, "Its marks, oldest first."),
        .init("distributions", \.distributions, "The money received from it before or without an exit, by date."),
        .init("returns", \.returns, "What its money did as of the reporting date, once money is paid into a company that counts (signed, funded or exited)."),
        .init("metrics", \.metrics, "What it reported of the programme's metrics; absent when it reported none."),
        .init("news", \.news, "The news items about it, newest first."),
    ])
}

/// Money received from a company before or without an exit.
struct DistributionValues: TemplateObject {
    var kind: String
    var kindLabel: String
    var amount: String
    var date: String
    var dateISO: String

    static let fields = TemplateFields<DistributionValues>("distribution", plural: "distributions", [
        .init("kind", \.kind, "`dividend`, `interest`, `repayment` or `partial-sale`."),
        .init("kind_label", \.kindLabel, "The kind for readers."),
        .init("amount", \.amount, "The money, formatted as written."),
        .init("date", \.date, "The day it was received, as the page's language writes it."),
        .init("date_iso", \.dateISO, "The same day, as `2011-10-10`."),
    ])
}

/// A company's returns as of the reporting date, formatted in the reporting currency.
struct ReturnValues: TemplateObject {
    var disbursed: String
    var realised: String
    var value: String
    var heldAtCost: Bool
    var held: Bool
    var multiple: String?
    var irr: String?
    var holding: String?
    var asOf: String?
    var asOfISO: String?
    var asOfText: String?

    static let fields = TemplateFields<ReturnValues>("returns", plural: "returns", [
        .init("disbursed", \.disbursed, "What was paid into it."),
        .init("realised", \.realised, "What came back: distributions and exit proceeds."),
        .init("value", \.value, "What its stake is worth while held: its latest mark, else its cost."),
        .init("held", \.held, "`true` while the programme holds it (not exited)."),
        .init("held_at_cost", \.heldAtCost, "`true` when it is held and has no mark: `value` is its cost."),
        .init("multiple", \.multiple, "(Realised + value) ÷ disbursed, from the `ratio` text: `1.50×`."),
        .init("irr", \.irr, "The IRR of its cash flows, from the `percent` text: `24.4%`. Absent when not defined."),
        .init("holding", \.holding, "How long it has been held, or was held until its exit, from the `years` text: `2.5 years`."),
        .init("as_of", \.asOf, "The reporting date, as the page's language writes it."),
        .init("as_of_iso", \.asOfISO, "The same day, as `2011-10-10`."),
        .init("as_of_text", \.asOfText, "`As of 31 December 2022.`, from the `returns_as_of` text."),
    ])
}

/// A round on a company's page.
struct RoundRow: TemplateObject {
    var date: String?
    var dateISO: String?
    var kind: String
    var kindLabel: String
    var instrumentLabel: String?
    var amount: String
    var estimated: Bool
    var disbursed: Bool
    var disbursedOn: String?
    var disbursedISO: String?
    var agreement: AgreementLink?
    var coInvestors: [EntityLink]

    static let fields = TemplateFields<RoundRow>("round", plural: "rounds", [
        .init("date", \.date, "Its date, as the page's language writes it."),
        .init("date_iso", \.dateISO, "Its date, as `2011-10-10`."),
        .init("kind", \.kind, "`initial` or `follow-on`."),
        .init("kind_label", \.kindLabel, "`Initial round` or `Follow-on round`."),
        .init("instrument_label", \.instrumentLabel, "`Equity`, `Convertible note`, `SAFE`, `Grant` or `Loan`."),
        .init("amount", \.amount, "The amount, formatted, in its own currency."),
        .init("estimated", \.estimated, "`true` when the amount is an estimate."),
        .init("disbursed", \.disbursed, "`true` once paid."),
        .init("disbursed_on", \.disbursedOn, "The day it was paid."),
        .init("disbursed_iso", \.disbursedISO, "The day it was paid, as `2011-10-10`."),
        .init("agreement", \.agreement, "The agreement it is made under."),
        .init("co_investors", \.coInvestors, "The organisations that invested beside the programme, each with its `amount` when given."),
    ])
}

/// A link to an agreement: its title and page.
struct AgreementLink: TemplateObject {
    var title: String
    var lang: String?
    var href: String

    static let fields = TemplateFields<AgreementLink>("agreement link", plural: "agreement links", [
        .init("title", \.title, "The agreement's title."),
        .init("lang", \.lang, "The language of `title` when it is not the page's."),
        .init("href", \.href, "Link to its page."),
    ])
}

/// A company's exit.
struct ExitValues: TemplateObject {
    var kind: String
    var kindLabel: String
    var date: String
    var dateISO: String
    var proceeds: String?
    var acquirer: EntityLink?

    static let fields = TemplateFields<ExitValues>("exit", plural: "exits", [
        .init("kind", \.kind, "`acquisition`, `ipo`, `buyback` or `write-off`."),
        .init("kind_label", \.kindLabel, "The kind for readers."),
        .init("date", \.date, "Its date, as the page's language writes it."),
        .init("date_iso", \.dateISO, "Its date, as `2011-10-10`."),
        .init("proceeds", \.proceeds, "The proceeds, formatted as written."),
        .init("acquirer", \.acquirer, "The organisation that acquired the company."),
    ])
}

/// A mark of a company's stake.
struct ValuationValues: TemplateObject {
    var amount: String
    var asOf: String
    var asOfISO: String
    var basis: String?

    static let fields = TemplateFields<ValuationValues>("valuation", plural: "valuations", [
        .init("amount", \.amount, "The valuation, formatted as written."),
        .init("as_of", \.asOf, "The day it is of, as the page's language writes it."),
        .init("as_of_iso", \.asOfISO, "The same day, as `2011-10-10`."),
        .init("basis", \.basis, "How it was reached, as written, such as `priced round`."),
    ])
}

/// The organisation page, `organizations/<slug>.html`.
struct OrganizationPage: TemplateObject {
    var frame: PageFrame
    var organization: OrganizationDetails

    static let fields = TemplateFields<OrganizationPage>("organisation page", plural: "organisation pages", [
        .include(\.frame),
        .init("organization", \.organization, "The organisation."),
    ])
}

/// An organisation on its own page.
struct OrganizationDetails: TemplateObject {
    var row: OrganizationRow
    var text: EntityText
    var website: String?
    var people: [PersonValues]
    var agreements: [AgreementRow]
    var companies: [CompanyRow]
    var organizations: [EntityLink]
    var coInvestments: CompanyTable?
    var acquisitions: CompanyTable?
    var news: [NewsRow]

    static let fields = TemplateFields<OrganizationDetails>("organisation", plural: "organisations", [
        .include(\.row),
        .include(\.text),
        .init("website", \.website, "The website address."),
        .init("people", \.people, "Its people, in the order of the file."),
        .init("agreements", \.agreements, "The agreements it is party to, in agreement order."),
        .init("companies", \.companies, "The companies among the other parties of those agreements, by slug."),
        .init("organizations", \.organizations, "The organisations among the other parties of those agreements, by slug."),
        .init("co_investments", \.coInvestments, "The companies in whose rounds it co-invested, by slug; absent when there are none. Inside it, the `partials/company-table` partial lists them."),
        .init("acquisitions", \.acquisitions, "The companies it acquired (as an exit's `acquirer`), the same way."),
        .init("news", \.news, "The news items about it, newest first."),
    ])
}

/// A person of an organisation.
struct PersonValues: TemplateObject {
    var name: String
    var role: String?
    var lang: String?

    static let fields = TemplateFields<PersonValues>("person", plural: "people", [
        .init("name", \.name, "The person's name."),
        .init("role", \.role, "Their role."),
        .init("lang", \.lang, "The language of the name and role when it is not the page's."),
    ])
}

/// Companies for the `partials/company-table` partial.
struct CompanyTable: TemplateObject {
    var companies: [CompanyRow]

    static let fields = TemplateFields<CompanyTable>("company table", plural: "company tables", [
        .init("companies", \.companies, "The companies, as company rows."),
    ])
}

/// The agreement page, `agreements/<slug>.html`.
struct AgreementPage: TemplateObject {
    var frame: PageFrame
    var agreement: AgreementDetails

    static let fields = TemplateFields<AgreementPage>("agreement page", plural: "agreement pages", [
        .include(\.frame),
        .init("agreement", \.agreement, "The agreement."),
    ])
}

/// An agreement on its own page.
struct AgreementDetails: TemplateObject {
    var row: AgreementRow
    var text: EntityText
    var news: [NewsRow]

    static let fields = TemplateFields<AgreementDetails>("agreement", plural: "agreements", [
        .include(\.row),
        .include(\.text),
        .init("news", \.news, "The news items about it, newest first."),
    ])
}

/// The news item page, `news/<slug>.html`.
struct NewsItemPage: TemplateObject {
    var frame: PageFrame
    var item: NewsItemDetails

    static let fields = TemplateFields<NewsItemPage>("news item page", plural: "news item pages", [
        .include(\.frame),
        .init("item", \.item, "The news item."),
    ])
}

/// A news item on its own page.
struct NewsItemDetails: TemplateObject {
    var row: NewsRow
    var text: EntityText
    var about: [EntityLink]

    static let fields = TemplateFields<NewsItemDetails>("news item", plural: "news items", [
        .include(\.row),
        .include(\.text),
        .init("about", \.about, "What the item is about, in the order of the file: agreements, companies and organisations, each with its `kind_label`."),
    ])
}

/// A free page, `<slug>.html`.
struct ContentPage: TemplateObject {
    var frame: PageFrame
    var content: ContentValues

    static let fields = TemplateFields<ContentPage>("free page", plural: "free pages", [
        .include(\.frame),
        .init("page_content", \.content, "The page's own values (under this name because `page` holds the common ones)."),
    ])
}

/// A free page's own values.
struct ContentValues: TemplateObject {
    var title: String
    var lang: String?
    var text: EntityText

    static let fields = TemplateFields<ContentValues>("page content", plural: "page contents", [
        .init("title", \.title, "The page's title."),
        .init("lang", \.lang, "The title's language when it is not the page's."),
        .include(\.text),
    ])
}

extension SiteContext {
    func company(_ company: Company, _ route: Route, body: Markdown.Rendered) -> CompanyPage {
        recorder?.record(.entity(company.slug))
        let original = Translation.Original.entity(.companies, company.slug)
        let agreements = self.agreements(of: company.slug)
        let details = CompanyDetails(
            row: companyRow(company, from: route), text: entityText(original, body: body),
            website: company.website, founded: company.founded.map(String.init),
            tags: source.translation(of: original, in: language)?.tags ?? company.tags,
            agreements: agreements.map { agreementRow($0, from: route) },
            counterparties: counterparties(of: company.slug, in: agreements).compactMap { partyLink($0, from: route) },
            rounds: company.rounds.map { roundRow($0, from: route) },
            exit: company.exit.map { exit in
                ExitValues(kind: exit.kind.rawValue, kindLabel: strings.label(exit.kind), date: strings.date(exit.date.value),
                           dateISO: exit.date.value.description, proceeds: exit.proceeds.map { strings.money($0.value) },
                           acquirer: exit.acquirer.flatMap { self.organization($0.value) }.map { organizationLink($0, from: route) })
            },
            valuation: company.valuation.map(valuationValues), valuations: company.valuations.map(valuationValues),
            distributions: company.distributions.map { distribution in
                DistributionValues(kind: distribution.kind.rawValue, kindLabel: strings.label(distribution.kind),
                                   amount: strings.money(distribution.amount.value), date: strings.date(distribution.date),
                                   dateISO: distribution.date.description)
            },
            returns: returns(of: company), metrics: metrics(of: company),
            news: news(about: company.slug).map { newsRow($0, from: route) })
        let name = text(original, .name, company.name).text
        return CompanyPage(frame: frame(route, title: name, description: body.summary,
                                        structuredData: structuredData(of: company, name: name, at: route), imageOf: company.slug),
                           company: details)
    }

    private func valuationValues(_ valuation: Valuation) -> ValuationValues {
        ValuationValues(amount: strings.money(valuation.amount.value), asOf: strings.date(valuation.asOf),
                        asOfISO: valuation.asOf.description, basis: valuation.basis)
    }

    /// A company's returns as the figures take them, from its own money and the reporting date.
    private func returns(of company: Company) -> ReturnValues? {
        reading(.reportingDate)
        let date = source.reportingDate
        guard company.status.isCommitted, let returns = MoneyHistory(company, converter: programme.converter).returns(on: date) else { return nil }
        let ratio = { (ratio: Ratio) in self.strings.format(.ratio, [("value", self.strings.decimal(ratio))]) }
        return ReturnValues(
            disbursed: strings.money(returns.disbursed), realised: strings.money(returns.realised),
            value: strings.money(returns.unrealised), heldAtCost: returns.heldAtCost, held: company.exit == nil,
            multiple: returns.multiple.map(ratio), irr: returns.irr.map(strings.percent),
            holding: returns.holdingDays.map(strings.years), asOf: date.map(strings.date), asOfISO: date?.description,
            asOfText: date.map { strings.format(.returnsAsOf, [("date", strings.date($0))]) })
    }

    /// A round on a company's page: its date, kind, amount, whether it is paid, and its co-investors.
    private func roundRow(_ round: Round, from route: Route) -> RoundRow {
        RoundRow(
            date: round.date.map(strings.date), dateISO: round.date?.description, kind: round.kind.rawValue,
            kindLabel: strings.label(round.kind), instrumentLabel: round.instrument.map(strings.label),
            amount: strings.money(round.amount.value), estimated: round.estimated, disbursed: round.isDisbursed,
            disbursedOn: round.disbursedOn.map(strings.date), disbursedISO: round.disbursedOn?.description,
            agreement: round.agreement.flatMap { self.agreement($0.value) }.map { agreement in
                let title = text(.entity(.agreements, agreement.slug), .title, agreement.title)
                return AgreementLink(title: title.text, lang: languageCode(title.language), href: link(route, .agreement(agreement.slug)))
            },
            coInvestors: round.coInvestors.compactMap { investor in
                guard let organization = self.organization(investor.organization.value) else { return nil }
                var link = organizationLink(organization, from: route)
                link.amount = investor.amount.map { strings.money($0.value) }
                return link
            })
    }

    func organization(_ organization: Organization, _ route: Route, body: Markdown.Rendered) -> OrganizationPage {
        recorder?.record(.entity(organization.slug))
        let original = Translation.Original.entity(.organizations, organization.slug)
        let agreements = self.agreements(of: organization.slug)
        let partners = counterparties(of: organization.slug, in: agreements)
        let investments = self.investments(by: organization.slug)
        // Each holds `companies`, so that the company-table partial lists them; absent when empty.
        let table = { (slugs: [Slug]) -> CompanyTable? in
            let rows = slugs.compactMap { self.company($0) }.map { self.companyRow($0, from: route) }
            return rows.isEmpty ? nil : CompanyTable(companies: rows)
        }
        let details = OrganizationDetails(
            row: organizationRow(organization, from: route), text: entityText(original, body: body),
            website: organization.website,
            people: organization.people.map { PersonValues(name: $0.name, role: $0.role, lang: languageCode(programme.language)) },
            agreements: agreements.map { agreementRow($0, from: route) },
            companies: partners.compactMap { self.company($0) }.map { companyRow($0, from: route) },
            organizations: partners.compactMap { self.organization($0) }.map { organizationLink($0, from: route) },
            coInvestments: table(investments.coInvested), acquisitions: table(investments.acquired),
            news: news(about: organization.slug).map { newsRow($0, from: route) })
        let name = text(original, .name, organization.name).text
        return OrganizationPage(frame: frame(route, title: name, description: body.summary,
                                             structuredData: structuredData(of: organization, name: name, at: route),
                                             imageOf: organization.slug),
                                organization: details)
    }

    func agreement(_ agreement: Agreement, _ route: Route, body: Markdown.Rendered) -> AgreementPage {
        recorder?.record(.entity(agreement.slug))
        let original = Translation.Original.entity(.agreements, agreement.slug)
        return AgreementPage(
            frame: frame(route, title: text(original, .title, agreement.title).text, description: body.summary, imageOf: agreement.slug),
            agreement: AgreementDetails(row: agreementRow(agreement, from: route), text: entityText(original, body: body),
                                        news: news(about: agreement.slug).map { newsRow($0, from: route) }))
    }

    func newsItem(_ item: NewsItem, _ route: Route, body: Markdown.Rendered) -> NewsItemPage {
        recorder?.record(.newsItem(item.slug))
        let original = Translation.Original.entity(.news, item.slug)
        let title = text(original, .title, item.title).text
        return NewsItemPage(
            frame: frame(route, title: title, description: body.summary,
                         structuredData: structuredData(of: item, title: title, summary: body.summary, at: route), type: "article"),
            item: NewsItemDetails(row: newsRow(item, from: route), text: entityText(original, body: body),
                                  about: item.about.compactMap { entityLink($0.value, from: route) }))
    }

    func page(_ page: Page, _ route: Route, body: Markdown.Rendered) -> ContentPage {
        recorder?.record(.page(page.slug))
        let original = Translation.Original.entity(.pages, page.slug)
        let title = text(original, .title, page.title)
        return ContentPage(frame: frame(route, title: title.text, description: body.summary),
                           content: ContentValues(title: title.text, lang: languageCode(title.language),
                                                  text: entityText(original, body: body)))
    }

    /// An entity's body, and whether it is translated: `untranslated` on a page of another language
    /// with no translation of its file, `body_lang` when the body is not in the page's language.
    private func entityText(_ original: Translation.Original, body: Markdown.Rendered) -> EntityText {
        guard language != programme.language else { return EntityText(body: body.html, untranslated: false) }
        return EntityText(body: body.html, untranslated: source.translation(of: original, in: language) == nil,
                          bodyLang: source.translatedBody(of: original, in: language) == nil ? programme.language.code : nil)
    }

    /// The other parties of `agreements`, each once, sorted by slug.
    private func counterparties(of slug: Slug, in agreements: [Agreement]) -> [Slug] {
        Set(agreements.flatMap { $0.parties.map(\.value) }).subtracting([slug]).sorted()
    }
}
