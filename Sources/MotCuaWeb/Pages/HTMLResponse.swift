import HTTPTypes
import Hummingbird
import Plot

/// Server-rendered pages: Plot builds the document, so every text and attribute is escaped by construction.
enum HTMLResponse {
    static func make(_ document: HTML, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document.render())))
    }
}

/// A page with a title and one message: errors and refusals, in the public site layout.
enum SimplePage {
    static func document(title: String, message: String) -> HTML {
        SiteLayout.page(title: title,
                        .h1(.text(title)),
                        .p(.text(message)),
                        .p(.a(.href("/"), .text("Về trang chủ"))))
    }

    static func response(status: HTTPResponse.Status, title: String, message: String) -> Response {
        HTMLResponse.make(document(title: title, message: message), status: status)
    }
}
