import Foundation
import MotCuaCore
@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

@Suite("Crash safety, shared rate-limit counters, the online code series and one rating per dossier")
struct AbuseDefenceStoreTests {
    let t = Fixtures.instant

    @Test("SQLite acknowledges a commit only once it is on disk: synchronous=FULL on every pooled connection")
    func synchronousFull() async throws {
        try await withTestDatabase(.sqlite) { database in
            // Several reads at once, so that more than one pooled connection answers.
            let modes = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await database.sql.raw("PRAGMA synchronous").first()!.decode(column: "synchronous", as: Int.self) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(modes.count == 8 && modes.allSatisfy { $0 == 2 })  // 2 = FULL
        }
    }

    @Test("counters: hits per fixed window, read without counting, swept when expired", arguments: TestBackend.available)
    func counters(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { (database: Database) async throws in
            let store = RateLimitStore(database: database)
            let start = Date(timeIntervalSince1970: 1_800_000_000)  // on a minute boundary
            #expect(try await store.hit("lookup:a", window: 60, at: start) == 1)
            #expect(try await store.hit("lookup:a", window: 60, at: start.addingTimeInterval(59)) == 2)
            #expect(try await store.hit("lookup:b", window: 60, at: start) == 1)
            #expect(try await store.hits("lookup:a", window: 60, at: start.addingTimeInterval(30)) == 2)
            #expect(try await store.hit("lookup:a", window: 60, at: start.addingTimeInterval(60)) == 1)  // the next window
            #expect(try await store.sweep(before: start.addingTimeInterval(61)) == 2)  // the first window's two keys
            #expect(try await store.hits("lookup:a", window: 60, at: start) == 0)
            #expect(try await store.hits("lookup:a", window: 60, at: start.addingTimeInterval(60)) == 1)
        }
    }

    @Test("online submissions number from 5000 apart from the desk, up to the day's cap, and a refused one gives its number back",
          arguments: TestBackend.available)
    func onlineSeries(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let attachments = AttachmentStore(database: database)
            func online() async throws -> Dossier {
                try await attachments.registerOnline(
                    RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                        applicant: Fixtures.applicant(), channel: .online),
                    attachments: [], at: t("2021-07-12 09:00"), actor: "cong-dan", dailyLimit: 2)
            }
            #expect(try await online().code.sequence == 5000)
            #expect(try await online().code.sequence == 5001)
            await #expect(throws: StoreError.dailyLimitReached(agency: Fixtures.center.rawValue, day: "210712", limit: 2)) {
                _ = try await online()
            }
            let desk = try await DossierStore(database: database).register(
                RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                    applicant: Fixtures.applicant(), channel: .counter),
                at: t("2021-07-12 09:05"), actor: "tiepnhan")
            #expect(desk.code.sequence == 1)
            let count = try await database.sql.raw("SELECT COUNT(*) AS n FROM dossiers").first()!.decode(column: "n", as: Int.self)
            #expect(count == 3)
        }
    }

    @Test("M0014 keeps a dossier's earliest rating and moves the later ones aside before the unique index",
          arguments: TestBackend.available)
    func ratingsDeduplicated(backend: TestBackend) async throws {
        try await withTestDatabase(backend, migrate: false) { database in
            try await Migrator(database: database, migrations: Array(Migrations.all.prefix(13))).migrate()
            let rows: [(String, Int, String, String)] = [
                ("r1", 100, "000.00.15.H56-210712-0001", "very_satisfied"),
                ("r2", 200, "000.00.15.H56-210712-0001", "very_satisfied"),
                ("r3", 300, "000.00.15.H56-210712-0001", "satisfied"),
                ("r4", 150, "000.00.15.H56-210712-0002", "unsatisfied"),
            ]
            for (id, at, code, rating) in rows {
                try await database.sql.insert(into: "satisfaction_ratings").columns("id", "at", "dossier_code", "officer", "rating")
                    .values(SQLBind(id), SQLBind(at), SQLBind(code), SQLBind("tiepnhan"), SQLBind(rating)).run()
            }
            try await Migrator(database: database).migrate()
            let kept = try await database.sql.select().column("id").from("satisfaction_ratings").orderBy("id").all()
                .map { try $0.decode(column: "id", as: String.self) }
            let aside = try await database.sql.select().column("id").from("satisfaction_ratings_duplicates").orderBy("id").all()
                .map { try $0.decode(column: "id", as: String.self) }
            #expect(kept == ["r1", "r4"] && aside == ["r2", "r3"])
        }
    }
}
