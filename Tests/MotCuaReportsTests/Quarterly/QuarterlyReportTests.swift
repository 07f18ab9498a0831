import Foundation
import MotCuaCore
@testable import MotCuaReports
import Testing
import WorkCalendar

/// The quarterly report from hand-made records and statistics: wording, number style, footnote, edits,
/// and the three renderings (python-docx reads the Word file back).
@Suite("Quarterly CCHC/PAPI report")
struct QuarterlyReportTests {
    static func statistics() -> StatisticsReport {
        StatisticsReport(
            period: .init(from: "2021-06-09", to: "2021-09-07"),
            received: .init(total: 7447, online: 5386, counter: 1936, postal: 125), carriedOver: 357,
            resolved: .init(total: 7708, early: 1713, onTime: 5962, late: 33, returnedByPostal: 750),
            inProgress: .init(total: 96, withinDeadline: 90, overdue: 6), withdrawn: 0,
            lateByAgency: [
                .init(agencyCode: "000.00.12.H56", agencyName: "Sở Tư pháp", count: 15, details: [
                    .init(procedureCode: "2.000488", procedureName: "Cấp phiếu lý lịch tư pháp", step: "Xác minh",
                          kind: "actual", reason: "Có án tích chờ xác minh", apologySent: true, count: 8),
                    .init(procedureCode: "2.000488", procedureName: "Cấp phiếu lý lịch tư pháp", step: "",
                          kind: "system_only", reason: "Chuyên viên chậm chuyển trả kết quả trên hệ thống", apologySent: false, count: 7),
                ]),
                .init(agencyCode: "000.00.20.H56", agencyName: "Sở Nội vụ", count: 1, details: [
                    .init(procedureCode: "1.1", procedureName: "Thủ tục A", step: "Sở Nội vụ", kind: "system_only",
                          reason: "Trễ hạn phần mềm bước Sở Nội vụ; kết quả bản giấy có trước hạn", apologySent: false, count: 1),
                ]),
                .init(agencyCode: "000.00.30.H56", agencyName: "Sở Kế hoạch và Đầu tư", count: 2, details: [
                    .init(procedureCode: "1.2", procedureName: "Thủ tục B", step: "UBND tỉnh", kind: "actual",
                          reason: "Chuyên viên chậm trễ", apologySent: false, count: 1),
                    .init(procedureCode: "1.3", procedureName: "Thủ tục C", step: "UBND tỉnh", kind: "system_only",
                          reason: "", apologySent: false, count: 1),
                ]),
            ],
            guidance: .init(total: 2466, inPerson: 1247, outgoingCalls: 613, incomingCalls: 606),
            satisfaction: .init(ratings: 1000, satisfied: 995, unsatisfied: 5, satisfiedPercent: 99.5))
    }

    static func builder() throws -> QuarterlyReportBuilder {
        let day = try LocalDate(iso: "2021-08-04")
        return QuarterlyReportBuilder(
            period: try .quarter(3, of: 2021),
            statisticsWindow: try StatisticsPeriod(from: LocalDate(iso: "2021-06-09"), to: LocalDate(iso: "2021-09-07")),
            statistics: statistics(),
            documents: [IssuedDocument(id: "d1", number: "840/VPUBND-HCQT", date: day, type: "Công văn", issuer: "Văn phòng UBND tỉnh",
                                       subject: "phân công <nhiệm vụ> & việc", tags: ["PAR INDEX"], reportSection: "I.1")],
            entries: [
                ReportEntry(id: "t1", kind: .training, date: day, section: "II.4", count: 4, text: "bồi dưỡng lãnh đạo quản lý cấp sở"),
                ReportEntry(id: "s1", kind: .setting, date: day, category: "parent_body", text: "UBND TỈNH ĐẮK NÔNG"),
                ReportEntry(id: "p1", kind: .papiRow, date: day, section: "IV", title: "Chỉ số: Thủ tục hành chính", text: "Rà soát", result: "Đã rà soát"),
                ReportEntry(id: "v1", kind: .direction, date: day, section: "V", text: "Triển khai chính thức thanh toán trực tuyến."),
                ReportEntry(id: "r1", kind: .recipient, date: day, text: "Sở Nội vụ;"),
            ])
    }

    @Test("section III in the seed's words and number style, the window named")
    func statisticsParagraph() throws {
        let p = try Self.builder().statisticsParagraph()
        #expect(p.text.hasPrefix("Từ ngày 09/6/2021 đến ngày 07/9/2021, Trung tâm Hành chính công tiếp nhận 7.447 hồ sơ, trong đó: 5.386 hồ sơ trực tuyến (chiếm 72,3%)"))
        #expect(p.text.hasSuffix("quá hạn: 33 hồ sơ (chiếm 0,4%)"))
        #expect(p.tail == ".")
    }

    @Test("the footnote: per agency, kind, step, reason, apology; counts under 10 with a leading zero")
    func footnote() throws {
        let notes = try Self.builder().lateFootnote()
        #expect(notes.map(\.text) == [
            "15 hồ sơ Cấp phiếu lý lịch tư pháp của Sở Tư pháp, trong đó: 08 hồ sơ trễ hạn bước Xác minh, có án tích chờ xác minh, đã gửi thư xin lỗi; 07 hồ sơ trễ hạn phần mềm, chuyên viên chậm chuyển trả kết quả trên hệ thống.",
            "01 hồ sơ Thủ tục A của Sở Nội vụ trễ hạn phần mềm bước Sở Nội vụ, kết quả bản giấy có trước hạn.",
            "02 hồ sơ của Sở Kế hoạch và Đầu tư, trong đó: 01 hồ sơ trễ hạn bước UBND tỉnh, chuyên viên chậm trễ, không có thư xin lỗi; 01 hồ sơ trễ hạn phần mềm bước UBND tỉnh.",
        ])
    }

    @Test("header, sections, edits; the draft's number and date left blank")
    func structure() throws {
        let report = try Self.builder().build()
        #expect(report.header.number == "Số:        /BC-VPUBND")
        #expect(report.header.placeAndDate == "Đắk Nông, ngày      tháng 9 năm 2021")
        #expect(report.sections.map(\.id) == ["I", "II", "III", "IV", "V"])
        #expect(report.sections[4].heading == "V. Phương hướng, nhiệm vụ 3 tháng cuối năm 2021")
        #expect(report.plainText.contains("Quý III/2021, Văn phòng UBND tỉnh đã ban hành: Công văn số 840/VPUBND-HCQT ngày 04/8/2021 về việc phân công <nhiệm vụ> & việc."))
        #expect(report.plainText.contains("- Trong Quý III, Văn phòng UBND tỉnh đã cử 04 công chức tham gia bồi dưỡng lãnh đạo quản lý cấp sở."))
        let edited = report.applying(["III.1.statistics": "Văn bản do cán bộ sửa.", "III.1.late.000.00.20.H56": "Chú thích sửa."])
        let p = try #require(edited.allParagraphs.first { $0.id == "III.1.statistics" })
        #expect(p.text == "Văn bản do cán bộ sửa.")
        #expect(p.footnote?.map(\.text).contains("Chú thích sửa.") == true)
        let issued = QuarterlyReportBuilder(period: try .quarter(3, of: 2021), statisticsWindow: try .quarter(3, of: 2021),
                                            statistics: Self.statistics(), documents: [], entries: [],
                                            number: "1076/BC-VPUBND", issuedOn: try LocalDate(iso: "2021-09-05")).build()
        #expect(issued.header.number == "Số: 1076/BC-VPUBND")
        #expect(issued.header.placeAndDate == "Đắk Nông, ngày 05 tháng 9 năm 2021")
        #expect(issued.plainText.contains("Quý III/2021, Văn phòng UBND tỉnh không ban hành văn bản mới về công tác CCHC."))
        #expect(try QuarterlyReport.thawed(issued.frozen()) == issued)
    }

    @Test("HTML and Markdown escape the data; both carry the footnote and the table")
    func textRenderings() throws {
        let report = try Self.builder().build()
        let html = QuarterlyReportHTMLRenderer.render(report)
        #expect(html.contains("phân công &lt;nhiệm vụ&gt; &amp; việc"))
        #expect(!html.contains("<nhiệm vụ>"))
        #expect(html.contains("<sup>1</sup>"))
        #expect(html.contains("Chỉ số: Thủ tục hành chính"))
        let md = QuarterlyReportMarkdownRenderer.render(report)
        #expect(md.contains("(chiếm 0,4%)[^1]."))
        #expect(md.contains("[^1]: 15 hồ sơ Cấp phiếu lý lịch tư pháp"))
        #expect(md.contains("phân công \\<nhiệm vụ\\> & việc"))
        #expect(md.contains("| I | **Chỉ số: Thủ tục hành chính** |"))
    }

    static let docxScript = #"""
import json, sys
import docx
from lxml import etree
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
d = docx.Document(sys.argv[1])
s = d.sections[0]
part = next(p for p in d.part.package.iter_parts() if str(p.partname) == '/word/footnotes.xml')
notes = etree.fromstring(part.blob)
print(json.dumps({
  'paragraphs': [p.text for p in d.paragraphs],
  'tables': [[[c.text for c in row.cells] for row in t.rows] for t in d.tables],
  'page': [s.page_width.mm, s.page_height.mm, s.top_margin.mm, s.bottom_margin.mm, s.left_margin.mm, s.right_margin.mm],
  'styles': d.styles.element.xml,
  'footnotes': [''.join(t.text or '' for t in f.iter(W + 't')) for f in notes.findall(W + 'footnote') if int(f.get(W + 'id')) > 0],
  'references': len(list(d.element.body.iter(W + 'footnoteReference'))),
}, ensure_ascii=False))
"""#

    struct DocxReading: Decodable {
        let paragraphs: [String]
        let tables: [[[String]]]
        let page: [Double]
        let styles: String
        let footnotes: [String]
        let references: Int
    }

    @Test(
        "python-docx reads the Word file: A4, Decree 30 margins, the title, the PAPI table, a real footnote",
        .enabled(if: ProcessInfo.processInfo.environment["MOTCUA_SKIP_PYTHON_READERS"] != "1",
                 "MOTCUA_SKIP_PYTHON_READERS=1: python-docx read-back skipped"))
    func docxReadBack() throws {
        let folder = try SlipReadBackTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bao-cao.docx")
        let report = try Self.builder().build()
        try QuarterlyReportDocxRenderer.docx(report).write(to: file)
        let output = try SlipReadBackTests.run("python3", ["-c", Self.docxScript, file.path], in: folder)
        let read = try JSONDecoder().decode(DocxReading.self, from: Data(output.utf8))
        #expect(read.page.map { $0.rounded() } == [210, 297, 20, 20, 30, 15])
        #expect(read.styles.contains("Times New Roman") && read.styles.contains("w:val=\"28\""))
        #expect(read.paragraphs.contains("BÁO CÁO"))
        #expect(read.paragraphs.contains("Kết quả thực hiện công tác CCHC, PAPI Quý III năm 2021"))
        #expect(read.paragraphs.contains("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CÔNG TÁC CCHC"))
        #expect(read.paragraphs.contains { $0.hasPrefix("Từ ngày 09/6/2021 đến ngày 07/9/2021, Trung tâm Hành chính công tiếp nhận 7.447 hồ sơ") && $0.hasSuffix("(chiếm 0,4%).") })
        #expect(read.references == 1)
        #expect(read.footnotes.count == 1)
        #expect(read.footnotes.first?.contains("15 hồ sơ Cấp phiếu lý lịch tư pháp của Sở Tư pháp") == true)
        #expect(read.footnotes.first?.contains("01 hồ sơ Thủ tục A của Sở Nội vụ") == true)
        #expect(read.tables.contains { $0.first == ["TT", "Chỉ số", "Nhiệm vụ trọng tâm", "Kết quả"] && $0.contains { $0.contains("Đã rà soát") } })
        #expect(read.tables.first?.last?.first == "Số:        /BC-VPUBND")
        #expect(read.tables.last?.first?.first?.contains("Nơi nhận:") == true)
        #expect(read.tables.last?.first?.last?.contains("CHÁNH VĂN PHÒNG") == true)
    }

    @Test(
        "LibreOffice opens the Word file and prints the report's lines",
        .enabled(if: SlipReadBackTests.which("soffice") != nil, "LibreOffice (soffice) is not on PATH: PDF conversion skipped"))
    func libreOffice() throws {
        let soffice = try #require(SlipReadBackTests.which("soffice"))
        let folder = try SlipReadBackTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bao-cao.docx")
        try QuarterlyReportDocxRenderer.docx(try Self.builder().build()).write(to: file)
        let profile = folder.appendingPathComponent("profile").absoluteString
        let conversion = try SlipReadBackTests.run(
            soffice, ["-env:UserInstallation=\(profile)", "--headless", "--convert-to", "pdf", "--outdir", folder.path, file.path], in: folder)
        let pdf = folder.appendingPathComponent("bao-cao.pdf")
        let bytes = try #require(try? Data(contentsOf: pdf), "no PDF: \(conversion)")
        #expect(bytes.starts(with: Data("%PDF".utf8)))
        guard SlipReadBackTests.which("pdftotext") != nil else { return }
        let text = try SlipReadBackTests.run("pdftotext", [pdf.path, "-"], in: folder).precomposedStringWithCanonicalMapping
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for line in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "Kết quả thực hiện công tác CCHC, PAPI Quý III năm 2021",
                     "tiếp nhận 7.447 hồ sơ", "quá hạn: 33 hồ sơ (chiếm 0,4%)", "15 hồ sơ Cấp phiếu lý lịch tư pháp của Sở Tư pháp",
                     "Nhiệm vụ trọng tâm", "Nơi nhận:", "CHÁNH VĂN PHÒNG"] {
            #expect(text.contains(line), "the PDF does not show \(line)")
        }
    }
}
