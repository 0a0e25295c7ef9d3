/// The link stage: resolves slugs, checks every rule that spans files, and builds the `Portfolio`.
enum Linker {
    /// Links `documents`; references to `undecoded` slugs, whose files had errors already reported, are not reported again.
    static func link(programme: Programme, documents: [Document], undecoded: Set<Slug> = [], staticFiles: [OutputFile]) -> (Portfolio?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var organizations: [Organization] = []
        var companies: [Company] = []
        var agreements: [Agreement] = []
        var news: [NewsItem] = []
        var pages: [Page] = []
        var translations: [Translation] = []
        for document in documents {
            switch document {
            case .organization(let value): organizations.append(value)
            case .company(let value): companies.append(value)
            case .agreement(let value): agreements.append(value)
            case .newsItem(let value): news.append(value)
            case .page(let value): pages.append(value)
            case .translation(let value): translations.append(value)
            }
        }
        organizations.sort { $0.slug < $1.slug }
        companies.sort { $0.slug < $1.slug }
        agreements.sort(by: Agreement.registerOrder)
        news.sort { ($1.date, $0.slug) < ($0.date, $1.slug) }
        pages.sort { ($0.order ?? Int.max, $0.title, $0.slug) < ($1.order ?? Int.max, $1.title, $1.slug) }

        var entities: [Slug: EntityReference] = [:]
        var firstSource: [Slug: SourceLocation] = [:]
        entities.reserveCapacity(organizations.count + companies.count + agreements.count)
        firstSource.reserveCapacity(entities.capacity)
        func register(_ slug: Slug, _ reference: EntityReference, at source: SourceLocation) {
            if let first = firstSource[slug] {
                diagnostics.append(.error(at: source, "duplicate slug '\(slug)': \(first.path) has it already",
                                          hint: "slugs are unique across organizations, companies and agreements; rename one file"))
                return
            }
            firstSource[slug] = source
            entities[slug] = reference
        }
        for (index, value) in organizations.enumerated() { register(value.slug, .organization(index), at: value.source) }
        for (index, value) in companies.enumerated() { register(value.slug, .company(index), at: value.source) }
        for (index, value) in agreements.enumerated() { register(value.slug, .agreement(index), at: value.source) }

        let rules = Rules(programme: programme, entities: entities, undecoded: undecoded)
        // The rules' checks, which only report, on one core; on the other, the portfolio they check,
        // which is dropped if they find an error.
        let checks: @Sendable () -> [Diagnostic] = { [companies, agreements, news] in
            var diagnostics = rules.checkProgramme()
            for agreement in agreements { diagnostics += rules.checkParties(of: agreement) }
            for item in news { diagnostics += rules.checkReferences(item.about) }
            diagnostics += rules.checkCompanies(companies)
            for company in companies { diagnostics += rules.checkInvestments(of: company, agreements: agreements) }
            diagnostics += rules.checkMoney(companies: companies, agreements: agreements)
            return diagnostics
        }
        let assemble: @Sendable () -> (Portfolio, [Diagnostic]) = { [organizations, companies, agreements, news, pages, entities, translations] in
            var diagnostics: [Diagnostic] = []
            var agreementsByParty: [Slug: [Slug]] = [:]
            for agreement in agreements {
                for party in Set(agreement.parties.map(\.value)).sorted() where entities[party] != nil {
                    agreementsByParty[party, default: []].append(agreement.slug)
                }
            }
            var newsByEntity: [Slug: [Int]] = [:]
            for (index, item) in news.enumerated() {
                for slug in Set(item.about.map(\.value)) { newsByEntity[slug, default: []].append(index) }
            }
            let (coInvestmentsBy, acquisitionsBy) = Portfolio.investors(of: companies)
            let logos = Logos.resolve(programme, organizations: organizations, companies: companies, staticFiles: staticFiles)
            diagnostics += logos.diagnostics
            diagnostics += StaticSVGs.check(staticFiles, except: logos.named, contentRoot: programme.contentRoot)
            diagnostics += duplicateSlugs(news.map { ($0.slug, $0.source) }, kind: "news item")
            diagnostics += duplicateSlugs(pages.map { ($0.slug, $0.source) }, kind: "page")
            let (byOriginal, problems) = checkTranslations(translations, programme: programme, entities: entities, news: news,
                                                           pages: pages, undecoded: undecoded)
            diagnostics += problems
            var portfolio = Portfolio(
                programme: programme, organizations: organizations, companies: companies, agreements: agreements,
                news: news, pages: pages, staticFiles: staticFiles, entities: entities,
                agreementsByParty: agreementsByParty, coInvestmentsBy: coInvestmentsBy, acquisitionsBy: acquisitionsBy,
                newsByEntity: newsByEntity, translations: byOriginal, logos: logos.logos, programmeLogo: logos.programme)
            portfolio.reportingDate = programme.reportingDate ?? portfolio.latestDate
            return (portfolio, diagnostics)
        }
        let (checked, (portfolio, problems)) = concurrently(checks, assemble)
        diagnostics += checked + problems

        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        diagnostics += Rules.warnings(for: portfolio)
        // The figures and the site are as of the reporting date when the programme (or --as-of) names one.
        return (programme.reportingDate.map(portfolio.asOf) ?? portfolio, diagnostics)
    }

    /// Translations by the file they translate and their language; one in a language the programme
    /// does not have, or of a file that does not exist, is an error.
    private static func checkTranslations(_ translations: [Translation], programme: Programme, entities: [Slug: EntityReference],
                                          news: [NewsItem], pages: [Page], undecoded: Set<Slug>)
        -> ([Translation.Original: [Language: Translation]], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var byOriginal: [Translation.Original: [Language: Translation]] = [:]
        let others = programme.languages.dropFirst().map(\.code)
        for translation in translations {
            if translation.language == programme.language {
                diagnostics.append(.error(at: translation.source, "'\(translation.language)' is the default language: its text is in the original file",
                                          hint: "move this text into the original file, or make another language the default"))
                continue
            }
            guard programme.languages.contains(translation.language) else {
                diagnostics.append(.error(at: translation.source, "'\(translation.language)' is not one of the programme's languages",
                                          hint: others.isEmpty ? "add it to 'languages' in programme.yml, after the default"
                                            : "the others are \(others.joined(separator: ", ")); add it to 'languages' in programme.yml"))
                continue
            }
            if case .entity(let folder, let slug) = translation.original, !undecoded.contains(slug) {
                let exists = switch folder {
                case .organizations: entities[slug].map { if case .organization = $0 { true } else { false } } ?? false
                case .companies: entities[slug].map { if case .company = $0 { true } else { false } } ?? false
                case .agreements: entities[slug].map { if case .agreement = $0 { true } else { false } } ?? false
                case .news: news.contains { $0.slug == slug }
                case .pages: pages.contains { $0.slug == slug }
                }
                guard exists else {
                    diagnostics.append(.error(at: translation.source, "a translation of \(folder.rawValue)/\(slug).md, which does not exist",
                                              hint: "a translation sits beside its original, named '<slug>.\(translation.language).md'"))
                    continue
                }
            }
            for slug in translation.focusAreaNames.keys.sorted() where !programme.focusAreas.contains(where: { $0.slug == slug }) {
                diagnostics.append(.error(at: translation.locations["focus_areas." + slug.rawValue] ?? translation.source,
                                          "no focus area '\(slug)' in programme.yml to translate",
                                          hint: Suggestion.hint(for: slug.rawValue, among: programme.focusAreas.map(\.slug.rawValue))))
            }
            for key in translation.metricTexts.keys.sorted() where !programme.metrics.contains(where: { $0.key == key }) {
                diagnostics.append(.error(at: translation.locations["metrics." + key.rawValue] ?? translation.source,
                                          "no metric '\(key)' in programme.yml to translate",
                                          hint: Suggestion.hint(for: key.rawValue, among: programme.metrics.map(\.key.rawValue))))
            }
            byOriginal[translation.original, default: [:]][translation.language] = translation
        }
        return (byOriginal, diagnostics)
    }

    private static func duplicateSlugs(_ items: [(Slug, SourceLocation)], kind: String) -> [Diagnostic] {
        var seen: [Slug: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for (slug, source) in items {
            if let first = seen[slug] {
                diagnostics.append(.error(at: source, "duplicate \(kind) slug '\(slug)': \(first.path) has it already"))
            } else {
                seen[slug] = source
            }
        }
        return diagnostics
    }
}

extension Agreement {
    /// The order of the agreements register: by signing date, unsigned ones last, then by slug.
    static func registerOrder(_ lhs: Agreement, _ rhs: Agreement) -> Bool {
        switch (lhs.signed, rhs.signed) {
        case let (left?, right?) where left != right: left < right
        case (nil, _?): false
        case (_?, nil): true
        default: lhs.slug < rhs.slug
        }
    }
}
