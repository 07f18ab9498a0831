import Foundation
import Testing
import MotCuaCore
import OfficeDocuments
import WorkCalendar
@testable import MotCuaReports

@Suite("Slip pages and Word files")
struct SlipRenderingTests {
    typealias X = SlipFixtures

    /// One document of each form, from the fixtures' dossiers.
    static func allForms() throws -> [SlipDocument] {
        let tet = try X.lifeAcrossTet()
        return [
            try ReceiptSlip(X.context(tet, issuedAt: tet.receivedAt), copy: .applicant).document,
            try SupplementRequestSlip(X.context(tet)).document,
            try RefusalSlip(X.context(X.refusedAtDesk())).document,
            try ApologySlip(X.context(tet, issuer: X.Codes.planning)).document,
            try ProcessControlSheet(X.context(tet)).document,
            try AcceptanceOnBehalfSlip(SlipContext(dossier: X.acceptedOnBehalf(), procedure: X.anySiteProcedure, agencies: X.agencies,
                                                   issuingAgency: X.Codes.center, place: "Lâm Đồng", officer: X.officer)).document,
            try StopNoticeSlip(X.context(X.stoppedUnderTheNewRegime())).document,
        ]
    }

    @Test("text from the data is escaped in the page and in the Word file")
    func escaping() throws {
        for document in try Self.allForms() {
            let r = try RenderedSlip(document)
            #expect(r.html.contains(X.escapedTrickyName), "\(document.form)")
            #expect(!r.html.contains("<script"), "\(document.form)")
            #expect(!r.html.contains("alert(1)</script>"), "\(document.form)")
            #expect(r.htmlText.contains(X.trickyName), "\(document.form)")
            // Word: escaped in the XML, read back exactly.
            let xml = String(decoding: try SlipDocxReader(r.docx).part("word/document.xml"), as: UTF8.self)
            #expect(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cô"), "\(document.form)")
            #expect(r.docxParagraphs.contains { $0.contains(X.trickyName) }, "\(document.form)")
        }
    }

    @Test("entity-like text stays as typed; markup in every field is inert")
    func entities() throws {
        let name = "Bà &lt;b&gt; Nguyễn & Con &amp; Cháu"
        var dossier = try Dossier.register(X.draft(on: "2021-02-05", sequence: 5, applicant: X.applicant(name: name)),
                                           at: X.t("2021-02-05 09:00"), actor: "tiepnhan", context: X.lifecycle).dossier
        try X.run(&dossier, [("2021-02-05 09:30", .refuseAtDesk(reason: "<img src=x onerror=alert(1)> thiếu \"bản gốc\" & 'bản sao'"))])
        let r = try RenderedSlip(RefusalSlip(X.context(dossier, officer: SlipOfficer(name: "</td><td>Cán bộ"))).document)
        #expect(r.html.contains("Bà &amp;lt;b&amp;gt; Nguyễn &amp; Con &amp;amp; Cháu"))
        #expect(r.htmlText.contains(name))
        #expect(r.html.contains("&lt;img src=x onerror=alert(1)&gt; thiếu \"bản gốc\" &amp; 'bản sao'"))
        #expect(!r.html.contains("<img"))
        #expect(r.html.contains("&lt;/td&gt;&lt;td&gt;Cán bộ"))
        #expect(r.docxParagraphs.contains("</td><td>Cán bộ"))
        #expect(r.docxParagraphs.contains(name) == false)   // the name is inside "Tiếp nhận hồ sơ của: …"
        #expect(r.docxParagraphs.contains("Tiếp nhận hồ sơ của: \(name)"))
    }

    @Test("the page is complete, printable A4 and self-contained")
    func pageShape() throws {
        for document in try Self.allForms() {
            let html = SlipHTMLRenderer.render(document)
            #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\"/>"))
            #expect(html.hasSuffix("</main></body></html>"))
            #expect(html.contains("@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }"))
            #expect(html.contains("font-family: \"Times New Roman\""))
            #expect(html.contains("<title>\(document.form.name) – "))
            for external in ["http://", "https://", "src=", "<link", "<script", "url(", "@import"] {
                #expect(!html.contains(external), "\(document.form): \(external)")
            }
        }
    }

    @Test("the Word file: Decree 30 page, properties, header block with its rules")
    func wordShape() throws {
        let tet = try X.lifeAcrossTet()
        let document = try ApologySlip(X.context(tet, issuer: X.Codes.planning)).document
        let word = SlipDocxRenderer.wordDocument(document)
        #expect(word.page == .decree30)
        #expect(word.font == .timesNewRoman13)
        #expect(word.properties.title == "Phiếu xin lỗi và hẹn lại ngày trả kết quả – 000.00.15.H56-210205-0001")
        #expect(word.properties.subject == "Mẫu số 04 – Thông tư số 01/2018/TT-VPCP")
        #expect(word.properties.creator == "Sở Kế hoạch và Đầu tư tỉnh Đắk Nông")
        #expect(word.properties.created == X.t("2021-02-25 09:00"))
        guard case .table(let header) = word.body.first else { Issue.record("the body does not start with the header block"); return }
        #expect(header.borders == false)
        #expect(header.columnWidths.reduce(0, +) == PageSetup.decree30.textWidth)
        #expect(header.rows.count == 2)
        #expect(header.rows[0].cells[0].paragraphs.last?.topBorder == true)    // the short rule under the issuer
        #expect(header.rows[0].cells[1].paragraphs.last?.topBorder == true)    // the rule under the motto
        let data = try SlipDocxRenderer.docx(document)
        let reader = try SlipDocxReader(data)
        #expect(reader.partNames.contains("word/document.xml"))
        let core = String(decoding: try reader.part("docProps/core.xml"), as: UTF8.self)
        #expect(core.contains("<dc:title>Phiếu xin lỗi và hẹn lại ngày trả kết quả – 000.00.15.H56-210205-0001</dc:title>"))
        // The same model gives the same bytes.
        #expect(try SlipDocxRenderer.docx(document) == data)
        #expect(SlipHTMLRenderer.render(document) == SlipHTMLRenderer.render(document))
    }

    @Test("plain text lists every line in reading order")
    func plainText() throws {
        let text = try ReceiptSlip(X.context(X.earlyPostal())).document.plainText
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "VĂN PHÒNG UBND TỈNH ĐẮK NÔNG")
        #expect(lines.contains("Mã hồ sơ: 000.00.15.H56-210712-0007"))
        #expect(lines.last == "Nguyễn Thị Hoa")
    }
}
