extension Portfolio {
    /// The latest day the content names (a round, a disbursement, a distribution, an exit, a mark, an
    /// agreement's signing or a news item), the reporting date when the programme names none.
    var latestDate: Day? {
        var latest: Day?
        let consider = { (day: Day?) in
            guard let day else { return }
            if latest.map({ day > $0 }) ?? true { latest = day }
        }
        for company in companies {
            for round in company.rounds {
                consider(round.date)
                consider(round.disbursedOn)
            }
            company.distributions.forEach { consider($0.date) }
            company.valuations.forEach { consider($0.asOf) }
            consider(company.exit?.date.value)
        }
        agreements.forEach { consider($0.signed) }
        news.forEach { consider($0.date) }
        return latest
    }

    /// The portfolio as it was known on `day`, which becomes its reporting date: a round agreed later
    /// is not there, a disbursement made later is pending, an exit made later has not happened (the
    /// company is held), and later marks and distributions are not there, nor metric reports of periods
    /// that begin later. A company's status follows:
    /// exited before its exit, funded only once a round is paid, signed only once a round is agreed or
    /// an agreement it is a party to is signed. Rounds and disbursements without a day stay, as nothing
    /// dates them later. Agreements, news and pages stay as they are, so that every page and link of
    /// the site stays too; the figures count only agreements signed by `day`.
    public func asOf(_ day: Day) -> Portfolio {
        var portfolio = self
        portfolio.programme.reportingDate = day
        portfolio.reportingDate = day
        let signedBy = { (slug: Slug) in
            self.agreements(of: slug).contains { agreement in agreement.status == .signed && agreement.signed.map { $0 <= day } ?? false }
        }
        portfolio.companies = companies.map { company in
            var company = company
            company.rounds = company.rounds.compactMap { round in
                guard round.date.map({ $0 <= day }) ?? true else { return nil }
                var round = round
                if let paid = round.disbursedOn, paid > day { round.disbursement = .pending }
                return round
            }
            if let exit = company.exit, exit.date.value > day { company.exit = nil }
            company.valuations = company.valuations.filter { $0.asOf <= day }
            company.distributions = company.distributions.filter { $0.date <= day }
            // A period's report counts once the period has begun: a year's report is as of any day in it.
            company.metrics = company.metrics.filter { $0.period.firstDay <= day }
            if company.status == .exited, company.exit == nil { company.status = .funded }
            if company.status == .funded, !company.rounds.contains(where: \.isDisbursed) { company.status = .signed }
            if company.status == .signed, company.rounds.isEmpty, !signedBy(company.slug) { company.status = .selected }
            return company
        }
        (portfolio.coInvestmentsBy, portfolio.acquisitionsBy) = Portfolio.investors(of: portfolio.companies)
        return portfolio
    }

    /// For each organisation, the companies (by slug, sorted) in whose rounds it co-invested, and those
    /// it acquired.
    static func investors(of companies: [Company]) -> (coInvestments: [Slug: [Slug]], acquisitions: [Slug: [Slug]]) {
        var coInvestments: [Slug: [Slug]] = [:], acquisitions: [Slug: [Slug]] = [:]
        for company in companies {
            for investor in Set(company.rounds.flatMap { $0.coInvestors.map(\.organization.value) }).sorted() {
                coInvestments[investor, default: []].append(company.slug)
            }
            if let acquirer = company.exit?.acquirer?.value { acquisitions[acquirer, default: []].append(company.slug) }
        }
        return (coInvestments, acquisitions)
    }
}
