import Foundation
import MotCuaCore
import SQLKit

extension DossierStore {
    /// The current state of several dossiers in one query (a page deciding per row what its officer may do);
    /// codes that do not exist are left out.
    public func dossiers(_ codes: [DossierCode]) async throws -> [DossierCode: Dossier] {
        guard !codes.isEmpty else { return [:] }
        var states: [DossierCode: Dossier] = [:]
        // Batches keep the bind count well below SQLite's and PostgreSQL's parameter limits.
        for start in stride(from: 0, to: codes.count, by: 500) {
            let batch = codes[start..<min(start + 500, codes.count)].map(\.rawValue)
            let rows = try await database.sql.select().column("state").from("dossiers")
                .where("code", .in, SQLBind.group(batch)).all()
            for row in rows {
                let dossier = try row.json("state", as: Dossier.self)
                states[dossier.code] = dossier
            }
        }
        return states
    }
}
