//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

extension String {
    /// HTML escape string. Replace '<', '>' and '&' with HTML escaped versions
    func htmlEscape() -> String {
        // Cohort patch: scan the UTF-8 bytes, and return text without any of the five characters as it
        // is. The five are ASCII, so they never occur inside a multi-byte character; unlike the
        // character-by-character original, a `<` followed by a combining mark is escaped too.
        var text = self
        return text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
                return self
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case 0x3C: output.append(contentsOf: "&lt;".utf8)
                case 0x3E: output.append(contentsOf: "&gt;".utf8)
                case 0x26: output.append(contentsOf: "&amp;".utf8)
                case 0x22: output.append(contentsOf: "&quot;".utf8)
                case 0x27: output.append(contentsOf: "&#39;".utf8)
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}
