import Foundation
import MotCuaCore
import SQLKit

/// The versioned procedure catalogue. A version, once stored, is never changed: a new decision is a
/// new version, so dossiers keep the rules they were received under.
public struct ProcedureStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Stores a new version; refuses a version number that exists already.
    /// `audit`, when given, is appended in the same transaction.
    public func add(_ procedure: Procedure, audit: AuditEvent? = nil) async throws {
        try await database.transaction { sql in
            try await Self.add(procedure, on: sql)
            try await AuditStore.append(audit, on: sql)
        }
    }

    static func add(_ procedure: Procedure, on sql: any SQLDatabase) async throws {
        let existing = try await sql.select().column("version").from("procedures")
            .where("code", .equal, procedure.code.rawValue).where("version", .equal, procedure.version).first()
        guard existing == nil else {
            throw StoreError.duplicate(kind: "procedure", key: "\(procedure.code) v\(procedure.version)")
        }
        try await sql.insert(into: "procedures")
            .columns("code", "version", "valid_from", "name", "search_text", "field", "agency_code",
                     "local_minutes", "online_level", "definition")
            .values(SQLBind(procedure.code.rawValue), SQLBind(procedure.version),
                    SQLBind(Instant.seconds(procedure.validFrom)), SQLBind(procedure.name),
                    SQLBind(SearchText.fold(procedure.name + " " + procedure.field + " " + procedure.code.rawValue)),
                    SQLBind(procedure.field), SQLBind(procedure.agencyCode.rawValue),
                    SQLBind(procedure.localTime.workingMinutes()), SQLBind(procedure.onlineLevel.rawValue),
                    SQLBind(try JSONText.encode(procedure)))
            .run()
    }

    /// Every version of every procedure.
    public func catalogue() async throws -> ProcedureCatalogue {
        let rows = try await database.sql.select().column("definition").from("procedures")
            .orderBy("code").orderBy("version").all()
        return try ProcedureCatalogue(try rows.map { try $0.json("definition", as: Procedure.self) })
    }

    /// The exact version a dossier runs under.
    public func procedure(_ reference: ProcedureReference) async throws -> Procedure {
        try await Self.procedure(reference, on: database.sql)
    }

    static func procedure(_ reference: ProcedureReference, on sql: any SQLDatabase) async throws -> Procedure {
        let row = try await sql.select().column("definition").from("procedures")
            .where("code", .equal, reference.code.rawValue).where("version", .equal, reference.version).first()
        guard let row else { throw StoreError.notFound(kind: "procedure", key: reference.description) }
        return try row.json("definition", as: Procedure.self)
    }

    /// The version in force at `instant` (the latest whose `validFrom` is not after it).
    public func procedure(_ code: ProcedureCode, at instant: Date) async throws -> Procedure {
        try await Self.procedure(code, at: instant, on: database.sql)
    }

    static func procedure(_ code: ProcedureCode, at instant: Date, on sql: any SQLDatabase) async throws -> Procedure {
        let row = try await sql.select().column("definition").from("procedures")
            .where("code", .equal, code.rawValue)
            .where("valid_from", .lessThanOrEqual, Instant.seconds(instant))
            .orderBy("version", .descending).limit(1).first()
        guard let row else { throw StoreError.notFound(kind: "procedure", key: "\(code) in force at \(instant)") }
        return try row.json("definition", as: Procedure.self)
    }

    /// The versions in force at `instant`, optionally filtered by a search typed with or without
    /// diacritics (every word must appear), by owning agency or by field; in code order.
    public func current(at instant: Date = Date(), matching search: String? = nil,
                        agency: AgencyCode? = nil, field: String? = nil, limit: Int = 200) async throws -> [Procedure] {
        let words = SearchText.fold(search ?? "").split(separator: " ").map(String.init)
        var query = database.sql.select().column(SQLColumn("definition", table: "p")).from(SQLAlias(SQLIdentifier("procedures"), as: SQLIdentifier("p")))
            .where(SQLColumn("valid_from", table: "p"), .lessThanOrEqual, SQLBind(Instant.seconds(instant)))
            .where(SQLColumn("version", table: "p"), .equal, SQLQueryString(
                "(SELECT MAX(v.version) FROM procedures v WHERE v.code = p.code AND v.valid_from <= \(bind: Instant.seconds(instant)))"))
        for word in words {
            query = query.where(SQLColumn("search_text", table: "p"), .like, SQLBind("%" + Self.escapeLike(word) + "%"))
        }
        if let agency { query = query.where(SQLColumn("agency_code", table: "p"), .equal, SQLBind(agency.rawValue)) }
        if let field { query = query.where(SQLColumn("field", table: "p"), .equal, SQLBind(field)) }
        let rows = try await query.orderBy(SQLColumn("code", table: "p")).limit(max(1, min(limit, 1000))).all()
        return try rows.map { try $0.json("definition", as: Procedure.self) }
    }

    /// `%` and `_` typed by a user are letters, not wildcards. (Folded text has no backslashes to worry about
    /// beyond the ones escaped here.)
    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
    }
}
