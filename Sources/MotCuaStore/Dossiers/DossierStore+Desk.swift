import Foundation
import MotCuaCore
import SQLKit

extension DossierStore {
    /// What the desk decides about papers it does not receive as they are.
    public enum DeskDecision: Sendable, Hashable {
        /// Mẫu 02: the papers are incomplete; the applicant is told what to add.
        case supplement(reason: String, documents: [String])
        /// Mẫu 03: the desk refuses to receive the dossier.
        case refuse(reason: String)
    }

    /// Registers a counter dossier the desk does not receive, and records the desk's decision, in one
    /// transaction. Circular 01/2018 gives Mẫu 02 and Mẫu 03 a dossier code: the slips are issued for a
    /// registered dossier, which stays "not received" (supplement requested at reception, or not accepted).
    public func registerAtDesk(_ request: RegistrationRequest, decision: DeskDecision, at instant: Date,
                               actor: String) async throws -> Dossier {
        let reference = try await ReferenceData.load(database)
        return try await database.transaction { sql in
            var dossier = try await Self.register(request, at: instant, actor: actor, receive: false,
                                                  reference: reference, on: sql)
            let procedure = try await ProcedureStore.procedure(request.procedureCode, at: instant, on: sql)
            let command: DossierCommand = switch decision {
            case let .supplement(reason, documents): .requestSupplement(reason: reason, documents: documents)
            case let .refuse(reason): .refuseAtDesk(reason: reason)
            }
            let event = try dossier.execute(command, at: instant, actor: actor, context: reference.context(for: procedure, at: instant))
            try await DossierRows.append([event], to: dossier.code, on: sql)
            try await DossierRows.update(dossier, receivingAgency: request.receivingAgency, field: procedure.field, on: sql)
            try await NoticeStore.write(for: [event], dossier: dossier, facts: reference.noticeFacts(dossier, procedure: procedure), on: sql)
            return dossier
        }
    }
}
