import Foundation
import MotCuaCore
import SQLKit

/// A staff account as stored. The password is only ever a hash made by the web layer (bcrypt); the role
/// is its stored name (`Principal.Role` in MotCuaWeb gives it meaning).
public struct UserRecord: Sendable, Equatable {
    public var username: String
    public var displayName: String
    public var passwordHash: String
    public var role: String
    public var active: Bool
    public var createdAt: Date
    /// The agencies the user acts for, sorted.
    public var agencyCodes: [String]

    public init(username: String, displayName: String, passwordHash: String, role: String,
                active: Bool = true, createdAt: Date = Date(), agencyCodes: [String] = []) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.active = active
        self.createdAt = createdAt
        self.agencyCodes = agencyCodes.sorted()
    }
}

/// Staff accounts and the agencies each acts for (`users`, `user_agencies`).
public struct UserStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Adds an account; refuses a username that exists and agency codes the `agencies` table does not know.
    /// `audit`, when given, is appended in the same transaction.
    public func add(_ user: UserRecord, audit: AuditEvent? = nil) async throws {
        try await database.transaction { sql in
            let existing = try await sql.select().column("username").from("users")
                .where("username", .equal, user.username).first()
            guard existing == nil else { throw StoreError.duplicate(kind: "user", key: user.username) }
            try await Self.checkAgenciesExist(user.agencyCodes, on: sql)
            try await sql.insert(into: "users")
                .columns("username", "display_name", "password_hash", "role", "active", "created_at")
                .values(SQLBind(user.username), SQLBind(user.displayName), SQLBind(user.passwordHash),
                        SQLBind(user.role), SQLBind(user.active ? 1 : 0), SQLBind(Instant.seconds(user.createdAt)))
                .run()
            try await Self.insertAgencies(user.agencyCodes, of: user.username, on: sql)
            try await AuditStore.append(audit, on: sql)
        }
    }

    /// The account named `username`, with its agencies; nil when there is none.
    public func user(_ username: String) async throws -> UserRecord? {
        let sql = database.sql
        guard let row = try await sql.select()
            .columns("username", "display_name", "password_hash", "role", "active", "created_at")
            .from("users").where("username", .equal, username).first()
        else { return nil }
        let agencies = try await sql.select().column("agency_code").from("user_agencies")
            .where("username", .equal, username).orderBy("agency_code").all()
            .map { try $0.decode(column: "agency_code", as: String.self) }
        return try Self.record(from: row, agencies: agencies)
    }

    /// Every account, in username order.
    public func all() async throws -> [UserRecord] {
        let sql = database.sql
        var agenciesByUser: [String: [String]] = [:]
        for row in try await sql.select().columns("username", "agency_code").from("user_agencies")
            .orderBy("username").orderBy("agency_code").all() {
            agenciesByUser[try row.decode(column: "username", as: String.self), default: []]
                .append(try row.decode(column: "agency_code", as: String.self))
        }
        return try await sql.select()
            .columns("username", "display_name", "password_hash", "role", "active", "created_at")
            .from("users").orderBy("username").all()
            .map { row in
                try Self.record(from: row, agencies: agenciesByUser[try row.decode(column: "username", as: String.self)] ?? [])
            }
    }

    /// Enables or disables an account. (Signing out its sessions is the caller's business.)
    public func setActive(_ username: String, _ active: Bool, audit: AuditEvent? = nil) async throws {
        try await database.transaction { sql in
            try await Self.requireUser(username, on: sql)
            try await sql.update("users").set("active", to: SQLBind(active ? 1 : 0))
                .where("username", .equal, username).run()
            try await AuditStore.append(audit, on: sql)
        }
    }

    /// Replaces the password hash.
    /// Replaces the password hash and, in the same transaction, revokes the account's API tokens: whoever
    /// reset a password (a leak, a departure) means everything the old credentials made to stop working.
    public func setPasswordHash(_ username: String, _ passwordHash: String, audit: AuditEvent? = nil) async throws {
        try await database.transaction { sql in
            try await Self.requireUser(username, on: sql)
            try await sql.update("users").set("password_hash", to: SQLBind(passwordHash))
                .where("username", .equal, username).run()
            try await APITokenStore(database: database).deleteAll(username: username, on: sql)
            try await AuditStore.append(audit, on: sql)
        }
    }

    /// Replaces the agencies the account acts for.
    public func setAgencies(_ username: String, _ agencyCodes: [String]) async throws {
        try await database.transaction { sql in
            try await Self.requireUser(username, on: sql)
            try await Self.checkAgenciesExist(agencyCodes, on: sql)
            try await sql.delete(from: "user_agencies").where("username", .equal, username).run()
            try await Self.insertAgencies(agencyCodes, of: username, on: sql)
        }
    }

    // MARK: - Rows

    private static func record(from row: any SQLRow, agencies: [String]) throws -> UserRecord {
        UserRecord(
            username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            role: try row.decode(column: "role", as: String.self),
            active: try row.decode(column: "active", as: Int.self) != 0,
            createdAt: Instant.date(try row.decode(column: "created_at", as: Int.self)),
            agencyCodes: agencies)
    }

    private static func requireUser(_ username: String, on sql: any SQLDatabase) async throws {
        let existing = try await sql.select().column("username").from("users")
            .where("username", .equal, username).first()
        guard existing != nil else { throw StoreError.notFound(kind: "user", key: username) }
    }

    private static func checkAgenciesExist(_ codes: [String], on sql: any SQLDatabase) async throws {
        let wanted = Set(codes)
        guard !wanted.isEmpty else { return }
        let known = Set(try await sql.select().column("code").from("agencies")
            .where("code", .in, Array(wanted)).all()
            .map { try $0.decode(column: "code", as: String.self) })
        if let missing = wanted.subtracting(known).sorted().first {
            throw StoreError.notFound(kind: "agency", key: missing)
        }
    }

    private static func insertAgencies(_ codes: [String], of username: String, on sql: any SQLDatabase) async throws {
        for code in Set(codes).sorted() {
            try await sql.insert(into: "user_agencies").columns("username", "agency_code")
                .values(SQLBind(username), SQLBind(code)).run()
        }
    }
}
