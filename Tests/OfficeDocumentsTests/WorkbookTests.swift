import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import OfficeDocuments

@Suite("Excel workbooks")
struct WorkbookTests {
    let package: UnzippedPackage

    init() throws {
        package = try UnzippedPackage(try SampleDocuments.form06().xlsxData())
    }

    /// The shared strings in order, to resolve `t="s"` cells.
    func sharedStrings() throws -> [String] {
        try package.xml("xl/sharedStrings.xml").elements(named: "si").map { $0.stringValue ?? "" }
    }

    func cell(_ reference: String, sheet: Int = 1) throws -> XMLElement {
        let xml = try package.xml("xl/worksheets/sheet\(sheet).xml")
        return try #require(xml.elements(named: "c").first { $0.attribute("r") == reference }, "no cell \(reference)")
    }

    @Test("all required parts are present and well-formed")
    func requiredParts() throws {
        #expect(package.paths.first == "[Content_Types].xml")
        for path in [
            "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
            "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/styles.xml", "xl/sharedStrings.xml",
        ] {
            #expect(package.paths.contains(path), "missing \(path)")
        }
        for path in package.paths {
            #expect(throws: Never.self, "\(path) is not well-formed") { _ = try package.xml(path) }
        }
        let types = try package.xml("[Content_Types].xml").elements(named: "Override").compactMap { $0.attribute("PartName") }
        #expect(types.contains("/xl/worksheets/sheet2.xml"))
        let sheets = try package.xml("xl/workbook.xml").elements(named: "sheet")
        #expect(sheets.map { $0.attribute("name") } == ["Biểu 06", "Ghi chú"])
    }

    @Test("texts are shared strings and numbers are plain values")
    func cellValues() throws {
        let strings = try sharedStrings()
        let field = try cell("B8")
        #expect(field.attribute("t") == "s")
        #expect(strings[Int(field.stringValue ?? "") ?? -1] == "Đất đai")
        let count = try cell("C10")
        #expect(count.attribute("t") == nil)
        #expect(count.stringValue == "7804")
        #expect(try cell("C11").stringValue == String(5_386.0 / 7_804))
        #expect(strings.contains(SampleDocuments.trickyText))
    }

    @Test("the header is merged over three rows, frozen with the first two columns")
    func layout() throws {
        let sheet = try package.xml("xl/worksheets/sheet1.xml")
        #expect(sheet.elements(named: "dimension").first?.attribute("ref") == "A1:N11")
        let merges = sheet.elements(named: "mergeCell").compactMap { $0.attribute("ref") }
        #expect(merges.count == 13)
        #expect(merges.contains("C4:G4"))
        let pane = try #require(sheet.elements(named: "pane").first)
        #expect(pane.attribute("xSplit") == "2")
        #expect(pane.attribute("ySplit") == "7")
        #expect(pane.attribute("topLeftCell") == "C8")
        #expect(pane.attribute("state") == "frozen")
        let columns = sheet.elements(named: "col")
        #expect(columns.count == 14)
        #expect(columns[1].attribute("width") == "28.0")
        let row6 = try #require(sheet.elements(named: "row").first { $0.attribute("r") == "6" })
        #expect(row6.attribute("ht") == "45.0")
        #expect(row6.attribute("customHeight") == "1")
        let setup = try #require(sheet.elements(named: "pageSetup").first)
        #expect(setup.attribute("orientation") == "landscape")
        #expect(setup.attribute("paperSize") == "9")
    }

    @Test("styles give bold wrapped centred headers and thousands separators")
    func styles() throws {
        let styles = try package.xml("xl/styles.xml")
        let formats = try #require(styles.elements(named: "cellXfs").first).elements(named: "xf")
        #expect(formats.first?.attribute("numFmtId") == "0")
        #expect(formats.first?.attribute("fontId") == "0")

        let header = formats[Int(try cell("A4").attribute("s") ?? "") ?? 0]
        #expect(header.attribute("fontId") == "1")  // bold
        #expect(header.attribute("borderId") == "1")
        let alignment = try #require(header.elements(named: "alignment").first)
        #expect(alignment.attribute("horizontal") == "center")
        #expect(alignment.attribute("wrapText") == "1")

        let count = formats[Int(try cell("C8").attribute("s") ?? "") ?? 0]
        #expect(count.attribute("numFmtId") == "3")  // built-in #,##0
        let rate = formats[Int(try cell("C11").attribute("s") ?? "") ?? 0]
        #expect(rate.attribute("numFmtId") == "164")
        #expect(styles.elements(named: "numFmt").first?.attribute("formatCode") == "0.0%")
        #expect(styles.elements(named: "name").first?.attribute("val") == "Times New Roman")
    }

    @Test("text that looks like an Excel escape is kept literally")
    func excelEscapes() throws {
        let xml = try package.text("xl/sharedStrings.xml")
        #expect(xml.contains("_x005F_x0041_ giữ nguyên"))
    }

    @Test("numbers are written in their shortest exact form")
    func numberText() throws {
        let sheet = Worksheet(name: "S", rows: [[.number(7447), .number(0.5), .number(-0.0), .number(1e20), .number(-3)]])
        let xml = try UnzippedPackage(try Workbook(sheets: [sheet]).xlsxData()).xml("xl/worksheets/sheet1.xml")
        #expect(xml.elements(named: "v").map { $0.stringValue } == ["7447", "0.5", "0", "1e+20", "-3"])
    }

    @Test("the same model gives the same bytes")
    func deterministic() throws {
        #expect(try SampleDocuments.form06().xlsxData() == SampleDocuments.form06().xlsxData())
    }

    @Test("cell ranges parse and print in A1 notation")
    func cellRanges() throws {
        #expect(try CellRange("b2:d4") == CellRange(rows: 2...4, columns: 2...4))
        #expect(try CellRange("B2:D4").description == "B2:D4")
        #expect(try CellRange("XFD1048576").description == "XFD1048576")
        #expect(CellReference.columnName(27) == "AA")
        #expect(CellReference.columnName(16_384) == "XFD")
        for bad in ["", "A0", "A1:B", "1A", "C3:A1", "XFE1", "A1048577", "A1:B2:C3", "A01"] {
            #expect(throws: OfficeDocumentError.invalidCellRange(bad)) { try CellRange(bad) }
        }
    }

    @Test("models Excel would repair are refused with the place named")
    func validation() throws {
        func write(_ sheets: [Worksheet]) throws { _ = try Workbook(sheets: sheets).xlsxData() }
        let rows: [SheetRow] = [[.text("a")]]
        #expect(throws: OfficeDocumentError.workbookWithoutSheets) { try write([]) }
        #expect(throws: OfficeDocumentError.invalidSheetName("Q3/2021")) { try write([Worksheet(name: "Q3/2021", rows: rows)]) }
        #expect(throws: OfficeDocumentError.invalidSheetName("")) { try write([Worksheet(name: "", rows: rows)]) }
        let long = String(repeating: "x", count: 32)
        #expect(throws: OfficeDocumentError.invalidSheetName(long)) { try write([Worksheet(name: long, rows: rows)]) }
        #expect(throws: OfficeDocumentError.duplicateSheetName("biểu 06")) {
            try write([Worksheet(name: "Biểu 06", rows: rows), Worksheet(name: "biểu 06", rows: rows)])
        }
        let overlapping = Worksheet(name: "S", rows: rows, mergedRanges: try ["A1:B2", "B2:C3"].map(CellRange.init))
        #expect(throws: OfficeDocumentError.overlappingMergedRanges(sheet: "S", "A1:B2", "B2:C3")) { try write([overlapping]) }
        let single = Worksheet(name: "S", rows: rows, mergedRanges: [try CellRange("A1")])
        #expect(throws: OfficeDocumentError.invalidCellRange("A1")) { try write([single]) }
        #expect(throws: OfficeDocumentError.self) { try write([Worksheet(name: "S", rows: [[.number(.nan)]])]) }
        #expect(throws: OfficeDocumentError.self) { try write([Worksheet(name: "S", rows: rows, columnWidths: [-1])]) }
        #expect(throws: OfficeDocumentError.self) { try write([Worksheet(name: "S", rows: rows, frozenRows: -1)]) }
        let badFormat = SheetCell.number(1, style: CellStyle(numberFormat: .decimal(places: 40)))
        #expect(throws: OfficeDocumentError.self) { try write([Worksheet(name: "S", rows: [[badFormat]])]) }
    }
}
