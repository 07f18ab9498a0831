import SQLKit

/// Issue 12: the transactional outbox of notices to applicants (`notices`, written with the event that
/// causes them) and the applicants who asked to receive none (`notice_opt_outs`).
struct M0019_CreateNotices: Migration {
    let version = 19
    let name = "CreateNotices"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "notices")
            .column("id", type: .text, .primaryKey(autoIncrement: false))  // <dossier>#<event sequence>#<channel>
            .column("dossier_code", type: .text, .notNull)
            .column("event_sequence", type: .int, .notNull)
            .column("channel", type: .text, .notNull)  // email | zns | sms
            .column("recipient", type: .text, .notNull)
            .column("template", type: .text, .notNull)
            .column("template_version", type: .int, .notNull)
            .column("subject", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("state", type: .text, .notNull)  // pending | sending | sent | delivered | failed | cancelled
            .column("attempts", type: .int, .notNull)
            .column("next_attempt_at", type: .bigint, .notNull)
            .column("lease_until", type: .bigint)  // while sending: when another worker may take it over
            .column("worker", type: .text)
            .column("provider_id", type: .text)
            .column("last_answer", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint, .notNull)  // undelivered by then: failed
            .run()
        try await database.create(index: "notices_due").on("notices").column("state").column("next_attempt_at").run()
        try await database.create(index: "notices_by_dossier").on("notices").column("dossier_code").column("event_sequence").run()
        try await database.create(table: "notice_opt_outs")
            .column("dossier_code", type: .text, .primaryKey(autoIncrement: false))
            .column("at", type: .bigint, .notNull)
            .run()
    }
}
