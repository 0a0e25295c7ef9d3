/// What the values of the pages of one language are built from: the typed portfolio, the language's
/// words, and the way from one page to another. Each kind of page's values are declared as types
/// beside the functions of this class that build them: the frame every page has (`PageFrame`), the
/// rows lists show (`Rows`), entity pages (`EntityPages`), the home page, the list pages
/// (`ListContext`), the report page and its charts, the search and 404 pages. Templates are checked
/// against those declarations, and docs/templates.md's context reference is generated from them.
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
    let source: Portfolio
    private let reportFigures: FiguresWhenAsked
    /// The summary of each news item in this language.
    let newsSummaries: NewsSummaries
    /// What links in bodies can point at.
    let targets: LinkTargets
    /// The interface's words in this context's language.
    let strings: Strings
    /// The lists, their filters and pages.
    let lists: ListIndex
    /// The names the theme's stylesheet and scripts are published under.
    let assets: AssetNames
    /// Each language's own name (`English`, `中文`, `עברית`), for the language switcher.
    let languageNames: [Language: String]
    /// Where the reads of one page are recorded, if anywhere.
    let recorder: InputRecorder?
    /// Each company's and agreement's row with links from the site's root, made once for the many
    /// pages that list it, when no reads are recorded.
    let companyRows: SharedMemo<Slug, CompanyRow>
    let agreementRows: SharedMemo<Slug, AgreementRow>
    /// The navigation for each start of links (nil: absolute), made once.
    let navigations: SharedMemo<String?, Navigation>

    init(portfolio: Portfolio, figures: FiguresWhenAsked, targets: LinkTargets, lists: ListIndex, assets: AssetNames, strings: Strings,
         languageNames: [Language: String]) {
        recorder = nil
        source = portfolio
        reportFigures = figures
        self.targets = targets
        self.lists = lists
        self.assets = assets
        self.strings = strings
        self.languageNames = languageNames
        newsSummaries = NewsSummaries(portfolio, language: strings.language)
        companyRows = SharedMemo()
        agreementRows = SharedMemo()
        navigations = SharedMemo()
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
        assets = other.assets
        strings = other.strings
        languageNames = other.languageNames
        self.recorder = recorder
        companyRows = other.companyRows
        agreementRows = other.agreementRows
        navigations = other.navigations
    }

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

    /// Where links from the page at `route` start (`../` for each folder it is in, in this context's
    /// language), before a link from the site's root (`rootLink`): rows are made once with links from
    /// the root, then given this start on each page that lists them.
    func climb(from route: Route) -> String {
        localized(route).climb
    }

    /// A link from the site's root to the page at `target`, in this context's language.
    func rootLink(_ target: Route) -> String {
        localized(target).path
    }

    /// A link from the page at `route`, in this context's language, to `file`, a file of the site that
    /// every language shares (a logo, the stylesheet, a chart): from the site's root, not the language's.
    func fileLink(_ route: Route, _ file: Route) -> String {
        localized(route).link(to: file)
    }

    // MARK: - Languages

    /// The name of the focus area `slug` (`name` in `programme.yml`) in this context's language.
    func focusAreaName(_ slug: Slug, named name: String) -> (text: String, language: Language) {
        recorder?.record(.programme)
        return source.focusAreaName(slug, named: name, in: language)
    }

    /// A text field of a content file in this context's language: the translation's when it has the
    /// field, or the file's own, with the language it is in.
    func text(_ original: Translation.Original, _ field: TranslatedText, _ value: String) -> (text: String, language: Language) {
        recorder?.record(.programme)
        return source.text(original, field, value, in: language)
    }

    /// The value for a `lang` attribute: the language of a text that is not in the page's language.
    func languageCode(_ textLanguage: Language?) -> String? {
        guard let textLanguage, textLanguage != language else { return nil }
        return textLanguage.code
    }

    // MARK: - Reading the portfolio

    /// The programme; every page reads it.
    var programme: Programme {
        recorder?.record(.programme)
        return source.programme
    }

    /// The logos of organisations and companies, by slug; reading one reads its entity.
    var logos: LogoReader { LogoReader(logos: source.logos, recorder: recorder) }

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
        return reportFigures.value
    }

    var companies: [Company] {
        recorder?.record(.anyOf(.companies))
        recorder?.record(.list(.companies))
        return source.companies
    }

    var organizations: [Organization] {
        recorder?.record(.anyOf(.organizations))
        recorder?.record(.list(.organizations))
        return source.organizations
    }

    var agreements: [Agreement] {
        recorder?.record(.anyOf(.agreements))
        recorder?.record(.list(.agreements))
        return source.agreements
    }

    var news: [NewsItem] {
        recorder?.record(.anyOf(.news))
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

    func agreements(of party: Slug) -> [Agreement] {
        recorder?.record(.agreementsOf(party))
        return (source.agreementsByParty[party] ?? []).compactMap(agreement)
    }

    func investments(by organization: Slug) -> (coInvested: [Slug], acquired: [Slug]) {
        recorder?.record(.investmentsBy(organization))
        return (source.coInvestmentsBy[organization] ?? [], source.acquisitionsBy[organization] ?? [])
    }

    func news(about slug: Slug) -> [NewsItem] {
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
}
