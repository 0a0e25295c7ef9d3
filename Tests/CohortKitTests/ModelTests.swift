import Testing
@testable import CohortKit

private let usd = Currency("USD")

@Suite struct MoneyTextTests {
    @Test(arguments: [
        ("USD 1,000,000", 100_000_000, "USD"),
        ("1,000,000 USD", 100_000_000, "USD"),
        ("$1m", 100_000_000, "USD"),
        ("$750k", 75_000_000, "USD"),
        ("$1.5m", 150_000_000, "USD"),
        ("€2.5m", 250_000_000, "EUR"),
        ("CNY 6,400,000", 640_000_000, "CNY"),
        ("1000000", 100_000_000, "USD"),
        ("JPY 1,000", 1_000, "JPY"),
        ("USD 1,250.75", 125_075, "USD"),
    ])
    func shortFormsParseExactly(text: String, minorUnits: Int, code: String) throws {
        let money = try MoneyText.parse(text, defaultCurrency: usd).get()
        #expect(money == Money(minorUnits: minorUnits, currency: try #require(Currency(code))))
    }

    @Test(arguments: [
        ("¥1m", MoneyText.Problem.ambiguousSymbol("¥")),
        ("1,00,000", .malformed("1,00,000", usd)),
        ("1.000.000", .malformed("1.000.000", usd)),
        ("$1,5m", .malformed("1,5", usd)),
        ("-$5", .negative),
        ("USD 1.005", .tooPrecise("1.005", Currency("USD")!)),
        ("₪1.005", .tooPrecise("1.005", Currency("ILS")!)),
        ("", .empty),
        ("lots", .malformed("lots", usd)),
    ])
    func ambiguousOrMalformedTextIsRejected(text: String, problem: MoneyText.Problem) {
        #expect(throws: problem) { try MoneyText.parse(text, defaultCurrency: usd).get() }
    }

    @Test func hintsGiveExamplesInTheAmountsOwnCurrency() throws {
        let shekel = try #require(Currency("ILS")), yuan = try #require(Currency("CNY"))
        #expect(MoneyText.Problem.tooPrecise("1.005", shekel).hint
            == "a point starts the decimals; thousands are separated by commas: write '₪1,005'")
        #expect(MoneyText.Problem.tooPrecise("1.0055", shekel).hint == "round it to 2 decimal places, or write it in a smaller unit")
        #expect(MoneyText.Problem.malformed("1,5", yuan).hint
            == "write it as '{amount: 1000000, currency: CNY}', 'CNY 1,000,000' or 'CNY 1.5m'")
        #expect(MoneyText.Problem.malformed("lots", shekel).hint
            == "write it as '{amount: 1000000, currency: ILS}', 'ILS 1,000,000', '₪1m' or '₪750k'")
    }

    @Test func bareNumberWithoutProgrammeCurrencyIsRejected() {
        #expect(throws: MoneyText.Problem.noCurrency) { try MoneyText.parse("1000", defaultCurrency: nil).get() }
    }
}

@Suite struct MoneyFormattingTests {
    @Test func formattedUsesCodeAndThousandsSeparators() throws {
        let usd = try #require(usd)
        #expect(Money(minorUnits: 100_000_000, currency: usd).formatted == "USD 1,000,000")
        #expect(Money(minorUnits: 125_075, currency: usd).formatted == "USD 1,250.75")
        #expect(Money(minorUnits: 50, currency: usd).formatted == "USD 0.50")
        #expect(Money(minorUnits: 99_900, currency: usd).formatted == "USD 999")
        #expect(Money(minorUnits: 12_345_678_901, currency: usd).formatted == "USD 123,456,789.01")
        #expect(Money(minorUnits: -1_000_000_00, currency: usd).formatted(separator: "\u{00A0}") == "-USD\u{00A0}1,000,000")
        #expect(Money(minorUnits: 100_000_000, currency: usd).plainAmount == "1000000")
        #expect(Money(minorUnits: -125_005, currency: usd).plainAmount == "-1250.05")
        #expect(Money(minorUnits: -5, currency: usd).formatted == "-USD 0.05")
        let yen = try #require(Currency("JPY"))
        #expect(Money(minorUnits: -1_234_567, currency: yen).plainAmount == "-1234567")
        #expect(Money(minorUnits: 1_234_567, currency: yen).formatted == "JPY 1,234,567")
    }
}

@Suite struct DayTests {
    @Test func validDatesParseAndPrint() throws {
        let day = try #require(Day(iso: "2011-10-10"))
        #expect(day.description == "2011-10-10")
        #expect(day.longDescription == "Monday 10 October 2011")
        #expect(day.quarter == 4)
        #expect(Day(iso: "2012-02-29") != nil)
    }

    @Test(arguments: ["2011-02-30", "2011-13-01", "2011-1-1", "11-10-10", "2011-10-10T00:00:00Z", "2100-02-29", "tomorrow"])
    func invalidDatesAreRejected(text: String) {
        #expect(Day(iso: text) == nil)
    }
}

@Suite struct RateTests {
    @Test func convertsExactlyAndRoundsHalfToEven() throws {
        let cny = try #require(Currency("CNY")), usd = try #require(usd)
        let rate = try #require(Rate("0.15625"))
        let converted = rate.convert(Money(minorUnits: 640_000_000, currency: cny), to: usd)
        #expect(converted == Money(minorUnits: 100_000_000, currency: usd))
        let half = try #require(Rate("0.5"))
        #expect(half.convert(Money(minorUnits: 1, currency: cny), to: usd) == Money(minorUnits: 0, currency: usd))
        #expect(half.convert(Money(minorUnits: 3, currency: cny), to: usd) == Money(minorUnits: 2, currency: usd))
    }

    @Test func convertsBetweenCurrenciesWithDifferentMinorUnits() throws {
        let jpy = try #require(Currency("JPY")), usd = try #require(usd)
        let rate = try #require(Rate("0.0067"))
        #expect(rate.convert(Money(minorUnits: 1_000_000, currency: jpy), to: usd) == Money(minorUnits: 670_000, currency: usd))
    }
}

@Suite struct SuggestionTests {
    @Test func closestCandidateIsSuggested() {
        #expect(Suggestion.closest(to: "water", among: ["water-treatment", "agriculture"]) == "water-treatment")
        #expect(Suggestion.closest(to: "sectr", among: ["sector", "status"]) == "sector")
        #expect(Suggestion.closest(to: "zzzzzz", among: ["sector", "status"]) == nil)
    }
}
