import SQLKit

/// The dashboard's "returned today" counts results returned in one local day: without an index on
/// `returned_at` that count reads the whole table (fine at demo size, seconds at ten million dossiers).
struct M0012_IndexReturnedAt: Migration {
    let version = 12
    let name = "IndexReturnedAt"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(index: "dossiers_by_returned_at").on("dossiers").column("returned_at").run()
    }
}
