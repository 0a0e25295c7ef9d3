import CohortKit
import FlyingFox
import Foundation

/// Answers HTTP requests from the site in memory: the live-reload WebSocket, or a `PreviewResponse`.
struct PreviewHandler: HTTPHandler {
    let site: PreviewSite
    let liveReload: WebSocketHTTPHandler

    init(site: PreviewSite, liveReload: LiveReload) {
        self.site = site
        self.liveReload = WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: liveReload))
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let target = request.target.path()
        if target == LiveReload.path, request.method == .GET {
            return try await liveReload.handleRequest(request)
        }
        let current = site.current
        let answer = PreviewResponse.answer(method: request.method.rawValue, target: target, file: { current.version?.file($0) },
                                            diagnostics: current.diagnostics, sourceLine: DiagnosticFormat.sourceLine,
                                            page: LiveReload.inject)
        var headers = HTTPHeaders()
        for header in answer.headers { headers[HTTPHeader(header.name)] = header.value }
        return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: Self.phrase(answer.status)), headers: headers, body: answer.body)
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        default: "Internal Server Error"
        }
    }
}
