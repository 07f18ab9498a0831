import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb
import Testing

@Suite("JSON API: every error is an RFC 9457 problem with a Vietnamese detail")
struct APIErrorTests {
    /// The problem's common shape.
    func expectProblem(_ reply: JSONReply, _ status: HTTPResponse.Status, type: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reply.status == status, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.contentType == "application/problem+json; charset=utf-8", sourceLocation: sourceLocation)
        #expect(reply.int("status") == Int(status.code), sourceLocation: sourceLocation)
        #expect(reply.string("type") == "urn:motcua:problem:\(type)", sourceLocation: sourceLocation)
        #expect(reply.string("title")?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(reply.string("detail")?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(reply.string("instance")?.hasPrefix("/api/v1/") == true, sourceLocation: sourceLocation)
    }

    @Test("400, 401, 403, 404, 409, 422 and 428 for the officer's mistakes", arguments: TestBackend.available)
    func statuses(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let clock = TestClock("2021-07-12 08:00")
            try await apiApplication(database, clock: clock).test(.router) { client in
                let created = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception, json: registrationJSON())
                let code = try #require(created.string("code"))
                let transfer = "/api/v1/dossiers/\(code)/actions/transfer"
                clock.set("2021-07-12 09:00")

                // 400: not JSON, a value of the wrong type, an unknown key.
                let notJSON = try await client.call(.post, transfer, user: TestUsers.reception, json: "{expected_version: 2")
                expectProblem(notJSON, .badRequest, type: "malformed-request")
                #expect(notJSON.string("detail") == "Dữ liệu gửi lên không phải JSON hợp lệ.")
                let wrongType = try await client.call(.post, transfer, user: TestUsers.reception, json: #"{"expected_version": "hai"}"#)
                expectProblem(wrongType, .badRequest, type: "malformed-request")
                #expect((wrongType["errors"] as? [[String: Any]])?.first?["field"] as? String == "expected_version")
                #expect(wrongType.string("detail") == "Trường \"expected_version\" phải là số.")
                let typo = try await client.call(.post, transfer, user: TestUsers.reception, json: #"{"expected_versoin": 2}"#)
                expectProblem(typo, .badRequest, type: "malformed-request")
                #expect((typo["errors"] as? [[String: Any]])?.first?["field"] as? String == "expected_versoin")
                let foreignField = try await client.call(.post, transfer, user: TestUsers.reception, json: #"{"expected_version": 2, "reason": "x"}"#)
                expectProblem(foreignField, .badRequest, type: "malformed-request")
                let array = try await client.call(.post, transfer, user: TestUsers.reception, json: "[2]")
                expectProblem(array, .badRequest, type: "malformed-request")
                let badIfMatch = try await client.call(.post, transfer, user: TestUsers.reception, headers: [.ifMatch: "*"])
                expectProblem(badIfMatch, .badRequest, type: "malformed-request")

                // 401 without a principal, with the scheme to use.
                let anonymous = try await client.call(.get, "/api/v1/dossiers/\(code)")
                expectProblem(anonymous, .unauthorized, type: "unauthenticated")
                #expect(anonymous.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                expectProblem(try await client.call(.post, "/api/v1/dossiers", json: registrationJSON()), .unauthorized, type: "unauthenticated")
                expectProblem(try await client.call(.get, "/api/v1/dossiers"), .unauthorized, type: "unauthenticated")

                // 403: a reception officer of another agency can neither see, change nor register for the center.
                let outsider = TestUsers.environmentReception
                expectProblem(try await client.call(.get, "/api/v1/dossiers/\(code)", user: outsider), .forbidden, type: "forbidden")
                expectProblem(try await client.call(.get, "/api/v1/dossiers/\(code)/events", user: outsider), .forbidden, type: "forbidden")
                expectProblem(try await client.call(.post, transfer, user: outsider, headers: [.ifMatch: "\"2\""]), .forbidden, type: "forbidden")
                let foreignDesk = try await client.call(.post, "/api/v1/dossiers", user: outsider, json: registrationJSON())
                expectProblem(foreignDesk, .forbidden, type: "forbidden")
                #expect(foreignDesk.string("detail")?.contains(Fixtures.center.rawValue) == true)
                #expect(try await DossierStore(database: database).events(of: DossierCode(parsing: code)).count == 2)

                // 404: unknown dossier, malformed code, unknown action, unknown procedure.
                let missing = try await client.call(.get, "/api/v1/dossiers/000.00.15.H56-210712-0999", user: TestUsers.reception)
                expectProblem(missing, .notFound, type: "not-found")
                #expect(missing.string("detail") == "Không tìm thấy hồ sơ 000.00.15.H56-210712-0999.")
                expectProblem(try await client.call(.get, "/api/v1/dossiers/khong-co", user: TestUsers.reception), .notFound, type: "not-found")
                expectProblem(try await client.call(.post, "/api/v1/dossiers/\(code)/actions/approve", user: TestUsers.reception, json: "{}"),
                              .notFound, type: "not-found")
                expectProblem(try await client.call(.post, "/api/v1/dossiers/\(code)/actions/register", user: TestUsers.reception, json: "{}"),
                              .notFound, type: "not-found")
                expectProblem(try await client.call(.get, "/api/v1/procedures/1.000000"), .notFound, type: "not-found")
                expectProblem(try await client.call(.get, "/api/v1/procedures/1.009645?at=2019-06-01"), .notFound, type: "not-found")

                // 428: no version at all; 409: a stale one, with the version to reload.
                let unversioned = try await client.call(.post, transfer, user: TestUsers.reception, json: "{}")
                expectProblem(unversioned, .preconditionRequired, type: "precondition-required")
                let stale = try await client.call(.post, transfer, user: TestUsers.reception, json: #"{"expected_version": 1}"#)
                expectProblem(stale, .conflict, type: "version-conflict")
                #expect(stale.int("current_version") == 2)
                #expect(stale.string("detail")?.contains("vừa được người khác cập nhật") == true)
                let contradicting = try await client.call(.post, transfer, user: TestUsers.reception, json: #"{"expected_version": 2}"#,
                                                          headers: [.ifMatch: "\"1\""])
                expectProblem(contradicting, .badRequest, type: "malformed-request")

                // 422: a transition the lifecycle refuses, with its Vietnamese reason; invalid values by field.
                let refused = try await client.call(.post, "/api/v1/dossiers/\(code)/actions/return_result", user: TestUsers.reception,
                                                    json: #"{"expected_version": 2, "channel": "counter"}"#)
                expectProblem(refused, .unprocessableContent, type: "transition-refused")
                #expect(refused.string("detail")?.hasPrefix("Không thể trả kết quả: hồ sơ đang ở trạng thái \"Đã tiếp nhận\"") == true)
                let noReason = try await client.call(.post, "/api/v1/dossiers/\(code)/actions/refuse", user: TestUsers.planningLeader,
                                                     json: #"{"expected_version": 2, "reason": "  "}"#)
                expectProblem(noReason, .unprocessableContent, type: "transition-refused")
                #expect(noReason.string("detail") == "Phải nêu lý do khi từ chối giải quyết.")
                let noChannel = try await client.call(.post, "/api/v1/dossiers/\(code)/actions/return_result", user: TestUsers.reception,
                                                      json: #"{"expected_version": 2}"#)
                expectProblem(noChannel, .unprocessableContent, type: "validation-failed")
                #expect((noChannel["errors"] as? [[String: Any]])?.first?["field"] as? String == "channel")
                let badPhone = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception, json: registrationJSON(phone: "12345"))
                expectProblem(badPhone, .unprocessableContent, type: "validation-failed")
                #expect((badPhone["errors"] as? [[String: Any]])?.first?["field"] as? String == "applicant.phone")
                #expect(badPhone.string("detail")?.hasPrefix("Số điện thoại \"12345\" không hợp lệ") == true)
                let badChannel = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception, json: registrationJSON(channel: "fax"))
                expectProblem(badChannel, .unprocessableContent, type: "validation-failed")
                #expect((badChannel["errors"] as? [[String: Any]])?.first?["field"] as? String == "channel")
                let noProcedure = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception,
                                                        json: registrationJSON().replacingOccurrences(of: "1.009645", with: "1.000001"))
                expectProblem(noProcedure, .unprocessableContent, type: "validation-failed")
                #expect((noProcedure["errors"] as? [[String: Any]])?.first?["field"] as? String == "procedure_code")
                let missingApplicant = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception,
                                                             json: #"{"receiving_agency_code": "000.00.15.H56", "procedure_code": "1.009645", "channel": "counter"}"#)
                expectProblem(missingApplicant, .unprocessableContent, type: "validation-failed")
                #expect((missingApplicant["errors"] as? [[String: Any]])?.first?["field"] as? String == "applicant")
                let unknownApplicantField = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception,
                                                                  json: registrationJSON().replacingOccurrences(of: "\"address\"", with: "\"adress\""))
                expectProblem(unknownApplicantField, .badRequest, type: "malformed-request")
                #expect((unknownApplicantField["errors"] as? [[String: Any]])?.first?["field"] as? String == "applicant.adress")

                // Nothing above changed the dossier.
                #expect(try await DossierStore(database: database).events(of: DossierCode(parsing: code)).count == 2)
            }
        }
    }

    @Test("an unexpected error is a 500 problem that tells nothing of the internals")
    func unknownError() async throws {
        struct Secret: Error, CustomStringConvertible { var description: String { "password=hunter2 at /srv/motcua/db" } }
        let router = Router(context: AppRequestContext.self)
        router.group("api/v1").add(middleware: ProblemMiddleware()).get("boom") { _, _ -> String in throw Secret() }
        try await Application(router: router).test(.router) { client in
            let reply = try await client.call(.get, "/api/v1/boom")
            expectProblem(reply, .internalServerError, type: "internal-error")
            #expect(!reply.text.contains("hunter2") && !reply.text.contains("Secret") && !reply.text.contains("/srv"))
        }
    }
}
