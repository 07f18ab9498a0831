import Foundation
import MotCuaCore
import SQLKit

/// The Decision 766 "online payment" indicator counts dossiers whose fees were paid online before the end
/// of the period: `paid_at` (the instant the last fee was paid, NULL while unpaid) and `paid_online`
/// (1 online, 0 another channel, NULL unpaid or channel not recorded — `Dossier.paidOnline`).
/// Rows written before this migration are filled from the JSON state of those with fees; their payments
/// carry no channel, so they keep `paid_online` NULL (unknown), never counted as online nor offline.
struct M0013_ProjectPaymentChannel: Migration {
    let version = 13
    let name = "ProjectPaymentChannel"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.alter(table: "dossiers").column("paid_at", type: .bigint).run()
        try await database.alter(table: "dossiers").column("paid_online", type: .smallint).run()
        try await fill(on: database)
    }

    /// Fills the two columns of the rows whose fees are settled, from their JSON state.
    func fill(on database: any SQLDatabase) async throws {
        let rows = try await database.select().columns("code", "state").from("dossiers")
            .where(SQLColumn("fees_paid"), .equal, SQLBind(1)).all()
        for row in rows {
            let code = try row.decode(column: "code", as: String.self)
            guard let dossier = try? MotCuaJSON.decode(Dossier.self, from: Data(try row.decode(column: "state", as: String.self).utf8)) else { continue }
            try await database.update("dossiers")
                .set("paid_at", to: Instant.seconds(dossier.paidAt))
                .set("paid_online", to: dossier.paidOnline.map { $0 ? 1 : 0 })
                .where("code", .equal, code)
                .run()
        }
    }
}
