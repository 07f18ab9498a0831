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

extension DossierStore {
    /// Dossiers accepted at one site for another, not yet received: those coming to `sites` (to receive)
    /// and those `sites` accepted (to forward, or waiting for the competent desk), oldest first.
    public func forwardingQueue(of sites: Set<AgencyCode>, limit: Int = 200) async throws
        -> (incoming: [Dossier], outgoing: [Dossier])
    {
        guard !sites.isEmpty else { return ([], []) }
        let list = SQLBind.group(sites.map(\.rawValue).sorted())
        let rows = try await database.sql.select().column("code").from("dossiers")
            .where("received_at", .is, SQLLiteral.null).where("closed_at", .is, SQLLiteral.null)
            .where(SQLColumn("site_code"), .notEqual, SQLColumn("receiving_agency_code"))
            .where { $0.where("site_code", .in, list).orWhere("receiving_agency_code", .in, list) }
            .orderBy("registered_at").orderBy("code")
            .limit(max(1, min(limit, 1000)))
            .all()
        let codes = try rows.map { try DossierCode(parsing: $0.decode(column: "code", as: String.self)) }
        let states = try await dossiers(codes)
        let ordered = codes.compactMap { states[$0] }
        return (ordered.filter { sites.contains($0.deskAgencyCode) }, ordered.filter { sites.contains($0.code.agencyCode) })
    }
}
