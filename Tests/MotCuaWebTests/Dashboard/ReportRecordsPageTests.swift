import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaReports
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb
import SQLKit
import Testing
import WorkCalendar

@Suite("Records behind the report")
struct ReportRecordsPageTests {
    @Test("documents and entries: refused with the input kept, added, cited by the report, edited, removed",
          arguments: TestBackend.available)
    func documentsAndEntries(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DashboardUsers.seed(database)
            let period = try StatisticsPeriod.quarter(3, of: 2021)
            let records = ReportRecordStore(database: database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var browser = try await DashboardUsers.signIn(client, "hoa")
                let page = try await client.execute(uri: "/bao-cao/du-lieu?quy=2021-Q3", method: .get, headers: browser.jar.header)
                #expect(page.status == .ok)
                browser.csrfToken = try #require(Browser.hiddenCSRF(in: page.text))
                var document = [("quy", "2021-Q3"), ("so", "840/VPUBND-HCQT"), ("ngay", "2021-10-04"), ("loai", "Công văn"),
                                ("co_quan", "Văn phòng UBND tỉnh"), ("trich_yeu", "phân công <nhiệm vụ> CCHC"), ("muc", "I.1")]
                let outside = try await ReportPageTests.post(client, browser, "/bao-cao/du-lieu/van-ban", document)
                #expect(outside.status == .unprocessableContent)
                #expect(outside.text.contains("Ngày văn bản phải trong kỳ báo cáo"))
                #expect(outside.text.contains("value=\"phân công &lt;nhiệm vụ&gt; CCHC\""))
                #expect(try await records.documents(from: period.from, to: period.to).isEmpty)

                document[2] = ("ngay", "2021-08-04")
                let added = try await ReportPageTests.post(client, browser, "/bao-cao/du-lieu/van-ban", document)
                #expect(added.status == .seeOther)
                let stored = try await records.documents(from: period.from, to: period.to)
                #expect(stored.map(\.number) == ["840/VPUBND-HCQT"])
                let preview = try await client.execute(uri: "/bao-cao/xem-truoc?quy=2021-Q3", method: .get, headers: browser.jar.header)
                #expect(preview.text.contains("840/VPUBND-HCQT"))

                let editForm = try await client.execute(uri: "/bao-cao/du-lieu?quy=2021-Q3&sua-van-ban=\(stored[0].id)", method: .get,
                                                        headers: browser.jar.header)
                #expect(editForm.text.contains("Sửa văn bản"))
                #expect(editForm.text.contains("name=\"id\" value=\"\(stored[0].id)\""))
                #expect(editForm.text.contains("value=\"840/VPUBND-HCQT\""))
                let edited = try await ReportPageTests.post(client, browser, "/bao-cao/du-lieu/van-ban",
                                                            document.map { $0.0 == "so" ? ("so", "841/VPUBND-HCQT") : $0 } + [("id", stored[0].id)])
                #expect(edited.status == .seeOther)
                #expect(try await records.documents(from: period.from, to: period.to).map(\.number) == ["841/VPUBND-HCQT"])
                // Adding and editing are audited, the edit with the number it replaced.
                let saved = try await database.sql.raw("""
                    SELECT before, after FROM audit_events WHERE action = 'report_record.saved' ORDER BY id
                    """).all()
                #expect(saved.count == 2)
                #expect(try saved.last?.decode(column: "before", as: String?.self)?.contains("840/VPUBND-HCQT") == true)
                #expect(try saved.last?.decode(column: "after", as: String?.self)?.contains("841/VPUBND-HCQT") == true)

                let badPAPI = try await ReportPageTests.post(client, browser, "/bao-cao/du-lieu/muc",
                    [("quy", "2021-Q3"), ("loai", "papi_row"), ("ngay", "2021-07-01"), ("tieu_de", "Công khai, minh bạch")])
                #expect(badPAPI.status == .unprocessableContent)
                #expect(badPAPI.text.contains("Dòng PAPI cần"))
                let training = try await ReportPageTests.post(client, browser, "/bao-cao/du-lieu/muc",
                    [("quy", "2021-Q3"), ("loai", "training"), ("ngay", "2021-07-01"), ("so_luong", "4"),
                     ("noi_dung", "Lớp bồi dưỡng kỹ năng CCHC")])
                #expect(training.status == .seeOther)
                let entries = try await records.entries(from: period.from, to: period.to)
                #expect(entries.map(\.count) == [4])

                let removed = try await ReportPageTests.post(client, browser, "/bao-cao/du-lieu/muc/xoa",
                                                             [("quy", "2021-Q3"), ("id", entries[0].id)])
                #expect(removed.status == .seeOther)
                #expect(try await records.entries(from: period.from, to: period.to).isEmpty)
                let again = try await ReportPageTests.post(client, browser, "/bao-cao/du-lieu/muc/xoa",
                                                           [("quy", "2021-Q3"), ("id", entries[0].id)])
                #expect(again.status == .notFound)

                let leader = try await DashboardUsers.signIn(client, "ld.tnmt")
                let refused = try await client.execute(uri: "/bao-cao/du-lieu?quy=2021-Q3", method: .get, headers: leader.jar.header)
                #expect(refused.status == .forbidden)
            }
        }
    }
}
