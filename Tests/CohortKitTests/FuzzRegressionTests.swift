import Foundation
import Testing
@testable import CohortKit

/// What the fuzzer starts from and every input it found a crash or hang with (`make fuzz`): each must
/// go through the parts of the pipeline that read content and come back.
@Suite struct FuzzRegressionTests {
    @Test func seedsAndFoundInputsComeBack() throws {
        var count = 0
        for folder in ["Tests/Fuzz/seeds", "Tests/Fuzz/regressions"] {
            let url = repositoryRoot.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where !name.hasPrefix(".") {
                let data = try Data(contentsOf: url.appendingPathComponent(name))
                data.withUnsafeBytes { FuzzInput.exercise($0) }
                count += 1
            }
        }
        #expect(count >= 8)
    }

    @Test func deepNestingAndLongRunsComeBack() {
        for text in [
            "---\nname: " + String(repeating: "[", count: 100_000) + "\n---\n",
            "---\nname: " + String(repeating: "{a: ", count: 20_000) + "\n---\n",
            "---\nname: x\n---\n" + String(repeating: ">", count: 20_000) + " deep\n",
            "---\nname: x\n---\n" + String(repeating: "[", count: 50_000) + String(repeating: "*", count: 50_000),
            "---\ninvestment: \"$" + String(repeating: "9", count: 5_000) + "m\"\n---\n",
            String(repeating: "#", count: 100) + " " + String(repeating: "x", count: 100_000),
        ] {
            Data(text.utf8).withUnsafeBytes { FuzzInput.exercise($0) }
        }
    }
}
