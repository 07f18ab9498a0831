import MotCuaCore
import Foundation
import MotCuaStore

extension UserAccounts {
    /// Gives an account another role and set of agencies, with the same checks as `add`. The account's
    /// sessions end, so that the new rights apply from its next sign-in and no page keeps the old ones.
    public func changeRole(_ rawUsername: String, role rawRole: String, agencies rawAgencies: [String]) async throws {
        let username = Self.normalizedUsername(rawUsername)
        guard let role = Principal.Role(rawValue: rawRole.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw UserAccountError.unknownRole(rawRole)
        }
        let agencies = try Self.parsedAgencies(rawAgencies)
        if agencies.isEmpty, !role.actsForEveryAgency { throw UserAccountError.agencyRequired(role: role) }
        try await users.setRole(username, role: role.rawValue, agencyCodes: agencies)
        try await sessions.deleteAll(username: username)
    }
}
