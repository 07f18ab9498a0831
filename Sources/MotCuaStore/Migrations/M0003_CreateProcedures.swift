import SQLKit

/// The procedure catalogue, versioned: a dossier keeps the version in force when it was received.
/// The whole version (documents, fees, internal process) is kept as JSON in `definition`; the columns
/// beside it are what lists, searches and reports filter on.
struct M0003_CreateProcedures: Migration {
    let version = 3
    let name = "CreateProcedures"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "procedures")
            .column("code", type: .text, .notNull)  // national code, e.g. 1.001234
            .column("version", type: .int, .notNull)
            .column("valid_from", type: .bigint, .notNull)  // Unix seconds, UTC
            .column("name", type: .text, .notNull)
            .column("search_text", type: .text, .notNull)  // name and field without diacritics, lower case
            .column("field", type: .text, .notNull)
            .column("agency_code", type: .text, .notNull, .references("agencies", "code"))
            .column("local_minutes", type: .int, .notNull)  // processing time applied, in working minutes
            .column("online_level", type: .text, .notNull)
            .column("definition", type: .text, .notNull)
            .primaryKey("code", "version")
            .run()
        try await database.create(index: "procedures_by_agency").on("procedures").column("agency_code").run()
    }
}
