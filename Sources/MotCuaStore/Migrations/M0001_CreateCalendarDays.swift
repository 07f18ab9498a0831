import SQLKit

/// Days an administrator set in the working calendar (`motcua calendar set-day`): they override the
/// shipped official schedules and the computed holiday rules for that date, without a rebuild.
struct M0001_CreateCalendarDays: Migration {
    let version = 1
    let name = "CreateCalendarDays"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "calendar_days")
            .column("date", type: .text, .primaryKey(autoIncrement: false))  // ISO 8601 local date
            .column("kind", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("updated_at", type: .bigint, .notNull)  // Unix seconds, UTC
            .run()
    }
}
