import Foundation
import MotCuaCore
import SQLKit

/// Form sets an administrator supplied (table `form_sets`), kept as their JSON definitions: the reports
/// module reads them (`SlipFormSets`) and lays them over its built-in sets. Saving a set with an id that
/// exists replaces it, audited with both versions.
public struct FormSetStore: Sendable {
    public let database: Database

    public init(database: Database) { self.database = database }

    /// Every stored definition, oldest validity first.
    public func definitions() async throws -> [String] {
        try await database.sql.select().column("definition").from("form_sets").orderBy("valid_from").all()
            .map { try $0.decode(column: "definition", as: String.self) }
    }

    public func save(id: String, validFrom: String, definition: String, by actor: String, at instant: Date) async throws {
        try await database.transaction { sql in
            let before = try await sql.select().column("definition").from("form_sets").where("id", .equal, id).first()
                .map { try $0.decode(column: "definition", as: String.self) }
            try await sql.delete(from: "form_sets").where("id", .equal, id).run()
            try await sql.insert(into: "form_sets").columns("id", "valid_from", "definition", "recorded_by", "recorded_at")
                .values(SQLBind(id), SQLBind(validFrom), SQLBind(definition), SQLBind(actor), SQLBind(Instant.seconds(instant)))
                .run()
            _ = try await AuditStore.append(AuditEvent(at: instant, actor: actor, action: .formSetSaved, objectKind: "form_set",
                                                       objectID: id, before: before, after: definition), on: sql)
        }
    }
}
