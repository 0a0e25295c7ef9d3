import CohortKit
import FlyingFox
import Foundation

/// Answers HTTP requests from the site in memory: for another host, a refusal; the live-reload
/// WebSocket, for the preview's own pages; or a `PreviewResponse`.
struct PreviewHandler: HTTPHandler {
    let site: PreviewSite
    let hosts: ServedHosts
    let liveReload: WebSocketHTTPHandler

    init(site: PreviewSite, hosts: ServedHosts, liveReload: LiveReload) {
        self.site = site
        self.hosts = hosts
        self.liveReload = WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: liveReload))
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard hosts.accepts(host: request.headers[.host]) else { return HTTPResponse(.misdirected(answering: hosts.names)) }
        let target = request.target.path()
        if target == LiveReload.socketPath, request.method == .GET {
            guard hosts.accepts(origin: request.headers[HTTPHeader("Origin")]) else {
                return HTTPResponse(.foreignOrigin(answering: hosts.names))
            }
            return try await liveReload.handleRequest(request)
        }
        let current = site.current
        return HTTPResponse(PreviewResponse.answer(method: request.method.rawValue, target: target, file: { current.version?.file($0) },
                                                   previewFile: LiveReload.file, diagnostics: current.diagnostics,
                                                   sourceLine: DiagnosticFormat.sourceLine, page: { LiveReload.inject(into: $0, at: target) }))
    }
}

extension HTTPResponse {
    /// `answer`, as FlyingFox sends it.
    init(_ answer: PreviewResponse) {
        var headers = HTTPHeaders()
        for header in answer.headers { headers[HTTPHeader(header.name)] = header.value }
        self.init(statusCode: HTTPStatusCode(answer.status, phrase: Self.phrase(answer.status)), headers: headers, body: answer.body)
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 414: "URI Too Long"
        case 421: "Misdirected Request"
        case 431: "Request Header Fields Too Large"
        default: "Internal Server Error"
        }
    }
}
