import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import MotCuaWeb
import Testing

/// Acceptance on behalf through the JSON API, as an attacker would try it: other sites' desks cannot
/// forward, receive or even read; system-only actions cannot be posted; the period runs from the receipt.
@Suite("JSON API: a dossier accepted at a commune center, forwarded and received by the provincial center")
struct SitesAPITests {
    static let communeDesk = "reception:\(SiteFixtures.communeCenter);tn.bgn"
    static let otherCommuneDesk = "reception:\(SiteFixtures.otherCommuneCenter);tn.ngn"
    static let provincialDesk = "reception:\(SiteFixtures.center);tn.tinh"
    static let justiceSpecialist = "specialist:\(SiteFixtures.justice);cv.stp"

    static func registration(_ procedure: ProcedureCode) -> String {
        """
        {"receiving_agency_code": "\(SiteFixtures.communeCenter)", "procedure_code": "\(procedure)", "channel": "counter",
         "applicant": {"kind": "person", "name": "Lê Thị Liên Thông", "id_number": "067190000123", "phone": "0912000111"}}
        """
    }

    @Test("registered at the commune desk: accepted on behalf; only that desk forwards, only the provincial desk receives; due from the receipt",
          arguments: TestBackend.available)
    func acceptForwardReceive(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await SiteFixtures.seed(database)
            let clock = TestClock("2026-09-10 10:00")
            try await apiApplication(database, clock: clock).test(.router) { client in
                let refused = try await client.call(.post, "/api/v1/dossiers", user: Self.communeDesk, json: Self.registration(SiteFixtures.localOnlyCode))
                #expect(refused.status == .unprocessableContent && refused.text.contains("procedure_code"))

                let created = try await client.call(.post, "/api/v1/dossiers", user: Self.communeDesk, json: Self.registration(SiteFixtures.anySiteCode))
                #expect(created.status == .created)
                let code = try #require(created.string("code"))
                #expect(code.hasPrefix(SiteFixtures.communeCenter.rawValue + "-260910-"))
                #expect(created.string("accepted_at") != nil && created.string("received_at") == nil && created.string("due_at") == nil)
                let forwarding = try #require(created["forwarding"] as? [String: Any])
                #expect(forwarding["destination"] as? String == SiteFixtures.center.rawValue)
                #expect(created.string("legal_regime") == "nd118-2025-309-2026")
                #expect(created["permitted_actions"] == nil || (created["permitted_actions"] as? [String])?.contains("forward") == true)

                var version = try #require(created.int("version"))
                func act(_ action: String, as user: String, json: String = "{}") async throws -> JSONReply {
                    var body = json
                    body.removeLast()
                    body += (body.count > 1 ? ", " : "") + "\"expected_version\": \(version)}"
                    let reply = try await client.call(.post, "/api/v1/dossiers/\(code)/actions/\(action)", user: user, json: body)
                    if reply.status == .ok, let next = reply.int("version") { version = next }
                    return reply
                }
                // Nobody posts the system's own actions; other desks neither forward, receive nor read.
                #expect(try await act("accept_on_behalf", as: Self.communeDesk).status == .forbidden)
                #expect(try await act("reassign", as: Self.communeDesk).status == .forbidden)
                #expect(try await act("forward", as: Self.otherCommuneDesk).status == .forbidden)
                #expect(try await act("forward", as: Self.provincialDesk).status == .forbidden)
                #expect(try await act("receive", as: Self.communeDesk).status == .forbidden)
                #expect(try await client.call(.get, "/api/v1/dossiers/\(code)", user: Self.otherCommuneDesk).status == .forbidden)
                // The competent desk cannot receive what was not sent.
                #expect(try await act("receive", as: Self.provincialDesk).status == .unprocessableContent)
                #expect(try await act("forward", as: Self.communeDesk, json: #"{"channel": "pigeon"}"#).status == .unprocessableContent)

                clock.set("2026-09-10 15:00")
                let sent = try await act("forward", as: Self.communeDesk, json: #"{"channel": "postal", "note": "Gửi bưu điện"}"#)
                #expect(sent.status == .ok)
                #expect((sent["forwarding"] as? [String: Any])?["channel"] as? String == "postal")

                clock.set("2026-09-14 10:00")  // two working days after the acceptance
                let received = try await act("receive", as: Self.provincialDesk)
                #expect(received.status == .ok)
                #expect(received.string("received_at") == "2026-09-14T10:00:00+07:00")
                #expect(received.string("due_at") == "2026-09-21T10:00:00+07:00")
                #expect(received.string("forwarding_verdict") == "late")
                // The competent agency's specialist sees it; the accepting desk still does.
                #expect(try await client.call(.get, "/api/v1/dossiers/\(code)", user: Self.justiceSpecialist).status == .ok)
                #expect(try await client.call(.get, "/api/v1/dossiers/\(code)", user: Self.communeDesk).status == .ok)
                // Lists by site: the provincial desk's list holds it, the commune center's does not; not a site → 422.
                let atCenter = try await client.call(.get, "/api/v1/dossiers?site=\(SiteFixtures.center)", user: Self.provincialDesk)
                #expect(atCenter.items.map { $0["code"] as? String } == [code])
                #expect(atCenter.items.first?["site_code"] as? String == SiteFixtures.center.rawValue)
                #expect(try await client.call(.get, "/api/v1/dossiers?site=\(SiteFixtures.communeCenter)", user: Self.communeDesk).items.isEmpty)
                #expect(try await client.call(.get, "/api/v1/dossiers?site=\(SiteFixtures.justice)", user: Self.provincialDesk).status == .badRequest)
            }
        }
    }
}
