import SQLKit

/// Staff accounts, the agencies each acts for, browser sessions and API tokens.
///
/// Secrets are never stored as such: `password_hash` is a bcrypt hash, `sessions.id_hash` and
/// `api_tokens.token_hash` are SHA-256 hashes (hex) of random values that only the client holds. Sessions
/// live in the database so that several app servers behind one proxy share them.
struct M0005_CreateUsers: Migration {
    let version = 5
    let name = "CreateUsers"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "users")
            .column("username", type: .text, .primaryKey(autoIncrement: false))
            .column("display_name", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)  // bcrypt, "$2b$12$…"
            .column("role", type: .text, .notNull)  // reception | specialist | leader | manager | administrator
            .column("active", type: .smallint, .notNull)  // 0 / 1 (portable boolean)
            .column("created_at", type: .bigint, .notNull)
            .run()

        try await database.create(table: "user_agencies")
            .column("username", type: .text, .notNull, .references("users", "username"))
            .column("agency_code", type: .text, .notNull, .references("agencies", "code"))
            .primaryKey("username", "agency_code")
            .run()

        try await database.create(table: "sessions")
            .column("id_hash", type: .text, .primaryKey(autoIncrement: false))  // SHA-256 (hex) of the cookie value
            .column("username", type: .text, .notNull, .references("users", "username"))
            .column("csrf_token", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .column("last_seen_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "sessions_by_username").on("sessions").column("username").run()
        try await database.create(index: "sessions_by_expires_at").on("sessions").column("expires_at").run()

        try await database.create(table: "api_tokens")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))  // SHA-256 (hex) of the token
            .column("username", type: .text, .notNull, .references("users", "username"))
            .column("name", type: .text, .notNull)  // what the token is for, e.g. "cổng dịch vụ công"
            .column("created_at", type: .bigint, .notNull)
            .column("last_used_at", type: .bigint)
            .run()
        try await database.create(index: "api_tokens_by_username").on("api_tokens").column("username").run()
    }
}
