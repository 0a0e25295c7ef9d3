import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The hosts a preview answers to. A web page elsewhere can point a name of its own at this computer
/// (DNS rebinding) and read the preview through it; the `Host` header then carries that name, so a
/// request whose `Host` is not one of these gets 421. An IP address cannot be pointed elsewhere, so
/// addresses are safe to answer to; names are answered only for `localhost`.
///
/// Served, each with the preview's port or without a port: `localhost`, `127.0.0.1` and `[::1]`; the
/// address listened on (`--bind`), when it is one address; any IP address, when it is every address of
/// the computer (`0.0.0.0` or `::`). The live-reload WebSocket answers only pages of these hosts, with
/// the port: its `Origin` must be `http://` and one of them, or it gets 403.
struct ServedHosts: Sendable {
    /// The port listened on.
    let port: UInt16
    /// The address listened on, when it is one address given as such; nil for `localhost` and for every address.
    private let bound: [UInt8]?
    /// Whether the preview listens on every address of the computer.
    private let everyAddress: Bool

    /// The hosts of a preview listening on `bind` (as `--bind` gives it) and `port`.
    init(bind: String, port: UInt16) {
        self.port = port
        let address = Self.address(bind) ?? Self.address("[\(bind)]")
        everyAddress = address.map { $0.allSatisfy { $0 == 0 } } ?? false
        bound = everyAddress ? nil : address
    }

    private static let loopback = [address("127.0.0.1"), address("[::1]")]

    /// Whether a request with this `Host` header is served.
    func accepts(host: String?) -> Bool {
        guard let host, let (name, port) = Self.authority(host) else { return false }
        return (port == nil || port == self.port) && accepts(name: name)
    }

    /// Whether a WebSocket upgrade with this `Origin` header comes from a page of the preview.
    func accepts(origin: String?) -> Bool {
        guard let origin, origin.lowercased().hasPrefix("http://"),
              let (name, port) = Self.authority(String(origin.dropFirst("http://".count))) else { return false }
        return (port ?? 80) == self.port && accepts(name: name)
    }

    /// The hosts served, for the answer to a request for another one.
    var names: [String] {
        let listened = bound.flatMap(Self.written).map { [$0] } ?? []
        let names = (["localhost", "127.0.0.1", "[::1]"] + listened.filter { !["127.0.0.1", "[::1]"].contains($0) }).map { "\($0):\(port)" }
        return names + (everyAddress ? ["any IP address of this computer with :\(port)"] : [])
    }

    private func accepts(name: String) -> Bool {
        if name == "localhost" { return true }
        guard let address = Self.address(name) else { return false }
        return everyAddress || address == bound || Self.loopback.contains(address)
    }

    /// The name (lowercased; an IPv6 address in its brackets) and port of `host[:port]`, or nil if it
    /// is not of that form.
    private static func authority(_ text: String) -> (name: String, port: UInt16?)? {
        let text = text.lowercased()
        let name: Substring, rest: Substring
        if text.hasPrefix("[") {
            guard let end = text.firstIndex(of: "]") else { return nil }
            name = text[...end]
            rest = text[text.index(after: end)...]
        } else {
            name = text.prefix { $0 != ":" }
            rest = text.dropFirst(name.count)
        }
        guard !name.isEmpty else { return nil }
        if rest.isEmpty { return (String(name), nil) }
        let digits = rest.dropFirst()
        guard rest.first == ":", !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }), let port = UInt16(digits) else { return nil }
        return (String(name), port)
    }

    /// The bytes of an IPv4 address (`127.0.0.1`) or of an IPv6 address in brackets (`[::1]`).
    private static func address(_ name: String) -> [UInt8]? {
        let isIPv6 = name.hasPrefix("[") && name.hasSuffix("]")
        var bytes = [UInt8](repeating: 0, count: isIPv6 ? 16 : 4)
        let text = isIPv6 ? String(name.dropFirst().dropLast()) : name
        return inet_pton(isIPv6 ? AF_INET6 : AF_INET, text, &bytes) == 1 ? bytes : nil
    }

    /// An address as a `Host` header writes it.
    private static func written(_ bytes: [UInt8]) -> String? {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(bytes.count == 16 ? AF_INET6 : AF_INET, bytes, &text, socklen_t(text.count)) != nil else { return nil }
        let written = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return bytes.count == 16 ? "[\(written)]" : written
    }
}
