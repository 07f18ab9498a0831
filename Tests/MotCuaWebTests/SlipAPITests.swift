import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import MotCuaWeb
import SQLKit
import Testing

@Suite("JSON API: statutory slips from the data")
struct SlipAPITests {
    @Test("the receipt prints with the appointment; an apology without extension is refused; others are forbidden",
          arguments: TestBackend.available)
    func slips(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let clock = TestClock("2021-02-05 09:00")
            try await apiApplication(database, clock: clock).test(.router) { client in
                let created = try await client.call(.post, "/api/v1/dossiers", user: TestUsers.reception, json: registrationJSON())
                let code = try #require(created.string("code"))
                let html = try await client.call(.get, "/api/v1/dossiers/\(code)/slips/01.html", user: TestUsers.reception)
                #expect(html.status == .ok)
                #expect(html.contentType?.hasPrefix("text/html") == true)
                #expect(html.text.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
                #expect(html.text.contains(code))
                #expect(html.text.contains("26/02/2021") || html.text.contains("26/2/2021"))
                #expect(html.text.contains("6400123456") && html.text.contains("lienhe@caphedaknong.vn"))
                // The personal-data rule: the manager reads the slip with the identity number and contacts hidden.
                let overseen = try await client.call(.get, "/api/v1/dossiers/\(code)/slips/01.html", user: TestUsers.manager)
                #expect(overseen.status == .ok && overseen.text.contains(code) && overseen.text.contains("Công ty TNHH Cà phê Đắk Nông"))
                #expect(!overseen.text.contains("6400123456") && !overseen.text.contains("lienhe@caphedaknong.vn"))
                #expect(!overseen.text.contains("3544") && overseen.text.contains(Applicant.hiddenMark))
                let overseenDocx = try await client.call(.get, "/api/v1/dossiers/\(code)/slips/01.docx", user: TestUsers.manager)
                #expect(overseenDocx.status == .ok)
                // The reception officer's slip showed personal data: one audited read; the manager's two, none.
                let slipReads = try await database.sql.raw("""
                    SELECT actor FROM audit_events WHERE action = 'dossier.personal_data_read' AND after LIKE '%slip 01%'
                    """).all().map { try $0.decode(column: "actor", as: String.self) }
                #expect(slipReads == ["tiepnhan"])
                let docx = try await client.call(.get, "/api/v1/dossiers/\(code)/slips/05.docx", user: TestUsers.reception)
                #expect(docx.status == .ok)
                #expect(docx.headers[.contentDisposition]?.contains("mau-05-phieu-kiem-soat") == true)
                let apology = try await client.call(.get, "/api/v1/dossiers/\(code)/slips/04.html", user: TestUsers.reception)
                #expect(apology.status == .unprocessableContent)
                #expect(apology.contentType?.hasPrefix("application/problem+json") == true)
                let unknown = try await client.call(.get, "/api/v1/dossiers/\(code)/slips/09.pdf", user: TestUsers.reception)
                #expect(unknown.status == .notFound)
                let stranger = try await client.call(.get, "/api/v1/dossiers/\(code)/slips/01.html", user: TestUsers.environmentReception)
                #expect(stranger.status == .forbidden)
                let anonymous = try await client.call(.get, "/api/v1/dossiers/\(code)/slips/01.html")
                #expect(anonymous.status == .unauthorized)
            }
        }
    }
}
