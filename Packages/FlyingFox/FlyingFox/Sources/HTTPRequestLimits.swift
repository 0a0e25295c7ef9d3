//
//  HTTPRequestLimits.swift
//  FlyingFox
//
//  Cohort patch: not in FlyingFox 0.27.1 (see PATCH.md). MIT licence, as the rest of this copy.
//

import Foundation

/// Cohort patch: how large a request's head may be. The request line and the header fields are read
/// up to these sizes and no further, so a request over them is answered at once (with `response`)
/// instead of read until the client stops sending or the connection times out.
public struct HTTPRequestLimits: Sendable {
    /// The part of a request's head that was too large.
    public enum Part: Sendable, Equatable {
        /// The request line (method, target, version), without its line break.
        case requestLine
        /// The header fields together, their line breaks and the blank line after them included.
        case headers
    }

    /// The longest request line, in bytes.
    public var requestLine: Int
    /// The most bytes of header fields.
    public var headers: Int
    /// The answer to a request with a part over its limit; the connection closes after it.
    public var response: @Sendable (Part) -> HTTPResponse

    /// Limits of `requestLine` and `headers` bytes, answered by `response`.
    public init(requestLine: Int, headers: Int, response: @escaping @Sendable (Part) -> HTTPResponse) {
        self.requestLine = requestLine
        self.headers = headers
        self.response = response
    }

    /// What the decoder throws when a part is over its limit.
    struct Exceeded: Error {
        var part: Part
    }
}
