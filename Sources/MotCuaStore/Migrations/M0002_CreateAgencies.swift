import SQLKit

/// Agencies (Sở, Ban, UBND, the center) and their names over time: a renamed or merged agency keeps
/// its code and history, so a 2021 report prints 2021 names.
struct M0002_CreateAgencies: Migration {
    let version = 2
    let name = "CreateAgencies"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "agencies")
            .column("code", type: .text, .primaryKey(autoIncrement: false))  // QCVN 102:2016, e.g. 000.00.15.H56
            .column("parent_code", type: .text)
            .column("level", type: .text, .notNull)
            .column("office_hours", type: .text)  // "07:30-11:30,13:30-17:00"; NULL = standard hours
            .column("successor_code", type: .text)  // the agency it was merged into, if any
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await database.create(table: "agency_names")
            .column("agency_code", type: .text, .notNull, .references("agencies", "code"))
            .column("valid_from", type: .text, .notNull)  // ISO local date
            .column("valid_until", type: .text)  // ISO local date, inclusive; NULL = still valid
            .column("name", type: .text, .notNull)
            .column("short_name", type: .text, .notNull)
            .primaryKey("agency_code", "valid_from")
            .run()
    }
}
