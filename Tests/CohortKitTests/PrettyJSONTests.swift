import Foundation
import Testing
@testable import CohortKit

/// portfolio.json's writer lays text out exactly as Foundation's JSONEncoder does with the options the
/// reports used (and its readers may expect): the same bytes for every kind of value.
@Suite struct PrettyJSONTests {
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

    @Test func theTextIsJSONEncodersToTheByte() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for value in [Sample(), Sample(numbers: [], map: [:], text: "", decimals: [], nested: [], flag: false, present: nil, deep: [:])] {
            let expected = String(decoding: try encoder.encode(value), as: UTF8.self)
            #expect(try PrettyJSON.text(value) == expected)
        }
        #expect(try PrettyJSON.text([Sample]()) == "[\n\n]")
    }
}
