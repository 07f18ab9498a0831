import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import Testing

@Suite("Feedback handling and account roles in the store, on SQLite and PostgreSQL")
struct FeedbackHandlingStoreTests {
    static func submit(_ store: FeedbackStore, _ content: String, at text: String) async throws -> String {
        try await store.submit(try FeedbackSubmission(name: "Lê Thị Hoa", contact: "hoa@example.vn", content: content, dossierCode: nil),
                               at: Fixtures.instant(text))
    }

    @Test("states filter the list, agencies scope it; steps out of order are refused and change nothing",
          arguments: TestBackend.available)
    func states(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            for agency in try Fixtures.agencies() { try await AgencyStore(database: database).save(agency) }
            let store = FeedbackStore(database: database)
            let first = try await Self.submit(store, "Phản ánh thứ nhất về thái độ phục vụ.", at: "2026-03-02 08:00")
            let second = try await Self.submit(store, "Phản ánh thứ hai về thời hạn giải quyết.", at: "2026-03-03 08:00")
            let third = try await Self.submit(store, "Phản ánh thứ ba về phí, lệ phí thu thêm.", at: "2026-03-04 08:00")

            await #expect(throws: FeedbackStateError.self) {
                try await store.answer(first, text: "Trả lời khi chưa được giao.", by: "cv", at: Date())
            }
            await #expect(throws: FeedbackStateError.self) { try await store.publish(first) }
            await #expect(throws: StoreError.self) { try await store.assign(first, to: try AgencyCode(parsing: "000.00.99.H56")) }
            await #expect(throws: StoreError.self) { try await store.assign("PAKN-000000-0000", to: Fixtures.planning) }
            #expect(try await store.feedback(first)?.state == .new)

            try await store.assign(first, to: Fixtures.planning)
            try await store.assign(second, to: Fixtures.environment)
            try await store.answer(second, text: "Sở đã xử lý và trả kết quả đúng hạn.", by: "cv.tnmt", at: Fixtures.instant("2026-03-05 09:00"))
            try await store.assign(third, to: Fixtures.planning)
            try await store.answer(third, text: "Khoản thu thêm đã được hoàn trả cho Ông/Bà.", by: "cv.khdt", at: Fixtures.instant("2026-03-06 09:00"))
            try await store.publish(third)
            await #expect(throws: FeedbackStateError.self) { try await store.assign(third, to: Fixtures.environment) }

            func references(_ state: FeedbackState?, _ agencies: Set<AgencyCode>? = nil) async throws -> [String] {
                try await store.list(state: state, agencies: agencies).map(\.reference)
            }
            #expect(try await references(nil) == [third, second, first])  // newest first
            #expect(try await references(.new).isEmpty)
            #expect(try await references(.assigned) == [first])
            #expect(try await references(.answered) == [second])
            #expect(try await references(.published) == [third])
            #expect(try await references(nil, [Fixtures.planning]) == [third, first])
            #expect(try await references(nil, [Fixtures.center]).isEmpty)
            #expect(try await references(nil, []).isEmpty)

            let published = try await store.publishedAnswers()
            #expect(published.map(\.reference) == [third])
            #expect(published.first?.answer == "Khoản thu thêm đã được hoàn trả cho Ông/Bà.")
            #expect(published.first?.agencyCode == Fixtures.planning.rawValue)
            #expect(published.first?.agencyName == "Sở Kế hoạch và Đầu tư")
        }
    }

    @Test("a role change replaces the agencies in one step and refuses unknown agencies", arguments: TestBackend.available)
    func roleChange(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            for agency in try Fixtures.agencies() { try await AgencyStore(database: database).save(agency) }
            let users = UserStore(database: database)
            try await users.add(UserRecord(username: "minh", displayName: "Đỗ Văn Minh", passwordHash: "$2b$04$x", role: "specialist",
                                           agencyCodes: [Fixtures.planning.rawValue]))
            await #expect(throws: StoreError.self) {
                try await users.setRole("minh", role: "leader", agencyCodes: ["000.00.99.H56"])
            }
            #expect(try await users.user("minh")?.role == "specialist")
            #expect(try await users.user("minh")?.agencyCodes == [Fixtures.planning.rawValue])
            try await users.setRole("minh", role: "leader", agencyCodes: [Fixtures.environment.rawValue, Fixtures.province.rawValue])
            let changed = try #require(try await users.user("minh"))
            #expect(changed.role == "leader")
            #expect(changed.agencyCodes == [Fixtures.province.rawValue, Fixtures.environment.rawValue].sorted())
            await #expect(throws: StoreError.self) { try await users.setRole("nobody", role: "leader", agencyCodes: []) }
        }
    }
}
