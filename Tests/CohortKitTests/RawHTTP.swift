import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a plain socket, for sending paths exactly as written (a URL library
/// would clean up `..` and `%2f` before they reach the server) and for reading a WebSocket. Every read
/// gives up after `timeout` seconds, so a test cannot hang.
struct RawHTTP {
    let port: UInt16
    var timeout = 20

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// An open connection.
    final class Connection {
        let socket: Int32
        var buffer = Data()

        init(port: UInt16, timeout: Int) throws {
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socket >= 0 else { throw Failure(description: "socket: \(errno)") }
            var limit = timeval(tv_sec: timeout, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { close(socket); throw Failure(description: "cannot connect to port \(port): \(errno)") }
        }

        deinit { close(socket) }

        func send(_ text: String) throws {
            let bytes = Array(text.utf8)
            guard bytes.withUnsafeBytes({ Glibc.send(socket, $0.baseAddress, $0.count, 0) }) == bytes.count else {
                throw Failure(description: "send failed")
            }
        }

        /// Reads until `buffer` holds `count` bytes.
        func fill(_ count: Int) throws {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while buffer.count < count {
                let received = recv(socket, &chunk, chunk.count, 0)
                guard received > 0 else { throw Failure(description: "the connection ended or timed out") }
                buffer.append(contentsOf: chunk[..<received])
            }
        }

        /// Reads up to and including the blank line after the headers.
        func readHead() throws -> (status: Int, headers: [String: String]) {
            let end = Data("\r\n\r\n".utf8)
            while buffer.range(of: end) == nil { try fill(buffer.count + 1) }
            let range = buffer.range(of: end)!
            let head = String(decoding: buffer[..<range.lowerBound], as: UTF8.self)
            buffer.removeSubrange(..<range.upperBound)
            var lines = head.components(separatedBy: "\r\n")
            let status = Int(lines.removeFirst().split(separator: " ")[1]) ?? 0
            var headers: [String: String] = [:]
            for line in lines {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
            }
            return (status, headers)
        }

        func take(_ count: Int) throws -> Data {
            try fill(count)
            let data = buffer.prefix(count)
            buffer.removeFirst(count)
            return Data(data)
        }
    }

    /// Sends one request with `target` exactly as given, for `host` (127.0.0.1 and the port unless
    /// given), and reads the response.
    func request(_ method: String, _ target: String, host: String? = nil) throws -> Response {
        try send("\(method) \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n",
                 bodyless: method == "HEAD")
    }

    func get(_ target: String, host: String? = nil) throws -> Response { try request("GET", target, host: host) }

    /// Sends `text` as it is (a whole request, or the start of one) and reads the response; its body
    /// too unless `bodyless`.
    func send(_ text: String, bodyless: Bool = false) throws -> Response {
        let connection = try Connection(port: port, timeout: timeout)
        try connection.send(text)
        let (status, headers) = try connection.readHead()
        let length = bodyless ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        return Response(status: status, headers: headers, body: try connection.take(length))
    }

    /// The request that opens a WebSocket on `path`, from a page of `origin` (none if nil).
    func webSocketRequest(_ path: String, origin: String?) -> String {
        "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + (origin.map { "Origin: \($0)\r\n" } ?? "")
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    }

    /// Opens a WebSocket on `path` from a page of `origin` (the server's own unless given); `next()`
    /// on the result reads one text message.
    func webSocket(_ path: String, origin: String? = nil) throws -> WebSocket {
        let connection = try Connection(port: port, timeout: timeout)
        try connection.send(webSocketRequest(path, origin: origin ?? "http://127.0.0.1:\(port)"))
        let (status, _) = try connection.readHead()
        guard status == 101 else { throw Failure(description: "the WebSocket was refused with \(status)") }
        return WebSocket(connection: connection)
    }

    struct WebSocket {
        let connection: Connection

        /// The next text message from the server (which does not mask its frames).
        func next() throws -> String {
            let header = [UInt8](try connection.take(2))
            var length = Int(header[1] & 0x7F)
            if length == 126 { length = Int(try connection.take(2).reduce(0) { $0 << 8 | Int($1) }) }
            if length == 127 { length = Int(try connection.take(8).reduce(0) { $0 << 8 | Int($1) }) }
            return String(decoding: try connection.take(length), as: UTF8.self)
        }
    }
}
