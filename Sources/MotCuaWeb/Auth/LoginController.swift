import MotCuaCore
import Foundation
import HTTPTypes
import Hummingbird

/// `GET /dang-nhap` (the form), `POST /dang-nhap` (sign in), `POST /dang-xuat` (sign out).
struct LoginController: Sendable {
    static let path = "/dang-nhap"
    static let logoutPath = "/dang-xuat"

    let auth: AuthServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(stringLiteral: Self.path), use: show)
        router.post(RouterPath(stringLiteral: Self.path), use: signIn)
        router.post(RouterPath(stringLiteral: Self.logoutPath), use: signOut)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        page(LoginPage.Model(next: Self.safeNext(request.uri.queryParameters.get("next")),
                             csrfToken: context.csrfToken), status: .ok)
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(from: &request, limit: 64 * 1024)
        let username = UserAccounts.normalizedUsername(form["username"] ?? "")
        let password = form["password"] ?? ""
        let next = Self.safeNext(form["next"])
        let now = auth.now()
        var model = LoginPage.Model(next: next, csrfToken: context.csrfToken, username: String(username.prefix(64)))

        var keys: [LoginThrottle.Key] = [.username(model.username)]
        // Behind a trusted proxy, the forwarded client; IPv6 by its /64. No address, no address count.
        if context.clientKey != ClientAddress.unknown { keys.append(.address(context.clientKey)) }
        let lockedUntil = try await auth.throttle.lockedUntil(keys, at: now)
        if let until = lockedUntil {
            model.error = LoginPage.tooManyAttempts
            let seconds = max(1, Int(until.timeIntervalSince(now).rounded(.up)))
            return page(model, status: .tooManyRequests, headers: [.retryAfter: "\(seconds)"])
        }
        guard let user = try await auth.accounts.authenticate(username: username, password: password) else {
            try await auth.throttle.recordFailure(keys, at: now)
            // The attempted username is not logged: people sometimes type their password into that field.
            context.logger.notice("sign-in refused")
            model.error = LoginPage.wrongCredentials
            return page(model, status: .unauthorized)
        }
        try await auth.throttle.recordSuccess(username: user.username)
        // A new id at every sign-in (no session fixation); the browser's previous session ends.
        if case .session(let idHash, _) = context.authentication { try await auth.sessions.end(idHash: idHash) }
        let (cookieValue, _) = try await auth.sessions.start(for: user.username, at: now)
        context.logger.info("signed in", metadata: ["motcua.user": .string(user.username)])
        var response = Response(status: .seeOther, headers: [.location: next ?? (Principal(user).map { StaffPaths.start(for: $0.role) } ?? "/")])
        response.setCookie(auth.sessions.cookie(value: cookieValue))
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        if case .session(let idHash, _) = context.authentication {
            try await auth.sessions.end(idHash: idHash)
            context.logger.info("signed out", metadata: ["motcua.user": .string(context.principal?.username ?? "")])
        }
        var response = Response(status: .seeOther, headers: [.location: Self.path])
        response.setCookie(auth.sessions.removalCookie())
        return response
    }

    private func page(_ model: LoginPage.Model, status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.cacheControl] = "no-store"
        return HTMLResponse.make(LoginPage(model: model).document, status: status, headers: headers)
    }

    /// `next` if it is a path on this site (`/…`, not `//host` or `/\host`; printable ASCII only, as a
    /// browser sends it); else nil.
    static func safeNext(_ candidate: String?) -> String? {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), candidate.utf8.count <= 2048,
              !candidate.contains("\\"),
              candidate.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) })
        else { return nil }
        return candidate
    }

    /// The sign-in page's address, coming back to `next` afterwards when it is a local path.
    static func loginURL(next: String?) -> String {
        guard let next = safeNext(next), next != "/" else { return path }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#?")
        return path + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/")
    }
}
