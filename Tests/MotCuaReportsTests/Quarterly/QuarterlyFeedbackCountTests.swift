import Foundation
import MotCuaCore
@testable import MotCuaReports
import MotCuaStore
import MotCuaTestSupport
import Testing
import WorkCalendar

@Suite("Quarterly report: feedback received through the website")
struct QuarterlyFeedbackCountTests {
    @Test("III.2 counts the feedback received in the report's period, not before or after it",
          arguments: TestBackend.available)
    func counted(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let store = FeedbackStore(database: database)
            let submission = try FeedbackSubmission(name: "Trần Văn Dân", contact: "0905 000 111",
                                                    content: "Thủ tục cấp phép chậm trả kết quả.", dossierCode: nil)
            // Q3/2021 runs 15/6/2021–14/9/2021 (Decree 09/2019): two inside, one on each side.
            for instant in ["2021-06-14 16:00", "2021-06-15 08:00", "2021-09-14 16:59", "2021-09-15 08:00"] {
                _ = try await store.submit(submission, at: Fixtures.instant(instant))
            }
            let quarter = try StatisticsPeriod.quarter(3, of: 2021)
            let report = try await QuarterlyReports(database: database).build(quarter, window: quarter)
            #expect(report.plainText.contains("Trong quý III tiếp nhận 02 phản ánh, kiến nghị của tổ chức, cá nhân."))
            let empty = try await QuarterlyReports(database: database).build(try .quarter(1, of: 2021), window: try .quarter(1, of: 2021))
            #expect(empty.plainText.contains("Trong quý I không tiếp nhận phản ánh, kiến nghị nào."))
        }
    }
}
