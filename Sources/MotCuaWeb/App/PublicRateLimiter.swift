import Foundation
import MotCuaCore
import MotCuaStore

/// The public pages' rate limits, counted in the database so that every app server sees the same counts
/// (`RateLimitStore`), keyed by the client address that `ClientAddressMiddleware` found. Checked before a
/// request's body is read.
struct PublicRateLimiter: Sendable {
    /// What is counted, with its window and its limit.
    struct Bucket: Sendable {
        let name: String
        let windowSeconds: Int
        let limit: Int
    }

    let store: RateLimitStore
    let limits: PublicLimits

    init(database: Database, limits: PublicLimits) {
        store = RateLimitStore(database: database)
        self.limits = limits
    }

    var lookups: Bucket { Bucket(name: "lookup", windowSeconds: 60, limit: limits.lookupsPerMinute) }
    var submissions: Bucket { Bucket(name: "submission", windowSeconds: 60, limit: limits.submissionsPerMinute) }
    var feedback: Bucket { Bucket(name: "feedback", windowSeconds: 3600, limit: limits.feedbackPerHour) }
    /// Wrong phone digits for one dossier code, whoever sends them.
    var wrongDigits: Bucket { Bucket(name: "lookup-code", windowSeconds: limits.codeLockoutSeconds, limit: limits.wrongDigitsPerCode) }

    /// Counts one request of `key` in `bucket`; false when it is over the limit.
    func allow(_ bucket: Bucket, _ key: String, at now: Date) async throws -> Bool {
        let hits = try await store.hit(bucket.name + ":" + key, window: bucket.windowSeconds, at: now)
        // Expired counters are swept now and then by whichever request comes: no extra service to run,
        // and the table stays as small as the last hour's distinct clients.
        if Int.random(in: 0..<64) == 0 { try await store.sweep(before: now) }
        return hits <= bucket.limit
    }

    /// Whether `key` is over `bucket`'s limit, without counting.
    func isOver(_ bucket: Bucket, _ key: String, at now: Date) async throws -> Bool {
        try await store.hits(bucket.name + ":" + key, window: bucket.windowSeconds, at: now) >= bucket.limit
    }

    /// Counts one event of `key` in `bucket` (a wrong guess), without deciding anything.
    func record(_ bucket: Bucket, _ key: String, at now: Date) async throws {
        try await store.hit(bucket.name + ":" + key, window: bucket.windowSeconds, at: now)
    }
}
