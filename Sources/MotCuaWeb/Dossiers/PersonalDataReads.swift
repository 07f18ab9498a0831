import Foundation
import MotCuaCore
import MotCuaStore

/// Every time an officer is shown a dossier applicant's identity and contacts — on `/ho-so/{code}`, from
/// the JSON API or on a printed slip — the audit trail records who read whose data, when and through which door
/// (`dossier.personal_data_read`). Managers and administrators, who are never shown them, leave no row.
struct PersonalDataReads: Sendable {
    let audits: AuditStore

    init(database: Database) {
        audits = AuditStore(database: database)
    }

    /// Records the read when `principal` is shown `dossier`'s personal data; `via` names the door
    /// ("page", "api", "api-events", "slip 01").
    func record(_ principal: Principal, read dossier: Dossier, via: String, at instant: Date) async throws {
        guard dossier.applicant != nil, principal.mayReadPersonalData(of: dossier) else { return }
        try await audits.append(AuditEvent(
            at: instant, actor: principal.username, action: .dossierPersonalDataRead, objectKind: "dossier",
            objectID: dossier.code.rawValue, after: AuditEvent.values(["via": via])))
    }
}
