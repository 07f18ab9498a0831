import SQLKit

/// What the quarterly report is written from besides the statistics: the register of issued documents, the
/// entries officers record during the quarter (training, meetings, portal questions, feedback, the PAPI plan
/// table, directions, free paragraphs …), and the reports themselves, a draft's overrides or an issued
/// report's frozen content. Dates are local ISO dates ("2021-08-04"), which sort as text on both dialects.
struct M0009_CreateReportRecords: Migration {
    let version = 9
    let name = "CreateReportRecords"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "issued_documents")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("number", type: .text, .notNull)
            .column("issued_on", type: .text, .notNull)
            .column("type", type: .text, .notNull)
            .column("issuer", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("tags", type: .text, .notNull)  // JSON array of strings
            .column("report_section", type: .text)
            .column("lead", type: .text)
            .column("note", type: .text)
            .column("position", type: .bigint, .notNull)
            .run()
        try await database.create(index: "issued_documents_by_date").on("issued_documents").column("issued_on").run()
        try await database.create(table: "report_entries")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("kind", type: .text, .notNull)
            .column("on_date", type: .text, .notNull)
            .column("section", type: .text, .notNull)
            .column("position", type: .bigint, .notNull)
            .column("category", type: .text, .notNull)
            .column("count", type: .bigint, .notNull)
            .column("title", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("result", type: .text, .notNull)
            .run()
        try await database.create(index: "report_entries_by_date").on("report_entries").column("on_date").run()
        try await database.create(table: "reports")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("period_from", type: .text, .notNull)
            .column("period_to", type: .text, .notNull)
            .column("agency_code", type: .text, .notNull)  // "" for the whole center
            .column("statistics_from", type: .text, .notNull)
            .column("statistics_to", type: .text, .notNull)
            .column("status", type: .text, .notNull)  // draft | issued
            .column("number", type: .text)
            .column("issued_on", type: .text)
            .column("overrides", type: .text, .notNull)  // JSON object: paragraph id → text
            .column("content", type: .text)  // the issued report model, JSON
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "reports_by_period").on("reports")
            .column("period_from").column("period_to").column("agency_code").unique().run()
    }
}
