import HTTPTypes
import Hummingbird
import Logging

/// Security headers on every response, error responses included:
/// - a Content-Security-Policy that allows only this site's own scripts, styles, images (and data: images),
///   no inline script or style, no framing, forms posted only here;
/// - `X-Content-Type-Options: nosniff`, `Referrer-Policy: same-origin`, `X-Frame-Options: DENY`, a
///   Permissions-Policy that turns off powerful features, `Cross-Origin-Opener-Policy: same-origin`;
/// - `Strict-Transport-Security` when the site is served over HTTPS;
/// - `Cache-Control: no-store` on responses to requests that carry credentials (session cookie or
///   `Authorization`) and on responses that set a cookie, unless the route chose its own caching.
/// A header a route set itself is kept. Errors thrown further in are turned into their responses here so
/// that they get the headers too; an unexpected error becomes a plain 500 (logged, details not shown).
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    }
    static var permissionsPolicy: String {
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
    }

    let headers: HTTPFields

    public init(httpsOnly: Bool) {
        var headers: HTTPFields = [
            .contentSecurityPolicy: Self.contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "same-origin",
            HTTPField.Name("X-Frame-Options")!: "DENY",
            HTTPField.Name("Permissions-Policy")!: Self.permissionsPolicy,
            HTTPField.Name("Cross-Origin-Opener-Policy")!: "same-origin",
        ]
        if httpsOnly { headers[.strictTransportSecurity] = "max-age=31536000" }
        self.headers = headers
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))",
                                                              "error": "\(error)"])
            response = Response(status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: "Lỗi hệ thống. Vui lòng thử lại sau.")))
        }
        for field in headers where response.headers[field.name] == nil {
            response.headers[field.name] = field.value
        }
        let carriesCredentials = request.headers[.authorization] != nil
            || request.headers[values: .cookie].contains { $0.contains("motcua_session=") }
        if response.headers[.cacheControl] == nil, carriesCredentials || response.headers[.setCookie] != nil {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}
