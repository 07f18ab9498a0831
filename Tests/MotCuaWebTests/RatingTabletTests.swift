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

    @Test("the citizen rates a returned dossier from the status lookup, once, after proving it with the phone digits",
          arguments: TestBackend.available)
    func rateFromLookup(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            _ = try await AuthFixture.seed(database)
            try await ProcedureStore(database: database).add(try Fixtures.investmentProcedure())
            let store = DossierStore(database: database)
            let now = Date()
            func register() async throws -> Dossier {
                try await store.register(
                    RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                        applicant: Fixtures.applicant(), channel: .counter),
                    at: now.addingTimeInterval(-600), actor: "lan")
            }
            var returned = try await register()
            returned = try await store.execute(.transfer, on: returned.code, at: now.addingTimeInterval(-590), actor: "lan")
            for offset in [-500.0, -400, -350] {
                returned = try await store.execute(.completeStep(note: nil), on: returned.code, at: now.addingTimeInterval(offset), actor: "cv")
            }
            returned = try await store.execute(.recordResult(outcome: .approved, note: nil), on: returned.code, at: now.addingTimeInterval(-300), actor: "lan")
            returned = try await store.execute(.returnResult(channel: .postal), on: returned.code, at: now.addingTimeInterval(-60), actor: "lan")
            let open = try await register()
            let digits = String(try #require(returned.applicant?.phone).suffix(4))
            let returnedCode = returned.code

            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var citizen = Browser()
                _ = try await DeskFixture.get(client, "/tra-cuu", &citizen)
                func post(_ path: String, _ code: DossierCode, _ digits: String, _ rating: String? = nil) async throws -> TestResponse {
                    var fields = [("_csrf", citizen.csrfToken), ("ma", code.rawValue), ("so", digits)]
                    if let rating { fields.append(("danh_gia", rating)) }
                    return try await client.execute(uri: path, method: .post, headers: citizen.jar.headers(adding: AuthFixture.formHeaders),
                                                    body: AuthFixture.formBody(fields))
                }
                let found = try await post("/tra-cuu", returnedCode, digits)
                #expect(found.status == .ok && found.text.contains("id=\"danh-gia-tra-cuu\""))
                let openFound = try await post("/tra-cuu", open.code, digits)
                #expect(openFound.status == .ok && !openFound.text.contains("id=\"danh-gia-tra-cuu\""))
                // Not returned: refused by RatingRule even when posted by hand.
                let early = try await post("/tra-cuu/danh-gia", open.code, digits, "very_satisfied")
                #expect(early.status == .conflict && early.text.contains("chưa trả kết quả"))
                // Wrong digits: nothing recorded, the same answer as a lookup.
                let wrong = try await post("/tra-cuu/danh-gia", returnedCode, digits == "0000" ? "1111" : "0000", "very_satisfied")
                #expect(wrong.status == .notFound)
                let rated = try await post("/tra-cuu/danh-gia", returnedCode, digits, "satisfied")
                #expect(rated.status == .ok && rated.text.contains("Cảm ơn") && !rated.text.contains("id=\"danh-gia-tra-cuu\""))
                let again = try await post("/tra-cuu/danh-gia", returnedCode, digits, "unsatisfied")
                #expect(again.status == .conflict && again.text.contains("đã được đánh giá"))
            }
            let rows = try await database.sql.select().columns("dossier_code", "officer", "rating").from("satisfaction_ratings").all()
            #expect(rows.count == 1)
            #expect(try rows.first?.decode(column: "officer", as: String.self) == StatusLookupController.citizenRater)
            #expect(try rows.first?.decode(column: "rating", as: String.self) == "satisfied")
        }
    }
}
