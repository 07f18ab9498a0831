import Foundation
import MotCuaCore
@testable import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

/// Issue 12, item 1: notices are written in the event's transaction, claimed once, settled by the answer.
@Suite("The notice outbox")
struct NoticeOutboxTests {
    static func register(_ store: DossierStore, at instant: String, email: String? = "dan@example.vn",
                         phone: String? = "0912 345 678") async throws -> Dossier {
        let applicant = try Applicant(kind: .person, name: "Nguyễn Văn Dân", idNumber: "066090000123", phone: phone, email: email)
        return try await store.register(RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                                            applicant: applicant, channel: .counter),
                                        at: Fixtures.instant(instant), actor: "tn")
    }

    @Test("a receipt writes one e-mail and one Zalo notice naming the code and the appointment; internal steps write none",
          arguments: TestBackend.available)
    func writtenWithTheEvent(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let store = DossierStore(database: database)
            let dossier = try await Self.register(store, at: "2026-09-10 09:00")
            let notices = try await NoticeStore(database: database).list(dossier: dossier.code)
            #expect(Set(notices.map(\.channel)) == [.email, .zns])
            let email = try #require(notices.first { $0.channel == .email })
            #expect(email.recipient == "dan@example.vn" && email.state == .pending && email.template == "received")
            #expect(email.subject.contains(dossier.code.rawValue) && email.body.contains("hẹn trả kết quả"))
            #expect(email.body.contains(NoticePlanner.instant(try #require(dossier.citizenDueAt))))
            #expect(notices.first { $0.channel == .zns }?.recipient == "84912345678")
            // Handing the dossier to its first step tells the applicant nothing.
            _ = try await store.execute(.transfer, on: dossier.code, at: Fixtures.instant("2026-09-10 09:30"), actor: "tn")
            #expect(try await NoticeStore(database: database).list(dossier: dossier.code).count == 2)
            // A supplement request lists the papers.
            _ = try await store.execute(.requestSupplement(reason: "Thiếu báo cáo", documents: ["Báo cáo tình hình thực hiện dự án"]),
                                        on: dossier.code, at: Fixtures.instant("2026-09-11 09:00"), actor: "cv")
            let supplement = try await NoticeStore(database: database).list(dossier: dossier.code).filter { $0.template == "supplement_requested" }
            #expect(supplement.count == 2 && supplement.allSatisfy { $0.body.contains("Báo cáo tình hình thực hiện dự án") })
        }
    }

    @Test("a rolled-back event leaves no notice; an opt-out cancels pending ones and writes no more",
          arguments: TestBackend.available)
    func rollbackAndOptOut(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let store = DossierStore(database: database)
            let dossier = try await Self.register(store, at: "2026-09-10 09:00", email: nil)
            // Refused by the lifecycle (a withdrawal reason is fine, but a result before the steps is not): nothing written.
            await #expect(throws: LifecycleError.self) {
                try await store.execute(.recordResult(outcome: .approved, note: nil), on: dossier.code, at: Fixtures.instant("2026-09-10 10:00"), actor: "tn")
            }
            #expect(try await NoticeStore(database: database).list(dossier: dossier.code).count == 1)
            try await NoticeStore(database: database).optOut(dossier.code, at: Fixtures.instant("2026-09-10 10:05"))
            #expect(try await NoticeStore(database: database).list(dossier: dossier.code).map(\.state) == [.cancelled])
            _ = try await store.execute(.withdraw(reason: "Không cần nữa"), on: dossier.code, at: Fixtures.instant("2026-09-10 11:00"), actor: "tn")
            #expect(try await NoticeStore(database: database).list(dossier: dossier.code).count == 1)
        }
    }

    @Test("claims are exclusive and leased; a crashed worker's notice is taken again after its lease; answers settle it",
          arguments: TestBackend.available)
    func claimLeaseSettle(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let store = DossierStore(database: database)
            for minute in 0..<5 { _ = try await Self.register(store, at: "2026-09-10 09:0\(minute)", phone: nil) }
            let outbox = NoticeStore(database: database)
            let now = Fixtures.instant("2026-09-10 10:00")
            async let first = outbox.claim(limit: 3, worker: "a", now: now, lease: 60)
            async let second = outbox.claim(limit: 3, worker: "b", now: now, lease: 60)
            let (a, b) = try await (first, second)
            #expect(a.count + b.count == 5 && Set(a.map(\.id)).isDisjoint(with: b.map(\.id)))
            #expect(try await outbox.claim(limit: 10, worker: "c", now: now, lease: 60).isEmpty)
            // Worker a settles; worker b "crashes": its notices return after the lease, attempts counted.
            for notice in a { try await outbox.markSent(notice.id, providerID: "smtp-\(notice.id)", answer: "250 OK", at: now) }
            let retaken = try await outbox.claim(limit: 10, worker: "c", now: now.addingTimeInterval(61), lease: 60)
            #expect(Set(retaken.map(\.id)) == Set(b.map(\.id)) && retaken.allSatisfy { $0.attempts == 2 })
            // A late answer from the crashed worker cannot overwrite the new claim's outcome twice: settled once.
            if let notice = retaken.first {
                try await outbox.markRetry(notice.id, answer: "421 try later", next: now.addingTimeInterval(300), at: now.addingTimeInterval(62))
                try await outbox.markFailed(notice.id, answer: "550 no such user", at: now.addingTimeInterval(63))  // not sending any more: ignored
                #expect(try await outbox.list(state: .pending).map(\.id) == [notice.id])
            }
            #expect(try await outbox.list(state: .sent).count == a.count)
            // Past its time to live a pending notice fails.
            _ = try await outbox.claim(limit: 10, worker: "d", now: now.addingTimeInterval(NoticeStore.timeToLive + 3600), lease: 60)
            #expect(try await outbox.list(state: .pending).isEmpty)
        }
    }
}
