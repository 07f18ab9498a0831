import Foundation

/// Slows down password guessing: after 5 failed sign-ins for one username, or from one address, within
/// 15 minutes, further attempts for it are refused for 15 minutes, without checking the password.
///
/// Counts are kept in memory, per app server: with several servers an attacker gets 5 tries per server
/// and window, which still stops guessing at any useful rate; a restart forgets the counts. Behind a proxy
/// every visitor has the proxy's address, so the address limit then works for the whole office at once;
/// the username limit is the one that matters. Attempts refused during a lockout are not counted, so a
/// lockout ends 15 minutes after the failure that caused it.
public actor LoginThrottle {
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
    }

    private struct Entry {
        var failures: [Date] = []
        var lockedUntil: Date?
    }

    public let limits: Limits
    private var entries: [Key: Entry] = [:]
    /// Past this many keys, stale ones are swept out so that a flood of made-up usernames cannot grow memory.
    private let sweepThreshold = 10_000

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// When the earliest lockout among `keys` ends, or nil when none is locked at `instant`.
    public func lockedUntil(_ keys: [Key], at instant: Date) -> Date? {
        keys.compactMap { entries[$0]?.lockedUntil }.filter { $0 > instant }.max()
    }

    public func recordFailure(_ keys: [Key], at instant: Date) {
        if entries.count > sweepThreshold { sweep(at: instant) }
        for key in keys {
            var entry = entries[key] ?? Entry()
            entry.failures.removeAll { instant.timeIntervalSince($0) >= limits.window }
            entry.failures.append(instant)
            if entry.failures.count >= limits.maximumFailures {
                entry.lockedUntil = instant.addingTimeInterval(limits.lockout)
                entry.failures = []
            }
            entries[key] = entry
        }
    }

    /// A successful sign-in clears the username's failures (not the address's: one good account must not
    /// reset the count of an address that is guessing others).
    public func recordSuccess(username: String) {
        entries[.username(username)] = nil
    }

    private func sweep(at instant: Date) {
        entries = entries.filter { _, entry in
            (entry.lockedUntil.map { $0 > instant } ?? false)
                || entry.failures.contains { instant.timeIntervalSince($0) < limits.window }
        }
    }
}
