import Foundation
import MotCuaCore
import SQLKit

extension UserStore {
    /// Changes an account's role and the agencies it acts for in one transaction, so that an account is
    /// never left with a role but without the agencies that role needs.
    public func setRole(_ username: String, role: String, agencyCodes: [String], audit: AuditEvent? = nil) async throws {
        try await database.transaction { sql in
            let existing = try await sql.select().column("username").from("users").where("username", .equal, username).first()
            guard existing != nil else { throw StoreError.notFound(kind: "user", key: username) }
            let wanted = Set(agencyCodes)
            if !wanted.isEmpty {
                let known = Set(try await sql.select().column("code").from("agencies").where("code", .in, Array(wanted)).all()
                    .map { try $0.decode(column: "code", as: String.self) })
                if let missing = wanted.subtracting(known).sorted().first { throw StoreError.notFound(kind: "agency", key: missing) }
            }
            try await sql.update("users").set("role", to: SQLBind(role)).where("username", .equal, username).run()
            try await sql.delete(from: "user_agencies").where("username", .equal, username).run()
            for code in wanted.sorted() {
                try await sql.insert(into: "user_agencies").columns("username", "agency_code")
                    .values(SQLBind(username), SQLBind(code)).run()
            }
            try await AuditStore.append(audit, on: sql)
        }
    }
}
