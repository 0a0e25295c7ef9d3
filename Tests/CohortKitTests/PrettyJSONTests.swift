import Foundation
import Testing
@testable import CohortKit

/// portfolio.json's writer lays text out exactly as Foundation's JSONEncoder does with the options the
/// reports used (and its readers may expect): the same bytes for every kind of value, and for the
/// snapshots of the test programmes, so that the members it writes are the types' `CodingKeys`.
@Suite struct PrettyJSONTests {
    struct Sample: Encodable, PrettyJSONValue {
        var numbers: [Int] = [1, -2, 0]
        var empty: [Int] = []
        var emptyMap: [String: Int] = [:]
        var map: [String: Int] = ["b": 2, "a_b": 3, "a": 1, "Z": 0, "é": 4, "中": 5, "q\"\\": 6]
        var text = "q\"b\\s/\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}é中\u{2028} 😀"
        var decimals: [Decimal] = [Decimal(string: "0.4962")!, -1, Decimal(string: "1e-7")!, Decimal(string: "1e20")!,
                                   Decimal(string: "-0.5")!, 0, Decimal(string: "123456789012345678901234567890")!]
        var nested: [[String]] = [["x"], [], ["", "y"]]
        var flag = true
        var absent: Int?
        var present: Int? = 7
        var deep: [String: [String: [Int]]] = ["outer": ["inner": [1, 2], "none": []], "other": [:]]

        func write(to json: inout PrettyJSON) {
            json.object {
                $0.field("absent", absent)
                $0.field("decimals", decimals)
                $0.field("deep", deep)
                $0.field("empty", empty)
                $0.field("emptyMap", emptyMap)
                $0.field("flag", flag)
                $0.field("map", map)
                $0.field("nested", nested)
                $0.field("numbers", numbers)
                $0.field("present", present)
                $0.field("text", text)
            }
        }
    }

    private static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func theTextIsJSONEncodersToTheByte() throws {
        for value in [Sample(), Sample(numbers: [], map: [:], text: "", decimals: [], nested: [], flag: false, present: nil, deep: [:])] {
            #expect(String(decoding: PrettyJSON.utf8(value), as: UTF8.self) == (try Self.encoded(value)))
        }
        #expect(PrettyJSON.utf8([Sample](), ending: "\n") == Array("[\n\n]\n".utf8))
    }

    /// Every member of every snapshot type, with its name and place, as the `Codable` types encode:
    /// on the lifecycle programme (rounds, exits, valuations, distributions, metrics) and the
    /// combination programme (languages, warnings left aside, organisations of every role).
    @Test(arguments: ["Tests/Fixtures/lifecycle-programme", "Tests/Fixtures/combination-programme", "content"])
    func portfolioJSONIsJSONEncodersToTheByte(_ fixture: String) throws {
        let folder = try TemporaryFolder()
        let outcome = Project(contentPath: repositoryRoot.appendingPathComponent(fixture).path,
                              templatesPath: repositoryRoot.appendingPathComponent("templates").path,
                              outputPath: folder.path("output")).check()
        let snapshot = PortfolioSnapshot(try #require(outcome.figures))
        #expect(snapshot.json() == (try Self.encoded(snapshot)) + "\n")
        #expect(snapshot.file().bytes == Data(snapshot.json().utf8))
    }
}
