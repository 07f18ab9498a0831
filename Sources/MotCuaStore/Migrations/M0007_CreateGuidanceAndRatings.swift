import SQLKit

/// The guidance and call-centre log and the satisfaction tablet's ratings.
struct M0007_CreateGuidanceAndRatings: Migration {
    let version = 7
    let name = "CreateGuidanceAndRatings"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "guidance_contacts")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("at", type: .bigint, .notNull)
            .column("kind", type: .text, .notNull)  // in_person | outgoing_call | incoming_call
            .column("agency_code", type: .text, .notNull)
            .column("note", type: .text, .notNull)
            .column("recorded_by", type: .text, .notNull)
            .run()
        try await database.create(index: "guidance_by_at").on("guidance_contacts").column("at").run()
        try await database.create(table: "satisfaction_ratings")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("at", type: .bigint, .notNull)
            .column("dossier_code", type: .text, .notNull)
            .column("officer", type: .text, .notNull)
            .column("rating", type: .text, .notNull)  // very_satisfied | satisfied | unsatisfied
            .run()
        try await database.create(index: "ratings_by_at").on("satisfaction_ratings").column("at").run()
        try await database.create(index: "ratings_by_dossier").on("satisfaction_ratings").column("dossier_code").run()
    }
}
