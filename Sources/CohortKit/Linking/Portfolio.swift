/// The whole programme, decoded, linked and validated: what every later stage reads.
public struct Portfolio: Sendable {
    /// The programme and the site-wide settings.
    public var programme: Programme
    /// Sorted by slug.
    public var organizations: [Organization]
    /// Sorted by slug.
    public var companies: [Company]
    /// Sorted by signing date, then slug; unsigned ones last.
    public var agreements: [Agreement]
    /// Newest first, then by slug.
    public var news: [NewsItem]
    /// By `order`, then title.
    public var pages: [Page]
    /// Files under `static/`, copied as they are.
    public var staticFiles: [OutputFile]

    /// The entity each organisation, company or agreement slug names.
    public var entities: [Slug: EntityReference]
    /// For each organisation or company, the agreements it is party to, in `agreements` order.
    public var agreementsByParty: [Slug: [Slug]]
    /// For each organisation, the companies (by slug, sorted) in whose rounds it co-invested.
    public var coInvestmentsBy: [Slug: [Slug]]
    /// For each organisation, the companies (by slug, sorted) it acquired.
    public var acquisitionsBy: [Slug: [Slug]]
    /// For each entity, the indexes in `news` of the items about it, newest first.
    public var newsByEntity: [Slug: [Int]]
    /// The translations, by the file they translate and their language.
    public var translations: [Translation.Original: [Language: Translation]]
    /// The logos of the organisations and companies that have one, by slug.
    public var logos: [Slug: Logo]
    /// The programme's logo.
    public var programmeLogo: Logo?
    /// The day the figures are as of: `reporting_date` (or `--as-of`) when given, else the latest day
    /// the content names (`latestDate`); nil when it names none. Never the clock, so builds stay the
    /// same. Set once when the portfolio is linked.
    public internal(set) var reportingDate: Day?
    /// The pictures of shared links made from SVG logos (`SocialCards`), by the slug whose logo each
    /// shows, the programme's under nil; empty until a build makes them.
    public var cards: [Slug?: String] = [:]

    /// The translation of `original` into `language`, if there is one.
    public func translation(of original: Translation.Original, in language: Language) -> Translation? {
        translations[original]?[language]
    }

    /// A text field of a content file in `language`: the translation's when it has the field, else the
    /// file's own `value`, with the language it is in.
    public func text(_ original: Translation.Original, _ field: TranslatedText, _ value: String, in language: Language) -> (text: String, language: Language) {
        if language != programme.language, let translated = translation(of: original, in: language)?.texts[field.rawValue] {
            return (translated, language)
        }
        return (value, programme.language)
    }

    /// The body a page in `language` shows instead of the file's own, with where it is written: the
    /// translation's, when it has one that is not blank.
    public func translatedBody(of original: Translation.Original, in language: Language) -> (body: Body, source: SourceLocation)? {
        guard language != programme.language, let translation = translation(of: original, in: language),
              let body = translation.body, !body.markdown.isBlank else { return nil }
        return (body, translation.source)
    }

    /// The name of the focus area `slug` (`name` in `programme.yml`) in `language`: the programme
    /// translation's, else as `programme.yml` writes it.
    public func focusAreaName(_ slug: Slug, named name: String, in language: Language) -> (text: String, language: Language) {
        if language != programme.language, let translated = translation(of: .programme, in: language)?.focusAreaNames[slug] {
            return (translated, language)
        }
        return (name, programme.language)
    }

    /// The name of `metric` in `language`: the programme translation's, else as `programme.yml`
    /// writes it.
    public func metricName(_ metric: Metric, in language: Language) -> (text: String, language: Language) {
        if language != programme.language, let translated = translation(of: .programme, in: language)?.metricTexts[metric.key] {
            return (translated.name, language)
        }
        return (metric.name, programme.language)
    }

    /// Converts amounts into the reporting currency.
    public var converter: CurrencyConverter { programme.converter }

    /// The organisation with `slug`.
    public func organization(_ slug: Slug) -> Organization? {
        guard case .organization(let index) = entities[slug] else { return nil }
        return organizations[index]
    }

    /// The company with `slug`.
    public func company(_ slug: Slug) -> Company? {
        guard case .company(let index) = entities[slug] else { return nil }
        return companies[index]
    }

    /// The agreements an organisation or company is party to, by signing date.
    public func agreements(of party: Slug) -> [Agreement] {
        (agreementsByParty[party] ?? []).compactMap(agreement)
    }

    /// The agreement with `slug`.
    public func agreement(_ slug: Slug) -> Agreement? {
        guard case .agreement(let index) = entities[slug] else { return nil }
        return agreements[index]
    }
}

/// Where a slug points: a kind of entity and its index in the portfolio's sorted list.
public enum EntityReference: Sendable, Hashable {
    /// Index into the portfolio's `organizations`.
    case organization(Int)
    /// Index into the portfolio's `companies`.
    case company(Int)
    /// Index into the portfolio's `agreements`.
    case agreement(Int)
}

/// Converts money into the programme's reporting currency at its declared rates.
public struct CurrencyConverter: Sendable {
    let programme: Programme

    /// The reporting currency.
    public var currency: Currency { programme.currency }

    /// `money` in the reporting currency, or nil when no rate is declared for its currency.
    public func toReporting(_ money: Money) -> Money? {
        if money.currency == programme.currency { return money }
        guard let rate = programme.exchangeRates?.rates[money.currency] else { return nil }
        return rate.convert(money, to: programme.currency)
    }

    /// `money` in the reporting currency, or as written when no rate is declared for its currency (which
    /// the decoders refuse for the programme's pool and ticket): what the reports and the site show.
    public func toReportingOrAsWritten(_ money: Money) -> Money { toReporting(money) ?? money }

    /// Whether `money` had to be converted.
    public func needsConversion(_ money: Money) -> Bool { money.currency != programme.currency }
}
