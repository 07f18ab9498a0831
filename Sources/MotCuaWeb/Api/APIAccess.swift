import Hummingbird
import MotCuaCore

extension AppRequestContext {
    /// The signed-in user, or a 401 problem.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw Problem.unauthenticated }
        return principal
    }
}

extension Principal {
    /// Whether the user may see the dossier: one of their agencies received it, owns its procedure or
    /// holds (or held) one of its steps (managers and administrators: every dossier). What they may do to
    /// it is `DossierActionPolicy`'s decision.
    func mayAccess(_ dossier: Dossier) -> Bool {
        covers(dossier.code.agencyCode) || covers(dossier.owningAgencyCode)
            || dossier.visits.contains { covers($0.agencyCode) }
    }

    /// Whether the applicant's personal data (identity number, phone, e-mail, address) may be shown: only to
    /// officers of an agency that works on the dossier — not to the center's managers and administrators,
    /// who oversee figures (Decree 13/2023/NĐ-CP: personal data only to those who need it).
    func mayReadPersonalData(of dossier: Dossier) -> Bool {
        switch role {
        case .manager, .administrator: false
        case .reception, .specialist, .leader: mayAccess(dossier)
        }
    }

    /// The agencies a list is restricted to; nil for roles that see every agency.
    var listRestriction: Set<AgencyCode>? {
        switch role {
        case .manager, .administrator: nil
        case .reception, .specialist, .leader: agencies
        }
    }

    /// A refused action as an API problem (403).
    func requirePermission(_ action: DossierAction, on dossier: Dossier) throws {
        do { try DossierActionPolicy.require(self, action, on: dossier) } catch { throw Problem.forbidden(error.message) }
    }

    func requireAccess(to dossier: Dossier) throws {
        guard mayAccess(dossier) else {
            throw Problem.forbidden(
                "Hồ sơ \(dossier.code) không thuộc cơ quan của bạn (tiếp nhận, chủ quản thủ tục hoặc đang xử lý); bạn không có quyền truy cập.")
        }
    }
}
