/// What the programme's money did, as of a day, in the terms of ILPA's performance reporting: paid in
/// (disbursed), realised (distributions and exit proceeds), unrealised (the value of what is still
/// held), their ratios to what was paid in (DPI, RVPI, TVPI) and the IRR of the dated cash flows.
public struct Returns: Sendable, Hashable {
    /// The day the figures are as of; nil when the content names no day at all.
    public var date: Day?
    /// The money paid into companies.
    public var disbursed: Money
    /// Distributions and exit proceeds received.
    public var realised: Money
    /// For each company paid into and not exited: its latest mark, else its cost.
    public var unrealised: Money
    /// How many of those companies have no mark and are held at cost.
    public var heldAtCost: Int
    /// Realised ÷ disbursed; nil when nothing is disbursed.
    public var dpi: Ratio?
    /// Unrealised ÷ disbursed.
    public var rvpi: Ratio?
    /// (Realised + unrealised) ÷ disbursed: the multiple.
    public var tvpi: Ratio?
    /// The IRR of the dated cash flows, the unrealised value as a flow on `date`.
    public var irr: AnnualRate?
}

/// One company's money in the reporting currency over its life, from which its returns and the
/// programme's are taken as of any day: the one place those figures are computed.
struct MoneyHistory: Sendable {
    /// A payment into the company; the day is nil for money paid on a day the content does not say.
    struct Payment: Sendable {
        var day: Day?
        var amount: Int
        var written: Money
    }

    /// Money received: a distribution or the exit's proceeds.
    struct Receipt: Sendable {
        var day: Day
        var kind: CashFlow.Kind
        var amount: Int
        var written: Money
    }

    var slug: Slug
    var name: String
    var currency: Currency
    /// By day, undated ones first.
    var payments: [Payment]
    /// By day.
    var receipts: [Receipt]
    /// The day of the exit, once there is one.
    var exit: Day?
    /// The marks, oldest first: their days and values.
    var marks: [(day: Day, amount: Int)]

    /// Whether every payment has a day, so that the company's flows can be dated: an IRR needs them.
    var isDated: Bool { payments.allSatisfy { $0.day != nil } }

    /// Whether something dated `day` counts as of `date` (nil: as of the end).
    private static func counts(_ day: Day?, by date: Day?) -> Bool {
        guard let day, let date else { return true }
        return day <= date
    }

    /// What was paid in by `date`.
    func paid(by date: Day?) -> Int {
        payments.filter { Self.counts($0.day, by: date) }.reduce(0) { $0.saturatingAdding($1.amount) }
    }

    /// What came back by `date`.
    func received(by date: Day?) -> Int {
        receipts.filter { Self.counts($0.day, by: date) }.reduce(0) { $0.saturatingAdding($1.amount) }
    }

    /// The value of the stake still held on `date`: nil when nothing is paid in by then or the
    /// company has been left; its latest mark by then, else its cost (`atCost`).
    func held(on date: Day?) -> (amount: Int, atCost: Bool)? {
        let paid = paid(by: date)
        guard payments.contains(where: { Self.counts($0.day, by: date) }) else { return nil }
        if let exit, Self.counts(exit, by: date) { return nil }
        if let mark = marks.last(where: { Self.counts($0.day, by: date) }) { return (mark.amount, false) }
        return (paid, true)
    }

    /// The company's flows by `date`, each dated, paid in negative, with its value on `date` last.
    func flows(by date: Day?) -> [CashFlow] {
        var flows: [CashFlow] = []
        for payment in payments where Self.counts(payment.day, by: date) {
            guard let day = payment.day else { continue }
            flows.append(CashFlow(date: day, company: slug.rawValue, companyName: name, kind: .disbursement, amount: payment.written,
                                  reporting: Money(minorUnits: -payment.amount, currency: currency)))
        }
        for receipt in receipts where Self.counts(receipt.day, by: date) {
            flows.append(CashFlow(date: receipt.day, company: slug.rawValue, companyName: name, kind: receipt.kind, amount: receipt.written,
                                  reporting: Money(minorUnits: receipt.amount, currency: currency)))
        }
        if let date, let held = held(on: date) {
            let value = Money(minorUnits: held.amount, currency: currency)
            flows.append(CashFlow(date: date, company: slug.rawValue, companyName: name, kind: .value, amount: value, reporting: value))
        }
        return flows.sorted { $0.date < $1.date }
    }

    /// The company's own returns as of `date`.
    func returns(on date: Day?) -> CompanyReturns? {
        let paid = paid(by: date)
        guard payments.contains(where: { Self.counts($0.day, by: date) }) else { return nil }
        let received = received(by: date), held = held(on: date)
        let firstDay = payments.compactMap(\.day).first
        let lastDay = exit.flatMap { Self.counts($0, by: date) ? $0 : nil } ?? date
        return CompanyReturns(
            disbursed: Money(minorUnits: paid, currency: currency), realised: Money(minorUnits: received, currency: currency),
            unrealised: Money(minorUnits: held?.amount ?? 0, currency: currency),
            multiple: Ratio(received.saturatingAdding(held?.amount ?? 0), over: paid),
            irr: isDated ? IRR.of(flows(by: date).map { ($0.date, $0.reporting.minorUnits) }) : nil,
            heldAtCost: held?.atCost ?? false,
            holdingDays: firstDay.flatMap { first in lastDay.map { $0.number - first.number } })
    }
}

extension MoneyHistory {
    /// The money of `company` over its life, in the reporting currency.
    init(_ company: Company, converter: CurrencyConverter) {
        let reporting = { (money: Money) in converter.toReporting(money)?.minorUnits ?? 0 }
        var receipts = company.distributions.map { distribution in
            Receipt(day: distribution.date, kind: CashFlow.Kind(distribution.kind), amount: reporting(distribution.amount.value),
                    written: distribution.amount.value)
        }
        if let exit = company.exit, let proceeds = exit.proceeds?.value {
            receipts.append(Receipt(day: exit.date.value, kind: .exit, amount: reporting(proceeds), written: proceeds))
        }
        let payments = company.rounds.filter(\.isDisbursed).enumerated().sorted { lhs, rhs in
            // Undated payments first, then by day, then as written.
            switch (lhs.element.disbursedOn, rhs.element.disbursedOn) {
            case let (left?, right?) where left != right: left < right
            case (nil, _?): true
            case (_?, nil): false
            default: lhs.offset < rhs.offset
            }
        }.map { Payment(day: $0.element.disbursedOn, amount: reporting($0.element.amount.value), written: $0.element.amount.value) }
        self.init(slug: company.slug, name: company.name, currency: converter.currency, payments: payments,
                  receipts: receipts.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element),
                  exit: company.exit?.date.value, marks: company.valuations.map { ($0.asOf, reporting($0.amount.value)) })
    }
}

/// One company's returns as of the reporting date.
public struct CompanyReturns: Sendable, Hashable {
    /// What was paid into it.
    public var disbursed: Money
    /// What came back from it.
    public var realised: Money
    /// What its stake is worth while held: its latest mark, else its cost; zero once left.
    public var unrealised: Money
    /// (Realised + unrealised) ÷ disbursed.
    public var multiple: Ratio?
    /// The IRR of its flows; nil when a payment has no day or the rate is not defined.
    public var irr: AnnualRate?
    /// Whether it is held and has no mark.
    public var heldAtCost: Bool
    /// Days from its first payment to its exit, or to the reporting date while held.
    public var holdingDays: Int?
}

/// One dated flow of money between the programme and a company, as `cash-flows.csv` lists it and
/// the IRR reads it.
public struct CashFlow: Sendable, Hashable {
    /// What the flow is.
    public enum Kind: String, Sendable, CaseIterable {
        /// Money paid into the company: negative.
        case disbursement
        /// Distributions: positive.
        case dividend, interest, repayment, partialSale = "partial-sale"
        /// The exit's proceeds: positive.
        case exit
        /// The value of the stake still held on the reporting date, as if received then: positive.
        case value
    }

    /// The day of the flow.
    public var date: Day
    /// The company's slug.
    public var company: String
    /// The company's name.
    public var companyName: String
    /// What the flow is.
    public var kind: Kind
    /// The amount as written (the value in the reporting currency), never negative.
    public var amount: Money
    /// The flow in the reporting currency: negative when paid in.
    public var reporting: Money
}

extension CashFlow.Kind {
    /// The flow of a distribution of `kind`.
    init(_ kind: Distribution.Kind) {
        switch kind {
        case .dividend: self = .dividend
        case .interest: self = .interest
        case .repayment: self = .repayment
        case .partialSale: self = .partialSale
        }
    }
}

/// The programme's returns as of any day, from its companies' histories.
struct Ledger: Sendable {
    let histories: [MoneyHistory]
    let currency: Currency

    /// The programme's returns as of `date` (nil: everything, the content naming no day).
    func returns(on date: Day?) -> Returns {
        var disbursed = 0, realised = 0, unrealised = 0, heldAtCost = 0
        var flows: [(day: Day, amount: Int)] = []
        for history in histories {
            disbursed = disbursed.saturatingAdding(history.paid(by: date))
            realised = realised.saturatingAdding(history.received(by: date))
            if let held = history.held(on: date) {
                unrealised = unrealised.saturatingAdding(held.amount)
                if held.atCost { heldAtCost += 1 }
            }
            if history.isDated { flows += history.flows(by: date).map { ($0.date, $0.reporting.minorUnits) } }
        }
        return Returns(
            date: date, disbursed: Money(minorUnits: disbursed, currency: currency), realised: Money(minorUnits: realised, currency: currency),
            unrealised: Money(minorUnits: unrealised, currency: currency), heldAtCost: heldAtCost,
            dpi: Ratio(realised, over: disbursed), rvpi: Ratio(unrealised, over: disbursed),
            tvpi: Ratio(realised.saturatingAdding(unrealised), over: disbursed),
            irr: date == nil ? nil : IRR.of(flows))
    }

    /// Every dated flow as of `date`, by date, then company, as the reports list them.
    func flows(on date: Day?) -> [CashFlow] {
        histories.filter(\.isDated).flatMap { $0.flows(by: date) }.enumerated()
            .sorted { ($0.element.date, $0.element.company, $0.offset) < ($1.element.date, $1.element.company, $1.offset) }
            .map(\.element)
    }

    /// The companies whose flows cannot be dated (a payment without a day), left out of the IRR.
    var undated: [Figures.NamedCompany] { histories.filter { !$0.isDated }.map { Figures.NamedCompany(slug: $0.slug, name: $0.name) } }

    /// The returns at each quarter's end from the quarter of the first dated payment to `date`, and on
    /// `date` itself when it is not a quarter's end.
    func performance(to date: Day?) -> [Returns] {
        guard let date, let first = histories.flatMap({ $0.payments.compactMap(\.day) }).min(), first <= date else { return [] }
        var days: [Day] = []
        var end: Day? = first.quarterEnd
        while let day = end, day < date {
            days.append(day)
            end = day.nextQuarterEnd
        }
        days.append(date)
        return days.parallelMap { returns(on: $0) }
    }
}
