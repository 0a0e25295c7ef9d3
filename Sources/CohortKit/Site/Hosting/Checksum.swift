import CImageLibraries
import Foundation

/// zlib's CRC-32, written as eight hexadecimal digits: short names that follow from bytes alone.
enum Checksum {
    /// The CRC-32 of `bytes`, such as `3f2a9c1e`.
    static func crc32(_ bytes: Data) -> String {
        let value = bytes.withUnsafeBytes { buffer in
            CImageLibraries.crc32(0, buffer.bindMemory(to: UInt8.self).baseAddress, uInt(buffer.count))
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
