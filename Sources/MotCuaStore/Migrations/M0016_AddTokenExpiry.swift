import Foundation
import SQLKit

/// API tokens expire (`expires_at`, UTC seconds). Tokens made before this migration get 90 days from the
/// day it runs: integrations keep working while their owners learn of the change, then must be renewed.
struct M0016_AddTokenExpiry: Migration {
    let version = 16
    let name = "AddTokenExpiry"
    static let noticeSeconds = 90 * 86_400

    func prepare(on database: any SQLDatabase) async throws {
        try await database.alter(table: "api_tokens").column("expires_at", type: .bigint).run()
        let deadline = Int(Date().timeIntervalSince1970) + Self.noticeSeconds
        try await database.update("api_tokens").set("expires_at", to: SQLBind(deadline)).run()
    }
}
