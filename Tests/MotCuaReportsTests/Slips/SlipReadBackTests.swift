import Foundation
import Testing
import MotCuaCore
import MotCuaTestSupport
@testable import MotCuaReports

/// The slips as other programs read them: python-docx (unless MOTCUA_SKIP_PYTHON_READERS=1) and LibreOffice
/// (where installed). One test writes every form as HTML and DOCX for a person to open.
@Suite("Slips read back by other programs")
struct SlipReadBackTests {
    typealias X = SlipFixtures

    /// Folder for the sample files: MOTCUA_SLIPS_OUTPUT, or /tmp/slips.
    static let outputFolder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["MOTCUA_SLIPS_OUTPUT"] ?? "/tmp/slips")

    @Test("every form is written as HTML and DOCX for a person to look at")
    func writeSamples() throws {
        try FileManager.default.createDirectory(at: Self.outputFolder, withIntermediateDirectories: true)
        let documents = try SlipRenderingTests.allForms()
        #expect(documents.map(\.form) == SlipForm.allCases)
        for document in documents {
            let stem = Self.outputFolder.appendingPathComponent(document.form.fileStem)
            try Data(SlipHTMLRenderer.render(document).utf8).write(to: stem.appendingPathExtension("html"))
            try SlipDocxRenderer.docx(document).write(to: stem.appendingPathExtension("docx"))
        }
        for form in SlipForm.allCases {
            let stem = Self.outputFolder.appendingPathComponent(form.fileStem)
            #expect(FileManager.default.fileExists(atPath: stem.appendingPathExtension("html").path))
            #expect(FileManager.default.fileExists(atPath: stem.appendingPathExtension("docx").path))
        }
    }

    struct PythonReading: Decodable {
        struct Page: Decodable { let width, height, top, bottom, left, right: Double }
        let paragraphs: [String]
        let tables: [[[String]]]
        let page: Page
        let fonts: [String]
    }

    static let script = #"""
import json, sys
import docx
d = docx.Document(sys.argv[1])
s = d.sections[0]
print(json.dumps({
    'paragraphs': [p.text for p in d.paragraphs],
    'tables': [[[c.text for c in row.cells] for row in t.rows] for t in d.tables],
    'page': {'width': s.page_width.mm, 'height': s.page_height.mm, 'top': s.top_margin.mm,
             'bottom': s.bottom_margin.mm, 'left': s.left_margin.mm, 'right': s.right_margin.mm},
    'fonts': [d.styles.element.xpath('//w:docDefaults//w:rFonts/@w:ascii')[0]],
}, ensure_ascii=False))
"""#

    @Test(
        "python-docx reads the receipt and the control sheet",
        .enabled(if: ProcessInfo.processInfo.environment["MOTCUA_SKIP_PYTHON_READERS"] != "1",
                 "MOTCUA_SKIP_PYTHON_READERS=1: python-docx read-back skipped")
    )
    func pythonDocx() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tet = try X.lifeAcrossTet()

        let receipt = folder.appendingPathComponent("mau-01.docx")
        try SlipDocxRenderer.docx(ReceiptSlip(X.context(X.registered(at: "2021-02-05 09:00"))).document).write(to: receipt)
        let r = try Self.python(receipt)
        for (actual, expected) in [(r.page.width, 210.0), (r.page.height, 297), (r.page.top, 20), (r.page.bottom, 20),
                                   (r.page.left, 30), (r.page.right, 15)] {
            #expect(abs(actual - expected) < 0.05, "page: \(actual) mm instead of \(expected) mm")
        }
        #expect(r.fonts == ["Times New Roman"])
        #expect(r.paragraphs.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
        #expect(r.paragraphs.contains("Tiếp nhận hồ sơ của: \(X.trickyName)"))
        #expect(r.paragraphs.contains("5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 26/02/2021"))
        #expect(r.tables[0][0][1] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n")
        #expect(r.tables[0][1] == ["", "Đắk Nông, ngày 05 tháng 02 năm 2021"])
        #expect(r.tables[1][1] == ["1", "Văn bản đề nghị điều chỉnh dự án đầu tư", "Bản chính", "01"])

        let sheet = folder.appendingPathComponent("mau-05.docx")
        try SlipDocxRenderer.docx(ProcessControlSheet(X.context(tet)).document).write(to: sheet)
        let s = try Self.python(sheet)
        let grid = try #require(s.tables.first { $0.first?.first == "TÊN CƠ QUAN" })
        // python-docx shows a merged cell in every grid cell it covers.
        #expect(grid[0] == ["TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "THỜI GIAN GIAO, NHẬN HỒ SƠ",
                            "KẾT QUẢ GIẢI QUYẾT HỒ SƠ\n(Trước hạn/đúng hạn/quá hạn)", "GHI CHÚ"])
        #expect(grid.count == 11)
        #expect(grid[3][1] == "10 giờ 00 phút, ngày 24/02/2021" && grid[3][2] == grid[3][1])
        #expect(grid[3][3] == "Quá hạn" && grid[4][3] == "Quá hạn")
        #expect(grid[4][0] == grid[3][0])
        #expect(grid[3][0].hasPrefix("2. Giao: Sở Kế hoạch và Đầu tư tỉnh Đắk Nông\nNhận: Ủy ban nhân dân tỉnh Đắk Nông"))
        #expect(grid[4][1] == "Người giao\n\nNguyễn Văn Thẩm")
        #expect(grid.map { $0[3] } == ["KẾT QUẢ GIẢI QUYẾT HỒ SƠ\n(Trước hạn/đúng hạn/quá hạn)", "", "", "Quá hạn", "Quá hạn",
                                       "Đúng hạn", "Đúng hạn", "Quá hạn", "Quá hạn", "Quá hạn", "Quá hạn"])
    }

    @Test(
        "LibreOffice converts the receipt and the control sheet to PDF with their lines",
        .enabled(if: SlipReadBackTests.which("soffice") != nil, "LibreOffice (soffice) is not on PATH: PDF conversion skipped")
    )
    func libreOffice() throws {
        let soffice = try #require(Self.which("soffice"))
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tet = try X.lifeAcrossTet()
        let files = [
            ("mau-01", try ReceiptSlip(X.context(tet)).document, ["GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "17 giờ 00 phút, ngày 05/3/2021"]),
            ("mau-05", try ProcessControlSheet(X.context(tet)).document, ["PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Đúng hạn", "Quá hạn"]),
        ]
        for (name, document, _) in files {
            try SlipDocxRenderer.docx(document).write(to: folder.appendingPathComponent("\(name).docx"))
        }
        let profile = folder.appendingPathComponent("profile").absoluteString
        let conversion = try Self.run(soffice, ["-env:UserInstallation=\(profile)", "--headless", "--convert-to", "pdf", "--outdir", folder.path]
                                      + files.map { folder.appendingPathComponent("\($0.0).docx").path }, in: folder)
        for (name, _, expected) in files {
            let pdf = folder.appendingPathComponent("\(name).pdf")
            let bytes = try #require(try? Data(contentsOf: pdf), "no PDF for \(name): \(conversion)")
            #expect(bytes.starts(with: Data("%PDF".utf8)))
            guard Self.which("pdftotext") != nil else { continue }
            // Reading order, whitespace collapsed: a line the fonts of this machine wrap still reads as one.
            let text = try Self.run("pdftotext", [pdf.path, "-"], in: folder).precomposedStringWithCanonicalMapping
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for line in expected + ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Mã hồ sơ: 000.00.15.H56-210205-0001"] {
                #expect(text.contains(line), "\(name).pdf does not show \(line)")
            }
        }
    }

    // MARK: Helpers

    static func python(_ file: URL) throws -> PythonReading {
        try PythonReaders.read(file, with: script, as: PythonReading.self)
    }

    static func run(_ program: String, _ arguments: [String], in folder: URL) throws -> String {
        try ExternalTools.output(program, arguments, in: folder)
    }

    static func which(_ name: String) -> String? { ExternalTools.which([name]) }

    static func temporaryFolder() throws -> URL { try ExternalTools.temporaryDirectory() }
}
