import Foundation
import Hummingbird
import MotCuaStore

/// How long a browser stays signed in.
public struct SessionPolicy: Sendable {
    /// Signed out after this long without a request (long enough for the lunch break at the counter).
    public var idleTimeout: TimeInterval
    /// Signed out this long after signing in, whatever happens (one working day).
    public var absoluteLifetime: TimeInterval
    /// Activity is written back at most this often, so that reading pages does not write on every request.
    public var touchInterval: TimeInterval

    public init(idleTimeout: TimeInterval = 4 * 3600, absoluteLifetime: TimeInterval = 12 * 3600,
                touchInterval: TimeInterval = 60) {
        self.idleTimeout = idleTimeout
        self.absoluteLifetime = absoluteLifetime
        self.touchInterval = touchInterval
    }
}

/// Browser sessions: a random id in the `motcua_session` cookie (HttpOnly, SameSite=Lax, Path=/, Secure
/// when the site is served over HTTPS); the database keeps its SHA-256, the user and the CSRF token.
struct SessionManager: Sendable {
    static let cookieName = "motcua_session"

    let store: SessionStore
    let policy: SessionPolicy
    let secureCookies: Bool

    /// Starts a session for `username`; returns the cookie value (the only copy of the id) and the record.
    func start(for username: String, at instant: Date) async throws -> (cookieValue: String, record: SessionRecord) {
        let id = SecretToken.random()
        let record = SessionRecord(
            idHash: SecretToken.hash(id), username: username, csrfToken: SecretToken.random(),
            createdAt: instant, expiresAt: instant.addingTimeInterval(min(policy.idleTimeout, policy.absoluteLifetime)),
            lastSeenAt: instant)
        try await store.create(record)
        // Housekeeping while we are here: signing in is rare enough, and every server does it.
        try await store.deleteExpired(at: instant)
        return (id, record)
    }

    /// The live session for a cookie value, its activity recorded; nil for anything else.
    func resume(cookieValue: String, at instant: Date) async throws -> SessionRecord? {
        guard SecretToken.isWellFormed(Substring(cookieValue)),
              var record = try await store.session(idHash: SecretToken.hash(cookieValue), at: instant)
        else { return nil }
        if instant.timeIntervalSince(record.lastSeenAt) >= policy.touchInterval {
            let expiresAt = min(instant.addingTimeInterval(policy.idleTimeout),
                                record.createdAt.addingTimeInterval(policy.absoluteLifetime))
            try await store.touch(idHash: record.idHash, at: instant, expiresAt: expiresAt)
            record.lastSeenAt = instant
            record.expiresAt = expiresAt
        }
        return record
    }

    func end(idHash: String) async throws {
        try await store.delete(idHash: idHash)
    }

    /// The cookie that carries a new session. No Expires/Max-Age: it goes when the browser closes (shared
    /// counter PCs), and the server ends it earlier by the policy.
    func cookie(value: String) -> Cookie {
        Cookie(name: Self.cookieName, value: value, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// The cookie that makes a browser forget its session.
    func removalCookie() -> Cookie {
        Cookie(name: Self.cookieName, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
               secure: secureCookies, httpOnly: true, sameSite: .lax)
    }
}
