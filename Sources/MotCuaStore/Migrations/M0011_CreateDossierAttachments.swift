import SQLKit

/// Files attached to online dossiers, kept in the database (not on one server's disk) so that every app
/// server behind the load balancer can serve them, and a backup of the database holds them.
struct M0011_CreateDossierAttachments: Migration {
    let version = 11
    let name = "CreateDossierAttachments"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "dossier_attachments")
            .column("id", type: .text, .primaryKey(autoIncrement: false))  // UUID: not guessable from a sequence
            .column("dossier_code", type: .text, .notNull, .references("dossiers", "code"))
            .column("position", type: .int, .notNull)  // order as submitted
            .column("file_name", type: .text, .notNull)
            .column("content_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("bytes", type: .blob, .notNull)  // BLOB on SQLite, BYTEA on PostgreSQL
            .column("uploaded_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "dossier_attachments_by_dossier").on("dossier_attachments")
            .column("dossier_code").run()
    }
}
