import SQLKit

/// Two defences of issue 10:
/// - `rate_limit_counters`: fixed-window counters shared by every app server (status lookups and online
///   submissions per client address, wrong phone digits per dossier code), swept when they expire;
/// - one satisfaction rating per dossier, enforced by the database. A database that already holds several
///   ratings of one dossier keeps the earliest; the others move to `satisfaction_ratings_duplicates`
///   (kept, not counted), so nothing is lost and the figures stop counting them.
struct M0014_CreateAbuseCountersAndUniqueRatings: Migration {
    let version = 14
    let name = "CreateAbuseCountersAndUniqueRatings"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "rate_limit_counters")
            .column("counter_key", type: .text, .notNull)
            .column("window_start", type: .bigint, .notNull)  // UTC seconds
            .column("expires_at", type: .bigint, .notNull)
            .column("hits", type: .int, .notNull)
            .primaryKey("counter_key", "window_start")
            .run()
        try await database.create(index: "rate_limit_counters_by_expiry").on("rate_limit_counters").column("expires_at").run()

        try await database.create(table: "satisfaction_ratings_duplicates")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("at", type: .bigint, .notNull)
            .column("dossier_code", type: .text, .notNull)
            .column("officer", type: .text, .notNull)
            .column("rating", type: .text, .notNull)
            .run()
        // A constant (no data): the ratings that have an earlier one of the same dossier.
        let later = """
            FROM satisfaction_ratings r WHERE EXISTS (
              SELECT 1 FROM satisfaction_ratings e WHERE e.dossier_code = r.dossier_code
                AND (e.at < r.at OR (e.at = r.at AND e.id < r.id)))
            """
        try await database.raw("""
            INSERT INTO satisfaction_ratings_duplicates (id, at, dossier_code, officer, rating)
            SELECT r.id, r.at, r.dossier_code, r.officer, r.rating \(unsafeRaw: later)
            """).run()
        try await database.raw("DELETE FROM satisfaction_ratings WHERE id IN (SELECT r.id \(unsafeRaw: later))").run()
        try await database.drop(index: "ratings_by_dossier").run()
        try await database.create(index: "ratings_one_per_dossier").unique().on("satisfaction_ratings").column("dossier_code").run()
    }
}
