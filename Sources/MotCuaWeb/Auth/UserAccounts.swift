import Foundation
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// Staff accounts as the CLI and the administration pages manage them: checks names, roles, agencies and
/// the password policy, hashes passwords (bcrypt) and API tokens (SHA-256) before they reach the store.
public struct UserAccounts: Sendable {
    public let users: UserStore
    public let sessions: SessionStore
    public let tokens: APITokenStore
    public let hasher: PasswordHasher

    public static let maximumDisplayNameLength = 200

    public init(database: Database, hasher: PasswordHasher = PasswordHasher()) {
        users = UserStore(database: database)
        sessions = SessionStore(database: database)
        tokens = APITokenStore(database: database)
        self.hasher = hasher
    }

    /// A username as stored: trimmed and lower-cased.
    public static func normalizedUsername(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Whether a normalized username follows the rule: 2–64 of a–z 0–9 . _ -, starting with a letter or digit.
    public static func isValidUsername(_ username: String) -> Bool {
        let bytes = Array(username.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
        guard (2...64).contains(bytes.count), isAlphanumeric(bytes[0]) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// Creates an account. Throws `UserAccountError` for bad input, `StoreError.duplicate` for a taken
    /// username and `StoreError.notFound(kind: "agency", …)` for an agency the database does not know.
    ///
    /// Every change below writes its audit row (naming `actor`) in the same transaction as the change.
    @discardableResult
    public func add(username rawUsername: String, displayName rawDisplayName: String, role rawRole: String,
                    agencies rawAgencies: [String], password: String, at instant: Date = Date(),
                    by actor: String = AuditActor.system) async throws -> UserRecord {
        let username = Self.normalizedUsername(rawUsername)
        guard Self.isValidUsername(username) else { throw UserAccountError.invalidUsername(rawUsername) }
        guard let role = Principal.Role(rawValue: rawRole.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw UserAccountError.unknownRole(rawRole)
        }
        let displayName = try Self.checkedDisplayName(rawDisplayName)
        let agencies = try Self.parsedAgencies(rawAgencies)
        if agencies.isEmpty, !role.actsForEveryAgency { throw UserAccountError.agencyRequired(role: role) }
        try PasswordPolicy.check(password)
        let record = UserRecord(
            username: username, displayName: displayName, passwordHash: try await hasher.hash(password),
            role: role.rawValue, active: true, createdAt: instant, agencyCodes: agencies)
        try await users.add(record, audit: AuditEvent(
            at: instant, actor: actor, action: .userAdded, objectKind: "user", objectID: username,
            after: Self.auditValues(role: record.role, agencies: agencies, displayName: displayName)))
        return record
    }

    public func list() async throws -> [UserRecord] {
        try await users.all()
    }

    /// Disables an account and signs out its browser sessions. Its API tokens stop working too (the
    /// authentication refuses inactive users) but are kept, so enabling the account restores them.
    public func disable(_ rawUsername: String, by actor: String = AuditActor.system) async throws {
        let username = Self.normalizedUsername(rawUsername)
        try await setActive(username, false, action: .userDisabled, by: actor)
        try await sessions.deleteAll(username: username)
    }

    public func enable(_ rawUsername: String, by actor: String = AuditActor.system) async throws {
        try await setActive(Self.normalizedUsername(rawUsername), true, action: .userEnabled, by: actor)
    }

    private func setActive(_ username: String, _ active: Bool, action: AuditAction, by actor: String) async throws {
        let before = try await users.user(username).map { $0.active ? "1" : "0" }
        try await users.setActive(username, active, audit: AuditEvent(
            at: Date(), actor: actor, action: action, objectKind: "user", objectID: username,
            before: AuditEvent.values(["active": before]), after: AuditEvent.values(["active": active ? "1" : "0"])))
    }

    /// An account's role, agencies (and name) as its audit rows show them.
    static func auditValues(role: String, agencies: [String], displayName: String? = nil) -> String? {
        AuditEvent.values(["role": role, "agencies": agencies.sorted().joined(separator: ","), "display_name": displayName])
    }

    /// Sets a new password and signs out every session of the account.
    public func setPassword(_ rawUsername: String, to password: String, by actor: String = AuditActor.system) async throws {
        let username = Self.normalizedUsername(rawUsername)
        try PasswordPolicy.check(password)
        guard try await users.user(username) != nil else { throw StoreError.notFound(kind: "user", key: username) }
        // Never the password nor its hash: only that it was replaced.
        try await users.setPasswordHash(username, try await hasher.hash(password), audit: AuditEvent(
            at: Date(), actor: actor, action: .userPasswordSet, objectKind: "user", objectID: username,
            after: AuditEvent.values(["password": "replaced", "sessions": "ended", "api_tokens": "revoked"])))
        try await sessions.deleteAll(username: username)
    }

    /// Makes a new API token for the account and returns it. This is the only time the token exists in
    /// clear: the database keeps its SHA-256.
    public static let defaultTokenLifetimeDays = 90
    public static let tokenLifetimeDays = 1...3650

    public func issueToken(for rawUsername: String, name rawName: String, at instant: Date = Date(),
                           lifetimeDays: Int = defaultTokenLifetimeDays, by actor: String = AuditActor.system) async throws -> String {
        let username = Self.normalizedUsername(rawUsername)
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count), !name.contains(where: { $0.isNewline }) else {
            throw UserAccountError.invalidTokenName
        }
        guard Self.tokenLifetimeDays.contains(lifetimeDays) else { throw UserAccountError.invalidTokenLifetime }
        let token = APIToken.prefix + SecretToken.random()
        let tokenHash = SecretToken.hash(token)
        let expiresAt = instant.addingTimeInterval(TimeInterval(lifetimeDays) * 86_400)
        // The first 12 hex digits of the stored hash tell tokens apart without giving anything away.
        try await tokens.create(APITokenRecord(tokenHash: tokenHash, username: username, name: name, createdAt: instant,
                                               expiresAt: expiresAt),
                                audit: AuditEvent(at: instant, actor: actor, action: .tokenIssued, objectKind: "user",
                                                  objectID: username,
                                                  after: AuditEvent.values(["token_name": name,
                                                                            "token_hash_prefix": String(tokenHash.prefix(12)),
                                                                            "expires_at": VietnamTime.iso8601(expiresAt)])))
        return token
    }

    /// The account's API tokens, oldest first (never the tokens themselves: only their ids and dates).
    public func tokens(of rawUsername: String) async throws -> [APITokenRecord] {
        let username = Self.normalizedUsername(rawUsername)
        guard try await users.user(username) != nil else { throw StoreError.notFound(kind: "user", key: username) }
        return try await tokens.tokens(username: username)
    }

    /// Revokes the token whose id (`APITokenRecord.id`) is `id`; returns it.
    public func revokeToken(id rawID: String, at instant: Date = Date(), by actor: String = AuditActor.system) async throws -> APITokenRecord {
        let id = rawID.trimmingCharacters(in: .whitespaces).lowercased()
        guard id.count == APITokenRecord.idLength, id.allSatisfy(\.isHexDigit) else { throw UserAccountError.invalidTokenID(rawID) }
        let found = try await tokens.tokens(id: id)
        guard let token = found.first else { throw StoreError.notFound(kind: "API token", key: id) }
        guard found.count == 1 else { throw UserAccountError.ambiguousTokenID(id) }
        try await tokens.delete(hash: token.tokenHash, audit: AuditEvent(
            at: instant, actor: actor, action: .tokenRevoked, objectKind: "user", objectID: token.username,
            before: AuditEvent.values(["token_name": token.name, "token_hash_prefix": id])))
        return token
    }

    /// The active account that `password` opens, or nil. Unknown, disabled and wrong-password cases take
    /// the same time and give the same answer.
    public func authenticate(username rawUsername: String, password: String) async throws -> UserRecord? {
        let username = Self.normalizedUsername(rawUsername)
        guard Self.isValidUsername(username), !password.isEmpty, password.utf8.count <= 1024,
              let user = try await users.user(username) else {
            try await hasher.verifyDecoy(password)
            return nil
        }
        let matches = try await hasher.verify(password, against: user.passwordHash)
        guard matches, user.active, Principal(user) != nil else { return nil }
        return user
    }

    static func checkedDisplayName(_ text: String) throws(UserAccountError) -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, !name.contains(where: { $0.isNewline }) else { throw .emptyDisplayName }
        guard name.count <= maximumDisplayNameLength else { throw .displayNameTooLong(maximum: maximumDisplayNameLength) }
        return name
    }

    static func parsedAgencies(_ codes: [String]) throws(UserAccountError) -> [String] {
        var parsed: Set<String> = []
        for code in codes {
            do { parsed.insert(try AgencyCode(parsing: code).rawValue) } catch { throw .invalidAgencyCode(code) }
        }
        return parsed.sorted()
    }
}

/// API tokens look like `mc_` followed by 43 base64url characters; the prefix lets secret scanners and
/// people recognise a leaked MotCua token.
enum APIToken {
    static let prefix = "mc_"

    static func isWellFormed(_ token: Substring) -> Bool {
        token.hasPrefix(prefix) && SecretToken.isWellFormed(token.dropFirst(prefix.count))
    }
}

extension Principal {
    /// The principal of a stored account; nil when the stored role is unknown (the account cannot sign in).
    public init?(_ user: UserRecord) {
        guard let role = Role(rawValue: user.role) else { return nil }
        self.init(username: user.username, displayName: user.displayName, role: role,
                  agencies: Set(user.agencyCodes.compactMap { try? AgencyCode(parsing: $0) }))
    }
}
