import Foundation
import MotCuaCore
import SQLKit

extension ProcedureStore {
    /// Every version of one procedure, oldest first (the administration page's history).
    public func versions(of code: ProcedureCode) async throws -> [Procedure] {
        try await database.sql.select().column("definition").from("procedures")
            .where("code", .equal, code.rawValue).orderBy("version").all()
            .map { try $0.json("definition", as: Procedure.self) }
    }
}
