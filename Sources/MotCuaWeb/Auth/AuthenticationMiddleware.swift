import Foundation
import HTTPTypes
import Hummingbird

/// Recognises who is asking and fills `context.principal`:
/// - `Authorization: Bearer <API token>` (the JSON API): a wrong, revoked or disabled user's token is
///   answered 401 problem+json at once;
/// - else the `motcua_session` cookie (pages): a stale or forged cookie is ignored (the request goes on
///   anonymously) and removed from the browser.
/// Inactive users are refused either way. Other `Authorization` schemes (e.g. a proxy's Basic) are ignored.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let auth: AuthServices

    public init(auth: AuthServices) {
        self.auth = auth
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let now = auth.now()
        if let authorization = request.headers[.authorization], let token = Self.bearerToken(in: authorization) {
            guard let principal = try await auth.principal(forAPIToken: token, at: now) else {
                context.logger.notice("refused an unknown or inactive API token")
                return ProblemDetails(status: .unauthorized, detail: "Mã truy cập không hợp lệ hoặc đã bị thu hồi.")
                    .response(headers: [.wwwAuthenticate: "Bearer error=\"invalid_token\""])
            }
            context.principal = principal
            context.authentication = .bearer
            context.logger[metadataKey: "motcua.user"] = .string(principal.username)
            return try await next(request, context)
        }
        guard let cookie = request.cookies[SessionManager.cookieName] else {
            return try await next(request, context)
        }
        if let (session, principal) = try await auth.principal(forSessionCookie: cookie.value, at: now) {
            context.principal = principal
            context.authentication = .session(idHash: session.idHash, csrfToken: session.csrfToken)
            context.logger[metadataKey: "motcua.user"] = .string(principal.username)
            return try await next(request, context)
        }
        // A stale or forged cookie: carry on anonymously, and have the browser forget it.
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        if !response.setsCookie(named: SessionManager.cookieName) {
            response.setCookie(auth.sessions.removalCookie())
        }
        return response
    }

    /// The token of `Bearer <token>` (scheme case-insensitive; empty when missing), nil for other schemes.
    static func bearerToken(in header: String) -> Substring? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let scheme = parts.first, scheme.lowercased() == "bearer" else { return nil }
        return parts.count == 2 ? parts[1].drop { $0 == " " } : ""
    }
}
