import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb
import Testing

/// Each site's own figures and report on the dashboard and the report page (`?noi-tiep-nhan=`), and what a
/// bad site code gets.
@Suite("Dashboard and report filtered by site")
struct SiteFilterPageTests {
    @Test("the commune center's figures and report; the provincial center's; an unknown site is a 400 page",
          arguments: TestBackend.available)
    func filterBySite(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DashboardUsers.seed(database)
            try await SiteFixtures.seed(database)
            let store = DossierStore(database: database)
            let accepted = try await store.register(
                RegistrationRequest(receivingAgency: SiteFixtures.communeCenter, procedureCode: SiteFixtures.anySiteCode,
                                    applicant: try Fixtures.applicant(), channel: .counter),
                at: Fixtures.instant("2026-09-10 10:00"), actor: "tn.bgn")
            _ = try await store.execute(.forward(channel: .electronic, note: nil), on: accepted.code, at: Fixtures.instant("2026-09-10 11:00"), actor: "tn.bgn")
            _ = try await store.execute(.receive, on: accepted.code, at: Fixtures.instant("2026-09-11 09:00"), actor: "tn.tinh")
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let browser = try await DashboardUsers.signIn(client, "hoa")
                func get(_ uri: String) async throws -> TestResponse {
                    try await client.execute(uri: uri, method: .get, headers: browser.jar.header)
                }
                let all = try await get("/bang-dieu-khien?quy=2026-Q3")
                #expect(all.status == .ok && all.text.contains("name=\"noi-tiep-nhan\""))
                #expect(tileValue(all.text, "ky-tiep-nhan") == "1")
                let commune = try await get("/bang-dieu-khien?quy=2026-Q3&noi-tiep-nhan=\(SiteFixtures.communeCenter)")
                #expect(commune.status == .ok && tileValue(commune.text, "ky-tiep-nhan") == "0")  // accepted, not received there
                #expect(commune.text.contains("hồ sơ tiếp nhận tại Trung tâm PVHCC phường Bắc Gia Nghĩa"))
                let center = try await get("/bang-dieu-khien?quy=2026-Q3&noi-tiep-nhan=\(SiteFixtures.center)")
                #expect(tileValue(center.text, "ky-tiep-nhan") == "1")
                for bad in ["000.00.17.H39", "%3Cscript%3E", "x"] {
                    let refused = try await get("/bang-dieu-khien?quy=2026-Q3&noi-tiep-nhan=\(bad)")
                    #expect(refused.status == .badRequest && !refused.text.contains("<script>"), "\(bad)")
                }
                let report = try await get("/bao-cao?quy=2026-Q3&noi-tiep-nhan=\(SiteFixtures.communeCenter)")
                #expect(report.status == .ok)
                #expect(report.text.contains("<option value>Tất cả</option>"))  // an empty value (Plot writes it bare), never the label
                let preview = try await get("/bao-cao/xem-truoc?quy=2026-Q3&noi-tiep-nhan=\(SiteFixtures.communeCenter)")
                #expect(preview.text.contains("Hoạt động của Trung tâm PVHCC phường Bắc Gia Nghĩa"))
                #expect(report.text.contains("tiếp nhận 01 hồ sơ thuộc thẩm quyền của nơi khác"))
                #expect(report.text.contains("bao-cao.docx?quy=2026-Q3&amp;noi-tiep-nhan=\(SiteFixtures.communeCenter)")
                        || report.text.contains("bao-cao.docx?quy=2026-Q3&noi-tiep-nhan=\(SiteFixtures.communeCenter)"))
                let docx = try await get("/bao-cao/tai-ve/bao-cao.docx?quy=2026-Q3&noi-tiep-nhan=\(SiteFixtures.communeCenter)")
                #expect(docx.status == .ok)
                #expect(try await get("/bao-cao?quy=2026-Q3&noi-tiep-nhan=nowhere").status == .badRequest)
                // The dossier register of the Decree 118/2025 form set: the commune center's lists the dossier
                // it accepted; there is none under Circular 01/2018.
                #expect(report.text.contains("id=\"tai-so-theo-doi\""))
                let register = try await get("/bao-cao/tai-ve/so-theo-doi.xlsx?quy=2026-Q3&noi-tiep-nhan=\(SiteFixtures.communeCenter)")
                #expect(register.status == .ok && register.headers[.contentType]?.contains("spreadsheetml") == true)
                if !PythonReaders.skipRequested {
                    // Read back by openpyxl: every cell's text.
                    let file = try ExternalTools.temporaryDirectory().appendingPathComponent("so-theo-doi.xlsx")
                    try Data(buffer: register.body).write(to: file)
                    let cells = try PythonReaders.read(file, with: """
                        import json, sys, openpyxl
                        sheet = openpyxl.load_workbook(sys.argv[1]).active
                        print(json.dumps([str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]))
                        """, as: [String].self)
                    #expect(cells.contains("SỔ THEO DÕI HỒ SƠ") && cells.contains(accepted.code.rawValue))
                    #expect(cells.contains("Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng"))  // the competent site that received it
                }
                #expect(try await get("/bao-cao/tai-ve/so-theo-doi.xlsx?quy=2021-Q3").status == .notFound)
            }
        }
    }
}
