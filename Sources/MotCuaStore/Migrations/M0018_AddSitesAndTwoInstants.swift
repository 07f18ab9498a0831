import SQLKit

/// Issue 11: dossiers accepted at one site and received at another.
/// - `dossiers.accepted_at`: when the site that issued the code accepted the dossier (earlier than
///   `received_at` for one accepted on behalf); existing rows were accepted when received.
/// - `dossiers.site_code`: the site whose desk receives, hands over and returns it (the forwarding's
///   destination, else the code's agency) — what per-site lists and figures filter on.
/// - `form_sets`: one-stop form sets an administrator supplied (JSON, `SlipFormSet`), over the built-in ones.
/// - `dated_settings`: values of the rules the law states with numbers that may change, from a date
///   (`DatedSetting`), e.g. the forwarding period.
struct M0018_AddSitesAndTwoInstants: Migration {
    let version = 18
    let name = "AddSitesAndTwoInstants"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.alter(table: "dossiers").column("accepted_at", type: .bigint).run()
        try await database.alter(table: "dossiers").column("site_code", type: .text).run()
        try await database.raw("UPDATE dossiers SET accepted_at = received_at, site_code = receiving_agency_code").run()
        try await database.create(index: "dossiers_by_accepted_at").on("dossiers").column("accepted_at").run()
        try await database.create(index: "dossiers_by_site").on("dossiers").column("site_code").column("received_at").run()
        try await database.create(table: "dated_settings")
            .column("setting", type: .text, .notNull)
            .column("valid_from", type: .text, .notNull)  // local date, ISO
            .column("value", type: .int, .notNull)
            .column("note", type: .text)
            .column("recorded_by", type: .text, .notNull)
            .column("recorded_at", type: .bigint, .notNull)
            .primaryKey("setting", "valid_from")
            .run()
        try await database.create(table: "form_sets")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("valid_from", type: .text, .notNull)
            .column("definition", type: .text, .notNull)
            .column("recorded_by", type: .text, .notNull)
            .column("recorded_at", type: .bigint, .notNull)
            .run()
    }
}
