import SQLKit

/// Citizens' feedback and petitions (phản ánh, kiến nghị): received with a reference number, assigned
/// to an agency, answered, and the answer published.
struct M0010_CreateFeedback: Migration {
    let version = 10
    let name = "CreateFeedback"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "feedback")
            .column("reference", type: .text, .primaryKey(autoIncrement: false))  // PAKN-YYMMDD-XXXX
            .column("received_at", type: .bigint, .notNull)
            .column("name", type: .text, .notNull)
            .column("contact", type: .text, .notNull)
            .column("content", type: .text, .notNull)
            .column("dossier_code", type: .text)
            .column("agency_code", type: .text)
            .column("answer", type: .text)
            .column("answered_at", type: .bigint)
            .column("answered_by", type: .text)
            .column("published", type: .smallint, .notNull)
            .run()
        try await database.create(index: "feedback_by_received_at").on("feedback").column("received_at").run()
    }
}
