import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import MotCuaWeb
import Testing

@Suite("JSON API: guidance log, ratings and statistics")
struct ServiceLogAPITests {
    @Test("record guidance and a rating; read the figures back; refuse outsiders and bad input", arguments: TestBackend.available)
    func roundTrip(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let clock = TestClock("2021-07-12 09:00")
            try await apiApplication(database, clock: clock).test(.router) { client in
                for kind in ["in_person", "in_person", "incoming_call"] {
                    let reply = try await client.call(.post, "/api/v1/guidance", user: TestUsers.reception,
                                                      json: #"{"kind": "\#(kind)", "agency_code": "\#(Fixtures.center)", "note": "Hướng dẫn"}"#)
                    #expect(reply.status == .created, "\(reply.text)")
                }
                let outsider = try await client.call(.post, "/api/v1/guidance", user: TestUsers.environmentReception,
                                                     json: #"{"kind": "in_person", "agency_code": "\#(Fixtures.center)"}"#)
                #expect(outsider.status == .forbidden)
                let badKind = try await client.call(.post, "/api/v1/guidance", user: TestUsers.reception,
                                                    json: #"{"kind": "email", "agency_code": "\#(Fixtures.center)"}"#)
                #expect(badKind.status == .badRequest || badKind.status == .unprocessableContent)
                let figures = try await client.call(.get, "/api/v1/guidance?from=2021-07-12&to=2021-07-12", user: TestUsers.reception)
                #expect(figures.int("total") == 3 && figures.int("in_person") == 2 && figures.int("incoming_calls") == 1)

                let created = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception, json: registrationJSON())
                let code = try #require(created.string("code"))
                func rate(_ user: String) async throws -> JSONReply {
                    try await client.call(.post, "/api/v1/ratings", user: user, json: #"{"dossier_code": "\#(code)", "rating": "satisfied"}"#)
                }
                // RatingRule, as at the tablet: not before the result is returned, only the counter's account, once.
                let early = try await rate(TestUsers.reception)
                #expect(early.status == .conflict && early.text.contains("chưa trả kết quả"), "\(early.text)")
                let store = DossierStore(database: database)
                let dossierCode = try DossierCode(parsing: code)
                _ = try await store.execute(.transfer, on: dossierCode, at: Fixtures.instant("2021-07-12 09:10"), actor: "tiepnhan")
                for minute in [20, 30, 40] {
                    _ = try await store.execute(.completeStep(note: nil), on: dossierCode, at: Fixtures.instant("2021-07-12 09:\(minute)"), actor: "cv")
                }
                _ = try await store.execute(.recordResult(outcome: .approved, note: nil), on: dossierCode,
                                            at: Fixtures.instant("2021-07-12 09:50"), actor: "tiepnhan")
                _ = try await store.execute(.returnResult(channel: .counter), on: dossierCode,
                                            at: Fixtures.instant("2021-07-12 09:55"), actor: "tiepnhan")
                #expect(try await rate(TestUsers.planningSpecialist).status == .forbidden)
                #expect(try await rate(TestUsers.manager).status == .forbidden)
                let rating = try await rate(TestUsers.reception)
                #expect(rating.status == .created, "\(rating.text)")
                let second = try await rate(TestUsers.reception)
                #expect(second.status == .conflict && second.text.contains("đã được đánh giá"))
                let stats = try await client.call(.get, "/api/v1/statistics?quarter=2021-Q3", user: TestUsers.manager)
                #expect(stats.status == .ok)
                #expect((stats["received"] as? [String: Any])?["total"] as? Int == 1)
                #expect((stats["guidance"] as? [String: Any])?["total"] as? Int == 3)
                #expect((stats["satisfaction"] as? [String: Any])?["satisfied_percent"] as? Double == 100)
                // Scoped like the dashboard: an officer of another agency sees that agency's figures only.
                let outsiderStats = try await client.call(.get, "/api/v1/statistics?quarter=2021-Q3", user: TestUsers.environmentReception)
                #expect(outsiderStats.status == .ok)
                #expect((outsiderStats["received"] as? [String: Any])?["total"] as? Int == 0)
                #expect((outsiderStats["guidance"] as? [String: Any])?["total"] as? Int == 0)
                let foreignAgency = try await client.call(.get, "/api/v1/statistics?quarter=2021-Q3&agency=\(Fixtures.planning)",
                                                          user: TestUsers.environmentReception)
                #expect(foreignAgency.status == .forbidden)
                let outsiderGuidance = try await client.call(.get, "/api/v1/guidance?from=2021-07-12&to=2021-07-12",
                                                             user: TestUsers.environmentReception)
                #expect(outsiderGuidance.int("total") == 0)
                let ownerStats = try await client.call(.get, "/api/v1/statistics?quarter=2021-Q3", user: TestUsers.planningSpecialist)
                #expect((ownerStats["received"] as? [String: Any])?["total"] as? Int == 1)
                let badQuarter = try await client.call(.get, "/api/v1/statistics?quarter=2021-Q9", user: TestUsers.manager)
                #expect(badQuarter.status == .badRequest)
                let anonymous = try await client.call(.get, "/api/v1/statistics?quarter=2021-Q3")
                #expect(anonymous.status == .unauthorized)
            }
        }
    }
}
