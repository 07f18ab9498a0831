import Foundation
import MotCuaCore
import SQLKit

/// A token for the JSON API (`Authorization: Bearer …`). Only its SHA-256 (hex) is stored; the token itself
/// is shown once, when it is made.
public struct APITokenRecord: Sendable, Equatable {
    public var tokenHash: String
    public var username: String
    /// What the token is for, as the administrator named it.
    public var name: String
    public var createdAt: Date
    /// From this instant the token opens nothing.
    public var expiresAt: Date
    public var lastUsedAt: Date?

    public init(tokenHash: String, username: String, name: String, createdAt: Date, expiresAt: Date, lastUsedAt: Date? = nil) {
        self.tokenHash = tokenHash
        self.username = username
        self.name = name
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
    }

    /// What `motcua user tokens` shows and `motcua user revoke-token` takes: the first 12 hex digits of the
    /// stored hash, which tell tokens apart without giving anything away.
    public var id: String { String(tokenHash.prefix(Self.idLength)) }
    public static let idLength = 12

    public func isExpired(at instant: Date) -> Bool { instant >= expiresAt }
}

/// API tokens (`api_tokens`).
public struct APITokenStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func create(_ token: APITokenRecord, audit: AuditEvent? = nil) async throws {
        try await database.transaction { sql in
            let user = try await sql.select().column("username").from("users")
                .where("username", .equal, token.username).first()
            guard user != nil else { throw StoreError.notFound(kind: "user", key: token.username) }
            try await sql.insert(into: "api_tokens")
                .columns("token_hash", "username", "name", "created_at", "expires_at", "last_used_at")
                .values(SQLBind(token.tokenHash), SQLBind(token.username), SQLBind(token.name),
                        SQLBind(Instant.seconds(token.createdAt)), SQLBind(Instant.seconds(token.expiresAt)),
                        SQLBind(Instant.seconds(token.lastUsedAt)))
                .run()
            try await AuditStore.append(audit, on: sql)
        }
    }

    /// The token whose value hashes to `tokenHash`, if any.
    public func token(hash tokenHash: String) async throws -> APITokenRecord? {
        try await database.sql.select()
            .columns(Self.columns)
            .from("api_tokens").where("token_hash", .equal, tokenHash).first()
            .map(Self.record)
    }

    /// A user's tokens, oldest first.
    public func tokens(username: String) async throws -> [APITokenRecord] {
        try await database.sql.select()
            .columns(Self.columns)
            .from("api_tokens").where("username", .equal, username)
            .orderBy("created_at").orderBy("name").all()
            .map(Self.record)
    }

    public func markUsed(hash tokenHash: String, at instant: Date) async throws {
        try await database.sql.update("api_tokens").set("last_used_at", to: SQLBind(Instant.seconds(instant)))
            .where("token_hash", .equal, tokenHash).run()
    }

    /// The tokens whose id (`APITokenRecord.id`) is `id`: one, or none; two only by a 48-bit coincidence.
    public func tokens(id: String) async throws -> [APITokenRecord] {
        try await database.sql.select().columns(Self.columns).from("api_tokens")
            .where(SQLFunction("substr", args: SQLColumn("token_hash"), SQLLiteral.numeric("1"),
                               SQLLiteral.numeric("\(APITokenRecord.idLength)")), .equal, SQLBind(id))
            .all().map(Self.record)
    }

    /// Revokes a token.
    public func delete(hash tokenHash: String, audit: AuditEvent? = nil) async throws {
        try await database.transaction { sql in
            try await sql.delete(from: "api_tokens").where("token_hash", .equal, tokenHash).run()
            try await AuditStore.append(audit, on: sql)
        }
    }

    /// Revokes every token of `username` (a new password ends everything the old one opened); returns how many.
    @discardableResult
    public func deleteAll(username: String, on sql: any SQLDatabase) async throws -> Int {
        try await sql.delete(from: "api_tokens").where("username", .equal, username).returning("token_hash").all().count
    }

    static let columns = ["token_hash", "username", "name", "created_at", "expires_at", "last_used_at"]

    private static func record(_ row: any SQLRow) throws -> APITokenRecord {
        APITokenRecord(
            tokenHash: try row.decode(column: "token_hash", as: String.self),
            username: try row.decode(column: "username", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            createdAt: Instant.date(try row.decode(column: "created_at", as: Int.self)),
            expiresAt: Instant.date(try row.optional("expires_at", as: Int.self) ?? 0),
            lastUsedAt: try row.optional("last_used_at", as: Int.self).map(Instant.date))
    }
}
