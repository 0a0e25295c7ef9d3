/// Decodes a company's money over its life (`investment` or `investments`, `exit`, `valuations` or
/// `valuation`, and `distributions`) and checks the rules among them and the company's status that
/// need no other file.
struct InvestmentDecoder {
    /// What a company file says of its money.
    struct Decoded {
        /// By date, then in the order written.
        var rounds: [Round] = []
        /// How the programme left the company.
        var exit: Exit?
        /// The marks of its stake, oldest first.
        var valuations: [Valuation] = []
        /// The money received before or without an exit, by date.
        var distributions: [Distribution] = []
    }

    let reader: NodeReader

    /// Reads the money fields of a company's `fields`, whose status is `status` (nil when it did not decode).
    func decode(_ fields: Fields, status: Company.Status?) -> Decoded {
        var decoded = Decoded()
        let single = fields.node("investment")
        if single != nil, fields.node("investments") != nil {
            reader.error(at: fields.keyLocation(of: "investments"), "a company has either 'investment' or 'investments', not both",
                         hint: "move the single investment into the list of rounds as its 'initial' round")
        } else if let node = fields.value("investments") {
            decoded.rounds = rounds(node)
        } else if let node = single, let round = singleInvestment(node, status: status) {
            decoded.rounds = [round]
        }
        decoded.exit = fields.value("exit", exit)
        if let status { checkStatus(status, decoded, fields) }
        let firstRound = decoded.rounds.compactMap(\.date).min()
        if let exit = decoded.exit, let firstRound, exit.date.value < firstRound {
            reader.error(at: exit.date.location, "the exit on \(exit.date.value) is before the company's first round, on \(firstRound)",
                         hint: "an exit comes after the money went in; check the dates")
        }
        if fields.node("valuation") != nil, fields.node("valuations") != nil {
            reader.error(at: fields.keyLocation(of: "valuation"), "a company has either 'valuation' or 'valuations', not both",
                         hint: "move this mark into the list 'valuations', in the order of its date")
        } else if let node = fields.value("valuations") {
            decoded.valuations = marks(reader.list(node) ?? [], firstRound: firstRound, exit: decoded.exit)
        } else if let node = fields.value("valuation") {
            decoded.valuations = marks([node], firstRound: firstRound, exit: decoded.exit)
        }
        if let node = fields.value("distributions") {
            decoded.distributions = distributions(node, rounds: decoded.rounds, exit: decoded.exit)
        }
        return decoded
    }

    /// The rules between the status and the money: an exit needs status `exited` and the other way
    /// round, a funded company has a disbursed round.
    private func checkStatus(_ status: Company.Status, _ decoded: Decoded, _ fields: Fields) {
        let statusLocation = fields.location(of: "status")
        if fields.node("exit") != nil, status != .exited {
            reader.error(at: fields.keyLocation(of: "exit"), "an exit needs status 'exited', but the company is '\(status.rawValue)'",
                         hint: "set 'status: exited', or remove 'exit'")
        }
        if status == .exited, fields.node("exit") == nil {
            let message = "an exited company needs an 'exit' with its date and kind"
            let hint = "add 'exit:' with 'date', 'kind' (acquisition, ipo, buyback or write-off) and 'proceeds' (none for a write-off)"
            if fields.node("investments") != nil {
                reader.error(at: statusLocation, message, hint: hint)
            } else {
                reader.warning(at: statusLocation, message + "; until it has one, it adds nothing to the realised value", hint: hint)
            }
        }
        if status == .funded, !decoded.rounds.contains(where: \.isDisbursed), !reader.diagnostics.hasErrors {
            reader.warning(at: statusLocation, decoded.rounds.isEmpty ? "the company is funded but has no investment"
                                                                      : "the company is funded but none of its rounds is disbursed",
                           hint: decoded.rounds.isEmpty ? "add 'investments:' with the round that was paid, or change its status"
                                                        : "add 'disbursed: YYYY-MM-DD' to the round that was paid, or change its status")
        }
    }

    // MARK: - Rounds

    /// `investment:` as it was written before rounds: one initial round, disbursed on its date when
    /// the company is funded or exited, so that older content gives the same figures.
    private func singleInvestment(_ node: YAMLNode, status: Company.Status?) -> Round? {
        let paid = status == .funded || status == .exited
        if case .mapping = node {
            guard let fields = reader.fields(node, declared: ContentSchema.investment) else { return nil }
            let amount = self.amount(fields)
            let date: Day? = fields.read("date")
            let estimated: Bool = fields.read("estimated") ?? false
            guard let amount else { return nil }
            return Round(date: date, amount: amount, kind: .initial, instrument: nil, disbursement: paid ? .paid(date) : .pending,
                         estimated: estimated, agreement: nil, coInvestors: [])
        }
        guard let money = reader.money(node) else { return nil }
        return Round(date: nil, amount: Located(money, at: reader.location(node)), kind: .initial, instrument: nil,
                     disbursement: paid ? .paid(nil) : .pending, estimated: false, agreement: nil, coInvestors: [])
    }

    /// The list of rounds, by date; the first by date must be an initial round.
    private func rounds(_ node: YAMLNode) -> [Round] {
        guard let items = reader.list(node) else { return [] }
        let read = items.compactMap(round)
        let firstInitial = read.filter { $0.round.kind == .initial }.map(\.date).min()
        let hint = "the first round by date is 'kind: initial'; check the dates and kinds"
        if let firstInitial {
            for (_, date, kindNode) in read where date < firstInitial {
                reader.error(kindNode, "this follow-on round, on \(date), comes before the company's initial round, on \(firstInitial)", hint: hint)
            }
        } else if let first = read.min(by: { $0.date < $1.date }) {
            reader.error(first.kindNode, "the company's first round must be 'initial', but its rounds are all follow-ons", hint: hint)
        }
        // A stable sort: rounds on the same day stay in the order written.
        return read.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element.round)
    }

    private func round(_ node: YAMLNode) -> (round: Round, date: Day, kindNode: YAMLNode)? {
        guard let fields = reader.fields(node, declared: ContentSchema.round) else { return nil }
        let date: Day? = fields.read("date")
        let amount = self.amount(fields)
        let kindNode = fields.value("kind")
        let kind: Round.Kind? = kindNode.flatMap { fields.read($0, as: "kind") }
        let instrument: Round.Instrument? = fields.read("instrument")
        let disbursed: Day? = fields.read("disbursed")
        let estimated: Bool = fields.read("estimated") ?? false
        let agreement: Located<Slug>? = fields.read("agreement")
        let coInvestors = fields.value("co_investors") { reader.list($0, coInvestor) } ?? []
        if let date, let disbursed, disbursed < date {
            reader.error(at: fields.location(of: "disbursed"), "the round was disbursed on \(disbursed), before it was agreed on \(date)",
                         hint: "'disbursed' is the day the money was paid, on or after the round's 'date'")
        }
        var seen: Set<Slug> = []
        for investor in coInvestors where !seen.insert(investor.organization.value).inserted {
            reader.error(at: investor.organization.location, "'\(investor.organization.value)' is named twice among the round's co-investors",
                         hint: "name each co-investor once, with what it put in altogether")
        }
        guard let date, let amount, let kind, let kindNode else { return nil }
        let round = Round(date: date, amount: amount, kind: kind, instrument: instrument,
                          disbursement: disbursed.map { .paid($0) } ?? .pending, estimated: estimated,
                          agreement: agreement, coInvestors: coInvestors)
        return (round, date, kindNode)
    }

    /// `{organization: <slug>, amount: <money>}`, or the slug alone.
    private func coInvestor(_ node: YAMLNode) -> CoInvestment? {
        if case .scalar = node { return reader.slug(node).map { CoInvestment(organization: $0, amount: nil) } }
        guard let fields = reader.fields(node, declared: ContentSchema.coInvestor) else { return nil }
        let organization: Located<Slug>? = fields.read("organization")
        let amount: Located<Money>? = fields.read("amount")
        return organization.map { CoInvestment(organization: $0, amount: amount) }
    }

    // MARK: - Exit, marks and distributions

    private func exit(_ node: YAMLNode) -> Exit? {
        guard let fields = reader.fields(node, declared: ContentSchema.exit) else { return nil }
        let date: Located<Day>? = fields.read("date")
        let kind: Exit.Kind? = fields.read("kind")
        let proceeds: Located<Money>? = fields.read("proceeds")
        let acquirer: Located<Slug>? = fields.read("acquirer")
        if kind == .writeOff, let node = fields.value("proceeds") {
            reader.error(node, "a write-off has no proceeds", hint: "remove 'proceeds', or choose the kind of exit that paid them")
        }
        if let kind, kind != .writeOff, fields.node("proceeds") == nil {
            reader.error(at: fields.contains("proceeds") ? fields.keyLocation(of: "proceeds") : reader.location(node),
                         "missing 'proceeds': the money the programme received from the \(Self.name(kind))",
                         hint: "add 'proceeds: ...' (0 if it received nothing); only a write-off has none")
        }
        guard let date, let kind, kind == .writeOff || proceeds != nil else { return nil }
        return Exit(date: date, kind: kind, proceeds: kind == .writeOff ? nil : proceeds, acquirer: acquirer)
    }

    private static func name(_ kind: Exit.Kind) -> String {
        switch kind {
        case .acquisition: "acquisition"
        case .ipo: "IPO"
        case .buyback: "buyback"
        case .writeOff: "write-off"
        }
    }

    /// The marks, which must be in the order of their days, none before the first round or after
    /// the exit.
    private func marks(_ nodes: [YAMLNode], firstRound: Day?, exit: Exit?) -> [Valuation] {
        var marks: [Valuation] = []
        for node in nodes {
            guard let fields = reader.fields(node, declared: ContentSchema.valuation) else { continue }
            let asOf: Day? = fields.read("as_of")
            let amount = self.amount(fields)
            let basis: String? = fields.read("basis")
            guard let asOf, let amount else { continue }
            let location = fields.location(of: "as_of")
            if let previous = marks.last, asOf <= previous.asOf {
                reader.error(at: location, "this mark, as of \(asOf), is not after the one before it, as of \(previous.asOf)",
                             hint: "write the marks oldest first, one per day")
            } else if let firstRound, asOf < firstRound {
                reader.error(at: location, "a mark as of \(asOf) is before the company's first round, on \(firstRound)",
                             hint: "a mark values a stake the programme holds; check the dates")
            } else if let exit, asOf > exit.date.value {
                reader.error(at: location, "a mark as of \(asOf) is after the company's exit, on \(exit.date.value)",
                             hint: "once the programme has left a company, its exit's proceeds are its value; remove the mark")
            }
            marks.append(Valuation(asOf: asOf, amount: amount, basis: basis))
        }
        return marks
    }

    /// The distributions, by date (in the order written on the same day): each more than zero, not
    /// before the company's first disbursement and not after its exit.
    private func distributions(_ node: YAMLNode, rounds: [Round], exit: Exit?) -> [Distribution] {
        guard let items = reader.list(node) else { return [] }
        let firstPaid = rounds.compactMap(\.disbursedOn).min()
        let anyPaid = rounds.contains(where: \.isDisbursed)
        var read: [Distribution] = []
        for item in items {
            guard let fields = reader.fields(item, declared: ContentSchema.distribution) else { continue }
            let date: Day? = fields.read("date")
            let amount = self.amount(fields)
            let kind: Distribution.Kind? = fields.read("kind")
            guard let date, let amount, let kind else { continue }
            let location = fields.location(of: "date")
            if amount.value.minorUnits == 0 {
                reader.error(at: amount.location, "a distribution is money the programme received: more than zero",
                             hint: "remove it, or write the amount received")
            } else if !anyPaid {
                reader.error(at: location, "a distribution on \(date), but none of the company's rounds is disbursed",
                             hint: "money comes back after money went in: add 'disbursed:' to the round that was paid")
            } else if let firstPaid, date < firstPaid {
                reader.error(at: location, "a distribution on \(date) is before the company's first disbursement, on \(firstPaid)",
                             hint: "money comes back after money went in; check the dates")
            } else if let exit, date > exit.date.value {
                reader.error(at: location, "a distribution on \(date) is after the company's exit, on \(exit.date.value)",
                             hint: "what the programme received at the exit is its 'proceeds'")
            }
            read.append(Distribution(date: date, amount: amount, kind: kind))
        }
        return read.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    // MARK: - Money

    /// The required `amount` of a map, in any money form, with the map's optional `currency`.
    private func amount(_ fields: Fields) -> Located<Money>? {
        guard let node = fields.value("amount") else { return nil }
        if case .mapping = node {
            if let currency = fields.value("currency") {
                reader.error(currency, "the amount names its currency already", hint: "remove this 'currency'")
                return nil
            }
            return locatedMoney(node)
        }
        return reader.money(amount: node, currency: fields.node("currency")).map { Located($0, at: reader.location(node)) }
    }

    private func locatedMoney(_ node: YAMLNode) -> Located<Money>? {
        reader.money(node).map { Located($0, at: reader.location(node)) }
    }
}
