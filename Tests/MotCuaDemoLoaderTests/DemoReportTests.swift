import Foundation
import MotCuaCore
import MotCuaDemo
import MotCuaDemoLoader
import MotCuaReports
import MotCuaStore
import MotCuaTestSupport
import Testing
import WorkCalendar

/// The seed report written by MotCua from the demo database: section III's paragraph to the letter, the late
/// footnote, the narrative sections, and an issued report that stays as issued when the data change.
@Suite("The demo writes the seed's quarterly report, on SQLite and PostgreSQL")
struct DemoReportTests {
    static let seedStatistics = "Từ ngày 09/6/2021 đến ngày 07/9/2021, Trung tâm Hành chính công tiếp nhận 7.447 hồ sơ, trong đó: "
        + "5.386 hồ sơ trực tuyến (chiếm 72,3%), hồ sơ nhận qua dịch vụ Bưu chính công ích và Bưu chính khác: 125 hồ sơ (chiếm 1,7%); "
        + "tồn kỳ trước chuyển qua 357 hồ sơ. Trả kết quả 7.708 hồ sơ, trong đó: trả qua dịch vụ bưu chính công ích 750 kết quả (chiếm 9,7%), "
        + "trước hạn: 1.713 hồ sơ (chiếm 22,2%), đúng hạn: 5.962 hồ sơ (chiếm 77,3%), quá hạn: 33 hồ sơ (chiếm 0,4%)"

    @Test("2021-Q3: the seed's text, then issued and frozen", arguments: TestBackend.available)
    func seedReport(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DemoLoader(database: database).load(DemoFiguresTests.dataset)
            let quarter = try StatisticsPeriod.quarter(3, of: 2021)
            let reports = QuarterlyReports(database: database)
            let report = try await reports.report(quarter)

            // The window saved with the demo's draft, stated in the text; the period in the title block.
            #expect(report.periodLine == "(Thời gian báo cáo từ ngày 15/6/2021 - 14/9/2021)")
            #expect(report.subject == "Kết quả thực hiện công tác CCHC, PAPI Quý III năm 2021")
            let paragraphs = report.allParagraphs
            let statistics = try #require(paragraphs.first { $0.id == "III.1.statistics" })
            #expect(statistics.text == Self.seedStatistics)
            #expect(statistics.tail == ".")
            let footnote = try #require(statistics.footnote)
            #expect(footnote.count == 6)
            let justice = try #require(footnote.first { $0.text.contains("Sở Tư pháp") })
            #expect(justice.text == "15 hồ sơ Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam "
                + "của Sở Tư pháp tỉnh Đắk Nông, trong đó: 08 hồ sơ trễ hạn bước Xác minh (Trung tâm LLTPQG), có án tích chờ xác minh "
                + "của Trung tâm LLTPQG (chờ Sở Tư pháp xác minh theo quy định); đã có kết quả, đã thông báo cho người dân, "
                + "đã gửi thư xin lỗi; 07 hồ sơ trễ hạn phần mềm bước Phê duyệt, chuyên viên chậm chuyển trả kết quả trên hệ thống; "
                + "kết quả bản giấy có trước và đúng hạn.")
            #expect(footnote.contains { $0.text.hasPrefix("11 hồ sơ") && $0.text.contains("Sở Kế hoạch và Đầu tư") && $0.text.contains("không có thư xin lỗi") })
            #expect(footnote.contains { $0.text.hasPrefix("01 hồ sơ") && $0.text.contains("Sở Nội vụ") })
            let text = report.plainText
            for line in [
                "Quý III/2021, Văn phòng UBND tỉnh đã ban hành: Công văn số 840/VPUBND-HCQT ngày 04/8/2021 về việc phân công nhiệm vụ",
                "- Trong Quý III, Văn phòng UBND tỉnh đã cử 04 công chức tham gia bồi dưỡng lãnh đạo quản lý cấp sở, 02 công chức tham gia bồi dưỡng lãnh đạo quản lý cấp phòng, 01 công chức tham gia bồi dưỡng quản lý nhà nước ngạch chuyên viên.",
                "- Tiếp nhận 04 câu hỏi của người dân và tổ chức trên Cổng Thông tin điện tử tỉnh. Trả lời 02/04 câu hỏi (01 câu UBND thành phố đang trả lời, 01 câu mới nhận).",
                "- Phục vụ 29 cuộc họp trực tuyến, trong đó: có 23 cuộc giữa UBND tỉnh với Chính phủ và các cơ quan Trung ương; 02 cuộc Trung ương, tỉnh, huyện; 04 cuộc của tỉnh với 08 huyện, thành phố.",
                "Từ ngày 09/6/2021 đến ngày 07/9/2021, Trung tâm hướng dẫn thực hiện thủ tục hành chính cho 2.466 lượt tổ chức, cá nhân, trong đó: 1.247 lượt hướng dẫn trực tiếp tại Trung tâm, 613 lượt gọi đi và 606 lượt trả lời cuộc gọi đến.",
                "tỷ lệ hài lòng đạt 99,5%, có 0,5% không hài lòng.",
                "Trong quý III không tiếp nhận phản ánh, kiến nghị nào.",
                "qua tổng đài cho 1.219 lượt tổ chức, cá nhân, trong đó: 613 lượt gọi đi và 606 lượt trả lời cuộc gọi đến.",
                "Trên đây là báo cáo kết quả thực hiện công tác CCHC, PAPI Quý III năm 2021 tại Văn phòng UBND tỉnh. Đề nghị Sở Nội vụ tổng hợp theo quy định./.",
                "Số:        /BC-VPUBND",
            ] {
                #expect(text.contains(line), "missing: \(line)")
            }
            let papi = report.sections.flatMap(\.blocks).compactMap { block -> PAPITable? in
                if case .papiTable(let t) = block { return t }
                return nil
            }
            #expect(papi.first?.rows.filter(\.isGroup).map(\.number) == ["I", "II", "III"])
            #expect(papi.first?.rows.count == 10)

            // An officer's edit, then the issue: the issued document never changes again.
            try await reports.saveDraft(quarter, overrides: ["closing": "Trên đây là báo cáo./."])
            let issued = try await reports.issue(quarter, number: "1076/BC-VPUBND", issuedOn: LocalDate(iso: "2021-09-15"))
            #expect(issued.header.number == "Số: 1076/BC-VPUBND")
            #expect(issued.header.placeAndDate == "Đắk Nông, ngày 15 tháng 9 năm 2021")
            #expect(issued.closing.first?.text == "Trên đây là báo cáo./.")
            let before = try QuarterlyReportDocxRenderer.docx(try await reports.report(quarter))
            // The data change after the issue: a new document, a new training entry, a new guidance contact.
            try await ReportRecordStore(database: database).save(IssuedDocument(
                number: "1100/VPUBND-HCQT", date: try LocalDate(iso: "2021-09-10"), type: "Công văn", issuer: "Văn phòng UBND tỉnh",
                subject: "một việc mới", reportSection: "I.1"))
            try await ReportRecordStore(database: database).save(ReportEntry(
                kind: .training, date: try LocalDate(iso: "2021-09-01"), section: "II.4", count: 3, text: "bồi dưỡng mới"))
            try await ServiceLogStore(database: database).record(GuidanceContact(
                at: VietnamTime.instant(date: try LocalDate(iso: "2021-07-01"), time: try TimeOfDay(hour: 9)),
                kind: .inPerson, agencyCode: DemoGenerator.centerCode, note: "sau khi ban hành"), recordedBy: "test")
            let live = try await reports.build(quarter, window: StatisticsPeriod(from: LocalDate(iso: "2021-06-09"), to: LocalDate(iso: "2021-09-07")))
            #expect(live.plainText.contains("1100/VPUBND-HCQT"))
            #expect(live.statistics.guidance.total == 2467)
            let after = try QuarterlyReportDocxRenderer.docx(try await reports.report(quarter))
            #expect(after == before)
            await #expect(throws: ReportStoreError.self) {
                try await reports.issue(quarter, number: "1077/BC-VPUBND", issuedOn: try LocalDate(iso: "2021-09-16"))
            }
        }
    }
}
