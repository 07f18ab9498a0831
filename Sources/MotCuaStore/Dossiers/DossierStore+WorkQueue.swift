import Foundation
import MotCuaCore
import SQLKit

/// One dossier waiting at a step of an agency: what a work queue lists.
public struct QueuedDossier: Sendable, Hashable {
    public let code: DossierCode
    public let procedureCode: String
    public let status: DossierStatus
    public let agency: AgencyCode
    public let step: String
    public let stepDueAt: Date?
    public let citizenDueAt: Date?
}

extension DossierStore {
    /// The dossiers whose step in progress belongs to one of `agencies`, the most urgent first (the index
    /// on current agency and step due instant serves it).
    public func workQueue(of agencies: Set<AgencyCode>, limit: Int = 200) async throws -> [QueuedDossier] {
        guard !agencies.isEmpty else { return [] }
        let rows = try await database.sql.select()
            .columns("code", "procedure_code", "status", "current_agency_code", "current_step", "current_step_due_at", "citizen_due_at")
            .from("dossiers")
            .where("current_agency_code", .in, SQLBind.group(agencies.map(\.rawValue).sorted()))
            .where("current_step", .isNot, SQLLiteral.null)
            .orderBy("current_step_due_at").orderBy("code")
            .limit(max(1, min(limit, 1000)))
            .all()
        return try rows.map { row in
            guard let status = DossierStatus(rawValue: try row.decode(column: "status", as: Int.self)) else {
                throw StoreError.corrupt(table: "dossiers", key: try row.decode(column: "code", as: String.self), reason: "unknown status")
            }
            return QueuedDossier(
                code: try DossierCode(parsing: row.decode(column: "code", as: String.self)),
                procedureCode: try row.decode(column: "procedure_code", as: String.self),
                status: status,
                agency: try AgencyCode(parsing: row.decode(column: "current_agency_code", as: String.self)),
                step: try row.decode(column: "current_step", as: String.self),
                stepDueAt: try row.optional("current_step_due_at", as: Int.self).map(Instant.date),
                citizenDueAt: try row.optional("citizen_due_at", as: Int.self).map(Instant.date))
        }
    }
}
