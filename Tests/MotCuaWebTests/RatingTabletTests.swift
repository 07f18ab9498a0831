import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb
import SQLKit
import Testing

@Suite("Satisfaction tablet at the counter")
struct RatingTabletTests {
    @Test("shows the dossier the officer just returned; one rating, recorded against dossier and officer",
          arguments: TestBackend.available)
    func rateOnce(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            _ = try await AuthFixture.seed(database)
            try await ProcedureStore(database: database).add(try Fixtures.investmentProcedure())
            let store = DossierStore(database: database)
            let now = Date()
            var d = try await store.register(
                RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                    applicant: Fixtures.applicant(), channel: .counter),
                at: now.addingTimeInterval(-600), actor: "lan")
            d = try await store.execute(.transfer, on: d.code, at: now.addingTimeInterval(-590), actor: "lan")
            for offset in [-500.0, -400, -350] {
                d = try await store.execute(.completeStep(note: nil), on: d.code, at: now.addingTimeInterval(offset), actor: "cv")
            }
            d = try await store.execute(.recordResult(outcome: .approved, note: nil), on: d.code, at: now.addingTimeInterval(-300), actor: "lan")
            d = try await store.execute(.returnResult(channel: .counter), on: d.code, at: now.addingTimeInterval(-60), actor: "lan")
            let code = d.code.rawValue

            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var browser = Browser()
                let anonymous = try await client.execute(uri: "/danh-gia", method: .get)
                #expect(anonymous.status == .seeOther)
                _ = try await browser.signIn(client, username: "lan", password: AuthFixture.password)
                let page = try await client.execute(uri: "/danh-gia", method: .get, headers: browser.jar.header)
                #expect(page.status == .ok)
                #expect(page.text.contains(code))
                #expect(page.text.contains("Rất hài lòng") && page.text.contains("Không hài lòng"))
                let token = try #require(Browser.hiddenCSRF(in: page.text))
                func rate(_ value: String) async throws -> TestResponse {
                    try await client.execute(uri: "/danh-gia", method: .post, headers: browser.jar.headers(adding: AuthFixture.formHeaders),
                                             body: AuthFixture.formBody([("_csrf", token), ("ma", code), ("danh_gia", value)]))
                }
                let first = try await rate("very_satisfied")
                #expect(first.status == .ok && first.text.contains("Cảm ơn"))
                let again = try await rate("unsatisfied")
                #expect(again.status == .conflict)
                let after = try await client.execute(uri: "/danh-gia", method: .get, headers: browser.jar.header)
                #expect(after.text.contains("Xin mời Ông/Bà đánh giá") && !after.text.contains(code))
            }
            let rows = try await database.sql.select().columns("officer", "rating").from("satisfaction_ratings")
                .where("dossier_code", .equal, code).all()
            #expect(rows.count == 1)
            #expect(try rows.first?.decode(column: "officer", as: String.self) == "lan")
            #expect(try rows.first?.decode(column: "rating", as: String.self) == "very_satisfied")
        }
    }
}
