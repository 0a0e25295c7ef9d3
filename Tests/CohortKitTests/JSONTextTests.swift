import Foundation
import Testing
@testable import CohortKit

/// The JSON writer of portfolio.json and of each page's JSON-LD lays text out exactly as Foundation's
/// JSONEncoder does with the options they used (and their readers may expect): the same bytes for every
/// kind of value.
@Suite struct JSONTextTests {
    struct Sample: Encodable {
        var numbers: [Int] = [1, -2, 0]
        var empty: [Int] = []
        var emptyMap: [String: Int] = [:]
        var map: [String: Int] = ["b": 2, "a_b": 3, "a": 1, "Z": 0, "é": 4, "中": 5]
        var text = "q\"b\\s/\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}é中\u{2028} 😀"
        var decimals: [Decimal] = [Decimal(string: "0.4962")!, -1, Decimal(string: "1e-7")!, Decimal(string: "1e20")!,
                                   Decimal(string: "-0.5")!, 0, Decimal(string: "123456789012345678901234567890")!]
        var nested: [[String]] = [["x"], [], ["", "y"]]
        var flag = true
        var absent: Int?
        var present: Int? = 7
        var deep: [String: [String: [Int]]] = ["outer": ["inner": [1, 2], "none": []], "other": [:]]
    }

    @Test(arguments: [true, false])
    func theTextIsJSONEncodersToTheByte(pretty: Bool) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        func text<Value: Encodable>(_ value: Value) throws -> String { pretty ? try JSONText.pretty(value) : try JSONText.compact(value) }
        for value in [Sample(), Sample(numbers: [], map: [:], text: "", decimals: [], nested: [], flag: false, present: nil, deep: [:])] {
            #expect(try text(value) == String(decoding: try encoder.encode(value), as: UTF8.self))
            #expect(try text([value, value]) == String(decoding: try encoder.encode([value, value]), as: UTF8.self))
        }
        #expect(try text([Sample]()) == (pretty ? "[\n\n]" : "[]"))
    }
}
