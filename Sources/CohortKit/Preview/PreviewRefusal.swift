/// The preview's answers to requests it does not serve: those for a host it does not answer to, a
/// live-reload socket opened from another site's page, and requests whose head is over its limits.
/// Each is short plain text that says why.
extension PreviewResponse {
    /// 421 Misdirected Request, for a `Host` that is none of `hosts` (written `name:port`).
    public static func misdirected(answering hosts: [String]) -> PreviewResponse {
        plain(421, "This preview answers only to these hosts, with or without the port: \(hosts.joined(separator: ", ")). "
              + "This request's Host header names none of them.\n")
    }

    /// 403 Forbidden, for a live-reload socket whose `Origin` is not a page of `hosts` (written `name:port`).
    public static func foreignOrigin(answering hosts: [String]) -> PreviewResponse {
        plain(403, "Live reload answers only pages of this preview, from http:// and one of these hosts: \(hosts.joined(separator: ", ")).\n")
    }

    /// 414 URI Too Long, for a request line (its line break included) over `limit` bytes.
    public static func requestLineTooLong(limit: Int) -> PreviewResponse {
        plain(414, "The request line is longer than \(limit) bytes.\n")
    }

    /// 431 Request Header Fields Too Large, for header fields over `limit` bytes in all.
    public static func headersTooLarge(limit: Int) -> PreviewResponse {
        plain(431, "The request's header fields are over \(limit) bytes in all.\n")
    }
}
