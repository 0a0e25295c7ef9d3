/// Every field of every kind of file Cohort reads, declared once: its type, whether it is required and
/// what it means. The JSON Schemas that `cohort schema` writes are made from these declarations, the
/// decoders take their field names from them, and a test keeps the field tables of
/// docs/content-format.md in step with them (the meanings are those tables' words).
public enum ContentSchema {
    /// A kind of file and the schema file it gets.
    public struct Kind: Sendable {
        /// The schema's file name without `.schema.json`: `company`.
        public let name: String
        /// What the files are, for the schema's title: `A company`.
        public let title: String
        /// Where the files are: `companies/<slug>.md`.
        public let files: String
        /// The folder of its files; nil for `programme.yml`.
        public let folder: ContentFolder?
        /// Its fields.
        public let fields: [SchemaField]
        /// Whether the files are translations of others.
        public var isTranslation = false

        /// Whether the fields are a Markdown file's front matter (else a YAML file, `programme.yml`).
        public var isFrontMatter: Bool { folder != nil }

        /// The kind of its translations (`<slug>.<language>.md`, `programme.<language>.yml`): the fields
        /// they may set, none required.
        public var translation: Kind {
            let text = ContentSchema.translated[folder] ?? []
            let files = self.files.hasSuffix(".md") ? self.files.dropLast(3) + ".<language>.md" : String(self.files.dropLast(4)) + ".<language>.yml"
            // A translation of a metric gives its name and description only: its kind is a fact.
            let type = { (field: SchemaField) in field.name == "metrics" ? .list(.object("metric texts", ContentSchema.metricText)) : field.type }
            return Kind(name: name + ".translation", title: "A translation of " + title.prefix(1).lowercased() + String(title.dropFirst()),
                        files: files, folder: folder, fields: fields.filter { text.contains($0.name) }.map { SchemaField($0.name, type($0), .no, $0.meaning) },
                        isTranslation: true)
        }
    }

    /// Every kind of file, in the order the docs describe them.
    public static let kinds: [Kind] = [
        Kind(name: "programme", title: "The programme", files: "programme.yml", folder: nil, fields: programme),
        Kind(name: "organization", title: "An organisation", files: "organizations/<slug>.md", folder: .organizations, fields: organization),
        Kind(name: "company", title: "A company", files: "companies/<slug>.md", folder: .companies, fields: company),
        Kind(name: "agreement", title: "An agreement", files: "agreements/<slug>.md", folder: .agreements, fields: agreement),
        Kind(name: "news", title: "A news item", files: "news/<slug>.md", folder: .news, fields: news),
        Kind(name: "page", title: "A free page", files: "pages/<slug>.md", folder: .pages, fields: page),
    ]

    /// The fields a translation of each kind of file may set, its text (nil: `programme.yml`); the others
    /// are facts, which come from the original file only.
    static let translated: [ContentFolder?: [String]] = [
        nil: names(.title, .tagline, .description) + ["focus_areas", "metrics"], .organizations: names(.name),
        .companies: names(.name, .sector) + ["tags"], .agreements: names(.title, .place), .news: names(.title), .pages: names(.title),
    ]

    private static func names(_ texts: TranslatedText...) -> [String] { texts.map(\.rawValue) }

    /// The names of `fields`, for a decoder's list of known fields.
    static func names(_ fields: [SchemaField]) -> [String] { fields.map(\.name) }

    /// The fields of the table under "`programme.yml`" in docs/content-format.md.
    static let programme: [SchemaField] = [
        .init("title", .text, .yes,
              "The programme's name. Site title, feed title."),
        .init("tagline", .blankableText, .no,
              "One line under the title. May be empty. Defaults to empty."),
        .init("description", .blankableText, .no,
              "A plain-text summary for the home page and its meta description. When absent, the tagline is used for the meta description."),
        .init("base_url", .webAddress, .yes,
              "The absolute address the site is published at, such as `https://example.org/harbin-israel/`. Must start with `http://` or `https://`, have a host, and contain no spaces. A trailing `/` is added if missing. Used only for canonical links, `sitemap.xml`, `feed.xml` and the links of the 404 page."),
        .init("languages", .list(.language), .no,
              "The site's languages as BCP 47 codes, the default first: `[en, zh, he]`. See [Languages and translations](#languages-and-translations)."),
        .init("language", .language, .no,
              "For a site in one language, its code. Defaults to `en`. Give `language` or `languages`, not both."),
        .init("currency", .currency, .yes,
              "The reporting currency. Totals are computed in it, and bare amounts take it."),
        .init("pool", .money, .yes,
              "The total the programme means to invest."),
        .init("target_companies", .wholeNumber, .yes,
              "How many companies the programme means to back."),
        .init("standard_ticket", .money, .yes,
              "The usual investment per company."),
        .init("announced", .date, .yes,
              "The day the programme was announced."),
        .init("reporting_date", .date, .no,
              "The day the figures are as of, such as a quarter's end: what is dated later is left out of the reports and the site. Defaults to the latest day the content names. `--as-of` overrides it. See [Reporting date](#reporting-date)."),
        .init("managers", .list(.slug), .no,
              "Organisations that run the programme. Each must name a file in `organizations/`."),
        .init("partners", .list(.slug), .no,
              "Other organisations involved. Each must name a file in `organizations/`."),
        .init("focus_areas", .list(.object("focus areas", focusArea)), .no,
              "The fields of activity the programme backs. Each item has `slug` (slug, required, unique in the list) and `name` (text, required)."),
        .init("exchange_rates", .object("map", exchangeRates), .no,
              "Conversion rates into the reporting currency. See [Exchange rates](#exchange-rates)."),
        .init("allow_raw_html", .boolean, .no,
              "Whether raw HTML in Markdown reaches the site. Defaults to `false`. See [Raw HTML](#raw-html)."),
        .init("logo", .path, .no,
              "The programme's logo, written from the content folder (`static/logo.png`): the picture of shared links to pages that have none of their own. See [Logos](#logos)."),
        .init("search", .boolean, .no,
              "Whether the site has full-text search: a Pagefind index, a search page and a search box. Defaults to `true`. See the README's [Search](../README.md#search)."),
        .init("metrics_period", .choice(["year", "quarter", "month"]), .no,
              "How often companies report their metrics. Defaults to `year`. See [Metrics](#metrics)."),
        .init("metrics", .list(.object("metrics", metric)), .no,
              "The facts the programme collects from its companies every period, such as employees or revenue. See [Metrics](#metrics)."),
        .init("page_size", .wholeNumber(from: Programme.pageSizes.lowerBound, to: Programme.pageSizes.upperBound), .no,
              "How many rows a list page shows before the next page (companies, organisations, agreements, news, and each filter of them), from 0 to 10000. Defaults to 100; `0` puts every list on one page."),
    ]

    /// The fields of the table under "`organizations/<slug>.md`" in docs/content-format.md.
    static let organization: [SchemaField] = [
        .init("name", .text, .yes,
              "The organisation's name."),
        .init("kind", .choice(["fund", "government", "university", "tech-transfer", "corporate", "other"]), .yes,
              "What kind of body it is."),
        .init("country", .country, .no,
              "Where it is based."),
        .init("website", .webAddress, .no,
              "Its website."),
        .init("logo", .path, .no,
              "Its logo: see [Logos](#logos)."),
        .init("people", .list(.object("people", person)), .no,
              "People named on its page. Each item has `name` (text, required) and `role` (text, optional)."),
        .init("aliases", .list(.sitePath, unique: true), .no,
              "Earlier addresses of the page, from the site's top (`companies/alpha-farms.html`, `old/about/`): each keeps a page that sends readers to this one, and a line in `_redirects`. See [Aliases](#aliases)."),
    ]

    /// The fields of the table under "`companies/<slug>.md`" in docs/content-format.md.
    static let company: [SchemaField] = [
        .init("name", .text, .yes,
              "The company's name."),
        .init("status", .choice(["candidate", "selected", "signed", "funded", "exited", "withdrawn"]), .yes,
              "Where the company stands. `selected`, `signed`, `funded` and `exited` count against `target_companies`."),
        .init("sector", .text, .no,
              "Its sector, as free text."),
        .init("country", .country, .no,
              "Where it is based."),
        .init("focus_area", .slug, .no,
              "One of the `focus_areas` slugs in `programme.yml`."),
        .init("investments", .list(.object("rounds", round)), .no,
              "The rounds of money the programme puts, or means to put, into the company. See [Rounds](#rounds)."),
        .init("investment", .either([.money, .object("an investment map", investment)]), .no,
              "The older, single form: one initial round. See [The single form](#the-single-form-investment). Not together with `investments`."),
        .init("exit", .object("exit map", exit), .no,
              "How the programme left the company. Only with status `exited`. See [Exits](#exits)."),
        .init("valuations", .list(.object("marks", valuation)), .no,
              "The marks of the programme's stake, oldest first. See [Valuations](#valuations)."),
        .init("valuation", .object("valuation map", valuation), .no,
              "One mark, the older form of `valuations`. Not together with `valuations`."),
        .init("distributions", .list(.object("distributions", distribution)), .no,
              "Money the programme received before or without an exit. See [Distributions](#distributions)."),
        .init("metrics", .list(.metricReport, label: "list of reports"), .no,
              "What it reported of the programme's metrics, one report per period, oldest first. See [Metrics](#metrics)."),
        .init("website", .webAddress, .no,
              "Its website."),
        .init("logo", .path, .no,
              "Its logo: see [Logos](#logos)."),
        .init("founded", .wholeNumber(from: 1000, to: 9999), .no,
              "The year it was founded: four digits, 1000 to 9999."),
        .init("tags", .list(.text), .no,
              "Free labels."),
        .init("aliases", .list(.sitePath, unique: true), .no,
              "Earlier addresses of the page, from the site's top (`companies/alpha-farms.html`, `old/about/`): each keeps a page that sends readers to this one, and a line in `_redirects`. See [Aliases](#aliases)."),
    ]

    /// The fields of the table under "Rounds" in docs/content-format.md.
    static let round: [SchemaField] = [
        .init("date", .date, .yes,
              "The day the round was agreed."),
        .init("amount", .money, .yes,
              "The programme's money in the round, in any of the [money forms](#money)."),
        .init("currency", .currency, .no,
              "The currency, when `amount` does not name one. It must not contradict `amount`."),
        .init("kind", .choice(["initial", "follow-on"]), .yes,
              "The first round by date must be `initial`."),
        .init("instrument", .choice(["equity", "convertible", "safe", "grant", "loan"]), .no,
              "The form the money takes."),
        .init("disbursed", .date, .no,
              "The day the money was paid, not before `date`. Left out, the round is committed but not paid yet."),
        .init("estimated", .boolean, .no,
              "`true` when the amount is an expectation rather than a stated number."),
        .init("agreement", .slug, .no,
              "The agreement the round is made under. It must name an agreement the company is a party to."),
        .init("co_investors", .list(.either([.slug, .object("co-investor map", coInvestor)]), label: "list"), .no,
              "The organisations that invested in the round beside the programme, each a map `{organization: <slug>, amount: <money>}` (`amount` optional), or the slug alone. Each names a file in `organizations/`, once per round."),
    ]

    /// The fields of the table under "The single form: `investment`" in docs/content-format.md.
    static let investment: [SchemaField] = [
        .init("amount", .money, .yes,
              "The amount."),
        .init("currency", .currency, .no,
              "The currency, when `amount` does not name one. It must not contradict `amount`."),
        .init("date", .date, .no,
              "When the money was, or is to be, invested."),
        .init("estimated", .boolean, .no,
              "`true` when the figure is an expectation rather than a stated number. Defaults to `false`."),
    ]

    /// The fields of the table under "Exits" in docs/content-format.md.
    static let exit: [SchemaField] = [
        .init("date", .date, .yes,
              "The day of the exit, not before the company's first round."),
        .init("kind", .choice(["acquisition", "ipo", "buyback", "write-off"]), .yes,
              "How the stake ended."),
        .init("proceeds", .money, .when("yes, but not allowed on a `write-off`"),
              "The money the programme received (`0` if nothing)."),
        .init("acquirer", .slug, .no,
              "The organisation that bought the company: a file in `organizations/`."),
    ]

    /// The fields of the table under "Valuations" in docs/content-format.md.
    static let valuation: [SchemaField] = [
        .init("as_of", .date, .yes,
              "The day the value was taken: after the mark before it, not before the company's first round, not after its exit."),
        .init("amount", .money, .yes,
              "The value of the programme's stake."),
        .init("currency", .currency, .no,
              "The currency, when `amount` does not name one."),
        .init("basis", .text, .no,
              "How the value was reached, such as `priced round` or `fund's model`."),
    ]

    /// The fields of the table under "Distributions" in docs/content-format.md.
    static let distribution: [SchemaField] = [
        .init("date", .date, .yes,
              "The day the money was received: not before the company's first disbursement, not after its exit."),
        .init("amount", .money, .yes,
              "The money received, more than zero."),
        .init("currency", .currency, .no,
              "The currency, when `amount` does not name one."),
        .init("kind", .choice(["dividend", "interest", "repayment", "partial-sale"]), .yes,
              "What the money was: a dividend, interest, a loan repaid, or part of the stake sold."),
    ]

    /// The fields of the table under "`agreements/<slug>.md`" in docs/content-format.md.
    static let agreement: [SchemaField] = [
        .init("title", .text, .yes,
              "The agreement's title."),
        .init("kind", .choice(["framework", "investment", "licence", "mou", "other"]), .yes,
              "What the agreement is."),
        .init("status", .choice(["draft", "signed", "terminated", "expired"]), .yes,
              "Where it stands."),
        .init("parties", .list(.slug, atLeast: 2, unique: true), .yes,
              "At least two organisations or companies, each named once. An agreement cannot be a party."),
        .init("signed", .date, .when("required when `status` is `signed`"),
              "The day it was signed."),
        .init("place", .text, .no,
              "Where it was signed."),
        .init("amount", .money, .no,
              "The money it involves. It must convert into the reporting currency."),
        .init("aliases", .list(.sitePath, unique: true), .no,
              "Earlier addresses of the page, from the site's top (`companies/alpha-farms.html`, `old/about/`): each keeps a page that sends readers to this one, and a line in `_redirects`. See [Aliases](#aliases)."),
    ]

    /// The fields of the table under "`news/<slug>.md`" in docs/content-format.md.
    static let news: [SchemaField] = [
        .init("title", .text, .yes,
              "The headline."),
        .init("date", .date, .yes,
              "The day of the news."),
        .init("about", .list(.slug), .no,
              "The organisations, companies and agreements the item is about. The item is listed on their pages."),
        .init("aliases", .list(.sitePath, unique: true), .no,
              "Earlier addresses of the page, from the site's top (`companies/alpha-farms.html`, `old/about/`): each keeps a page that sends readers to this one, and a line in `_redirects`. See [Aliases](#aliases)."),
    ]

    /// The fields of the table under "`pages/<slug>.md`" in docs/content-format.md.
    static let page: [SchemaField] = [
        .init("title", .text, .yes,
              "The page title and its navigation label."),
        .init("order", .wholeNumber, .no,
              "Its position in the navigation, lowest first. Pages without `order` come after the others. Ties, and pages without `order`, are sorted by title, then slug."),
        .init("aliases", .list(.sitePath, unique: true), .no,
              "Earlier addresses of the page, from the site's top (`companies/alpha-farms.html`, `old/about/`): each keeps a page that sends readers to this one, and a line in `_redirects`. See [Aliases](#aliases)."),
    ]

    /// The fields of the table under "Metrics" in docs/content-format.md: an item of `metrics` in `programme.yml`.
    static let metric: [SchemaField] = [
        .init("key", .slug, .yes,
              "How companies write it in their reports: a slug, unique, and not `period`, `estimated` or `source`."),
        .init("name", .text, .yes,
              "Its name on the site and in the reports; a translation of `programme.yml` may translate it."),
        .init("kind", .choice(["count", "number", "money", "percent"]), .yes,
              "`count`: whole numbers from zero; `number`: any number; `money`: an amount in any currency with a rate, totals in the reporting currency; `percent`: a percentage, never added up."),
        .init("iris", .text, .no,
              "The IRIS+ metric it follows: two capital letters and four digits, such as `PI4874` (total jobs)."),
        .init("description", .text, .no,
              "What it counts, in a sentence."),
        .init("total", .choice(["sum", "none"]), .no,
              "Whether the companies' values of a period are added up: `sum`, the default for count, number and money, or `none`, the only one for percent."),
    ]

    /// An item of `metrics` in a translation of `programme.yml`.
    static let metricText: [SchemaField] = [
        .init("key", .slug, .yes, "The metric's key in `programme.yml`."),
        .init("name", .text, .yes, "Its name in the translation's language."),
        .init("description", .text, .no, "What it counts, in that language."),
    ]

    /// The fields of an amount written as a map (`{amount: 250000, currency: EUR}`), one of the forms
    /// of `money`.
    static let moneyMap: [SchemaField] = [
        .init("amount", .text, .yes, "The number, or an amount written as text."),
        .init("currency", .currency, .no, "The ISO 4217 code, when the amount does not name its currency."),
    ]

    /// The fields of a company's metric report besides the programme's metrics.
    static let metricReport: [SchemaField] = [
        .init("period", .text, .yes,
              "The period reported for: `2024`, `2024-Q3` or `2024-06`, as `metrics_period` says."),
        .init("estimated", .boolean, .no,
              "`true` when the figures are estimates."),
        .init("source", .text, .no,
              "Where the figures come from."),
    ]

    /// An item of `focus_areas`.
    static let focusArea: [SchemaField] = [
        .init("slug", .slug, .yes, "How companies name the focus area (`focus_area`); unique in the list."),
        .init("name", .text, .yes, "Its name on the site."),
    ]

    /// `exchange_rates`.
    static let exchangeRates: [SchemaField] = [
        .init("as_of", .date, .yes, "The day the rates were taken."),
        .init("rates", .rates, .yes, "Currency codes with the worth of one unit in the reporting currency: `EUR: 1.37`."),
    ]

    /// An item of an organisation's `people`.
    static let person: [SchemaField] = [
        .init("name", .text, .yes, "The person's name."),
        .init("role", .text, .no, "Their role."),
    ]

    /// A co-investor of a round, in its map form.
    static let coInvestor: [SchemaField] = [
        .init("organization", .slug, .yes, "The organisation: a file in `organizations/`."),
        .init("amount", .money, .no, "What it invested in the round."),
    ]
}
