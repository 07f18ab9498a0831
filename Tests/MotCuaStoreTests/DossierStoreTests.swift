import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing
import WorkCalendar

func attempt<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}

@Suite("Dossiers on SQLite and PostgreSQL")
struct DossierStoreTests {
    let t = Fixtures.instant

    func register(_ store: DossierStore, at instant: String, channel: Channel = .counter) async throws -> Dossier {
        try await store.register(
            RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                applicant: Fixtures.applicant(), channel: channel),
            at: t(instant), actor: "tiepnhan")
    }

    /// The whole life of one dossier across three agencies and Tết 2021, with a supplement round (pause)
    /// and an extension, through the store: the same instants, verdicts and attribution on both databases.
    @Test("a dossier's whole life across Tết, three agencies, a supplement and an extension", arguments: TestBackend.available)
    func wholeLife(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database, policy: .pause)
            let store = DossierStore(database: database)
            var d = try await register(store, at: "2021-02-05 09:00")
            #expect(d.code.rawValue == "000.00.15.H56-210205-0001")
            #expect(d.status == .received)
            #expect(d.dueAt == t("2021-02-26 09:00"))

            func run(_ command: DossierCommand, _ instant: String, _ actor: String) async throws {
                d = try await store.execute(command, on: d.code, expectedVersion: d.version, at: t(instant), actor: actor)
            }
            try await run(.transfer, "2021-02-05 09:00", "tiepnhan")
            try await run(.acceptStep(assignee: "cv.khdt"), "2021-02-05 09:30", "cv.khdt")
            try await run(.requestSupplement(reason: "Thiếu báo cáo", documents: ["Báo cáo tình hình thực hiện dự án"]), "2021-02-09 10:00", "cv.khdt")
            #expect(d.status == .supplementRequested)
            try await run(.receiveSupplement(note: "Đã nhận đủ"), "2021-02-18 14:00", "tiepnhan")
            #expect(d.dueAt == t("2021-03-02 11:00"))
            try await run(.completeStep(note: "Đủ điều kiện"), "2021-02-24 10:00", "cv.khdt")
            try await run(.extend(newDueAt: t("2021-03-05 17:00"), reason: "Chờ ý kiến UBND tỉnh", apologyLetter: "25/PXL-TTHCC"),
                          "2021-02-25 09:00", "lanhdao")
            #expect(d.citizenDueAt == t("2021-03-05 17:00"))
            #expect(d.dueAt == t("2021-03-02 11:00"))
            try await run(.completeStep(note: nil), "2021-03-01 09:00", "ld.ubnd")
            try await run(.completeStep(note: "Đã cập nhật"), "2021-03-04 08:00", "cv.tnmt")
            try await run(.recordResult(outcome: .approved, note: nil), "2021-03-04 08:00", "tiepnhan")
            try await run(.returnResult(channel: .postal), "2021-03-05 08:00", "tiepnhan")

            #expect(d.status == .returned)
            #expect(d.verdict == .late)
            #expect(d.citizenVerdict == .early)
            #expect(d.visits.map(\.verdict) == [.late, .onTime, .late])
            #expect(d.visits.map(\.dueAt) == [t("2021-02-23 11:00"), t("2021-03-01 10:00"), t("2021-03-03 09:00")])
            let attribution = try #require(d.lateAttribution)
            #expect(attribution.agencies == [Fixtures.planning, Fixtures.environment])
            #expect(attribution.apologySent)

            // Stored state, replayed history and the projection columns all agree.
            let stored = try await store.dossier(d.code)
            #expect(stored == d)
            #expect(try await store.rebuilt(d.code) == d)
            let events = try await store.events(of: d.code)
            #expect(events.map(\.sequence) == Array(1...d.version))
            let row = try #require(try await database.sql.select()
                .columns("status", "due_at", "citizen_due_at", "completed_at", "late_agency_code", "late_step", "late_kind",
                         "apology_sent", "return_channel", "current_agency_code")
                .from("dossiers").where("code", .equal, d.code.rawValue).first())
            #expect(try row.decode(column: "status", as: Int.self) == 10)
            #expect(try row.decode(column: "due_at", as: Int.self) == Int(t("2021-03-02 11:00").timeIntervalSince1970))
            #expect(try row.decode(column: "late_agency_code", as: String.self) == Fixtures.planning.rawValue)
            #expect(try row.decode(column: "late_step", as: String.self) == "Thẩm định hồ sơ")
            #expect(try row.decode(column: "late_kind", as: String.self) == "actual")
            #expect(try row.decode(column: "apology_sent", as: Int.self) == 1)
            #expect(try row.decode(column: "return_channel", as: String.self) == "postal")
            #expect(try row.decodeNil(column: "current_agency_code"))
        }
    }

    @Test("100 concurrent receptions at one agency get 100 distinct consecutive codes", arguments: TestBackend.available)
    func concurrentCodes(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let store = DossierStore(database: database)
            let codes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<100 {
                    group.addTask { try await register(store, at: "2021-07-12 08:00").code.rawValue }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            let expected = (1...100).map { String(format: "000.00.15.H56-210712-%04d", $0) }
            #expect(codes.sorted() == expected)
            // The next day starts again at 0001.
            #expect(try await register(store, at: "2021-07-13 08:00").code.rawValue == "000.00.15.H56-210713-0001")
        }
    }

    @Test("two officers acting on the same version: one wins, the other gets a conflict", arguments: TestBackend.available)
    func versionConflict(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let store = DossierStore(database: database)
            let d = try await register(store, at: "2021-07-12 08:00")
            let seen = d.version
            let outcomes = await withTaskGroup(of: Result<Dossier, any Error>.self) { group in
                group.addTask { await attempt { try await store.execute(.transfer, on: d.code, expectedVersion: seen, at: t("2021-07-12 08:10"), actor: "a") } }
                group.addTask { await attempt { try await store.execute(.withdraw(reason: "Rút"), on: d.code, expectedVersion: seen, at: t("2021-07-12 08:10"), actor: "b") } }
                return await group.reduce(into: [Result<Dossier, any Error>]()) { $0.append($1) }
            }
            let winners = outcomes.compactMap { try? $0.get() }
            let conflicts = outcomes.compactMap { result -> StoreError? in
                if case .failure(let error as StoreError) = result, case .conflict = error { return error }
                return nil
            }
            #expect(winners.count == 1)
            #expect(conflicts.count == 1)
            let events = try await store.events(of: d.code)
            #expect(events.count == seen + 1)
            #expect(try await store.dossier(d.code) == winners.first)
        }
    }

    @Test("a transition that is not allowed is refused and changes nothing", arguments: TestBackend.available)
    func refusedTransition(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let store = DossierStore(database: database)
            let d = try await register(store, at: "2021-07-12 08:00")
            await #expect(throws: LifecycleError.self) {
                try await store.execute(.returnResult(channel: .counter), on: d.code, at: t("2021-07-12 09:00"), actor: "x")
            }
            #expect(try await store.dossier(d.code) == d)
            #expect(try await store.events(of: d.code).count == d.version)
        }
    }

    @Test("an online dossier waits for receipt; an unknown code is not found", arguments: TestBackend.available)
    func onlineAndMissing(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let store = DossierStore(database: database)
            let d = try await register(store, at: "2021-07-12 21:00", channel: .online)
            #expect(d.status == .newlyRegistered)
            #expect(d.dueAt == nil)
            let received = try await store.execute(.receive, on: d.code, at: t("2021-07-13 08:00"), actor: "tiepnhan")
            #expect(received.dueAt == t("2021-07-27 08:00"))
            let missing = try DossierCode(parsing: "000.00.15.H56-210712-0999")
            await #expect(throws: StoreError.notFound(kind: "dossier", key: missing.rawValue)) { try await store.dossier(missing) }
        }
    }
}
