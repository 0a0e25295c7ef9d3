/// The validation rules that span files: references, focus areas, money, and the programme's warnings.
struct Rules {
    let programme: Programme
    let entities: [Slug: EntityReference]
    /// Slugs whose files failed to decode: already reported, so not reported as missing.
    let undecoded: Set<Slug>

    /// Managers and partners must be organisations.
    func checkProgramme() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for slug in programme.managers + programme.partners {
            switch entities[slug.value] {
            case .organization: continue
            case .company, .agreement:
                diagnostics.append(.error(at: slug.location, "'\(slug.value)' is not an organisation",
                                          hint: "managers and partners name files in organizations/"))
            case nil:
                if !undecoded.contains(slug.value) { diagnostics.append(missing(slug, what: "organisation")) }
            }
        }
        return diagnostics
    }

    /// An agreement's parties must be organisations or companies, each named once.
    func checkParties(of agreement: Agreement) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: Set<Slug> = []
        for party in agreement.parties {
            guard seen.insert(party.value).inserted else {
                diagnostics.append(.error(at: party.location, "'\(party.value)' is named twice among the parties"))
                continue
            }
            switch entities[party.value] {
            case .organization, .company: continue
            case .agreement:
                diagnostics.append(.error(at: party.location, "'\(party.value)' is an agreement, not a party",
                                          hint: "parties are organisations and companies"))
            case nil:
                if !undecoded.contains(party.value) { diagnostics.append(missing(party, what: "organisation or company")) }
            }
        }
        return diagnostics
    }

    /// Every slug must name an entity.
    func checkReferences(_ slugs: [Located<Slug>]) -> [Diagnostic] {
        slugs.filter { entities[$0.value] == nil && !undecoded.contains($0.value) }.map { missing($0, what: "organisation, company or agreement") }
    }

    /// A company's focus area must be one of the programme's.
    func checkCompanies(_ companies: [Company]) -> [Diagnostic] {
        let areas = programme.focusAreas.map(\.slug.rawValue)
        return companies.compactMap { company in
            guard let area = company.focusArea, !programme.focusAreas.contains(where: { $0.slug == area.value }) else { return nil }
            return .error(at: area.location, "unknown focus area '\(area.value)'",
                          hint: Suggestion.hint(for: area.value.rawValue, among: areas)
                            ?? (areas.isEmpty ? "programme.yml declares no focus_areas" : "focus areas: \(areas.joined(separator: ", "))"))
        }
    }

    /// A company's rounds and exit name what exists: a round's agreement is one the company is a
    /// party to; co-investors and acquirers are organisations.
    func checkInvestments(of company: Company, agreements: [Agreement]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for round in company.rounds {
            if let slug = round.agreement {
                switch entities[slug.value] {
                // An agreement with a party that names nothing has that error already, which may be the cause.
                case .agreement(let index) where !agreements[index].parties.contains(where: { $0.value == company.slug })
                    && agreements[index].parties.allSatisfy({ entities[$0.value] != nil }):
                    diagnostics.append(.error(at: slug.location, "agreement '\(slug.value)' does not name '\(company.slug)' among its parties",
                                              hint: "a round is made under an agreement the company signed; add the company to its parties"))
                case .agreement: break
                case .organization, .company:
                    diagnostics.append(.error(at: slug.location, "'\(slug.value)' is not an agreement",
                                              hint: "'agreement' names a file in agreements/"))
                case nil:
                    if !undecoded.contains(slug.value) { diagnostics.append(missing(slug, what: "agreement", among: .agreement)) }
                }
            }
            diagnostics += round.coInvestors.compactMap { checkOrganization($0.organization, role: "a co-investor") }
        }
        if let acquirer = company.exit?.acquirer, let problem = checkOrganization(acquirer, role: "an acquirer") {
            diagnostics.append(problem)
        }
        return diagnostics
    }

    private func checkOrganization(_ slug: Located<Slug>, role: String) -> Diagnostic? {
        switch entities[slug.value] {
        case .organization: nil
        case .company, .agreement:
            .error(at: slug.location, "'\(slug.value)' is not an organisation", hint: "\(role) names a file in organizations/")
        case nil:
            undecoded.contains(slug.value) ? nil : missing(slug, what: "organisation", among: .organization)
        }
    }

    /// Every amount that a figure adds up must convert into the reporting currency.
    func checkMoney(companies: [Company], agreements: [Agreement]) -> [Diagnostic] {
        let converter = programme.converter
        var diagnostics: [Diagnostic] = []
        func check(_ money: Money, at location: SourceLocation) {
            if converter.toReporting(money) == nil { diagnostics.append(noRate(for: money, at: location)) }
        }
        func check(_ amount: Located<Money>?) {
            if let amount { check(amount.value, at: amount.location) }
        }
        for company in companies {
            for round in company.rounds {
                check(round.amount)
                round.coInvestors.forEach { check($0.amount) }
            }
            check(company.exit?.proceeds)
            company.valuations.forEach { check($0.amount) }
            company.distributions.forEach { check($0.amount) }
            for report in company.metrics {
                for entry in report.values {
                    if case .money(let money) = entry.value { check(money, at: entry.location) }
                }
            }
        }
        agreements.forEach { check($0.amount) }
        return diagnostics
    }

    /// The warnings about a linked portfolio: they do not fail a build unless `--strict`.
    static func warnings(for portfolio: Portfolio) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let programme = portfolio.programme
        for company in portfolio.companies where [.signed, .funded].contains(company.status) {
            let signed = portfolio.agreements(of: company.slug).contains { $0.status == .signed }
            if !signed {
                diagnostics.append(.warning(
                    at: company.source, "company '\(company.slug)' is \(company.status.rawValue) but no signed agreement names it",
                    hint: "add it to the parties of its agreement, or change its status"))
            }
        }
        // The reports' own figures: what is committed, and how many companies count against the target.
        let (committed, counted) = Figures.commitment(of: portfolio)
        let pool = portfolio.converter.toReportingOrAsWritten(programme.pool)
        if committed.amount.minorUnits > pool.minorUnits {
            diagnostics.append(.warning(
                at: programme.source, "committed investments add up to \(committed.amount.formatted), more than the pool of \(pool.formatted)"))
        }
        if counted > programme.targetCompanies {
            diagnostics.append(.warning(
                at: programme.source, "\(counted) companies are selected or further, more than target_companies (\(programme.targetCompanies))"))
        }
        return diagnostics
    }

    /// The kinds of entity a reference may name, for suggesting the nearest slug of the right kind.
    private enum Kind { case any, organization, agreement }

    private func missing(_ slug: Located<Slug>, what: String, among kind: Kind = .any) -> Diagnostic {
        let candidates = entities.filter { _, reference in
            switch (kind, reference) {
            case (.any, _), (.organization, .organization), (.agreement, .agreement): true
            default: false
            }
        }
        return .error(at: slug.location, "no \(what) with slug '\(slug.value)'",
                      hint: Suggestion.hint(for: slug.value.rawValue, among: candidates.keys.map(\.rawValue)))
    }

    private func noRate(for money: Money, at location: SourceLocation) -> Diagnostic {
        if programme.exchangeRates?.rates[money.currency] != nil {
            return .error(at: location, "amount is too large once converted into \(programme.currency.code)")
        }
        return .error(at: location, "no exchange rate for \(money.currency.code) into \(programme.currency.code)",
                      hint: "add it under exchange_rates.rates in programme.yml, for example '\(money.currency.code): 0.15'")
    }
}

extension Programme {
    var converter: CurrencyConverter { CurrencyConverter(programme: self) }
}
