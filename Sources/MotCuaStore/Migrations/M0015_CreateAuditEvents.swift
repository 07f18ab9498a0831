import SQLKit

/// The audit trail (`audit_events`), and history that the database itself keeps append-only.
///
/// Each audit row names who did what to which object, with the values before and after, and is chained to
/// the previous row by SHA-256 (`AuditStore`, `motcua audit verify`). Triggers refuse UPDATE and DELETE on
/// `audit_events` and on `dossier_events` (the dossiers' record of truth), on both dialects; PostgreSQL also
/// refuses TRUNCATE. Only someone who drops a trigger can change a row — and the chain then names it.
/// (Version 14 is taken by another branch; the migrator needs increasing versions, not contiguous ones.)
struct M0015_CreateAuditEvents: Migration {
    let version = 15
    let name = "CreateAuditEvents"

    static let appendOnlyTables = ["dossier_events", "audit_events"]

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "audit_events")
            .column("id", type: .bigint, .primaryKey(autoIncrement: false))  // 1, 2, 3 … the chain's order
            .column("at", type: .bigint, .notNull)
            .column("actor", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("object_kind", type: .text, .notNull)
            .column("object_id", type: .text, .notNull)
            .column("before", type: .text)  // JSON
            .column("after", type: .text)  // JSON
            .column("previous_hash", type: .text, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        for (index, columns) in [
            ("audit_events_by_at", ["at"]),
            ("audit_events_by_actor", ["actor", "id"]),
            ("audit_events_by_action", ["action", "id"]),
            ("audit_events_by_object", ["object_kind", "object_id", "id"]),
        ] {
            var builder = database.create(index: SQLIdentifier(index)).on("audit_events")
            for column in columns { builder = builder.column(SQLIdentifier(column)) }
            try await builder.run()
        }
        switch database.dialect.name {
        case "postgresql":
            try await database.raw("""
                CREATE FUNCTION motcua_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END;
                $$
                """).run()
            for table in Self.appendOnlyTables {
                try await database.raw("""
                    CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE ON \(ident: table)
                    FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change()
                    """).run()
                try await database.raw("""
                    CREATE TRIGGER \(unsafeRaw: table)_no_truncate BEFORE TRUNCATE ON \(ident: table)
                    FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change()
                    """).run()
            }
        default:
            for table in Self.appendOnlyTables {
                for operation in ["UPDATE", "DELETE"] {
                    try await database.raw("""
                        CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON \(ident: table)
                        BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: table) is append-only: \(unsafeRaw: operation) refused'); END
                        """).run()
                }
            }
        }
    }
}
