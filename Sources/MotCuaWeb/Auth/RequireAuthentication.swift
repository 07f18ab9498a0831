import Foundation
import HTTPTypes
import Hummingbird
import MotCuaCore

extension AppRequestContext {
    /// The signed-in user, or an error that answers for them: pages redirect to the sign-in page (coming
    /// back here afterwards), the JSON API says 401 problem+json.
    ///
    /// ```swift
    /// router.get("/ho-so") { request, context in
    ///     let principal = try context.requirePrincipal(request)
    ///     …
    /// }
    /// ```
    public func requirePrincipal(_ request: Request) throws -> Principal {
        guard let principal else { throw AuthenticationRequired(request: request) }
        return principal
    }

    /// The signed-in user if their role is one of `roles`; 403 otherwise (401/redirect when anonymous).
    public func requireRole(_ request: Request, _ roles: Principal.Role...) throws -> Principal {
        try requireRole(request, Set(roles))
    }

    public func requireRole(_ request: Request, _ roles: Set<Principal.Role>) throws -> Principal {
        let principal = try requirePrincipal(request)
        guard roles.contains(principal.role) else { throw AccessForbidden(request: request) }
        return principal
    }
}

/// Guards a whole group of routes: `router.group("quan-tri").add(middleware: RequirePrincipalMiddleware(.administrator))`.
/// Without roles, any signed-in user passes.
public struct RequirePrincipalMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let roles: Set<Principal.Role>

    public init(_ roles: Principal.Role...) {
        self.roles = Set(roles)
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        if roles.isEmpty { _ = try context.requirePrincipal(request) } else { _ = try context.requireRole(request, roles) }
        return try await next(request, context)
    }
}

/// Nobody is signed in: a redirect to the sign-in page, or 401 problem+json for the API.
public struct AuthenticationRequired: HTTPResponseError {
    let isAPI: Bool
    let next: String?

    init(request: Request) {
        isAPI = request.isAPIRequest
        // Only a page can be come back to; after an unsafe request the user starts again from the home page.
        next = request.method == .get || request.method == .head ? request.uri.description : nil
    }

    public var status: HTTPResponse.Status { isAPI ? .unauthorized : .seeOther }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        if isAPI {
            return ProblemDetails(status: .unauthorized, detail: "Vui lòng đăng nhập.")
                .response(headers: [.wwwAuthenticate: "Bearer"])
        }
        return Response(status: .seeOther, headers: [.location: LoginController.loginURL(next: next)])
    }
}

/// Signed in, but the role does not allow this.
public struct AccessForbidden: HTTPResponseError {
    let isAPI: Bool

    init(request: Request) {
        isAPI = request.isAPIRequest
    }

    public var status: HTTPResponse.Status { .forbidden }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        if isAPI {
            return ProblemDetails(status: .forbidden, detail: "Bạn không có quyền thực hiện thao tác này.").response()
        }
        return SimplePage.response(status: .forbidden, title: "Không có quyền truy cập",
                                   message: "Tài khoản của bạn không có quyền truy cập trang này.")
    }
}
