import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import MotCuaWeb
import Testing

@Suite("JSON API: dossiers through their life, on SQLite and PostgreSQL")
struct DossierAPITests {
    @Test("register → transfer → three agencies' steps → result → return, with ETags", arguments: TestBackend.available)
    func wholeLife(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let clock = TestClock("2021-02-05 09:00")
            try await apiApplication(database, clock: clock).test(.router) { client in
                let created = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception, json: registrationJSON())
                #expect(created.status == .created, "\(created.text)")
                let code = try #require(created.string("code"))
                #expect(code == "000.00.15.H56-210205-0001")
                #expect(created.headers[.location] == "/api/v1/dossiers/\(code)")
                #expect(created.etag == "\"2\"")  // registered and received at the counter
                #expect(created.int("status") == 2)
                #expect(created.string("status_label") == "Đã tiếp nhận")
                #expect(created.string("due_at") == "2021-02-26T09:00:00+07:00")
                #expect(created.string("registered_at") == "2021-02-05T09:00:00+07:00")
                #expect(created.string("receiving_agency_code") == Fixtures.center.rawValue)
                #expect(created["allowed_actions"] as? [String] == ["request_supplement", "transfer", "extend", "refuse", "withdraw", "stop", "record_result"])
                #expect((created["applicant"] as? [String: Any])?["phone"] as? String == "02613544123")
                #expect(created["verdict"] is NSNull)
                #expect(created.string("progress") == "within_deadline")

                // Each officer acts with the ETag (If-Match) or the version (body) of what they saw.
                var etag = try #require(created.etag)
                func act(_ action: String, at instant: String, as user: String, json: String = "{}", useIfMatch: Bool = true) async throws -> JSONReply {
                    clock.set(instant)
                    let reply: JSONReply
                    if useIfMatch {
                        reply = try await client.call(.post, "/api/v1/dossiers/\(code)/actions/\(action)", user: user, json: json,
                                                      headers: [.ifMatch: etag])
                    } else {
                        let version = Int(etag.dropFirst().dropLast())!
                        var body = json
                        body.removeLast()
                        body += (body.count > 1 ? ", " : "") + "\"expected_version\": \(version)}"
                        reply = try await client.call(.post, "/api/v1/dossiers/\(code)/actions/\(action)", user: user, json: body)
                    }
                    #expect(reply.status == .ok, "\(action): \(reply.text)")
                    etag = try #require(reply.etag)
                    #expect(reply.int("version").map { "\"\($0)\"" } == etag)
                    return reply
                }
                var d = try await act("transfer", at: "2021-02-05 09:30", as: TestUsers.reception)
                #expect(d.int("status") == 4)
                #expect(etag == "\"3\"")
                d = try await act("accept_step", at: "2021-02-05 10:00", as: TestUsers.planningSpecialist, useIfMatch: false)
                #expect(((d["visits"] as? [[String: Any]])?.first?["assignee"] as? String) == "cv.khdt")
                d = try await act("complete_step", at: "2021-02-08 10:00", as: TestUsers.planningSpecialist,
                                  json: #"{"note": "Đủ điều kiện"}"#, useIfMatch: false)
                // The leader of the provincial People's Committee reaches the dossier because its step is theirs.
                let seen = try await client.call(.get, "/api/v1/dossiers/\(code)", user: TestUsers.provinceLeader)
                #expect(seen.status == .ok)
                #expect(seen.etag == etag)
                d = try await act("complete_step", at: "2021-02-18 09:00", as: TestUsers.provinceLeader)
                d = try await act("complete_step", at: "2021-02-19 09:00", as: TestUsers.environmentSpecialist, json: #"{"note": "Đã cập nhật"}"#)
                d = try await act("record_result", at: "2021-02-19 10:00", as: TestUsers.reception, json: #"{"outcome": "approved"}"#)
                #expect(d.int("status") == 9)
                #expect(d.string("verdict") == "early")
                d = try await act("return_result", at: "2021-02-22 08:00", as: TestUsers.reception, json: #"{"channel": "counter"}"#)
                #expect(d.int("status") == 10)
                #expect(d.string("status_label") == "Đã trả kết quả")
                #expect(d.string("returned_at") == "2021-02-22T08:00:00+07:00")
                #expect(d["allowed_actions"] as? [String] == ["record_lateness"])
                #expect(d.string("citizen_verdict") == "early")
                #expect(d["progress"] is NSNull)
                let visits = try #require(d["visits"] as? [[String: Any]])
                #expect(visits.map { $0["agency_code"] as? String } == [Fixtures.planning, Fixtures.province, Fixtures.environment].map(\.rawValue))
                #expect(visits.map { $0["handed_over_at"] as? String } == ["2021-02-05T09:30:00+07:00", "2021-02-08T10:00:00+07:00", "2021-02-18T09:00:00+07:00"])

                // The history: every change, its actor the signed-in user, labelled in Vietnamese.
                let history = try await client.call(.get, "/api/v1/dossiers/\(code)/events", user: TestUsers.reception)
                #expect(history.status == .ok)
                #expect(history.items.map { $0["type"] as? String } == [
                    "registered", "received", "transferred", "step_accepted", "step_completed", "step_completed",
                    "step_completed", "result_ready", "result_returned",
                ])
                #expect(history.items.map { $0["actor"] as? String } == [
                    "tiepnhan", "tiepnhan", "tiepnhan", "cv.khdt", "cv.khdt", "ld.ubnd", "cv.tnmt", "tiepnhan", "tiepnhan",
                ])
                #expect(history.items.map { $0["sequence"] as? Int } == Array(1...9))
                #expect(history.items.first?["label"] as? String == "Đăng ký hồ sơ")
                #expect(history.items.last?["at"] as? String == "2021-02-22T08:00:00+07:00")
                #expect(history.items.first?["from_status"] == nil)

                // The stored dossier agrees with its replayed history.
                let store = DossierStore(database: database)
                let dossierCode = try DossierCode(parsing: code)
                #expect(try await store.rebuilt(dossierCode) == store.dossier(dossierCode))
                let a = String(decoding: try MotCuaJSON.encode(try await store.rebuilt(dossierCode)), as: UTF8.self)
                let b = String(decoding: try MotCuaJSON.encode(try await store.dossier(dossierCode)), as: UTF8.self)
                if a != b { print("REBUILT \(a)\nSTORED  \(b)") }
            }
        }
    }

    @Test("an online dossier waits for receipt; officers list only their agencies' dossiers", arguments: TestBackend.available)
    func onlineAndVisibility(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let clock = TestClock("2021-07-12 21:00")
            try await apiApplication(database, clock: clock).test(.router) { client in
                let online = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception, json: registrationJSON(channel: "online"))
                #expect(online.status == .created)
                #expect(online.int("status") == 1)
                #expect(online["due_at"] == nil)
                let code = try #require(online.string("code"))
                clock.set("2021-07-13 08:00")
                let received = try await client.call(.post, "/api/v1/dossiers/\(code)/actions/receive", user: TestUsers.reception,
                                                     headers: [.ifMatch: "\"1\""])
                #expect(received.status == .ok, "\(received.text)")
                #expect(received.string("due_at") == "2021-07-27T08:00:00+07:00")

                let mine = try await client.call(.get, "/api/v1/dossiers", user: TestUsers.reception)
                #expect(mine.items.map { $0["code"] as? String } == [code])
                #expect(mine.items.first?["status_label"] as? String == "Đã tiếp nhận")
                #expect((mine.items.first?["applicant"] as? [String: Any])?["name"] as? String == "Công ty TNHH Cà phê Đắk Nông")
                #expect(mine["next_cursor"] is NSNull)
                let owner = try await client.call(.get, "/api/v1/dossiers", user: TestUsers.planningSpecialist)
                #expect(owner.items.count == 1)  // the owning agency of the procedure
                let other = try await client.call(.get, "/api/v1/dossiers", user: TestUsers.environmentReception)
                #expect(other.status == .ok && other.items.isEmpty)
                let manager = try await client.call(.get, "/api/v1/dossiers?status=2&channel=online", user: TestUsers.manager)
                #expect(manager.items.count == 1)
                let none = try await client.call(.get, "/api/v1/dossiers?status=1,4", user: TestUsers.manager)
                #expect(none.items.isEmpty)

                // The manager oversees the dossier but does not work on it: the applicant's name, no contacts.
                for (user, seesContacts) in [(TestUsers.manager, false), (TestUsers.reception, true)] {
                    let one = try await client.call(.get, "/api/v1/dossiers/\(code)", user: user)
                    let applicant = try #require(one["applicant"] as? [String: Any])
                    #expect(applicant["name"] as? String == "Công ty TNHH Cà phê Đắk Nông")
                    #expect((applicant["phone"] != nil) == seesContacts, "\(user)")
                    #expect((applicant["id_number"] != nil) == seesContacts, "\(user)")
                    let history = try await client.call(.get, "/api/v1/dossiers/\(code)/events", user: user)
                    #expect(history.text.contains("6400123456") == seesContacts, "\(user): events")
                    #expect(history.text.contains("Cà phê Đắk Nông"), "\(user): events name the applicant")
                }
            }
        }
    }

    @Test("25 dossiers in pages of 10: every one once, then no cursor", arguments: TestBackend.available)
    func pagination(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let clock = TestClock("2021-07-12 08:00")
            try await apiApplication(database, clock: clock).test(.router) { client in
                var registered: [String] = []
                for i in 0..<25 {
                    clock.set("2021-07-12 08:\(String(format: "%02d", i * 2))")
                    let reply = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception,
                                                      json: registrationJSON(name: "Nguyễn Văn \(i)"))
                    registered.append(try #require(reply.string("code")))
                }
                var seen: [String] = []
                var pageSizes: [Int] = []
                var uri = "/api/v1/dossiers?limit=10"
                while true {
                    let page = try await client.call(.get, uri, user: TestUsers.reception)
                    #expect(page.status == .ok, "\(page.text)")
                    seen += page.items.compactMap { $0["code"] as? String }
                    pageSizes.append(page.items.count)
                    guard let cursor = page.string("next_cursor") else { break }
                    uri = "/api/v1/dossiers?limit=10&cursor=\(cursor)"
                    if pageSizes.count > 5 { break }
                }
                #expect(pageSizes == [10, 10, 5])
                #expect(seen == registered.reversed())

                // Without diacritics: the applicant "Nguyễn Văn 17", and the dossier whose code ends in 0017.
                let search = try await client.call(.get, "/api/v1/dossiers?q=nguyen%20van%2017", user: TestUsers.reception)
                #expect(search.items.map { $0["code"] as? String } == [registered[17], registered[16]])
                #expect(registered[16].hasSuffix("-0017"))

                for bad in ["limit=0", "limit=201", "limit=ten", "cursor=abc", "status=11", "channel=fax", "received_from=2021-13-01",
                            "receiving_agency=H5"] {
                    let reply = try await client.call(.get, "/api/v1/dossiers?\(bad)", user: TestUsers.reception)
                    #expect(reply.status == .badRequest, "\(bad)")
                    #expect(reply.contentType?.hasPrefix("application/problem+json") == true)
                    #expect((reply["errors"] as? [[String: Any]])?.first?["field"] as? String == String(bad.prefix { $0 != "=" }))
                }
            }
        }
    }
}
