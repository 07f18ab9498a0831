import Foundation
import MotCuaStore

/// Slows down password guessing: after 5 failed sign-ins for one username, or from one client address,
/// within 15 minutes, further attempts for it are refused for 15 minutes, without checking the password.
///
/// The counts live in the database (`RateLimitStore`), so every app server sees the same ones and a restart
/// forgets nothing: failures are counted in one-minute buckets and summed over the last 15 minutes (a
/// sliding window to the minute); a lockout is one row that lasts 15 minutes. Addresses are the clients'
/// (behind a trusted proxy, the forwarded ones; IPv6 by its /64). Attempts refused during a lockout are not
/// counted, so a lockout ends 15 minutes after the failure that caused it.
public struct LoginThrottle: Sendable {
    public struct Limits: Sendable {
        public var maximumFailures: Int
        public var window: TimeInterval
        public var lockout: TimeInterval

        public init(maximumFailures: Int = 5, window: TimeInterval = 15 * 60, lockout: TimeInterval = 15 * 60) {
            self.maximumFailures = maximumFailures
            self.window = window
            self.lockout = lockout
        }
    }

    /// What is being counted: a (normalized) username or a client address.
    public enum Key: Hashable, Sendable {
        case username(String)
        case address(String)

        var name: String {
            switch self {
            case .username(let username): "user:" + username
            case .address(let address): "address:" + address
            }
        }
    }

    static let bucketSeconds = 60
    public let limits: Limits
    let store: RateLimitStore

    public init(database: Database, limits: Limits = Limits()) {
        store = RateLimitStore(database: database)
        self.limits = limits
    }

    /// When the latest lockout among `keys` ends, or nil when none is locked at `instant`.
    public func lockedUntil(_ keys: [Key], at instant: Date) async throws -> Date? {
        try await store.markedUntil(keys.map { "login-lock:" + $0.name }, at: instant)
    }

    public func recordFailure(_ keys: [Key], at instant: Date) async throws {
        for key in keys {
            let failures = "login-fail:" + key.name
            try await store.hit(failures, window: Self.bucketSeconds, at: instant,
                                keptFor: Int(limits.window) + Self.bucketSeconds)
            let recent = try await store.hits(failures, since: instant.addingTimeInterval(-limits.window + 1))
            if recent >= limits.maximumFailures {
                try await store.mark("login-lock:" + key.name, at: instant, until: instant.addingTimeInterval(limits.lockout))
                try await store.clear(failures)
            }
        }
    }

    /// A successful sign-in clears the username's failures (not the address's: one good account must not
    /// reset the count of an address that is guessing others).
    public func recordSuccess(username: String) async throws {
        try await store.clear("login-fail:" + Key.username(username).name)
    }
}
