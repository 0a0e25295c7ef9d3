import Testing
@testable import CohortKit

@Suite struct FrontMatterTests {
    @Test func missingFrontMatterIsReportedAtTheFirstLine() {
        #expect(located(decode("name: Acme\n").1) == [
            "companies/acme.md:1:1: missing front matter: the file must start with a '---' line",
        ])
    }

    @Test func unclosedFrontMatterIsReported() {
        #expect(located(decode("---\nname: Acme\nstatus: signed\n").1) == [
            "companies/acme.md:1:1: front matter is not closed: no '---' line after the opening one",
        ])
    }

    @Test func malformedYAMLIsReportedWhereLibyamlFindsIt() {
        #expect(located(decode("---\nname: Acme\nstatus: [signed\n---\n").1) == [
            "companies/acme.md:4:1: malformed YAML: did not find expected ',' or ']' while parsing a flow sequence that starts at line 3, column 9",
        ])
    }

    @Test func duplicateFieldIsAnError() {
        #expect(located(decode("---\nname: Acme\nstatus: signed\nname: Other\n---\n").1) == [
            "companies/acme.md:4:1: duplicate field 'name'",
        ])
    }

    /// Each repeated key is reported where it is written the second time, in a nested mapping or a
    /// flow one too, keys in order; a mapping of more keys than are compared pair by pair is checked alike.
    @Test func everyRepeatedKeyIsReportedAtItsSecondWriting() {
        let rounds = "rounds:\n  - date: 2011-10-10\n    kind: initial\n    amount: $1m\n    kind: initial\n"
        #expect(located(decode("---\nname: Acme\nstatus: signed\n\(rounds)---\n").1) == [
            "companies/acme.md:8:5: duplicate field 'kind'",
        ])
        #expect(located(decode("---\nname: Acme\nstatus: signed\nlinks: {b: 1, a: 2, b: 3, a: 4}\n---\n").1) == [
            "companies/acme.md:4:27: duplicate field 'a'",
            "companies/acme.md:4:21: duplicate field 'b'",
        ])
        let many = (1...20).map { "k\($0): x\n" }.joined()
        #expect(located(decode("---\nname: Acme\nstatus: signed\nlinks:\n\(many.replacingOccurrences(of: "k20", with: "k3"))---\n").1) == [
            "companies/acme.md:24:1: duplicate field 'k3'",
        ])
    }

    /// An alias stands for its anchor's value; one with no anchor is malformed YAML, at the alias.
    @Test func aliasesAreResolvedAndAnUndefinedOneIsAnError() {
        guard case .company(let company)? = decode("---\nname: &n Acme\nstatus: signed\nsector: *n\n---\n").0 else {
            Issue.record("expected a company")
            return
        }
        #expect(company.sector == "Acme")
        #expect(located(decode("---\nname: Acme\nstatus: signed\nsector: *nowhere\n---\n").1) == [
            "companies/acme.md:4:9: malformed YAML: found undefined alias",
        ])
    }

    @Test func bodyKeepsItsLineNumber() throws {
        guard case .company(let company)? = decode("---\nname: Acme\nstatus: signed\n---\nHello\n").0 else {
            Issue.record("expected a company")
            return
        }
        #expect(company.body.firstLine == 5)
        #expect(company.body.markdown == "Hello\n")
    }
}

@Suite struct FieldTests {
    @Test func missingRequiredFieldIsReportedAtTheMapping() {
        #expect(located(decode("---\nname: Acme\n---\n").1) == ["companies/acme.md:2:1: missing required field 'status'"])
    }

    @Test func unknownFieldSuggestsTheClosest() {
        let diagnostics = decode("---\nname: Acme\nstatus: signed\nsectr: Water\n---\n").1
        #expect(located(diagnostics) == ["companies/acme.md:4:1: unknown field 'sectr'"])
        #expect(diagnostics.first?.hint == "did you mean 'sector'?")
    }

    @Test func unknownStatusSuggestsTheClosest() {
        let diagnostics = decode("---\nname: Acme\nstatus: signd\n---\n").1
        #expect(located(diagnostics) == ["companies/acme.md:3:9: unknown company status 'signd'"])
        #expect(diagnostics.first?.hint == "did you mean 'signed'?")
    }

    @Test func wrongTypeIsReportedAtTheValue() {
        #expect(located(decode("---\nname: [Acme]\nstatus: signed\n---\n").1) == [
            "companies/acme.md:2:7: expected text, found a list",
        ])
        #expect(located(decode("---\nname: Acme\nstatus: signed\nfounded: soon\n---\n").1) == [
            "companies/acme.md:4:10: expected a whole number, found 'soon'",
        ])
    }

    @Test func invalidDateIsReportedAtTheValue() {
        #expect(located(decode("---\nname: Acme\nstatus: signed\ninvestment:\n  amount: $1m\n  date: 2011-02-30\n---\n").1) == [
            "companies/acme.md:6:9: invalid date '2011-02-30'",
        ])
    }

    @Test func invalidMoneyIsReportedAtTheAmount() {
        let diagnostics = decode("---\nname: Acme\nstatus: signed\ninvestment: ¥1m\n---\n").1
        #expect(located(diagnostics) == ["companies/acme.md:4:13: the currency symbol '¥' is ambiguous"])
    }

    @Test func contradictingCurrencyIsAnError() {
        #expect(located(decode("---\nname: Acme\nstatus: signed\ninvestment:\n  amount: $1m\n  currency: EUR\n---\n").1) == [
            "companies/acme.md:6:13: currency EUR contradicts the amount '$1m', which is in USD",
        ])
    }

    @Test func yaml11BooleansAreNotBooleansAndNorwayStaysNorway() throws {
        guard case .company(let company)? = decode("---\nname: Acme\nstatus: signed\ncountry: NO\n---\n").0 else {
            Issue.record("expected a company")
            return
        }
        #expect(company.country == "NO")
        #expect(located(decode("---\nname: Acme\nstatus: signed\ninvestment:\n  amount: $1m\n  estimated: yes\n---\n").1) == [
            "companies/acme.md:6:14: expected true or false, found 'yes'",
        ])
    }

    @Test func singleInvestmentIsOneInitialRoundWithItsDateAndEstimate() throws {
        guard case .company(let company)? = decode("---\nname: Acme\nstatus: signed\ninvestment:\n  amount: $750k\n  date: 2011-10-10\n  estimated: true\n---\n").0 else {
            Issue.record("expected a company")
            return
        }
        let round = try #require(company.rounds.first)
        #expect(company.rounds.count == 1)
        #expect(round.amount.value.formatted == "USD 750,000")
        #expect(round.date?.description == "2011-10-10")
        #expect(round.estimated)
        #expect(round.kind == .initial)
        #expect(round.disbursement == .pending)
    }

    @Test func badSlugInFileNameIsAnError() {
        #expect(located(decode("---\nname: Acme\nstatus: signed\n---\n", slug: "Acme_Corp").1) == [
            "companies/Acme_Corp.md:1:1: invalid slug 'Acme_Corp' in the file name",
        ])
        // The suggested name keeps the letters of accented names.
        #expect(decode("---\nname: Café\nstatus: signed\n---\n", slug: "café-münchen").1.first?.hint
            == "rename the file with lower-case letters, digits and '-' only, for example 'cafe-munchen.md'")
    }

    @Test func badSlugInReferenceIsReportedAtTheItem() {
        let text = "---\ntitle: T\nkind: framework\nstatus: draft\nparties:\n  - fund\n  - Acme Corp\n---\n"
        #expect(located(decode(text, in: .agreements, slug: "t").1) == ["agreements/t.md:7:5: invalid slug 'Acme Corp'"])
    }

    @Test func signedAgreementNeedsItsDate() {
        let text = "---\ntitle: T\nkind: framework\nstatus: signed\nparties: [fund, acme]\n---\n"
        #expect(located(decode(text, in: .agreements, slug: "t").1) == [
            "agreements/t.md:4:9: a signed agreement needs the date it was signed",
        ])
    }

    @Test func agreementNeedsTwoParties() {
        let text = "---\ntitle: T\nkind: framework\nstatus: draft\nparties: [fund]\n---\n"
        #expect(located(decode(text, in: .agreements, slug: "t").1) == [
            "agreements/t.md:5:10: an agreement needs at least two parties, found 1",
        ])
    }
}
