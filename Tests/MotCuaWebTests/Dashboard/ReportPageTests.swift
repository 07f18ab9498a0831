import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaReports
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb
import Testing
import WorkCalendar

@Suite("Report page")
struct ReportPageTests {
    static func post(_ client: some TestClientProtocol, _ browser: Browser, _ path: String,
                     _ fields: [(String, String)]) async throws -> TestResponse {
        try await client.execute(uri: path, method: .post, headers: browser.jar.headers(adding: AuthFixture.formHeaders),
                                 body: AuthFixture.formBody([("_csrf", browser.csrfToken)] + fields))
    }

    @Test("preview shows an edited paragraph; bad edits and bad issues are refused with the input kept; issued downloads are frozen",
          arguments: TestBackend.available)
    func editIssueDownload(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DashboardUsers.seed(database)
            try await DashboardFixture.seed(database)
            let period = try StatisticsPeriod.quarter(3, of: 2021)
            let paragraph = try #require(try await QuarterlyReports(database: database).report(period).allParagraphs.first)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var browser = try await DashboardUsers.signIn(client, "hoa")
                let page = try await client.execute(uri: "/bao-cao?quy=2021-Q3", method: .get, headers: browser.jar.header)
                #expect(page.status == .ok)
                for marker in ["id=\"tai-docx\"", "id=\"tai-xlsx\"", "<form id=\"ban-hanh\"", "data-confirm=\""] {
                    #expect(page.text.contains(marker), "\(marker)")
                }
                #expect(page.text.contains("href=\"/bao-cao/tai-ve/bao-cao.docx?quy=2021-Q3\""))
                browser.csrfToken = try #require(Browser.hiddenCSRF(in: page.text))

                let edited = "Đoạn văn do cán bộ sửa <em>thử</em> & lưu."
                let saved = try await Self.post(client, browser, "/bao-cao/doan-van",
                                                [("quy", "2021-Q3"), ("tu", ""), ("den", ""), ("doan", paragraph.id), ("noi_dung", edited)])
                #expect(saved.status == .seeOther)
                #expect(saved.headers[.location]?.hasPrefix("/bao-cao?quy=2021-Q3&da=sua") == true)
                let preview = try await client.execute(uri: "/bao-cao/xem-truoc?quy=2021-Q3", method: .get, headers: browser.jar.header)
                #expect(preview.status == .ok)
                #expect(preview.text.contains("Đoạn văn do cán bộ sửa &lt;em&gt;thử&lt;/em&gt; &amp; lưu."))
                #expect(preview.headers[.contentSecurityPolicy]?.contains("script-src") == false)
                #expect(preview.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)

                let unknown = try await Self.post(client, browser, "/bao-cao/doan-van",
                                                  [("quy", "2021-Q3"), ("doan", "khong-co"), ("noi_dung", "giữ lại chữ này")])
                #expect(unknown.status == .unprocessableContent)
                #expect(unknown.text.contains("Không tìm thấy đoạn văn"))

                let badWindow = try await Self.post(client, browser, "/bao-cao/khoang-so-lieu",
                                                    [("quy", "2021-Q3"), ("so_lieu_tu", "2021-09-07"), ("so_lieu_den", "2021-06-09")])
                #expect(badWindow.status == .unprocessableContent)
                #expect(badWindow.text.contains("Ngày kết thúc của khoảng số liệu"))
                #expect(badWindow.text.contains("value=\"2021-09-07\""))
                let window = try await Self.post(client, browser, "/bao-cao/khoang-so-lieu",
                                                 [("quy", "2021-Q3"), ("so_lieu_tu", "2021-07-01"), ("so_lieu_den", "2021-07-31")])
                #expect(window.status == .seeOther)
                let windowed = try await client.execute(uri: "/bao-cao/xem-truoc?quy=2021-Q3", method: .get, headers: browser.jar.header)
                #expect(windowed.text.contains("Từ ngày 01/7/2021 đến ngày 31/7/2021"))
                _ = try await Self.post(client, browser, "/bao-cao/khoang-so-lieu",
                                        [("quy", "2021-Q3"), ("so_lieu_tu", "2021-06-15"), ("so_lieu_den", "2021-09-14")])

                let badNumber = try await Self.post(client, browser, "/bao-cao/ban-hanh",
                                                    [("quy", "2021-Q3"), ("so_hieu", "BC không số"), ("ngay_ban_hanh", "2021-09-15")])
                #expect(badNumber.status == .unprocessableContent)
                #expect(badNumber.text.contains("Số, ký hiệu phải có dạng"))
                #expect(badNumber.text.contains("value=\"BC không số\""))
                let badDate = try await Self.post(client, browser, "/bao-cao/ban-hanh",
                                                  [("quy", "2021-Q3"), ("so_hieu", "1076/BC-VPUBND"), ("ngay_ban_hanh", "2021-13-40")])
                #expect(badDate.status == .unprocessableContent)
                #expect(badDate.text.contains("Ngày ban hành không hợp lệ"))
                #expect(try await QuarterlyReports(database: database).stored(period)?.status != .issued)  // nothing half-written

                let issued = try await Self.post(client, browser, "/bao-cao/ban-hanh",
                                                 [("quy", "2021-Q3"), ("so_hieu", "1076/BC-VPUBND"), ("ngay_ban_hanh", "2021-09-15")])
                #expect(issued.status == .seeOther)
                let after = try await client.execute(uri: "/bao-cao?quy=2021-Q3", method: .get, headers: browser.jar.header)
                #expect(after.text.contains("đã ban hành, số 1076/BC-VPUBND ngày 15/09/2021"))
                #expect(!after.text.contains("<form id=\"ban-hanh\""))

                func download(_ uri: String) async throws -> TestResponse {
                    try await client.execute(uri: uri, method: .get, headers: browser.jar.header)
                }
                let first = try await download("/bao-cao/tai-ve/bao-cao.docx?quy=2021-Q3")
                #expect(first.status == .ok)
                #expect(first.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                #expect(first.headers[.contentDisposition] == "attachment; filename=\"bao-cao-2021-Q3.docx\"")
                let bytes = Data(first.body.readableBytesView)
                #expect(bytes.prefix(2) == Data("PK".utf8))
                #expect(bytes.range(of: Data("word/document.xml".utf8)) != nil)
                // New data after issuing changes nothing in the issued report.
                let csv = DossierImporter.columns.joined(separator: ",") + "\n000.00.15.H56-210809-0001,\(Fixtures.investmentCode),counter,"
                    + VietnamTime.iso8601(Fixtures.instant("2021-08-09 08:00")) + ",,,,,,,,,,\n"
                _ = try await DossierImporter(database: database).run(Data(csv.utf8))
                let second = try await download("/bao-cao/tai-ve/bao-cao.docx?quy=2021-Q3")
                #expect(Data(second.body.readableBytesView) == bytes)

                let refused = try await Self.post(client, browser, "/bao-cao/doan-van",
                                                  [("quy", "2021-Q3"), ("doan", paragraph.id), ("noi_dung", "sửa sau khi ban hành")])
                #expect(refused.status != .seeOther)

                let xlsx = try await download("/bao-cao/tai-ve/mau-06.xlsx?quy=2021-Q3")
                #expect(xlsx.status == .ok)
                let xlsxAgain = try await download("/bao-cao/tai-ve/mau-06.xlsx?quy=2021-Q3")
                #expect(Data(xlsxAgain.body.readableBytesView) == Data(xlsx.body.readableBytesView))
                // The issued workbook holds the figures of the issue, not the dossier imported afterwards.
                let issuedRows = try #require(try await QuarterlyReports(database: database).report(period).form06Rows)
                #expect(issuedRows.map(\.figures.received).reduce(0, +) == 6)
                #expect(try await StatisticsStore(database: database).dossierFigures(period).received == 7)
                #expect(xlsx.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                #expect(xlsx.headers[.contentDisposition] == "attachment; filename=\"mau-06-2021-Q3.xlsx\"")
                #expect(Data(xlsx.body.readableBytesView).prefix(2) == Data("PK".utf8))
            }
        }
    }

    @Test("only the manager and the administrator, for pages, downloads and changes; bad dates answer 400", arguments: TestBackend.available)
    func access(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DashboardUsers.seed(database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                for user in ["ld.tnmt", "cv.khdt", "lan"] {
                    let browser = try await DashboardUsers.signIn(client, user)
                    for uri in ["/bao-cao", "/bao-cao/tai-ve/bao-cao.docx?quy=2021-Q3", "/bao-cao/xem-truoc?quy=2021-Q3"] {
                        let refused = try await client.execute(uri: uri, method: .get, headers: browser.jar.header)
                        #expect(refused.status == .forbidden, "\(user) \(uri)")
                    }
                }
                // A leader with a valid CSRF token (from the dashboard it may open) still cannot issue or edit.
                var leader = try await DashboardUsers.signIn(client, "ld.tnmt")
                let dashboard = try await client.execute(uri: "/bang-dieu-khien", method: .get, headers: leader.jar.header)
                leader.csrfToken = try #require(Browser.hiddenCSRF(in: dashboard.text))
                for (path, fields) in [("/bao-cao/ban-hanh", [("quy", "2021-Q3"), ("so_hieu", "1/BC-X"), ("ngay_ban_hanh", "2021-09-15")]),
                                       ("/bao-cao/doan-van", [("quy", "2021-Q3"), ("doan", "closing"), ("noi_dung", "x")]),
                                       ("/bao-cao/du-lieu/muc", [("quy", "2021-Q3"), ("loai", "training"), ("ngay", "2021-07-01"), ("noi_dung", "x")])] {
                    let refused = try await Self.post(client, leader, path, fields)
                    #expect(refused.status == .forbidden, "\(path)")
                }
                #expect(try await QuarterlyReports(database: database).stored(try .quarter(3, of: 2021)) == nil)
                #expect(try await ReportRecordStore(database: database).entries(from: LocalDate(iso: "2021-01-01"), to: LocalDate(iso: "2021-12-31")).isEmpty)

                let admin = try await DashboardUsers.signIn(client, "quantri")
                let bad = try await client.execute(uri: "/bao-cao?tu=2021-06-31&den=2021-09-14", method: .get, headers: admin.jar.header)
                #expect(bad.status == .badRequest)
                #expect(bad.text.contains("Ngày bắt đầu “2021-06-31” không hợp lệ"))
                let badDownload = try await client.execute(uri: "/bao-cao/tai-ve/bao-cao.docx?quy=Q3", method: .get, headers: admin.jar.header)
                #expect(badDownload.status == .badRequest)
            }
        }
    }
}
