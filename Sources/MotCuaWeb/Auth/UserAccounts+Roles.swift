import MotCuaCore
import Foundation
import MotCuaCore
import MotCuaStore

extension UserAccounts {
    /// Gives an account another role and set of agencies, with the same checks as `add`. The account's
    /// sessions end, so that the new rights apply from its next sign-in and no page keeps the old ones.
    public func changeRole(_ rawUsername: String, role rawRole: String, agencies rawAgencies: [String],
                           by actor: String = AuditActor.system) async throws {
        let username = Self.normalizedUsername(rawUsername)
        guard let role = Principal.Role(rawValue: rawRole.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw UserAccountError.unknownRole(rawRole)
        }
        let agencies = try Self.parsedAgencies(rawAgencies)
        if agencies.isEmpty, !role.actsForEveryAgency { throw UserAccountError.agencyRequired(role: role) }
        let before = try await users.user(username).flatMap { Self.auditValues(role: $0.role, agencies: $0.agencyCodes) }
        try await users.setRole(username, role: role.rawValue, agencyCodes: agencies, audit: AuditEvent(
            at: Date(), actor: actor, action: .userRoleChanged, objectKind: "user", objectID: username,
            before: before, after: Self.auditValues(role: role.rawValue, agencies: agencies)))
        try await sessions.deleteAll(username: username)
    }
}
