import MotCuaCore
import Foundation
import HTTPTypes
import Hummingbird
import MotCuaStore

/// Everything authentication needs, built once per application from its configuration and shared by the
/// middleware and the sign-in pages.
public struct AuthServices: Sendable {
    public let accounts: UserAccounts
    let sessions: SessionManager
    public let throttle: LoginThrottle
    public let secureCookies: Bool
    /// The clock; tests may stop it.
    let now: @Sendable () -> Date

    public init(configuration: AppConfiguration, throttle: LoginThrottle? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) {
        accounts = UserAccounts(database: configuration.database,
                                hasher: PasswordHasher(cost: configuration.passwordHashCost))
        sessions = SessionManager(store: SessionStore(database: configuration.database),
                                  policy: configuration.sessionPolicy, secureCookies: configuration.secureCookies)
        self.throttle = throttle ?? LoginThrottle(database: configuration.database)
        secureCookies = configuration.secureCookies
        self.now = now
    }

    /// The active user a session cookie stands for.
    func principal(forSessionCookie value: String, at instant: Date) async throws -> (SessionRecord, Principal)? {
        guard let session = try await sessions.resume(cookieValue: value, at: instant),
              let user = try await accounts.users.user(session.username), user.active,
              let principal = Principal(user)
        else { return nil }
        return (session, principal)
    }

    /// The active user an unexpired API token stands for.
    func principal(forAPIToken token: Substring, at instant: Date) async throws -> Principal? {
        guard APIToken.isWellFormed(token) else { return nil }
        let hash = SecretToken.hash(String(token))
        guard let record = try await accounts.tokens.token(hash: hash), !record.isExpired(at: instant),
              let user = try await accounts.users.user(record.username), user.active,
              let principal = Principal(user)
        else { return nil }
        // Recorded at most once a minute per token: enough to see which tokens are still in use.
        if record.lastUsedAt.map({ instant.timeIntervalSince($0) >= 60 }) ?? true {
            try await accounts.tokens.markUsed(hash: hash, at: instant)
        }
        return principal
    }
}

extension Response {
    /// Whether the response already sets (or removes) the cookie `name`.
    func setsCookie(named name: String) -> Bool {
        headers[values: .setCookie].contains { $0.hasPrefix(name + "=") }
    }
}
