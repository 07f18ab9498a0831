import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import MotCuaWeb
import Testing

@Suite("JSON API: who may do what to a dossier (action policy)")
struct DossierActionPolicyAPITests {
    @Test("each role acts only on its own part, at its own agency; refusals are 403 problems and write nothing",
          arguments: TestBackend.available)
    func refusals(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let clock = TestClock("2021-02-05 09:00")
            try await apiApplication(database, clock: clock).test(.router) { client in
                let created = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception, json: registrationJSON())
                let code = try #require(created.string("code"))
                let store = DossierStore(database: database)
                let dossierCode = try DossierCode(parsing: code)
                var version = 2
                func act(_ action: String, as user: String, json: String = "{}") async throws -> JSONReply {
                    var body = json
                    body.removeLast()
                    body += (body.count > 1 ? ", " : "") + "\"expected_version\": \(version)}"
                    let reply = try await client.call(.post, "/api/v1/dossiers/\(code)/actions/\(action)", user: user, json: body)
                    if reply.status == .ok, let next = reply.int("version") { version = next }
                    return reply
                }
                func expectRefused(_ action: String, as user: String, json: String = "{}",
                                   sourceLocation: SourceLocation = #_sourceLocation) async throws {
                    let before = try await store.events(of: dossierCode).count
                    let reply = try await act(action, as: user, json: json)
                    #expect(reply.status == .forbidden, "\(action) by \(user): \(reply.text)", sourceLocation: sourceLocation)
                    #expect(reply.contentType?.hasPrefix("application/problem+json") == true, sourceLocation: sourceLocation)
                    #expect(reply.string("type") == "urn:motcua:problem:forbidden", sourceLocation: sourceLocation)
                    #expect(try await store.events(of: dossierCode).count == before, sourceLocation: sourceLocation)
                }

                // At the desk: only its reception officers hand the dossier over; specialists and managers cannot.
                try await expectRefused("transfer", as: TestUsers.planningSpecialist)
                try await expectRefused("transfer", as: TestUsers.manager)
                clock.set("2021-02-05 09:30")
                #expect(try await act("transfer", as: TestUsers.reception).status == .ok)

                // Step 1 is Planning and Investment's: the desk, other agencies and the manager cannot complete it.
                clock.set("2021-02-08 10:00")
                try await expectRefused("complete_step", as: TestUsers.reception)
                try await expectRefused("complete_step", as: TestUsers.environmentSpecialist)  // cannot even see it
                try await expectRefused("complete_step", as: TestUsers.provinceLeader)
                try await expectRefused("complete_step", as: TestUsers.manager)
                let managerView = try await client.call(.get, "/api/v1/dossiers/\(code)", user: TestUsers.manager)
                #expect(managerView.status == .ok)
                #expect(managerView["permitted_actions"] as? [String] == [])
                let specialistView = try await client.call(.get, "/api/v1/dossiers/\(code)", user: TestUsers.planningSpecialist)
                let permitted = try #require(specialistView["permitted_actions"] as? [String])
                #expect(permitted.contains("complete_step") && !permitted.contains("extend") && !permitted.contains("return_result"))
                #expect(try await client.call(.get, "/api/v1/dossiers/\(code)", user: TestUsers.environmentSpecialist).status == .forbidden)
                // Leader-only actions are refused to the specialist of the very step; the step's leader may extend.
                try await expectRefused("refuse", as: TestUsers.planningSpecialist, json: #"{"reason": "Không đủ điều kiện"}"#)
                try await expectRefused("extend", as: TestUsers.planningSpecialist,
                                        json: #"{"new_due_at": "2021-03-05T17:00:00+07:00", "reason": "Chờ ý kiến"}"#)
                try await expectRefused("stop", as: TestUsers.planningSpecialist, json: #"{"reason": "Dừng"}"#)
                // Returning a result is the desk's: never a specialist's.
                try await expectRefused("return_result", as: TestUsers.planningSpecialist, json: #"{"channel": "counter"}"#)
                #expect(try await act("complete_step", as: TestUsers.planningSpecialist).status == .ok)

                // Step 2 is an approval ("Lãnh đạo UBND tỉnh"): the province's specialist cannot complete it.
                clock.set("2021-02-09 10:00")
                try await expectRefused("complete_step", as: TestUsers.provinceSpecialist)
                try await expectRefused("complete_step", as: TestUsers.planningSpecialist)  // no longer their step
                let extended = try await act("extend", as: TestUsers.provinceLeader,
                                             json: #"{"new_due_at": "2021-03-12T17:00:00+07:00", "reason": "Chờ ý kiến các sở"}"#)
                #expect(extended.status == .ok, "\(extended.text)")
                #expect(try await act("complete_step", as: TestUsers.provinceLeader).status == .ok)
                clock.set("2021-02-10 10:00")
                #expect(try await act("complete_step", as: TestUsers.environmentSpecialist).status == .ok)

                // The result: recorded by the desk (or the last step's agency), returned by the desk only.
                clock.set("2021-02-10 11:00")
                try await expectRefused("record_result", as: TestUsers.planningSpecialist, json: #"{"outcome": "approved"}"#)
                #expect(try await act("record_result", as: TestUsers.reception, json: #"{"outcome": "approved"}"#).status == .ok)
                try await expectRefused("return_result", as: TestUsers.environmentSpecialist, json: #"{"channel": "postal"}"#)
                try await expectRefused("return_result", as: TestUsers.environmentReception, json: #"{"channel": "postal"}"#)
                try await expectRefused("return_result", as: TestUsers.manager, json: #"{"channel": "postal"}"#)
                let returned = try await act("return_result", as: TestUsers.reception, json: #"{"channel": "postal"}"#)
                #expect(returned.status == .ok)
                #expect(returned.string("return_channel") == "postal")
            }
        }
    }

    @Test("a leader of the owning agency refuses a received dossier; the desk may not", arguments: TestBackend.available)
    func refusalBeforeTransfer(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let clock = TestClock("2021-02-05 09:00")
            try await apiApplication(database, clock: clock).test(.router) { client in
                let created = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception, json: registrationJSON())
                let code = try #require(created.string("code"))
                let uri = "/api/v1/dossiers/\(code)/actions/refuse"
                let body = #"{"expected_version": 2, "reason": "Dự án không phù hợp quy hoạch"}"#
                let byDesk = try await client.call(.post, uri, user: TestUsers.reception, json: body)
                #expect(byDesk.status == .forbidden)
                #expect(byDesk.string("detail")?.contains("từ chối giải quyết") == true)
                for user in [TestUsers.manager, TestUsers.planningSpecialist.replacingOccurrences(of: "\(Fixtures.planning)", with: "\(Fixtures.center)")] {
                    let registration = try await client.call(.post, "/api/v1/dossiers", user: user, json: registrationJSON())
                    #expect(registration.status == .forbidden, "\(user) registers: \(registration.text)")
                }
                let byLeader = try await client.call(.post, uri, user: TestUsers.planningLeader, json: body)
                #expect(byLeader.status == .ok, "\(byLeader.text)")
                #expect(byLeader.string("outcome") == "refused")
            }
        }
    }
}
