import Foundation
import Testing
@testable import CohortKit

/// Walking a folder with readdir.
struct FileTreeTests {
    /// Thousands of names from 1 to 255 bytes long, ASCII and not: readdir's buffer is filled again
    /// and again, its last entry ends just short of the buffer's end each time, and each name is read
    /// up to its own end. Reading the declared 256-byte name of every entry read past the buffer and
    /// crashed `cohort serve` now and then. Without AddressSanitizer such a read need not crash, so
    /// this test checks what the walk lists; the overflow itself was seen with AddressSanitizer on a
    /// standalone copy of the old loop over a folder like this one.
    @Test func everyNameOfALargeFolderIsReadWhateverItsLength() throws {
        let folder = try TemporaryFolder()
        var names: [String] = []
        for index in 0..<3_000 {
            let stem = index % 3 == 0 ? "ä" : "f"
            // A UTF-8 name of at most 255 bytes: "ä" is two.
            let length = 1 + index % (stem == "ä" ? 120 : 240)
            names.append(String(repeating: stem, count: length) + "-\(index)")
        }
        for name in names { try folder.write("many/" + name, "") }
        let listing = FileTree.walk(folder.url.appendingPathComponent("many"))
        #expect(listing.files == names.sorted())
        #expect(listing.unreadable.isEmpty)
        #expect(listing.links.isEmpty)
    }
}
