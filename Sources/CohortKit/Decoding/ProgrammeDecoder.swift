import Foundation
/// Decodes `programme.yml` into a `Programme`.
enum ProgrammeDecoder {
    /// What decoding `programme.yml` gives: the programme, the currency that bare amounts in entity
    /// files take, the metrics companies report (as far as they decoded), and the problems.
    typealias Decoded = (programme: Programme?, currency: Currency?, metrics: MetricCatalogue?, diagnostics: [Diagnostic])

    /// Decodes the programme; the currency comes back even when other fields fail, so that bare amounts
    /// in other files are not reported as errors too.
    static func decode(_ file: SourceFile) -> Decoded {
        // The currency is read first so that bare numbers elsewhere in the file can take it.
        let probe = NodeReader(file: file, firstLine: 1, defaultCurrency: nil)
        guard let root = probe.compose(file.text) else { return (nil, nil, nil, probe.diagnostics) }
        let currencyNode = root.mapping?["currency"]
        let currency = currencyNode.flatMap { node in node.scalar.flatMap { Currency($0.string) } }
        let reader = NodeReader(file: file, firstLine: 1, defaultCurrency: currency)
        guard let fields = reader.fields(root, declared: ContentSchema.programme) else { return (nil, currency, nil, reader.diagnostics) }

        let title: String? = fields.read("title")
        let tagline: String = fields.read("tagline") ?? ""
        let description: String? = fields.read("description")
        let baseURL = fields.value("base_url") { readBaseURL($0, reader) }
        let languages = readLanguages(fields, reader)
        let reportingCurrency: Currency? = fields.read("currency")
        let pool: Money? = fields.read("pool")
        let target: Int? = fields.read("target_companies")
        let ticket: Money? = fields.read("standard_ticket")
        let announced: Day? = fields.read("announced")
        let reportingDate: Day? = fields.read("reporting_date")
        let managers: [Located<Slug>] = fields.read("managers") ?? []
        let partners: [Located<Slug>] = fields.read("partners") ?? []
        let focusAreas = fields.value("focus_areas") { focusAreaList($0, reader) } ?? []
        let rates = fields.value("exchange_rates") { exchangeRates($0, reader) }
        let allowRawHTML: Bool = fields.read("allow_raw_html") ?? false
        let pageSize: Int = fields.read("page_size") ?? Programme.defaultPageSize
        let search: Bool = fields.read("search") ?? true
        let logo: Located<String>? = fields.read("logo")
        let metricsPeriod: Period.Kind = fields.read("metrics_period") ?? .year
        let metrics = fields.value("metrics") { MetricDecoder(reader: reader).declarations($0) } ?? []

        if let reportingCurrency {
            for (key, money) in [("pool", pool), ("standard_ticket", ticket)] {
                guard let money, money.currency != reportingCurrency else { continue }
                if let rate = rates?.rates[money.currency] {
                    if rate.convert(money, to: reportingCurrency) == nil {
                        reader.error(at: fields.location(of: key), "amount is too large once converted into \(reportingCurrency.code)")
                    }
                    continue
                }
                reader.error(at: fields.location(of: key), "no exchange rate for \(money.currency.code) into \(reportingCurrency.code)",
                             hint: "add it under exchange_rates.rates, for example '\(money.currency.code): 0.15'")
            }
        }
        guard let title, let baseURL, let reportingCurrency, let pool, let target, let ticket, let announced, let languages,
              !reader.diagnostics.hasErrors else {
            return (nil, reportingCurrency ?? currency, MetricCatalogue(metrics: metrics, period: metricsPeriod), reader.diagnostics)
        }
        var programme = Programme(
            title: title, tagline: tagline, description: description, baseURL: baseURL, languages: languages,
            currency: reportingCurrency, pool: pool, targetCompanies: target, standardTicket: ticket,
            announced: announced, reportingDate: reportingDate, managers: managers, partners: partners, focusAreas: focusAreas,
            exchangeRates: rates, allowRawHTML: allowRawHTML, pageSize: pageSize, search: search, logo: logo,
            source: .file(file.displayPath))
        programme.metrics = metrics
        programme.metricsPeriod = metricsPeriod
        return (programme, reportingCurrency, programme.metricCatalogue, reader.diagnostics)
    }

    /// `languages: [en, zh, he]` (the first is the default), or `language: en` for a site in one.
    private static func readLanguages(_ fields: Fields, _ reader: NodeReader) -> [Language]? {
        func language(_ node: YAMLNode) -> Language? {
            guard let code = reader.nonEmptyString(node) else { return nil }
            guard let language = Language(code) else {
                reader.error(node, "invalid language '\(code)'", hint: "write a BCP 47 code, such as en, zh, he or pt-BR")
                return nil
            }
            return language
        }
        if fields.node("language") != nil, fields.node("languages") != nil {
            reader.error(at: fields.location(of: "language"), "give either 'language' or 'languages', not both",
                         hint: "list every language under 'languages', the default first")
            return nil
        }
        if let node = fields.value("languages") {
            guard let items = reader.list(node) else { return nil }
            var languages: [Language] = []
            for item in items {
                guard let next = language(item) else { continue }
                if languages.contains(next) {
                    reader.error(item, "language '\(next)' is listed twice")
                    continue
                }
                languages.append(next)
            }
            if items.isEmpty { reader.error(node, "'languages' lists no language", hint: "list at least the default, such as [en]") }
            return languages.isEmpty ? nil : languages
        }
        guard let node = fields.node("language") else { return [Language("en")].compactMap { $0 } }
        return language(node).map { [$0] }
    }

    private static func readBaseURL(_ node: YAMLNode, _ reader: NodeReader) -> String? {
        guard let text = reader.nonEmptyString(node) else { return nil }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil, !text.contains(" ") else {
            reader.error(node, "base_url must be an absolute http(s) address with a host and no query or fragment, found '\(text)'",
                         hint: "for example 'https://example.org/harbin-israel/'")
            return nil
        }
        return text.hasSuffix("/") ? text : text + "/"
    }

    private static func focusAreaList(_ node: YAMLNode, _ reader: NodeReader) -> [FocusArea]? {
        var seen: Set<Slug> = []
        return reader.list(node) { item -> FocusArea? in
            guard let fields = reader.fields(item, declared: ContentSchema.focusArea),
                  let slug: Located<Slug> = fields.read("slug"),
                  let name: String = fields.read("name") else { return nil }
            guard seen.insert(slug.value).inserted else {
                reader.error(at: slug.location, "duplicate focus area '\(slug.value)'")
                return nil
            }
            return FocusArea(slug: slug.value, name: name)
        }
    }

    private static func exchangeRates(_ node: YAMLNode, _ reader: NodeReader) -> ExchangeRates? {
        guard let fields = reader.fields(node, declared: ContentSchema.exchangeRates) else { return nil }
        let asOf: Day? = fields.read("as_of")
        let rates = fields.value("rates") { ratesNode -> [Currency: Rate]? in
            guard case .mapping(let mapping) = ratesNode else {
                reader.error(ratesNode, "expected rates as 'CODE: RATE' pairs, found \(ratesNode.kindDescription)")
                return nil
            }
            var rates: [Currency: Rate] = [:]
            for (key, value) in mapping {
                guard let currency = reader.currency(key), let rate = reader.decimal(value) else { continue }
                rates[currency] = rate
            }
            return rates
        }
        guard let asOf, let rates else { return nil }
        return ExchangeRates(asOf: asOf, rates: rates)
    }
}
