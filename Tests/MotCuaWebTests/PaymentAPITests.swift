import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import MotCuaWeb
import SQLKit
import Testing

@Suite("JSON API: confirm_payment with its optional channel")
struct PaymentAPITests {
    @Test("channel accepted (online, or none), unknown values are 422 naming the field; the two channel vocabularies stay apart",
          arguments: TestBackend.available)
    func channel(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let clock = TestClock("2021-02-05 09:00")
            try await apiApplication(database, clock: clock).test(.router) { client in
                let created = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception, json: registrationJSON())
                let code = try #require(created.string("code"))
                let store = DossierStore(database: database)
                let dossierCode = try DossierCode(parsing: code)
                func act(_ action: String, as user: String, json: String) async throws -> JSONReply {
                    let version = try await store.dossier(dossierCode).version
                    var body = json
                    body.removeLast()
                    body += (body.count > 1 ? ", " : "") + "\"expected_version\": \(version)}"
                    return try await client.call(.post, "/api/v1/dossiers/\(code)/actions/\(action)", user: user, json: body)
                }
                func paidOnline() async throws -> Int? {
                    try await database.sql.select().column("paid_online").from("dossiers").where("code", .equal, code)
                        .first()?.decode(column: "paid_online", as: Int?.self)
                }
                #expect(try await act("transfer", as: TestUsers.reception, json: "{}").status == .ok)
                clock.set("2021-02-05 10:00")
                #expect(try await act("request_payment", as: TestUsers.planningSpecialist,
                                      json: #"{"amount_vnd": 200000, "description": "Phí thẩm định"}"#).status == .ok)
                let before = try await store.events(of: dossierCode).count

                // Unknown value, a value of the wrong type, and a return channel that is no payment channel.
                for bad in [#"{"channel": "cash"}"#, #"{"channel": "postal", "reference": "BL-1"}"#] {
                    let reply = try await act("confirm_payment", as: TestUsers.reception, json: bad)
                    #expect(reply.status == .unprocessableContent, "\(bad): \(reply.text)")
                    #expect(reply.string("type") == "urn:motcua:problem:validation-failed")
                    #expect((reply["errors"] as? [[String: Any]])?.first?["field"] as? String == "channel")
                    #expect(reply.string("detail")?.contains("online, counter, transfer") == true)
                }
                let wrongType = try await act("confirm_payment", as: TestUsers.reception, json: #"{"channel": 1}"#)
                #expect(wrongType.status == .badRequest)
                #expect((wrongType["errors"] as? [[String: Any]])?.first?["field"] as? String == "channel")
                #expect(try await store.events(of: dossierCode).count == before)
                #expect(try await paidOnline() == nil)

                clock.set("2021-02-05 14:00")
                let confirmed = try await act("confirm_payment", as: TestUsers.reception, json: #"{"channel": "online", "reference": "DVC-7781"}"#)
                #expect(confirmed.status == .ok, "\(confirmed.text)")
                let payments = try #require(confirmed["payments"] as? [[String: Any]])
                #expect(payments.first?["channel"] as? String == "online" && payments.first?["reference"] as? String == "DVC-7781")
                #expect(try await paidOnline() == 1)
                let events = try await client.call(.get, "/api/v1/dossiers/\(code)/events", user: TestUsers.reception)
                let last = try #require(events.items.last)
                #expect(last["type"] as? String == "payment_confirmed")
                #expect((last["payload"] as? [String: Any])?["channel"] as? String == "online")

                // Without a channel the request is still accepted (additive contract): the channel is unknown.
                clock.set("2021-02-08 09:00")
                #expect(try await act("request_payment", as: TestUsers.planningSpecialist,
                                      json: #"{"amount_vnd": 50000, "description": "Lệ phí"}"#).status == .ok)
                let plain = try await act("confirm_payment", as: TestUsers.reception, json: #"{"reference": "BL-2"}"#)
                #expect(plain.status == .ok, "\(plain.text)")
                let both = try #require(plain["payments"] as? [[String: Any]])
                #expect(both.count == 2 && both[1]["channel"] == nil)
                #expect(try await paidOnline() == nil)

                // return_result keeps its own vocabulary: a payment channel is not a way to return a result.
                let misplaced = try await act("return_result", as: TestUsers.reception, json: #"{"channel": "transfer"}"#)
                #expect(misplaced.status == .unprocessableContent)
                #expect((misplaced["errors"] as? [[String: Any]])?.first?["field"] as? String == "channel")
                #expect(misplaced.string("detail")?.contains("counter, online, postal") == true)
            }
        }
    }
}
