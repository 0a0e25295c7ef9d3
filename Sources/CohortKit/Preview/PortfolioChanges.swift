/// What differs between two portfolios, as the page inputs it touches: a page whose recorded inputs
/// meet these must be rendered again; any other page would come out the same. (The figures, which the
/// preview computes only when a page shows them, are the caller's to count as changed.)
enum PortfolioChanges {
    static func between(_ old: Portfolio, and new: Portfolio) -> Set<PageInput> {
        var changed: Set<PageInput> = []
        if old.programme != new.programme { changed.insert(.programme) }
        if old.reportingDate != new.reportingDate { changed.insert(.reportingDate) }
        if old.pages.map({ [$0.slug.rawValue, $0.title] }) != new.pages.map({ [$0.slug.rawValue, $0.title] }) {
            changed.insert(.navigation)
        }
        let lists: [(ContentFolder, (Portfolio) -> [Slug])] = [
            (.organizations, { $0.organizations.map(\.slug) }), (.companies, { $0.companies.map(\.slug) }),
            (.agreements, { $0.agreements.map(\.slug) }), (.news, { $0.news.map(\.slug) }), (.pages, { $0.pages.map(\.slug) }),
        ]
        for (folder, slugs) in lists where slugs(old) != slugs(new) { changed.insert(.list(folder)) }
        changed.formUnion(changedEntities(old, new).map(PageInput.entity))
        changed.formUnion(differences(bySlug(old.news, \.slug), bySlug(new.news, \.slug)).map(PageInput.newsItem))
        changed.formUnion(differences(bySlug(old.pages, \.slug), bySlug(new.pages, \.slug)).map(PageInput.page))
        changed.formUnion(differences(old.agreementsByParty, new.agreementsByParty).map(PageInput.agreementsOf))
        changed.formUnion(differences(newsAbout(old), newsAbout(new)).map(PageInput.newsAbout))
        // A logo's file that changed changes the pages of what it is the logo of.
        changed.formUnion(differences(old.logos, new.logos).map(PageInput.entity))
        if old.programmeLogo != new.programmeLogo { changed.insert(.programme) }
        changed.formUnion(differences(old.coInvestmentsBy, new.coInvestmentsBy).union(differences(old.acquisitionsBy, new.acquisitionsBy))
            .map(PageInput.investmentsBy))
        // A translation changes what its original's pages and rows show in its language.
        for original in Set(old.translations.keys).union(new.translations.keys) where old.translations[original] != new.translations[original] {
            switch original {
            case .programme: changed.insert(.programme)
            case .entity(.news, let slug): changed.insert(.newsItem(slug))
            case .entity(.pages, let slug): changed.formUnion([.page(slug), .navigation])
            case .entity(_, let slug): changed.insert(.entity(slug))
            }
        }
        // A page that reads every entity of a folder changes when any of them does.
        for input in changed {
            switch input {
            case .entity(let slug):
                switch new.entities[slug] ?? old.entities[slug] {
                case .organization?: changed.insert(.anyOf(.organizations))
                case .company?: changed.insert(.anyOf(.companies))
                case .agreement?: changed.insert(.anyOf(.agreements))
                case nil: break
                }
            case .newsItem: changed.insert(.anyOf(.news))
            default: break
            }
        }
        return changed
    }

    /// The inputs that a change of the site's files from `old` to `new` touches: each file added or
    /// removed, and the whole set when any was.
    static func sitePaths(_ old: Set<String>, _ new: Set<String>) -> Set<PageInput> {
        guard old != new else { return [] }
        return Set(old.symmetricDifference(new).map(PageInput.sitePath)).union([.siteFiles])
    }

    /// The keys whose values differ, or that only one side has.
    private static func differences<Value: Equatable>(_ old: [Slug: Value], _ new: [Slug: Value]) -> Set<Slug> {
        var keys: Set<Slug> = []
        for (key, value) in new where old[key] != value { keys.insert(key) }
        for key in old.keys where new[key] == nil { keys.insert(key) }
        return keys
    }

    /// The organisations, companies and agreements that differ, or that only one side has.
    private static func changedEntities(_ old: Portfolio, _ new: Portfolio) -> Set<Slug> {
        var slugs: Set<Slug> = []
        for (slug, reference) in new.entities {
            let same = switch (old.entities[slug], reference) {
            case (.organization(let was)?, .organization(let now)): old.organizations[was] == new.organizations[now]
            case (.company(let was)?, .company(let now)): old.companies[was] == new.companies[now]
            case (.agreement(let was)?, .agreement(let now)): old.agreements[was] == new.agreements[now]
            default: false
            }
            if !same { slugs.insert(slug) }
        }
        for slug in old.entities.keys where new.entities[slug] == nil { slugs.insert(slug) }
        return slugs
    }

    private static func bySlug<Item>(_ items: [Item], _ slug: KeyPath<Item, Slug>) -> [Slug: Item] {
        Dictionary(items.map { ($0[keyPath: slug], $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The news items about each entity, by slug rather than by index, which shifts when news is added.
    private static func newsAbout(_ portfolio: Portfolio) -> [Slug: [Slug]] {
        portfolio.newsByEntity.mapValues { $0.map { portfolio.news[$0].slug } }
    }
}
