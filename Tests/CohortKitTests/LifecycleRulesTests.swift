import Foundation
import Testing
@testable import CohortKit

/// Every rule of rounds, exits and valuations is a located error (or warning) with a useful hint.
@Suite struct LifecycleRulesTests {
    /// Acme's file with `fields` after its name, status and focus area.
    func acme(status: String = "signed", _ fields: String) -> [String: String?] {
        ["companies/acme.md": "---\nname: Acme\nstatus: \(status)\nfocus_area: water-treatment\n\(fields)---\n"]
    }

    /// A list of rounds with one round, `fields` added to its date, kind and amount.
    func oneRound(_ fields: String = "") -> String {
        "investments:\n  - date: 2011-10-10\n    kind: initial\n    amount: $1m\n" + fields
    }

    @Test func roundsDecodeByDateWithEveryField() throws {
        let text = """
            investments:
              - date: 2012-05-01
                kind: follow-on
                amount: {amount: 250000, currency: EUR}
                disbursed: 2012-06-01
                co_investors: [fund]
              - date: 2011-10-10
                kind: initial
                amount: 1000000
                currency: USD
                instrument: safe
                estimated: true
                agreement: acme-framework

            """
        let rates = programmeYAML + "\nexchange_rates:\n  as_of: 2011-10-10\n  rates:\n    EUR: 1.25\n"
        var changes = acme(text)
        changes["programme.yml"] = rates
        let outcome = try check(changes)
        #expect(outcome.lines == [])
        let slug = try #require(Slug("acme"))
        let company = try #require(outcome.portfolio?.company(slug))
        #expect(company.rounds.map(\.kind) == [.initial, .followOn])
        #expect(company.rounds.map(\.amount.value.formatted) == ["USD 1,000,000", "EUR 250,000"])
        #expect(company.rounds[0].instrument == .safe)
        #expect(company.rounds[0].estimated)
        #expect(company.rounds[0].agreement?.value.rawValue == "acme-framework")
        #expect(company.rounds[0].disbursement == .pending)
        #expect(company.rounds[1].disbursement == .paid(Day(year: 2012, month: 6, day: 1)))
        #expect(company.rounds[1].coInvestors.map(\.organization.value.rawValue) == ["fund"])
        #expect(outcome.portfolio?.coInvestmentsBy[try #require(Slug("fund"))]?.map(\.rawValue) == ["acme"])
    }

    @Test func bothFormsAreAnError() throws {
        let outcome = try check(acme("investment: $1m\n" + oneRound()))
        #expect(outcome.lines == ["companies/acme.md:6:1: error: a company has either 'investment' or 'investments', not both"])
    }

    @Test func aRoundNeedsItsDateAmountAndKind() throws {
        let outcome = try check(acme("investments:\n  - estimated: true\n"))
        #expect(outcome.lines == [
            "companies/acme.md:6:5: error: missing required field 'amount'",
            "companies/acme.md:6:5: error: missing required field 'date'",
            "companies/acme.md:6:5: error: missing required field 'kind'",
        ])
    }

    @Test func anUnknownRoundKindSuggestsTheNearest() throws {
        let outcome = try check(acme("investments:\n  - date: 2011-10-10\n    kind: followon\n    amount: $1m\n"))
        #expect(outcome.lines == ["companies/acme.md:7:11: error: unknown round kind 'followon'"])
        #expect(outcome.diagnostics.first?.hint == "did you mean 'follow-on'?")
    }

    @Test func anUnknownInstrumentSuggestsTheNearest() throws {
        let outcome = try check(acme(oneRound("    instrument: equty\n")))
        #expect(outcome.lines == ["companies/acme.md:9:17: error: unknown instrument 'equty'"])
        #expect(outcome.diagnostics.first?.hint == "did you mean 'equity'?")
    }

    @Test func theFirstRoundByDateMustBeInitial() throws {
        let early = try check(acme(oneRound() + "  - date: 2011-01-01\n    kind: follow-on\n    amount: $1m\n"))
        #expect(early.lines == [
            "companies/acme.md:10:11: error: this follow-on round, on 2011-01-01, comes before the company's initial round, on 2011-10-10",
        ])
        let none = try check(acme("investments:\n  - date: 2011-10-10\n    kind: follow-on\n    amount: $1m\n"))
        #expect(none.lines == ["companies/acme.md:7:11: error: the company's first round must be 'initial', but its rounds are all follow-ons"])
        #expect(none.diagnostics.first?.hint == "the first round by date is 'kind: initial'; check the dates and kinds")
    }

    @Test func moneyCannotBeDisbursedBeforeItIsAgreed() throws {
        let outcome = try check(acme(oneRound("    disbursed: 2011-09-30\n")))
        #expect(outcome.lines == ["companies/acme.md:9:16: error: the round was disbursed on 2011-09-30, before it was agreed on 2011-10-10"])
    }

    @Test func aRoundsAgreementIsOneTheCompanyIsAPartyTo() throws {
        var changes = acme(oneRound("    agreement: other-terms\n"))
        changes["organizations/other.md"] = "---\nname: Other\nkind: fund\n---\n"
        changes["agreements/other-terms.md"] = "---\ntitle: T\nkind: framework\nstatus: signed\nsigned: 2011-10-10\nparties: [fund, other]\n---\n"
        #expect(try check(changes).lines == [
            "companies/acme.md:9:16: error: agreement 'other-terms' does not name 'acme' among its parties",
        ])
        let typo = try check(acme(oneRound("    agreement: acme-framwork\n")))
        #expect(typo.lines == ["companies/acme.md:9:16: error: no agreement with slug 'acme-framwork'"])
        #expect(typo.diagnostics.first?.hint == "did you mean 'acme-framework'?")
        #expect(try check(acme(oneRound("    agreement: fund\n"))).lines == ["companies/acme.md:9:16: error: 'fund' is not an agreement"])
    }

    @Test func coInvestorsAreOrganisationsEachNamedOnce() throws {
        let typo = try check(acme(oneRound("    co_investors:\n      - organization: fnd\n        amount: $1m\n")))
        #expect(typo.lines == ["companies/acme.md:10:23: error: no organisation with slug 'fnd'"])
        #expect(typo.diagnostics.first?.hint == "did you mean 'fund'?")
        #expect(try check(acme(oneRound("    co_investors: [acme]\n"))).lines == [
            "companies/acme.md:9:20: error: 'acme' is not an organisation",
        ])
        #expect(try check(acme(oneRound("    co_investors: [fund, fund]\n"))).lines == [
            "companies/acme.md:9:26: error: 'fund' is named twice among the round's co-investors",
        ])
        #expect(try check(acme(oneRound("    co_investors:\n      - amount: $1m\n"))).lines == [
            "companies/acme.md:10:9: error: missing required field 'organization'",
        ])
    }

    @Test func everyAmountNeedsARate() throws {
        let text = oneRound("    co_investors:\n      - organization: fund\n        amount: €1m\n")
            + "valuation:\n  as_of: 2012-01-01\n  amount: CNY 5m\n"
        #expect(try check(acme(text)).lines == [
            "companies/acme.md:11:17: error: no exchange rate for EUR into USD",
            "companies/acme.md:14:11: error: no exchange rate for CNY into USD",
        ])
        let exit = oneRound() + "exit:\n  date: 2013-01-01\n  kind: acquisition\n  proceeds: ₪4m\n"
        #expect(try check(acme(status: "exited", exit)).lines == ["companies/acme.md:12:13: error: no exchange rate for ILS into USD"])
    }

    @Test func anExitNeedsItsDateKindAndProceedsUnlessWrittenOff() throws {
        #expect(try check(acme(status: "exited", oneRound() + "exit:\n  kind: buyback\n")).lines == [
            "companies/acme.md:10:3: error: missing 'proceeds': the money the programme received from the buyback",
            "companies/acme.md:10:3: error: missing required field 'date'",
        ])
        let kind = try check(acme(status: "exited", oneRound() + "exit:\n  date: 2013-01-01\n  kind: writeoff\n"))
        #expect(kind.lines == ["companies/acme.md:11:9: error: unknown exit kind 'writeoff'"])
        #expect(kind.diagnostics.first?.hint == "did you mean 'write-off'?")
        let proceeds = try check(acme(status: "exited", oneRound() + "exit:\n  date: 2013-01-01\n  kind: write-off\n  proceeds: $1\n"))
        #expect(proceeds.lines == ["companies/acme.md:12:13: error: a write-off has no proceeds"])
        #expect(try check(acme(status: "exited", oneRound() + "exit:\n  date: 2013-01-01\n  kind: write-off\n")).lines == [])
    }

    @Test func anExitComesAfterTheFirstRoundAndNamesAnOrganisationAsAcquirer() throws {
        let early = try check(acme(status: "exited", oneRound() + "exit:\n  date: 2010-01-01\n  kind: ipo\n  proceeds: $3m\n"))
        #expect(early.lines == ["companies/acme.md:10:9: error: the exit on 2010-01-01 is before the company's first round, on 2011-10-10"])
        let acquirer = try check(acme(status: "exited", oneRound() + "exit:\n  date: 2013-01-01\n  kind: acquisition\n  proceeds: $3m\n  acquirer: funds\n"))
        #expect(acquirer.lines == ["companies/acme.md:13:13: error: no organisation with slug 'funds'"])
        #expect(acquirer.diagnostics.first?.hint == "did you mean 'fund'?")
    }

    @Test func anExitAndTheStatusExitedGoTogether() throws {
        let exitWhileFunded = try check(acme(status: "funded", oneRound("    disbursed: 2011-11-01\n") + "exit:\n  date: 2013-01-01\n  kind: write-off\n"))
        #expect(exitWhileFunded.lines == ["companies/acme.md:10:1: error: an exit needs status 'exited', but the company is 'funded'"])
        let exitedWithoutExit = try check(acme(status: "exited", oneRound()))
        #expect(exitedWithoutExit.lines == ["companies/acme.md:3:9: error: an exited company needs an 'exit' with its date and kind"])
        // Content written before rounds keeps building: a warning says what to add.
        let legacy = try check(acme(status: "exited", "investment: $1m\n"))
        #expect(legacy.lines == [
            "companies/acme.md:3:9: warning: an exited company needs an 'exit' with its date and kind; until it has one, it adds nothing to the realised value",
        ])
    }

    @Test func marksAreInOrderAfterTheFirstRoundAndNotAfterTheExit() throws {
        // An exited company keeps the marks it had while held.
        let exited = oneRound("    disbursed: 2011-11-01\n") + "exit:\n  date: 2013-01-01\n  kind: write-off\nvaluations:\n  - {as_of: 2012-01-01, amount: $2m}\n"
        #expect(try check(acme(status: "exited", exited)).lines == [])
        let late = oneRound() + "exit:\n  date: 2013-01-01\n  kind: write-off\nvaluations:\n  - {as_of: 2012-01-01, amount: $2m}\n  - {as_of: 2013-06-30, amount: $1m}\n"
        let outcome = try check(acme(status: "exited", late))
        #expect(outcome.lines == ["companies/acme.md:14:13: error: a mark as of 2013-06-30 is after the company's exit, on 2013-01-01"])
        #expect(outcome.diagnostics.first?.hint == "once the programme has left a company, its exit's proceeds are its value; remove the mark")
        let marks = oneRound() + "valuations:\n  - {as_of: 2012-06-30, amount: $2m}\n  - {as_of: 2012-06-30, amount: $3m}\n  - {as_of: 2011-01-01, amount: $1m, basis: cost}\n"
        #expect(try check(acme(marks)).lines == [
            "companies/acme.md:11:13: error: this mark, as of 2012-06-30, is not after the one before it, as of 2012-06-30",
            "companies/acme.md:12:13: error: this mark, as of 2011-01-01, is not after the one before it, as of 2012-06-30",
        ])
        #expect(try check(acme(oneRound() + "valuation:\n  as_of: 2011-01-01\n  amount: $2m\n")).lines == [
            "companies/acme.md:10:10: error: a mark as of 2011-01-01 is before the company's first round, on 2011-10-10",
        ])
        #expect(try check(acme(oneRound() + "valuation: {as_of: 2012-01-01, amount: $2m}\nvaluations: []\n")).lines == [
            "companies/acme.md:9:1: error: a company has either 'valuation' or 'valuations', not both",
        ])
    }

    @Test func distributionsAreMoneyBackAfterThePaymentAndNotAfterTheExit() throws {
        let paid = oneRound("    disbursed: 2011-11-01\n")
        let good = paid + "distributions:\n  - {date: 2012-05-01, kind: dividend, amount: $50k}\n  - {date: 2012-02-01, kind: partial-sale, amount: €10k, currency: EUR}\n"
        var changes = acme(status: "funded", good)
        changes["programme.yml"] = programmeYAML + "\nexchange_rates:\n  as_of: 2011-10-10\n  rates:\n    EUR: 1.25\n"
        let outcome = try check(changes)
        #expect(outcome.lines == [])
        let slug = try #require(Slug("acme"))
        let company = try #require(outcome.portfolio?.company(slug))
        #expect(company.distributions.map(\.kind) == [.partialSale, .dividend], "by date")
        let bad = """
            distributions:
              - {date: 2012-05-01, kind: divdend, amount: $50k}
              - {date: 2012-05-01, kind: interest, amount: $0}
              - {date: 2011-10-20, kind: interest, amount: $1k}

            """
        let mistakes = try check(acme(status: "funded", paid + bad))
        #expect(mistakes.lines == [
            "companies/acme.md:11:30: error: unknown distribution kind 'divdend'",
            "companies/acme.md:12:48: error: a distribution is money the programme received: more than zero",
            "companies/acme.md:13:12: error: a distribution on 2011-10-20 is before the company's first disbursement, on 2011-11-01",
        ])
        #expect(mistakes.diagnostics.first?.hint == "did you mean 'dividend'?")
        #expect(try check(acme(oneRound() + "distributions:\n  - {date: 2012-05-01, kind: interest, amount: $1k}\n")).lines == [
            "companies/acme.md:10:12: error: a distribution on 2012-05-01, but none of the company's rounds is disbursed",
        ])
        let exited = paid + "exit:\n  date: 2013-01-01\n  kind: write-off\ndistributions:\n  - {date: 2013-02-01, kind: repayment, amount: $1k}\n"
        let afterExit = try check(acme(status: "exited", exited)).lines
        #expect(afterExit == [
            "companies/acme.md:14:12: error: a distribution on 2013-02-01 is after the company's exit, on 2013-01-01",
        ])
        #expect(try check(acme(status: "funded", paid + "distributions:\n  - {date: 2012-05-01, kind: interest, amount: ¥5}\n")).lines == [
            "companies/acme.md:11:48: error: the currency symbol '¥' is ambiguous",
        ])
    }

    @Test func aValuationNeedsItsDayAndAmount() throws {
        #expect(try check(acme(oneRound() + "valuation:\n  amount: $2m\n")).lines == [
            "companies/acme.md:10:3: error: missing required field 'as_of'",
        ])
        #expect(try check(acme(oneRound() + "valuation:\n  as_of: 2012-13-01\n  amount: $2m\n")).lines == [
            "companies/acme.md:10:10: error: invalid date '2012-13-01'",
        ])
    }

    @Test func aFundedCompanyWithoutAPaidRoundIsAWarning() throws {
        let outcome = try check(acme(status: "funded", oneRound()))
        #expect(outcome.lines == ["companies/acme.md:3:9: warning: the company is funded but none of its rounds is disbursed"])
        #expect(outcome.diagnostics.first?.hint == "add 'disbursed: YYYY-MM-DD' to the round that was paid, or change its status")
        #expect(try check(acme(status: "funded", "")).lines == ["companies/acme.md:3:9: warning: the company is funded but has no investment"])
        // The single form of a funded company counts as paid.
        #expect(try check(acme(status: "funded", "investment: $1m\n")).lines == [])
    }

    @Test func aTranslationCannotSetRoundsExitsOrValuations() throws {
        var changes = acme(oneRound())
        changes["programme.yml"] = programmeYAML.replacingOccurrences(of: "language: en", with: "languages: [en, zh]")
        changes["companies/acme.zh.md"] = "---\nname: 阿克米\ninvestments: []\n---\n"
        #expect(try check(changes).lines == [
            "companies/acme.zh.md:3:1: error: a translation cannot set 'investments': facts come from companies/acme.md only",
        ])
    }

    @Test func aBrokenRoundLeavesThePreviousOutputUntouched() throws {
        let folder = try TemporaryFolder()
        for name in ["content", "templates"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        #expect(try cohort(["build"], in: folder.url).status == 0)
        let before = files(under: folder.url.appendingPathComponent("output"))
        let rotec = try #require(folder.read("content/companies/rotec.md"))
        try folder.write("content/companies/rotec.md", rotec.replacingOccurrences(of: "kind: \"initial\"", with: "kind: \"intial\""))
        let run = try cohort(["build"], in: folder.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/companies/rotec.md:7:11: error: unknown round kind 'intial'; did you mean 'initial'?"))
        #expect(files(under: folder.url.appendingPathComponent("output")) == before)
    }
}
