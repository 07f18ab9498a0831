import Crypto
import Foundation
import MotCuaCore
import SQLKit

/// Which rows of the trail to list: every criterion is optional; newest first, `limit` at a time.
public struct AuditFilter: Sendable, Hashable {
    public var actor: String?
    public var action: AuditAction?
    public var objectKind: String?
    public var objectID: String?
    /// From this instant (inclusive) …
    public var from: Date?
    /// … to this one (exclusive).
    public var until: Date?
    /// Only rows older than this id (the cursor of the previous page).
    public var beforeID: Int64?
    public var limit: Int

    public init(actor: String? = nil, action: AuditAction? = nil, objectKind: String? = nil, objectID: String? = nil,
                from: Date? = nil, until: Date? = nil, beforeID: Int64? = nil, limit: Int = 50) {
        self.actor = actor
        self.action = action
        self.objectKind = objectKind
        self.objectID = objectID
        self.from = from
        self.until = until
        self.beforeID = beforeID
        self.limit = limit
    }
}

/// A page of the trail, and the cursor of the next (older) one when there is more.
public struct AuditPage: Sendable, Hashable {
    public var entries: [AuditEntry]
    public var nextBeforeID: Int64?
}

/// The first row where the chain does not hold, and why.
public struct AuditChainBreak: Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        /// The row's content no longer gives its stored hash: a field was changed.
        case contentAltered(stored: String, computed: String)
        /// The row does not point at the hash of the row before it: that row was changed or removed.
        case previousHashMismatch(expected: String, stored: String)
        /// Ids must run 1, 2, 3 …: rows before this one were removed.
        case missingRows(expectedID: Int64)
    }

    public var id: Int64
    public var problem: Problem

    public var description: String {
        switch problem {
        case .contentAltered(let stored, let computed):
            "row \(id): its content does not match its hash (stored \(stored.prefix(16))…, computed \(computed.prefix(16))…): a field of row \(id) was altered"
        case .previousHashMismatch(let expected, let stored):
            "row \(id): previous_hash \(stored.prefix(16))… differs from the hash of row \(id - 1) (\(expected.prefix(16))…): row \(id - 1) was altered or replaced"
        case .missingRows(let expectedID):
            expectedID == id - 1
                ? "row \(id): row \(expectedID) is missing (removed)"
                : "row \(id): rows \(expectedID)–\(id - 1) are missing (removed)"
        }
    }
}

/// What `verify` found: how many rows, the last row (its hash is the chain's head, worth noting outside
/// the database), and the first break, nil when the chain is intact.
public struct AuditVerification: Sendable, Hashable {
    public var rows: Int
    public var lastID: Int64?
    public var lastHash: String?
    public var firstBreak: AuditChainBreak?

    public var isIntact: Bool { firstBreak == nil }
}

/// The append-only, hash-chained audit trail (`audit_events`, migration 15).
///
/// Row n stores the SHA-256 of row n-1 (`previous_hash`) and its own hash over
/// `AuditChain.canonicalBytes` (id, instant, actor, action, object, before, after, previous hash). Appends
/// are serialised so that two app servers never fork the chain: on PostgreSQL the appending transaction
/// locks the table in EXCLUSIVE mode (other appenders wait until it commits; readers and `verify` do not),
/// on SQLite the write transaction itself does (`BEGIN IMMEDIATE`); ids are primary keys, so a fork could
/// not even be stored. (A table lock rather than an advisory lock: it is scoped to the schema's table, so
/// databases sharing a server — the tests' schemas — never wait for each other.) The database refuses UPDATE and DELETE on the table (triggers).
public struct AuditStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Appends one row in its own transaction.
    @discardableResult
    public func append(_ event: AuditEvent) async throws -> AuditEntry {
        try await database.transaction { sql in try await Self.append(event, on: sql) }
    }

    /// Appends one row inside the caller's transaction (`Database.transaction`), so that a change and its
    /// audit row commit or roll back together. Must not be called outside a transaction.
    @discardableResult
    public static func append(_ event: AuditEvent, on sql: any SQLDatabase) async throws -> AuditEntry {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("LOCK TABLE audit_events IN EXCLUSIVE MODE").run()
        }
        let last = try await sql.select().columns("id", "hash").from("audit_events")
            .orderBy("id", .descending).limit(1).first()
        let id = try (last?.decode(column: "id", as: Int64.self) ?? 0) + 1
        let previousHash = try last?.decode(column: "hash", as: String.self) ?? AuditChain.genesisHash
        let hash = Self.hash(id: id, event: event, previousHash: previousHash)
        try await sql.insert(into: "audit_events")
            .columns("id", "at", "actor", "action", "object_kind", "object_id", "before", "after", "previous_hash", "hash")
            .values(SQLBind(id), SQLBind(Instant.seconds(event.at)), SQLBind(event.actor), SQLBind(event.action.rawValue),
                    SQLBind(event.objectKind), SQLBind(event.objectID), SQLBind(event.before), SQLBind(event.after),
                    SQLBind(previousHash), SQLBind(hash))
            .run()
        return AuditEntry(id: id, event: event, previousHash: previousHash, hash: hash)
    }

    /// Appends `event` in the caller's transaction when there is one to append.
    static func append(_ event: AuditEvent?, on sql: any SQLDatabase) async throws {
        if let event { try await append(event, on: sql) }
    }

    /// SHA-256 of the row's canonical bytes, lower-case hex.
    public static func hash(id: Int64, event: AuditEvent, previousHash: String) -> String {
        hex(SHA256.hash(data: AuditChain.canonicalBytes(id: id, event: event, previousHash: previousHash)))
    }

    /// SHA-256 of a file's bytes, lower-case hex: what an import's audit row names the file by.
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in String(byte, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// Rows matching `filter`, newest first.
    public func list(_ filter: AuditFilter) async throws -> AuditPage {
        let limit = max(1, min(filter.limit, 1000))
        var query = database.sql.select().column("*").from("audit_events")
        if let actor = filter.actor { query = query.where("actor", .equal, actor) }
        if let action = filter.action { query = query.where("action", .equal, action.rawValue) }
        if let kind = filter.objectKind { query = query.where("object_kind", .equal, kind) }
        if let id = filter.objectID { query = query.where("object_id", .equal, id) }
        if let from = filter.from { query = query.where("at", .greaterThanOrEqual, Instant.seconds(from)) }
        if let until = filter.until { query = query.where("at", .lessThan, Instant.seconds(until)) }
        if let before = filter.beforeID { query = query.where("id", .lessThan, before) }
        let rows = try await query.orderBy("id", .descending).limit(limit + 1).all()
        let entries = try rows.prefix(limit).map(Self.entry)
        return AuditPage(entries: entries, nextBeforeID: rows.count > limit ? entries.last?.id : nil)
    }

    /// The distinct actors and object kinds of the trail (for the page's filter lists).
    public func distinctValues(of column: String) async throws -> [String] {
        precondition(["actor", "object_kind", "action"].contains(column), "not a filterable column")
        return try await database.sql.select().distinct().column(SQLIdentifier(column)).from("audit_events")
            .orderBy(SQLIdentifier(column)).all().map { try $0.decode(column: column, as: String.self) }
    }

    /// Walks the whole chain in id order, recomputing every hash; stops at the first row that does not hold.
    public func verify(batchSize: Int = 2000) async throws -> AuditVerification {
        var result = AuditVerification(rows: 0)
        var expectedID: Int64 = 1
        var previousHash = AuditChain.genesisHash
        var after: Int64 = 0
        while true {
            let rows = try await database.sql.select().column("*").from("audit_events")
                .where("id", .greaterThan, after).orderBy("id").limit(batchSize).all()
            for row in rows {
                let entry = try Self.entry(row)
                if entry.id != expectedID {
                    result.firstBreak = AuditChainBreak(id: entry.id, problem: .missingRows(expectedID: expectedID))
                    return result
                }
                if entry.previousHash != previousHash {
                    result.firstBreak = AuditChainBreak(
                        id: entry.id, problem: .previousHashMismatch(expected: previousHash, stored: entry.previousHash))
                    return result
                }
                let computed = Self.hash(id: entry.id, event: entry.event, previousHash: entry.previousHash)
                if computed != entry.hash {
                    result.firstBreak = AuditChainBreak(id: entry.id, problem: .contentAltered(stored: entry.hash, computed: computed))
                    return result
                }
                result.rows += 1
                result.lastID = entry.id
                result.lastHash = entry.hash
                previousHash = entry.hash
                expectedID = entry.id + 1
                after = entry.id
            }
            if rows.count < batchSize { return result }
        }
    }

    static func entry(_ row: any SQLRow) throws -> AuditEntry {
        let event = AuditEvent(
            at: Instant.date(try row.decode(column: "at", as: Int.self)),
            actor: try row.decode(column: "actor", as: String.self),
            action: AuditAction(rawValue: try row.decode(column: "action", as: String.self)),
            objectKind: try row.decode(column: "object_kind", as: String.self),
            objectID: try row.decode(column: "object_id", as: String.self),
            before: try row.optional("before", as: String.self),
            after: try row.optional("after", as: String.self))
        return AuditEntry(id: try row.decode(column: "id", as: Int64.self), event: event,
                          previousHash: try row.decode(column: "previous_hash", as: String.self),
                          hash: try row.decode(column: "hash", as: String.self))
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
