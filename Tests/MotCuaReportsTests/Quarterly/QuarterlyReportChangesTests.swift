import Foundation
import MotCuaCore
import MotCuaReports
import MotCuaStore
import MotCuaTestSupport
import Testing
import WorkCalendar

/// `QuarterlyReports.prepare`: the assembly `motcua report` and the report page share.
@Suite("Quarterly report changes, shared by the CLI and the report page")
struct QuarterlyReportChangesTests {
    @Test("edits and the window are saved with the draft; issuing freezes the report, its Form 06 rows and its DOCX",
          arguments: TestBackend.available)
    func prepare(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let period = try StatisticsPeriod.quarter(3, of: 2021)
            let reports = QuarterlyReports(database: database)
            let draft = try await reports.prepare(period)
            #expect(draft.number == nil && draft.form06Rows == nil)

            let window = try StatisticsPeriod(from: LocalDate(iso: "2021-07-01"), to: LocalDate(iso: "2021-07-31"))
            let edited = try await reports.prepare(period, changes: QuarterlyReportChanges(
                statisticsWindow: window, overrides: ["closing": "Trên đây là báo cáo thử./."]))
            #expect(edited.closing.first?.text == "Trên đây là báo cáo thử./.")
            #expect(edited.statisticsWindow.from == window.from)
            #expect(try await reports.prepare(period).closing.first?.text == "Trên đây là báo cáo thử./.")  // saved
            let restored = try await reports.prepare(period, changes: QuarterlyReportChanges(overrides: ["closing": ""]))
            #expect(restored.closing.first?.text == draft.closing.first?.text)

            let issued = try await reports.prepare(period, changes: QuarterlyReportChanges(
                issue: .init(number: "1076/BC-VPUBND", issuedOn: try LocalDate(iso: "2021-09-15"))))
            #expect(issued.header.number == "Số: 1076/BC-VPUBND")
            #expect(issued.form06Rows != nil)
            let docx = try QuarterlyReportDocxRenderer.docx(issued)
            #expect(try SlipDocxReader(docx).paragraphs().contains { $0.contains("Trung tâm") })
            #expect(try QuarterlyReportDocxRenderer.docx(try await reports.prepare(period)) == docx)

            await #expect(throws: QuarterlyReportError.frozen(period: "2021-06-15–2021-09-14", number: "1076/BC-VPUBND")) {
                _ = try await reports.prepare(period, changes: QuarterlyReportChanges(overrides: ["closing": "sửa muộn"]))
            }
            #expect(QuarterlyReportError.frozen(period: "p", number: "1076/BC-VPUBND").description
                    == "the report of p was issued as 1076/BC-VPUBND and is frozen")
        }
    }
}
