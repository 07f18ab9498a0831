import Foundation
import SQLKit

/// A signed-in browser. `idHash` is the SHA-256 (hex) of the random value in the visitor's cookie: a copy
/// of this table is not enough to sign in as anyone.
public struct SessionRecord: Sendable, Equatable {
    public var idHash: String
    public var username: String
    /// Sent back with every form and unsafe request of this session (CSRF protection).
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date
    public var lastSeenAt: Date

    public init(idHash: String, username: String, csrfToken: String, createdAt: Date, expiresAt: Date, lastSeenAt: Date) {
        self.idHash = idHash
        self.username = username
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastSeenAt = lastSeenAt
    }
}

/// Browser sessions (`sessions`), in the database so that every app server sees every session.
public struct SessionStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func create(_ session: SessionRecord) async throws {
        try await database.sql.insert(into: "sessions")
            .columns("id_hash", "username", "csrf_token", "created_at", "expires_at", "last_seen_at")
            .values(SQLBind(session.idHash), SQLBind(session.username), SQLBind(session.csrfToken),
                    SQLBind(Instant.seconds(session.createdAt)), SQLBind(Instant.seconds(session.expiresAt)),
                    SQLBind(Instant.seconds(session.lastSeenAt)))
            .run()
    }

    /// The session whose id hashes to `idHash`, if it exists and has not expired at `instant`.
    public func session(idHash: String, at instant: Date) async throws -> SessionRecord? {
        guard let row = try await database.sql.select()
            .columns("id_hash", "username", "csrf_token", "created_at", "expires_at", "last_seen_at")
            .from("sessions")
            .where("id_hash", .equal, idHash)
            .where("expires_at", .greaterThan, Instant.seconds(instant))
            .first()
        else { return nil }
        return SessionRecord(
            idHash: try row.decode(column: "id_hash", as: String.self),
            username: try row.decode(column: "username", as: String.self),
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            createdAt: Instant.date(try row.decode(column: "created_at", as: Int.self)),
            expiresAt: Instant.date(try row.decode(column: "expires_at", as: Int.self)),
            lastSeenAt: Instant.date(try row.decode(column: "last_seen_at", as: Int.self)))
    }

    /// Records activity: the session was seen at `instant` and now expires at `expiresAt`.
    public func touch(idHash: String, at instant: Date, expiresAt: Date) async throws {
        try await database.sql.update("sessions")
            .set("last_seen_at", to: SQLBind(Instant.seconds(instant)))
            .set("expires_at", to: SQLBind(Instant.seconds(expiresAt)))
            .where("id_hash", .equal, idHash)
            .run()
    }

    /// Ends one session (sign-out).
    public func delete(idHash: String) async throws {
        try await database.sql.delete(from: "sessions").where("id_hash", .equal, idHash).run()
    }

    /// Ends every session of a user (disabled account, new password).
    public func deleteAll(username: String) async throws {
        try await database.sql.delete(from: "sessions").where("username", .equal, username).run()
    }

    /// Removes sessions that expired at or before `instant`; returns how many.
    @discardableResult
    public func deleteExpired(at instant: Date) async throws -> Int {
        let cutoff = Instant.seconds(instant)
        return try await database.transaction { sql in
            let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "expired")
                .from("sessions").where("expires_at", .lessThanOrEqual, cutoff).first()
            let count = try row?.decode(column: "expired", as: Int.self) ?? 0
            if count > 0 {
                try await sql.delete(from: "sessions").where("expires_at", .lessThanOrEqual, cutoff).run()
            }
            return count
        }
    }

    /// How many live sessions a user has at `instant`.
    public func count(username: String, at instant: Date) async throws -> Int {
        let row = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "live")
            .from("sessions").where("username", .equal, username)
            .where("expires_at", .greaterThan, Instant.seconds(instant)).first()
        return try row?.decode(column: "live", as: Int.self) ?? 0
    }
}
