import Foundation
import MotCuaCore
import SQLKit

/// Whole dossiers with their histories, written in multi-row INSERTs: for imports and the demo, where
/// thousands of dossiers arrive at once and one transaction per dossier would take minutes.
public struct DossierRecord: Sendable {
    public let dossier: Dossier
    public let events: [DossierEvent]
    public let receivingAgency: AgencyCode
    public let field: String

    public init(dossier: Dossier, events: [DossierEvent], receivingAgency: AgencyCode, field: String) {
        self.dossier = dossier
        self.events = events
        self.receivingAgency = receivingAgency
        self.field = field
    }
}

enum DossierBatch {
    /// Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters.
    static let rowsPerStatement = 400

    static func insert(_ records: some Collection<DossierRecord>, on sql: any SQLDatabase,
                       progress: (Int) -> Void = { _ in }) async throws {
        var done = 0
        for batch in Array(records).chunked(rowsPerStatement) {
            guard let first = batch.first else { continue }
            let names = try DossierProjection(dossier: first.dossier, receivingAgency: first.receivingAgency, field: first.field)
                .columns(updatedAt: first.dossier.lastEventAt).map(\.0)
            var dossiers = sql.insert(into: "dossiers").columns(["code"] + names)
            for record in batch {
                let columns = try DossierProjection(dossier: record.dossier, receivingAgency: record.receivingAgency,
                                                    field: record.field).columns(updatedAt: record.dossier.lastEventAt)
                dossiers = dossiers.values([SQLBind(record.dossier.code.rawValue)] + columns.map { SQLBind($0.1) })
            }
            try await dossiers.run()
            for events in batch.flatMap({ record in record.events.map { (record.dossier.code, $0) } }).chunked(rowsPerStatement) {
                var insert = sql.insert(into: "dossier_events")
                    .columns("dossier_code", "sequence", "at", "actor", "type", "from_status", "to_status", "payload")
                for (code, event) in events {
                    insert = insert.values(
                        SQLBind(code.rawValue), SQLBind(event.sequence), SQLBind(Instant.seconds(event.at)),
                        SQLBind(event.actor), SQLBind(event.type), SQLBind(event.fromStatus?.rawValue),
                        SQLBind(event.toStatus.rawValue), SQLBind(String(decoding: try event.kind.payloadJSON(), as: UTF8.self)))
                }
                try await insert.run()
            }
            done += batch.count
            progress(done)
        }
    }
}

extension DossierStore {
    /// Writes complete dossiers (state and history) in one transaction; codes already stored are skipped.
    /// Returns how many were written.
    @discardableResult
    public func insert(_ records: [DossierRecord], progress: @Sendable (Int) -> Void = { _ in }) async throws -> Int {
        try await database.transaction { sql in
            let existing = try await existingKeys(records.map(\.dossier.code.rawValue), table: "dossiers", column: "code", on: sql)
            let fresh = records.filter { !existing.contains($0.dossier.code.rawValue) }
            try await DossierBatch.insert(fresh, on: sql, progress: progress)
            return fresh.count
        }
    }
}
