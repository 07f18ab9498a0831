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
