import Foundation
import MotCuaTestSupport
import Testing
import OfficeDocuments

/// Our files read back by the libraries other programs use: python-docx and openpyxl.
@Suite(
    "Read back with python-docx and openpyxl",
    .enabled(if: !PythonReaders.skipRequested, "MOTCUA_SKIP_PYTHON_READERS=1: read-back with python-docx and openpyxl skipped")
)
struct PythonReadBackTests {
    struct DocxReading: Decodable {
        struct Page: Decodable {
            let width, height, top, bottom, left, right: Double
        }

        let paragraphs: [String]
        let boldRuns: [String]
        let tables: [[[String]]]
        let page: Page
        let footnotes: [String: String]
        let footnoteReferences: [String]
        let footnotesRelated: Bool
        let differentFirstPage: Bool
        let title: String
    }

    static let docxScript = #"""
import json, sys
import docx
from lxml import etree

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
d = docx.Document(sys.argv[1])
s = d.sections[0]
# python-docx has no footnote API: read the footnotes part through its package.
part = next(p for p in d.part.package.iter_parts() if str(p.partname) == '/word/footnotes.xml')
notes = etree.fromstring(part.blob)
print(json.dumps({
    'paragraphs': [p.text for p in d.paragraphs],
    'boldRuns': [r.text for p in d.paragraphs for r in p.runs if r.bold],
    'tables': [[[c.text for c in row.cells] for row in t.rows] for t in d.tables],
    'page': {'width': s.page_width.mm, 'height': s.page_height.mm, 'top': s.top_margin.mm,
             'bottom': s.bottom_margin.mm, 'left': s.left_margin.mm, 'right': s.right_margin.mm},
    'footnotes': {f.get(W + 'id'): ''.join(t.text or '' for t in f.iter(W + 't')) for f in notes.findall(W + 'footnote')},
    'footnoteReferences': [r.get(W + 'id') for r in d.element.body.iter(W + 'footnoteReference')],
    'footnotesRelated': any(r.reltype.endswith('/footnotes') for r in d.part.rels.values()),
    'differentFirstPage': s.different_first_page_header_footer,
    'title': d.core_properties.title,
}, ensure_ascii=False))
"""#

    @Test("python-docx reads the paragraphs, tables, page setup and footnote")
    func docx() throws {
        let directory = try ExternalTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bao-cao.docx")
        try SampleDocuments.report().docxData().write(to: file)

        let read = try PythonReaders.read(file, with: Self.docxScript, as: DocxReading.self)

        for (actual, expected) in [
            (read.page.width, 210.0), (read.page.height, 297), (read.page.top, 20), (read.page.bottom, 20),
            (read.page.left, 30), (read.page.right, 15),
        ] {
            #expect(abs(actual - expected) < 0.05, "page: \(actual) mm instead of \(expected) mm")
        }
        #expect(read.differentFirstPage)
        #expect(read.title == "Báo cáo kết quả CCHC Quý IV năm 2025")

        #expect(read.paragraphs.contains("BÁO CÁO"))
        #expect(read.boldRuns.contains("I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"))
        #expect(read.paragraphs.contains(SampleDocuments.receivedSentence))
        #expect(read.paragraphs.contains(SampleDocuments.trickyText))
        let sentence = try #require(read.paragraphs.first { $0.hasPrefix("Từ ngày 15/9/2025") })
        #expect(Array(sentence.unicodeScalars) == Array(SampleDocuments.receivedSentence.unicodeScalars))

        #expect(read.tables.count == 3)
        #expect(read.tables[0] == [
            ["UBND TỈNH ĐẮK NÔNG\nVĂN PHÒNG\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"],
            ["Số: 1076/BC-VPUBND", "Đắk Nông, ngày 05 tháng 02 năm 2026"],
        ])
        // Merged cells read back as the cell they belong to.
        #expect(read.tables[1][0] == ["STT", "Lĩnh vực", "Tiếp nhận", "Kết quả giải quyết", "Kết quả giải quyết", "Kết quả giải quyết"])
        #expect(read.tables[1][1] == ["STT", "Lĩnh vực", "Tiếp nhận", "Trước hạn", "Đúng hạn", "Quá hạn"])
        #expect(read.tables[1][3] == ["2", "Hộ tịch & chứng thực <bản sao>", "5.334", "1.201", "4.131", "02"])
        #expect(read.tables[1][4].prefix(3) == ["Tổng cộng", "Tổng cộng", "7.447"])
        #expect(read.tables[2][0][0].hasPrefix("Nơi nhận:\n- UBND tỉnh (b/c);"))
        #expect(read.tables[2][0][1].hasSuffix("Nguyễn Văn Ấn"))

        #expect(read.footnotesRelated)
        #expect(read.footnoteReferences == ["1"])
        #expect(read.footnotes["1"] == " " + SampleDocuments.footnoteText)
        #expect(read.footnotes["-1"] == "" && read.footnotes["0"] == "")
    }

    struct XlsxReading: Decodable {
        let sheetNames: [String]
        let values: [[JSONValue]]
        let merged: [String]
        let freezePanes: String?
        let headerBold: Bool
        let headerWrap: Bool
        let headerHorizontal: String?
        let countFormat: String
        let rateFormat: String
        let widthB: Double
        let heightRow6: Double?
        let fontName: String
        let orientation: String?
        let notes: [String]
    }

    enum JSONValue: Decodable, Equatable {
        case text(String), number(Double), null

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else { self = .text(try container.decode(String.self)) }
        }
    }

    static let xlsxScript = #"""
import json, sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print(json.dumps({
    'sheetNames': wb.sheetnames,
    'values': [[c.value for c in row] for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column)],
    'merged': sorted(str(r) for r in ws.merged_cells.ranges),
    'freezePanes': ws.freeze_panes,
    'headerBold': bool(ws['A4'].font.b),
    'headerWrap': bool(ws['A4'].alignment.wrap_text),
    'headerHorizontal': ws['A4'].alignment.horizontal,
    'countFormat': ws['C8'].number_format,
    'rateFormat': ws['C11'].number_format,
    'widthB': ws.column_dimensions['B'].width,
    'heightRow6': ws.row_dimensions[6].height,
    'fontName': ws['C8'].font.name,
    'orientation': ws.page_setup.orientation,
    'notes': [c.value for c in wb.worksheets[1]['A']],
}, ensure_ascii=False))
"""#

    @Test("openpyxl reads the values, merged header, styles and frozen panes")
    func xlsx() throws {
        let directory = try ExternalTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bieu-06.xlsx")
        try SampleDocuments.form06().xlsxData().write(to: file)

        let read = try PythonReaders.read(file, with: Self.xlsxScript, as: XlsxReading.self)

        #expect(read.sheetNames == ["Biểu 06", "Ghi chú"])
        #expect(read.values.count == 11)
        #expect(read.values.allSatisfy { $0.count == SampleDocuments.form06Columns })
        #expect(read.values[0][0] == .text("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"))
        #expect(read.values[3].prefix(3) == [.text("STT"), .text("Lĩnh vực giải quyết"), .text("Số hồ sơ nhận giải quyết")])
        #expect(read.values[5][8] == .text("Trả trước hạn"))
        #expect(read.values[6][13] == .text("(14)"))
        #expect(read.values[7] == [.text("1"), .text("Đất đai")]
            + [2_470, 1_650, 680, 20, 120, 2_113, 512, 1_570, 31, 357, 340, 17].map { .number($0) })
        #expect(read.values[8][1] == .text("Hộ tịch & chứng thực <bản sao>"))
        #expect(read.values[9][2] == .number(7_804))
        #expect(read.values[10][2] == .number(5_386.0 / 7_804))

        #expect(read.merged == ["A10:B10", "A11:B11", "A1:N1", "A2:N2", "A4:A6", "B4:B6", "C4:G4", "C5:C6", "D5:F5",
                                "G5:G6", "H4:N4", "H5:K5", "L5:N5"])
        #expect(read.freezePanes == "C8")
        #expect(read.headerBold && read.headerWrap && read.headerHorizontal == "center")
        #expect(read.countFormat == "#,##0")
        #expect(read.rateFormat == "0.0%")
        #expect(read.widthB == 28)
        #expect(read.heightRow6 == 45)
        #expect(read.fontName == "Times New Roman")
        #expect(read.orientation == "landscape")
        #expect(read.notes == [SampleDocuments.trickyText, "_x0041_ giữ nguyên"])
    }
}
