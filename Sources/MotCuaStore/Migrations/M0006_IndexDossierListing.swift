import MotCuaCore
import SQLKit

/// What the dossier list needs to stay fast over a million rows:
/// - `dossiers_by_registered` (registered_at, code): the list's keyset order, so an unfiltered page is an
///   index range scan instead of a sort of the whole table;
/// - `search_text`: the code and the applicant's name folded like `SearchText.fold` (lower case, without
///   diacritics), because neither dialect can fold Vietnamese portably in SQL ("nguyen van an" must find
///   "Nguyễn Văn An"). Rows written before this migration are folded here, in Swift.
struct M0006_IndexDossierListing: Migration {
    let version = 6
    let name = "IndexDossierListing"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.alter(table: "dossiers").column("search_text", type: .text).run()
        try await database.create(index: "dossiers_by_registered").on("dossiers")
            .column("registered_at").column("code").run()
        let rows = try await database.select().columns("code", "applicant_name").from("dossiers").all()
        for row in rows {
            let code = try row.decode(column: "code", as: String.self)
            let name = try row.optional("applicant_name", as: String.self)
            try await database.update("dossiers")
                .set("search_text", to: DossierProjection.searchText(code: code, applicantName: name))
                .where("code", .equal, code)
                .run()
        }
    }
}
