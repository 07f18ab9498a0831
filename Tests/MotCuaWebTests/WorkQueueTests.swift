import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb
import Testing

@Suite("Work queue of an agency")
struct WorkQueueTests {
    @Test("dossiers at the officer's agency steps, most urgent first, overdue marked; others see nothing of it",
          arguments: TestBackend.available)
    func queue(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            _ = try await AuthFixture.seed(database)  // lan: reception officer of the planning department
            try await ProcedureStore(database: database).add(try Fixtures.investmentProcedure())
            let store = DossierStore(database: database)
            func atPlanning(_ instant: Date) async throws -> String {
                let d = try await store.register(
                    RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                        applicant: Fixtures.applicant(), channel: .counter), at: instant, actor: "tiepnhan")
                _ = try await store.execute(.transfer, on: d.code, at: instant, actor: "tiepnhan")
                return d.code.rawValue
            }
            let old = try await atPlanning(Fixtures.instant("2021-07-12 08:00"))   // long overdue
            let fresh = try await atPlanning(Date())                                // five working days ahead
            let older = try await atPlanning(Fixtures.instant("2021-07-05 08:00"))
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var browser = Browser()
                _ = try await browser.signIn(client, username: "lan", password: AuthFixture.password)
                let page = try await client.execute(uri: "/hang-doi", method: .get, headers: browser.jar.header)
                #expect(page.status == .ok)
                let positions = [older, old, fresh].map { page.text.range(of: $0)?.lowerBound }
                #expect(positions.allSatisfy { $0 != nil })
                #expect(positions[0]! < positions[1]! && positions[1]! < positions[2]!)
                #expect(page.text.contains("3 hồ sơ — 2 quá hạn"))
                #expect(page.text.contains("Thẩm định hồ sơ"))

                var manager = Browser()
                _ = try await manager.signIn(client, username: "hoa", password: AuthFixture.password)
                let refused = try await client.execute(uri: "/hang-doi", method: .get, headers: manager.jar.header)
                #expect(refused.status == .forbidden)
                let anonymous = try await client.execute(uri: "/hang-doi", method: .get)
                #expect(anonymous.status == .seeOther)
            }
        }
    }
}
