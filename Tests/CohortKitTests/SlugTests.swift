import Testing
@testable import CohortKit

@Test func slugAcceptsLowerCaseLettersDigitsAndHyphens() {
    #expect(Slug("rotec") != nil)
    #expect(Slug("water-2") != nil)
    #expect(Slug("-rotec") == nil)
    #expect(Slug("Rotec") == nil)
    #expect(Slug("") == nil)
}
