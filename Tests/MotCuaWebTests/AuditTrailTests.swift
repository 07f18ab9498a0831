import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb
import Testing
import WorkCalendar

@Suite("Audit trail: rows written by the pages and the API, and /quan-tri/nhat-ky", .serialized)
struct AuditTrailTests {
    @Test("/quan-tri/nhat-ky refuses every role but the administrator", arguments: TestBackend.available)
    func refusals(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            _ = try await AdministrationTests.seed(database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                #expect(try await client.execute(uri: "/quan-tri/nhat-ky", method: .get).status == .seeOther)
                for username in ["hoa", "lan"] {
                    let officer = try await StaffSession.signIn(client, username)
                    let response = try await officer.get(client, "/quan-tri/nhat-ky?nguoi=quantri")
                    #expect(response.status == .forbidden, "as \(username)")
                    #expect(!response.text.contains("nhat-ky\""))
                }
                let admin = try await StaffSession.signIn(client, "quantri")
                let index = try await admin.get(client, "/quan-tri")
                #expect(index.text.contains("href=\"/quan-tri/nhat-ky\""))
                #expect(try await admin.get(client, "/quan-tri/nhat-ky").status == .ok)
            }
        }
    }

    @Test("administration changes write their rows; the page filters, pages and escapes them", arguments: TestBackend.available)
    func administrationRows(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            _ = try await AdministrationTests.seed(database)
            let audits = AuditStore(database: database)
            try await audits.append(AuditEvent(at: Date(), actor: "<script>alert(1)</script>", action: .fileImported,
                                               objectKind: "import", objectID: "agencies",
                                               after: AuditEvent.values(["file": "<b>a.csv</b>"])))
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let admin = try await StaffSession.signIn(client, "quantri")
                #expect(try await admin.post(client, "/quan-tri/nguoi-dung/lan/khoa").status == .seeOther)
                #expect(try await admin.post(client, "/quan-tri/lich", [("ngay", "2027-02-05"), ("loai", "holiday"),
                                                                       ("ghi_chu", "Tết Nguyên đán")]).status == .seeOther)

                let disabled = try await audits.list(AuditFilter(actor: "quantri", action: .userDisabled)).entries
                #expect(disabled.count == 1)
                #expect(disabled.first?.event.actor == "quantri" && disabled.first?.event.objectID == "lan")
                #expect(disabled.first?.event.before == #"{"active":"1"}"# && disabled.first?.event.after == #"{"active":"0"}"#)
                let day = try #require(try await audits.list(AuditFilter(action: .calendarDaySet)).entries.first)
                #expect(day.event.objectID == "2027-02-05" && day.event.after?.contains("Tết Nguyên đán") == true)

                let filtered = try await admin.get(client, "/quan-tri/nhat-ky?nguoi=quantri&thao-tac=user.disabled")
                #expect(filtered.status == .ok)
                #expect(filtered.text.contains("Khóa tài khoản"))
                #expect(filtered.text.contains("data-action=\"user.disabled\""))
                #expect(!filtered.text.contains("data-action=\"calendar.day_set\""))
                #expect(!filtered.text.contains("data-action=\"user.added\""))

                let everything = try await admin.get(client, "/quan-tri/nhat-ky")
                #expect(everything.text.contains("data-action=\"calendar.day_set\""))
                #expect(everything.text.contains("data-action=\"user.added\""))  // the fixture's accounts
                #expect(!everything.text.contains("<script>alert(1)</script>"))
                #expect(everything.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!everything.text.contains("<b>a.csv</b>"))

                let byObject = try await admin.get(client, "/quan-tri/nhat-ky?doi-tuong=calendar_day&ma=2027-02-05")
                #expect(byObject.text.contains("data-action=\"calendar.day_set\""))
                #expect(!byObject.text.contains("data-action=\"user.disabled\""))

                let future = try await admin.get(client, "/quan-tri/nhat-ky?tu=2099-01-01")
                #expect(future.text.contains("id=\"khong-co-dong\""))
                let bad = try await admin.get(client, "/quan-tri/nhat-ky?tu=hom-qua")
                #expect(bad.status == .badRequest && bad.text.contains("Ngày bắt đầu không hợp lệ"))
            }
            let total = try await audits.verify()
            #expect(total.isIntact)
            // Paging: more rows than a page, the link to older ones carries the filter.
            for number in 1...AdminAuditTrailController.pageSize {
                try await audits.append(AuditEvent(at: Date(), actor: "quantri", action: .agencyRenamed, objectKind: "agency",
                                                   objectID: "A\(number)"))
            }
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let admin = try await StaffSession.signIn(client, "quantri")
                let first = try await admin.get(client, "/quan-tri/nhat-ky?nguoi=quantri")
                let link = try #require(first.text.firstMatch(of: /id="trang-sau" href="([^"]+)"/)?.1)
                #expect(link.contains("nguoi=quantri") && link.contains("truoc="))
                let older = try await admin.get(client, String(link).replacingOccurrences(of: "&amp;", with: "&"))
                #expect(older.status == .ok && older.text.contains("data-action=\"user.disabled\""))
            }
        }
    }

    @Test("staff shown a dossier's personal data leave a row; a manager, shown none, leaves none",
          arguments: TestBackend.available)
    func personalDataReads(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DossierPageFixture.seed(database)
            let dossier = try await DossierPageFixture.dossierAtFirstStep(database, at: Fixtures.instant("2021-07-12 09:00"))
            let code = dossier.code.rawValue
            let audits = AuditStore(database: database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let specialist = try await Officer.signIn(client, "cv.khdt")
                #expect(try await specialist.open(client, StaffPaths.dossier(code)).status == .ok)
                let manager = try await Officer.signIn(client, "quanly")
                #expect(try await manager.open(client, StaffPaths.dossier(code)).status == .ok)
            }
            try await apiApplication(database, clock: TestClock("2021-07-12 10:00")).test(.router) { client in
                let specialist = try await client.call(.get, "/api/v1/dossiers/\(code)", user: TestUsers.planningSpecialist)
                #expect(specialist.status == .ok)
                let manager = try await client.call(.get, "/api/v1/dossiers/\(code)", user: TestUsers.manager)
                #expect(manager.status == .ok)
            }
            let reads = try await audits.list(AuditFilter(action: .dossierPersonalDataRead)).entries
            #expect(reads.map(\.event.actor) == ["cv.khdt", "cv.khdt"])
            #expect(reads.allSatisfy { $0.event.objectKind == "dossier" && $0.event.objectID == code })
            #expect(reads.map(\.event.after) == [#"{"via":"api"}"#, #"{"via":"page"}"#])
            #expect(try await audits.verify().isIntact)
        }
    }
}
