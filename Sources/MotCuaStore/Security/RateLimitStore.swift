import Foundation
import SQLKit

/// Fixed-window counters shared by every app server (they live in the database, not in one process's
/// memory), for the limits that stop abuse of the public pages. A key names what is counted
/// ("lookup:203.0.113.7", "lookup-code:000.00.15.H56-210712-0007"); a window is a whole number of seconds
/// aligned on the epoch, so every server agrees on which window an instant falls in.
public struct RateLimitStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Counts one hit of `key` in the window holding `instant`; returns the hits of that window, this one included.
    /// - Parameter keptFor: how long after the window's start the counter must stay (default: the window).
    @discardableResult
    public func hit(_ key: String, window seconds: Int, at instant: Date, keptFor: Int? = nil) async throws -> Int {
        let start = Self.windowStart(instant, seconds)
        let row = try await database.sql.raw("""
            INSERT INTO rate_limit_counters (counter_key, window_start, expires_at, hits)
            VALUES (\(bind: key), \(bind: start), \(bind: start + max(seconds, keptFor ?? seconds)), 1)
            ON CONFLICT (counter_key, window_start) DO UPDATE SET hits = rate_limit_counters.hits + 1
            RETURNING hits
            """).first()
        return try row?.decode(column: "hits", as: Int.self) ?? 0
    }

    /// The hits of `key` in the window holding `instant`, without counting one.
    public func hits(_ key: String, window seconds: Int, at instant: Date) async throws -> Int {
        let row = try await database.sql.select().column("hits").from("rate_limit_counters")
            .where("counter_key", .equal, key).where("window_start", .equal, Self.windowStart(instant, seconds))
            .first()
        return try row?.decode(column: "hits", as: Int.self) ?? 0
    }

    /// The hits of `key` in the windows that started at or after `since` (a sliding total over small windows).
    public func hits(_ key: String, since: Date) async throws -> Int {
        let row = try await database.sql.raw("""
            SELECT COALESCE(SUM(hits), 0) AS total FROM rate_limit_counters
            WHERE counter_key = \(bind: key) AND window_start >= \(bind: Instant.seconds(since))
            """).first()
        return try row?.decode(column: "total", as: Int.self) ?? 0
    }

    /// Marks `key` until `until` (a lockout): one row that lasts that long.
    public func mark(_ key: String, at instant: Date, until: Date) async throws {
        try await database.sql.raw("""
            INSERT INTO rate_limit_counters (counter_key, window_start, expires_at, hits)
            VALUES (\(bind: key), \(bind: Instant.seconds(instant)), \(bind: Instant.seconds(until)), 1)
            ON CONFLICT (counter_key, window_start) DO UPDATE SET expires_at = \(bind: Instant.seconds(until))
            """).run()
    }

    /// The latest end of a mark on any of `keys` still running at `instant`, if any.
    public func markedUntil(_ keys: [String], at instant: Date) async throws -> Date? {
        guard !keys.isEmpty else { return nil }
        let row = try await database.sql.select().column(SQLFunction("MAX", args: SQLColumn("expires_at")), as: "until")
            .from("rate_limit_counters").where("counter_key", .in, keys)
            .where("expires_at", .greaterThan, Instant.seconds(instant)).first()
        return try row?.decode(column: "until", as: Int?.self).map(Instant.date)
    }

    /// Forgets every counter of `key`.
    public func clear(_ key: String) async throws {
        try await database.sql.delete(from: "rate_limit_counters").where("counter_key", .equal, key).run()
    }

    /// Deletes the counters whose window ended before `instant`; returns how many.
    @discardableResult
    public func sweep(before instant: Date) async throws -> Int {
        let rows = try await database.sql.raw("""
            DELETE FROM rate_limit_counters WHERE expires_at < \(bind: Instant.seconds(instant)) RETURNING counter_key
            """).all()
        return rows.count
    }

    static func windowStart(_ instant: Date, _ seconds: Int) -> Int {
        let now = Instant.seconds(instant)
        return now - ((now % seconds) + seconds) % seconds
    }
}
