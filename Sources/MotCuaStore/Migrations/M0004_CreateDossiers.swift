import SQLKit

/// Dossiers, their append-only history and the per-agency daily code sequences.
///
/// `dossier_events` is the record of truth: every change is one row, and `dossiers.state` (JSON) is the
/// fold of those rows. The other `dossiers` columns are projections of the state for the queries that
/// must run in SQL over millions of rows: statistics for a period, work queues, late lists, lookups.
/// Instants are Unix seconds (UTC) so both dialects compare and group them the same way.
struct M0004_CreateDossiers: Migration {
    let version = 4
    let name = "CreateDossiers"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "dossiers")
            .column("code", type: .text, .primaryKey(autoIncrement: false))
            .column("receiving_agency_code", type: .text, .notNull)
            .column("procedure_code", type: .text, .notNull)
            .column("procedure_version", type: .int, .notNull)
            .column("owning_agency_code", type: .text, .notNull)
            .column("field", type: .text, .notNull)
            .column("channel", type: .text, .notNull)
            .column("status", type: .int, .notNull)  // national portal status code 1–10
            .column("applicant_name", type: .text)
            .column("applicant_phone_last4", type: .text)  // for the public status lookup
            .column("registered_at", type: .bigint, .notNull)
            .column("received_at", type: .bigint)
            .column("due_at", type: .bigint)  // legal due instant (statistics), never moved by an extension
            .column("citizen_due_at", type: .bigint)
            .column("completed_at", type: .bigint)  // result ready (approved or refused)
            .column("outcome", type: .text)  // approved | refused
            .column("closed_at", type: .bigint)  // not accepted, withdrawn or stopped
            .column("withdrawn_at", type: .bigint)  // a received dossier withdrawn or stopped (statistics)
            .column("returned_at", type: .bigint)
            .column("return_channel", type: .text)
            .column("current_agency_code", type: .text)  // the open step's agency (work queues)
            .column("current_step", type: .text)
            .column("current_step_due_at", type: .bigint)
            .column("late_agency_code", type: .text)
            .column("late_step", type: .text)
            .column("late_kind", type: .text)  // actual | system_only
            .column("late_reason", type: .text)
            .column("apology_sent", type: .smallint)  // 0 / 1 (portable boolean)
            .column("version", type: .int, .notNull)  // number of events: optimistic concurrency
            .column("state", type: .text, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        for (index, columns) in [
            ("dossiers_by_received_at", ["received_at"]),
            ("dossiers_by_completed_at", ["completed_at"]),
            ("dossiers_by_withdrawn_at", ["withdrawn_at"]),
            ("dossiers_by_owner_completed", ["owning_agency_code", "completed_at"]),
            ("dossiers_by_current_agency", ["current_agency_code", "current_step_due_at"]),
            ("dossiers_by_receiving_agency", ["receiving_agency_code", "registered_at"]),
            ("dossiers_by_procedure", ["procedure_code", "received_at"]),
        ] {
            var builder = database.create(index: SQLIdentifier(index)).on("dossiers")
            for column in columns { builder = builder.column(SQLIdentifier(column)) }
            try await builder.run()
        }

        try await database.create(table: "dossier_events")
            .column("dossier_code", type: .text, .notNull, .references("dossiers", "code"))
            .column("sequence", type: .int, .notNull)  // 1, 2, 3 … per dossier
            .column("at", type: .bigint, .notNull)
            .column("actor", type: .text, .notNull)
            .column("type", type: .text, .notNull)
            .column("from_status", type: .int)
            .column("to_status", type: .int, .notNull)
            .column("payload", type: .text, .notNull)  // JSON
            .primaryKey("dossier_code", "sequence")
            .run()

        try await database.create(table: "dossier_sequences")
            .column("agency_code", type: .text, .notNull)
            .column("local_day", type: .text, .notNull)  // YYMMDD in Vietnamese local time
            .column("last_value", type: .int, .notNull)
            .primaryKey("agency_code", "local_day")
            .run()
    }
}
