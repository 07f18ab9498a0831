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
    /// Whether the user may see and act on the dossier: one of their agencies received it, owns its procedure
    /// or holds its step in progress (managers and administrators: every dossier).
    func mayAccess(_ dossier: Dossier) -> Bool {
        covers(dossier.code.agencyCode) || covers(dossier.owningAgencyCode)
            || dossier.openVisit.map { covers($0.agencyCode) } == true
    }

    /// The agencies a list is restricted to; nil for roles that see every agency.
    var listRestriction: Set<AgencyCode>? {
        switch role {
        case .manager, .administrator: nil
        case .reception, .specialist, .leader: agencies
        }
    }

    func requireAccess(to dossier: Dossier) throws {
        guard mayAccess(dossier) else {
            throw Problem.forbidden(
                "Hồ sơ \(dossier.code) không thuộc cơ quan của bạn (tiếp nhận, chủ quản thủ tục hoặc đang xử lý); bạn không có quyền truy cập.")
        }
    }
}
