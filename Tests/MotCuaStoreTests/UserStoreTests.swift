import Foundation
import MotCuaStore
import MotCuaTestSupport
import Testing

@Suite("Users, sessions and API tokens on SQLite and PostgreSQL")
struct UserStoreTests {
    static let created = Fixtures.instant("2026-03-02 08:00")

    static func seedAgencies(_ database: Database) async throws {
        let agencies = AgencyStore(database: database)
        for agency in try Fixtures.agencies() { try await agencies.save(agency) }
    }

    static func lan(agencies: [String] = [Fixtures.planning.rawValue, Fixtures.center.rawValue]) -> UserRecord {
        UserRecord(username: "lan.nguyen", displayName: "Nguyễn Thị Lan", passwordHash: "$2b$04$not-a-real-hash",
                   role: "reception", createdAt: created, agencyCodes: agencies)
    }

    @Test("add, read back, list; duplicates and unknown agencies refused", arguments: TestBackend.available)
    func addAndRead(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Self.seedAgencies(database)
            let store = UserStore(database: database)
            try await store.add(Self.lan())
            let stored = try #require(try await store.user("lan.nguyen"))
            #expect(stored == Self.lan())
            #expect(stored.agencyCodes == [Fixtures.planning.rawValue, Fixtures.center.rawValue].sorted())
            #expect(stored.active)
            #expect(try await store.user("nobody") == nil)

            await #expect(throws: StoreError.duplicate(kind: "user", key: "lan.nguyen")) {
                try await store.add(Self.lan())
            }
            var stranger = Self.lan(agencies: ["000.00.99.H56"])
            stranger.username = "khach"
            await #expect(throws: StoreError.notFound(kind: "agency", key: "000.00.99.H56")) {
                try await store.add(stranger)
            }
            #expect(try await store.user("khach") == nil)  // nothing half-written

            try await store.add(UserRecord(username: "admin", displayName: "Quản trị", passwordHash: "x",
                                           role: "administrator", createdAt: Self.created))
            #expect(try await store.all().map(\.username) == ["admin", "lan.nguyen"])
            #expect(try await store.all().first?.agencyCodes == [])
        }
    }

    @Test("disable, new password hash, new agencies", arguments: TestBackend.available)
    func changes(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Self.seedAgencies(database)
            let store = UserStore(database: database)
            try await store.add(Self.lan())
            try await store.setActive("lan.nguyen", false)
            #expect(try await store.user("lan.nguyen")?.active == false)
            try await store.setActive("lan.nguyen", true)
            #expect(try await store.user("lan.nguyen")?.active == true)
            try await store.setPasswordHash("lan.nguyen", "$2b$04$another")
            #expect(try await store.user("lan.nguyen")?.passwordHash == "$2b$04$another")
            try await store.setAgencies("lan.nguyen", [Fixtures.environment.rawValue])
            #expect(try await store.user("lan.nguyen")?.agencyCodes == [Fixtures.environment.rawValue])
            await #expect(throws: StoreError.notFound(kind: "user", key: "ghost")) {
                try await store.setActive("ghost", false)
            }
            await #expect(throws: StoreError.notFound(kind: "agency", key: "H99")) {
                try await store.setAgencies("lan.nguyen", ["H99"])
            }
            #expect(try await store.user("lan.nguyen")?.agencyCodes == [Fixtures.environment.rawValue])
        }
    }

    @Test("sessions: found until they expire, touched, ended one by one, per user, or when expired",
          arguments: TestBackend.available)
    func sessions(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Self.seedAgencies(database)
            try await UserStore(database: database).add(Self.lan())
            let store = SessionStore(database: database)
            let start = Self.created
            func session(_ id: String, expiresIn seconds: TimeInterval) -> SessionRecord {
                SessionRecord(idHash: id, username: "lan.nguyen", csrfToken: "csrf-\(id)", createdAt: start,
                              expiresAt: start.addingTimeInterval(seconds), lastSeenAt: start)
            }
            try await store.create(session("a", expiresIn: 3600))
            try await store.create(session("b", expiresIn: 60))
            try await store.create(session("c", expiresIn: 7200))

            #expect(try await store.session(idHash: "a", at: start) == session("a", expiresIn: 3600))
            #expect(try await store.session(idHash: "b", at: start.addingTimeInterval(59)) != nil)
            #expect(try await store.session(idHash: "b", at: start.addingTimeInterval(60)) == nil)
            #expect(try await store.session(idHash: "zzz", at: start) == nil)
            #expect(try await store.count(username: "lan.nguyen", at: start) == 3)

            let later = start.addingTimeInterval(1800)
            try await store.touch(idHash: "a", at: later, expiresAt: later.addingTimeInterval(3600))
            let touched = try #require(try await store.session(idHash: "a", at: start.addingTimeInterval(4000)))
            #expect(touched.lastSeenAt == later)
            #expect(touched.expiresAt == later.addingTimeInterval(3600))

            #expect(try await store.deleteExpired(at: start.addingTimeInterval(120)) == 1)  // b
            #expect(try await store.deleteExpired(at: start.addingTimeInterval(120)) == 0)
            try await store.delete(idHash: "a")
            #expect(try await store.session(idHash: "a", at: start) == nil)
            #expect(try await store.session(idHash: "c", at: start) != nil)
            try await store.deleteAll(username: "lan.nguyen")
            #expect(try await store.count(username: "lan.nguyen", at: start) == 0)
        }
    }

    @Test("API tokens: stored by hash, last use recorded, revoked; unknown users refused",
          arguments: TestBackend.available)
    func apiTokens(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Self.seedAgencies(database)
            try await UserStore(database: database).add(Self.lan())
            let store = APITokenStore(database: database)
            let token = APITokenRecord(tokenHash: String(repeating: "ab", count: 32), username: "lan.nguyen",
                                       name: "cổng dịch vụ công", createdAt: Self.created,
                                       expiresAt: Self.created.addingTimeInterval(90 * 86_400))
            try await store.create(token)
            #expect(try await store.token(hash: token.tokenHash) == token)
            #expect(try await store.token(hash: "00") == nil)
            let used = Self.created.addingTimeInterval(90)
            try await store.markUsed(hash: token.tokenHash, at: used)
            #expect(try await store.token(hash: token.tokenHash)?.lastUsedAt == used)
            #expect(try await store.tokens(username: "lan.nguyen").map(\.name) == ["cổng dịch vụ công"])
            await #expect(throws: StoreError.notFound(kind: "user", key: "ghost")) {
                try await store.create(APITokenRecord(tokenHash: "cd", username: "ghost", name: "x", createdAt: Self.created, expiresAt: Self.created))
            }
            try await store.delete(hash: token.tokenHash)
            #expect(try await store.token(hash: token.tokenHash) == nil)
        }
    }
}
