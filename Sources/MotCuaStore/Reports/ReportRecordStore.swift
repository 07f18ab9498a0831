import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// The register of issued documents and the report entries officers record during the quarter.
public struct ReportRecordStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    // MARK: Issued documents

    /// Adds or replaces (same id) documents of the register, in one transaction (with `audit`, when given).
    public func save(documents: [IssuedDocument], audit: AuditEvent? = nil) async throws {
        let rows = try documents.map { d in
            [SQLBind(d.id), SQLBind(d.number), SQLBind(d.date.description), SQLBind(d.type), SQLBind(d.issuer),
             SQLBind(d.subject), SQLBind(try JSONText.encode(d.tags)), SQLBind(d.reportSection), SQLBind(d.lead),
             SQLBind(d.note), SQLBind(d.position)] as [any SQLExpression]
        }
        let ids = documents.map(\.id)
        try await database.transaction { sql in
            for batch in ids.chunked(ImportLimits.batchRows) {
                try await sql.delete(from: "issued_documents").where("id", .in, Array(batch)).run()
            }
            for batch in rows.chunked(ImportLimits.batchRows) {
                var insert = sql.insert(into: "issued_documents").columns(
                    "id", "number", "issued_on", "type", "issuer", "subject", "tags", "report_section", "lead", "note", "position")
                for row in batch { insert = insert.values(row) }
                try await insert.run()
            }
            try await AuditStore.append(audit, on: sql)
        }
    }

    public func save(_ document: IssuedDocument, audit: AuditEvent? = nil) async throws {
        try await save(documents: [document], audit: audit)
    }

    /// The documents dated within the period (inclusive), by date then number.
    public func documents(from: LocalDate, to: LocalDate) async throws -> [IssuedDocument] {
        let rows = try await database.sql.select().column("*").from("issued_documents")
            .where("issued_on", .greaterThanOrEqual, from.description)
            .where("issued_on", .lessThanOrEqual, to.description)
            .orderBy("issued_on").orderBy("position").orderBy("number")
            .all()
        return try rows.map { row in
            IssuedDocument(
                id: try row.decode(column: "id", as: String.self),
                number: try row.decode(column: "number", as: String.self),
                date: try LocalDate(iso: row.decode(column: "issued_on", as: String.self)),
                type: try row.decode(column: "type", as: String.self),
                issuer: try row.decode(column: "issuer", as: String.self),
                subject: try row.decode(column: "subject", as: String.self),
                tags: try row.json("tags", as: [String].self),
                reportSection: try row.optional("report_section", as: String.self),
                lead: try row.optional("lead", as: String.self),
                note: try row.optional("note", as: String.self),
                position: try row.decode(column: "position", as: Int.self))
        }
    }

    // MARK: Entries

    /// Adds or replaces (same id) entries, in one transaction (with `audit`, when given).
    public func save(entries: [ReportEntry], audit: AuditEvent? = nil) async throws {
        let rows = entries.map { e in
            [SQLBind(e.id), SQLBind(e.kind.rawValue), SQLBind(e.date.description), SQLBind(e.section), SQLBind(e.position),
             SQLBind(e.category), SQLBind(e.count), SQLBind(e.title), SQLBind(e.text), SQLBind(e.result)] as [any SQLExpression]
        }
        let ids = entries.map(\.id)
        try await database.transaction { sql in
            for batch in ids.chunked(ImportLimits.batchRows) {
                try await sql.delete(from: "report_entries").where("id", .in, Array(batch)).run()
            }
            for batch in rows.chunked(ImportLimits.batchRows) {
                var insert = sql.insert(into: "report_entries").columns(
                    "id", "kind", "on_date", "section", "position", "category", "count", "title", "body", "result")
                for row in batch { insert = insert.values(row) }
                try await insert.run()
            }
            try await AuditStore.append(audit, on: sql)
        }
    }

    public func save(_ entry: ReportEntry, audit: AuditEvent? = nil) async throws {
        try await save(entries: [entry], audit: audit)
    }

    /// The entries dated within the period (inclusive), in recording order (position, date, id).
    public func entries(from: LocalDate, to: LocalDate, kinds: [ReportEntry.Kind]? = nil) async throws -> [ReportEntry] {
        var query = database.sql.select().column("*").from("report_entries")
            .where("on_date", .greaterThanOrEqual, from.description)
            .where("on_date", .lessThanOrEqual, to.description)
        if let kinds { query = query.where("kind", .in, kinds.map(\.rawValue)) }
        let rows = try await query.orderBy("position").orderBy("on_date").orderBy("id").all()
        return try rows.compactMap { row in
            guard let kind = ReportEntry.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            return ReportEntry(
                id: try row.decode(column: "id", as: String.self), kind: kind,
                date: try LocalDate(iso: row.decode(column: "on_date", as: String.self)),
                section: try row.decode(column: "section", as: String.self),
                position: try row.decode(column: "position", as: Int.self),
                category: try row.decode(column: "category", as: String.self),
                count: try row.decode(column: "count", as: Int.self),
                title: try row.decode(column: "title", as: String.self),
                text: try row.decode(column: "body", as: String.self),
                result: try row.decode(column: "result", as: String.self))
        }
    }

    // MARK: Removing

    /// Removes a document of the register; false when there was none with that id.
    @discardableResult
    /// `audit`, when given, is appended in the same transaction, with the removed row as its `before`.
    public func deleteDocument(id: String, audit: AuditEvent? = nil) async throws -> Bool {
        try await database.transaction { sql in
            guard let existing = try await sql.select().column("*").from("issued_documents").where("id", .equal, id).first() else {
                return false
            }
            try await sql.delete(from: "issued_documents").where("id", .equal, id).run()
            if var audit {
                audit.before = AuditEvent.values(existing.auditValues())
                try await AuditStore.append(audit, on: sql)
            }
            return true
        }
    }

    /// Removes a report entry; false when there was none with that id.
    @discardableResult
    /// `audit`, when given, is appended in the same transaction, with the removed row as its `before`.
    public func deleteEntry(id: String, audit: AuditEvent? = nil) async throws -> Bool {
        try await database.transaction { sql in
            guard let existing = try await sql.select().column("*").from("report_entries").where("id", .equal, id).first() else {
                return false
            }
            try await sql.delete(from: "report_entries").where("id", .equal, id).run()
            if var audit {
                audit.before = AuditEvent.values(existing.auditValues())
                try await AuditStore.append(audit, on: sql)
            }
            return true
        }
    }
}
