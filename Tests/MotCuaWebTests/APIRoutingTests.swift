import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb
import Testing

@Suite("JSON API: the answers the API contract (schemathesis) holds it to")
struct APIRoutingTests {
    func expectProblem(_ reply: JSONReply, _ status: HTTPResponse.Status, type: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reply.status == status, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.contentType == "application/problem+json; charset=utf-8", sourceLocation: sourceLocation)
        #expect(reply.string("type") == "urn:motcua:problem:\(type)", sourceLocation: sourceLocation)
        #expect(reply.int("status") == Int(status.code), sourceLocation: sourceLocation)
    }

    @Test("a method a path does not have is 405 with Allow listing the path's methods; OPTIONS is 204 with it")
    func methodNotAllowed() async throws {
        try await withTestDatabase(.sqlite) { database in
            try await apiApplication(database, clock: TestClock("2021-07-12 08:00")).test(.router) { client in
                let cases: [(HTTPRequest.Method, String, String)] = [
                    (.delete, "/api/v1/dossiers", "GET, POST, OPTIONS"),
                    (.put, "/api/v1/procedures/1.009645", "GET, OPTIONS"),
                    (.patch, "/api/v1/dossiers/000.00.15.H56-210712-0001", "GET, OPTIONS"),
                    (.get, "/api/v1/dossiers/000.00.15.H56-210712-0001/actions/receive", "POST, OPTIONS"),
                    (.trace, "/api/v1/guidance", "GET, POST, OPTIONS"),
                    (HTTPRequest.Method("QUERY")!, "/api/v1/ratings", "POST, OPTIONS"),
                    (.post, "/api/v1/openapi.yaml", "GET, OPTIONS"),
                ]
                for (method, path, allow) in cases {
                    let reply = try await client.call(method, path, user: TestUsers.reception)
                    expectProblem(reply, .methodNotAllowed, type: "method-not-allowed")
                    #expect(reply.headers[.allow] == allow, "\(method) \(path)")
                    #expect(reply.string("detail")?.contains(allow) == true)
                    #expect(reply.string("instance") == path)
                }
                // Without a user too: the method is wrong whoever asks.
                #expect(try await client.call(.delete, "/api/v1/dossiers").status == .methodNotAllowed)

                let options = try await client.call(.options, "/api/v1/dossiers/000.00.15.H56-210712-0001/events")
                #expect(options.status == .noContent)
                #expect(options.headers[.allow] == "GET, OPTIONS")

                // A trailing slash is the same path, as the router reads it.
                #expect(try await client.call(.delete, "/api/v1/agencies/").headers[.allow] == "GET, OPTIONS")
            }
        }
    }

    @Test("an address the API does not have is a 404 problem, whatever the method")
    func unknownPath() async throws {
        try await withTestDatabase(.sqlite) { database in
            try await apiApplication(database, clock: TestClock("2021-07-12 08:00")).test(.router) { client in
                for (method, path) in [(HTTPRequest.Method.get, "/api/v1/nothing"), (.delete, "/api/v1/dossiers/a/b/c/d"),
                                       (.get, "/api/v1")] {
                    let reply = try await client.call(method, path, user: TestUsers.reception)
                    expectProblem(reply, .notFound, type: "not-found")
                    #expect(reply.headers[.allow] == nil)
                }
            }
        }
    }

    @Test("in the whole application: 405 with Allow for the API, the HTML 404 page for pages")
    func inTheApplication() async throws {
        try await withTestDatabase(.sqlite) { database in
            let app = buildApplication(AppConfiguration(database: database))
            try await app.test(.router) { client in
                try await client.execute(uri: "/api/v1/procedures", method: .delete) { response in
                    #expect(response.status == .methodNotAllowed)
                    #expect(response.headers[.allow] == "GET, OPTIONS")
                    #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
                    #expect(response.headers[.init("X-Request-Id")!] != nil)
                }
                try await client.execute(uri: "/api/v1/khong-co", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
                }
                try await client.execute(uri: "/khong-co-trang-nay", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                    #expect(response.headers[.allow] == nil)
                }
            }
        }
    }

    @Test("null in a body is 422 naming the field; an empty formatted query parameter is 400", arguments: TestBackend.available)
    func nullsAndEmptyParameters(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            try await apiApplication(database, clock: TestClock("2021-07-12 08:00")).test(.router) { client in
                let guidance = try await client.call(
                    .post, "/api/v1/guidance", user: TestUsers.reception,
                    json: #"{"kind": "in_person", "agency_code": "\#(Fixtures.center)", "at": null}"#)
                expectProblem(guidance, .unprocessableContent, type: "validation-failed")
                #expect((guidance["errors"] as? [[String: Any]])?.first?["field"] as? String == "at")

                let nestedNull = registrationJSON().replacingOccurrences(of: #""address": "Gia Nghĩa, Đắk Nông""#, with: #""address": null"#)
                let registration = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception, json: nestedNull)
                expectProblem(registration, .unprocessableContent, type: "validation-failed")
                #expect((registration["errors"] as? [[String: Any]])?.first?["field"] as? String == "applicant.address")
                #expect(try await client.call(.get, "/api/v1/dossiers", user: TestUsers.reception).items.isEmpty)

                for uri in ["/api/v1/procedures?at=", "/api/v1/agencies?on=", "/api/v1/dossiers?receiving_agency=",
                            "/api/v1/dossiers?status=", "/api/v1/dossiers?status=2,,4", "/api/v1/dossiers?limit=%20",
                            "/api/v1/statistics?quarter=", "/api/v1/guidance?to="] {
                    let reply = try await client.call(.get, uri, user: TestUsers.reception)
                    expectProblem(reply, .badRequest, type: "malformed-request")
                }
                // Free text stays free: an empty search is no search.
                #expect(try await client.call(.get, "/api/v1/procedures?q=").status == .ok)
                #expect(try await client.call(.get, "/api/v1/dossiers?q=", user: TestUsers.reception).status == .ok)
            }
        }
    }
}
