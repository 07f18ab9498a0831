import Foundation
import HTTPTypes
import Hummingbird

/// Cross-site request forgery protection for every unsafe request (POST, PUT, PATCH, DELETE) a browser
/// could be tricked into sending:
/// - signed in with the session cookie: the session's token must come back in the form field `_csrf` or
///   the header `X-CSRF-Token`;
/// - anonymous (sign-in, citizens' forms): the same, with the token of the `motcua_csrf` cookie (double
///   submit), so that another site cannot sign a visitor in to an account of its choosing;
/// - `Authorization: Bearer` requests are exempt (no ambient credentials), and so are anonymous requests
///   under `/api/` (they carry no credentials at all).
/// Pages read the token to put in their forms from `context.csrfToken`; a form with files puts it in its
/// action's query (`?_csrf=`), so that it is checked before the body is read. An unsafe request without a
/// session or a CSRF cookie is refused on its headers, and so is a declared body over the path's
/// `BodyLimit` or a multipart boundary RFC 2046 does not allow.
public struct CSRFMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    static let formField = "_csrf"
    static let headerName = HTTPField.Name("X-CSRF-Token")!
    static let anonymousCookieName = "motcua_csrf"

    let secureCookies: Bool

    public init(secureCookies: Bool) {
        self.secureCookies = secureCookies
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var newAnonymousToken = false
        switch context.authentication {
        case .bearer:
            return try await next(request, context)
        case .session(_, let csrfToken):
            context.csrfToken = csrfToken
        case nil:
            if let cookie = request.cookies[Self.anonymousCookieName], SecretToken.isWellFormed(Substring(cookie.value)) {
                context.csrfToken = cookie.value
            } else {
                context.csrfToken = SecretToken.random()
                newAnonymousToken = true
            }
        }
        var request = request
        if Self.isUnsafe(request.method), !(context.authentication == nil && request.isAPIRequest) {
            // Everything here runs before any route, for anyone: refuse on the headers whatever can be
            // refused on them, and read a body only for a visitor who holds a token.
            let limit = BodyLimit.bytes(forPath: request.uri.path)
            if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
                return Self.tooLarge(for: request, limit: limit)
            }
            let isMultipart: Bool
            do { isMultipart = try FormFields.multipartBoundary(of: request) != nil } catch {
                return Self.badMultipart(for: request)
            }
            guard !newAnonymousToken, let expected = context.csrfToken else {
                context.logger.notice("refused an unsafe request without a CSRF cookie or session")
                return Self.refusal(for: request)
            }
            let sent: String?
            if let header = request.headers[Self.headerName] {
                sent = header
            } else if let query = request.uri.queryParameters[Substring(Self.formField)] {
                // Forms with files carry the token in their action's query: it is checked before the body is read.
                sent = String(query)
            } else if isMultipart {
                sent = nil
            } else {
                do {
                    sent = try await FormFields.read(from: &request, limit: limit)[Self.formField]
                } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                    return Self.tooLarge(for: request, limit: limit)
                }
            }
            guard let sent, SecretToken.constantTimeEquals(sent, expected) else {
                context.logger.notice("refused a request without a valid CSRF token")
                return Self.refusal(for: request)
            }
        }
        var response = try await next(request, context)
        if newAnonymousToken, let token = context.csrfToken,
           response.headers[.contentType]?.lowercased().hasPrefix("text/html") == true,
           !response.setsCookie(named: Self.anonymousCookieName) {
            response.setCookie(Cookie(name: Self.anonymousCookieName, value: token, path: "/",
                                      secure: secureCookies, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    static func isUnsafe(_ method: HTTPRequest.Method) -> Bool {
        method == .post || method == .put || method == .patch || method == .delete
    }

    /// A body over the limit: a clear message instead of a bare 413 (a citizen's attachments, usually). The
    /// connection is closed rather than drained: the rest of the body is not worth reading.
    static func tooLarge(for request: Request, limit: Int) -> Response {
        let size = limit >= 1024 * 1024 ? "khoảng \(limit / (1024 * 1024)) MB" : "\(max(1, limit / 1024)) KB"
        let message = "Dữ liệu gửi lên quá lớn (tối đa \(size)). Vui lòng giảm dung lượng hoặc số tệp đính kèm rồi gửi lại."
        var response = request.isAPIRequest
            ? ProblemDetails(status: .contentTooLarge, detail: message).response()
            : SimplePage.response(status: .contentTooLarge, title: "Dữ liệu quá lớn", message: message)
        response.headers[.connection] = "close"
        return response
    }

    /// A multipart body whose boundary RFC 2046 does not allow (missing, or over 70 characters).
    static func badMultipart(for request: Request) -> Response {
        let message = "Dữ liệu gửi lên không đúng định dạng multipart/form-data (boundary phải có từ 1 đến 70 ký tự)."
        if request.isAPIRequest {
            return ProblemDetails(status: .badRequest, detail: message).response()
        }
        return SimplePage.response(status: .badRequest, title: "Yêu cầu không hợp lệ", message: message)
    }

    static func refusal(for request: Request) -> Response {
        if request.isAPIRequest {
            return ProblemDetails(status: .forbidden, detail: "Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF).").response()
        }
        return SimplePage.response(
            status: .forbidden, title: "Yêu cầu không hợp lệ",
            message: "Phiên làm việc đã hết hạn hoặc yêu cầu không hợp lệ. Vui lòng tải lại trang và thử lại.")
    }
}
