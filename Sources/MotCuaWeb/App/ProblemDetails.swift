import HTTPTypes
import Hummingbird

/// RFC 9457 problem details, the error body of every JSON API response
/// (`application/problem+json`).
public struct ProblemDetails: Sendable, Equatable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String

    public init(type: String = "about:blank", status: HTTPResponse.Status, detail: String) {
        self.type = type
        self.title = status.reasonPhrase
        self.status = status.code
        self.detail = detail
    }

    /// The JSON text, members in the RFC's order.
    public var json: String {
        "{\"type\":\(Self.quoted(type)),\"title\":\(Self.quoted(title)),\"status\":\(status),\"detail\":\(Self.quoted(detail))}"
    }

    public func response(headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "application/problem+json"
        return Response(status: HTTPResponse.Status(code: status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension Request {
    /// Whether the request is for the JSON API (answered with problem details rather than pages).
    var isAPIRequest: Bool {
        let path = uri.path
        return path == "/api" || path.hasPrefix("/api/")
    }
}
