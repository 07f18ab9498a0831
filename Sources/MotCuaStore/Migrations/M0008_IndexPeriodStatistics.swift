import Foundation
import MotCuaCore
import SQLKit

/// What a period's statistics and the Decision 766 indicators need to stay under a second on 10,000,000
/// dossiers (BENCHMARKS.md), and the projections the indicators count:
/// - `finished_at` = the earlier of `completed_at` and `withdrawn_at`, and `open_seconds` = `finished_at` −
///   `received_at`. A dossier counts in a period only if it was received in it, or was open at its start
///   (received before, finished at or after the start, or not at all). The unfinished ones are an index
///   range on (`finished_at`, `received_at`) at NULL; the finished ones were received at most
///   MAX(`open_seconds`) before the start (one index lookup), so both are bounded index ranges instead of
///   a scan of all the history received before the period.
/// - `scoring_due_at`: the due instant of the 766 scoring (supplement waits paused, `Dossier.effectiveScoringDueAt`);
///   `processing_supplements`: supplement requests after receipt; `has_fees` / `fees_paid` (0 / 1).
///   Rows written before this migration are filled here: in SQL, and from the JSON state of those with a
///   supplement or payment round (`requested_at`).
struct M0008_IndexPeriodStatistics: Migration {
    let version = 8
    let name = "IndexPeriodStatistics"

    func prepare(on database: any SQLDatabase) async throws {
        for column in ["finished_at", "open_seconds", "scoring_due_at"] {
            try await database.alter(table: "dossiers").column(column, type: .bigint).run()
        }
        for column in ["processing_supplements", "has_fees", "fees_paid"] {
            try await database.alter(table: "dossiers").column(column, type: .int).run()
        }
        for (index, columns) in [
            ("dossiers_by_finished", ["finished_at", "received_at"]),
            ("dossiers_by_open_seconds", ["open_seconds"]),
        ] {
            var builder = database.create(index: SQLIdentifier(index)).on("dossiers")
            for column in columns { builder = builder.column(SQLIdentifier(column)) }
            try await builder.run()
        }
        try await database.raw("""
            UPDATE dossiers SET
                finished_at = CASE WHEN completed_at IS NULL THEN withdrawn_at
                                   WHEN withdrawn_at IS NULL OR completed_at <= withdrawn_at THEN completed_at
                                   ELSE withdrawn_at END,
                scoring_due_at = due_at, processing_supplements = 0, has_fees = 0, fees_paid = 0
            """).run()
        try await database.raw("UPDATE dossiers SET open_seconds = finished_at - received_at WHERE finished_at IS NOT NULL AND received_at IS NOT NULL").run()
        // Supplements and payments live only in the JSON state: read it where it mentions them.
        let rows = try await database.select().columns("code", "state").from("dossiers")
            .where(SQLColumn("state"), .like, SQLBind("%requested_at%")).all()
        for row in rows {
            let code = try row.decode(column: "code", as: String.self)
            guard let dossier = try? MotCuaJSON.decode(Dossier.self, from: Data(try row.decode(column: "state", as: String.self).utf8)) else { continue }
            try await database.update("dossiers")
                .set("scoring_due_at", to: Instant.seconds(dossier.effectiveScoringDueAt))
                .set("processing_supplements", to: dossier.processingSupplementRequests)
                .set("has_fees", to: dossier.hasFees ? 1 : 0)
                .set("fees_paid", to: dossier.feesPaid ? 1 : 0)
                .where("code", .equal, code)
                .run()
        }
    }
}
