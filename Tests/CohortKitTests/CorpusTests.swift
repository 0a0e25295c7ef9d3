import Testing
@testable import CohortKit

@Suite struct CorpusGeneratorTests {
    @Test func sameSeedGivesTheSameFiles() {
        #expect(CorpusGenerator(companies: 30, seed: 7).files() == CorpusGenerator(companies: 30, seed: 7).files())
        #expect(CorpusGenerator(companies: 30, seed: 7).files() != CorpusGenerator(companies: 30, seed: 8).files())
    }

    @Test func shapeFollowsTheBenchmarkSpecification() throws {
        let files = CorpusGenerator(companies: 40).files()
        #expect(files.filter { $0.path.hasPrefix("companies/") }.count == 40)
        #expect(files.filter { $0.path.hasPrefix("agreements/") }.count == 20)
        for file in files where file.path.hasPrefix("companies/") {
            let text = String(decoding: file.bytes, as: UTF8.self)
            let body = try #require(text.components(separatedBy: "\n---\n").last)
            let words = body.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
            #expect((600...1_400).contains(words), "\(file.path) has \(words) words")
            for mark in ["## ", "\n- ", "\n> ", "`", "](https://"] {
                #expect(body.contains(mark), "\(file.path) lacks \(mark)")
            }
            // The signed and funded companies (the first half) report two metrics for three years.
            let signed = text.contains("status: signed") || text.contains("status: funded")
            let reports = text.components(separatedBy: "\n  - {period: ").count - 1
            #expect(reports == (signed ? 3 : 0), "\(file.path) has \(reports) metric reports")
        }
    }
}
