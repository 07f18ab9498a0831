import Foundation
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import OfficeDocuments

@Suite("Word documents")
struct WordDocumentTests {
    let package: UnzippedPackage

    init() throws {
        package = try UnzippedPackage(try SampleDocuments.report().docxData())
    }

    @Test("all required parts are present, content types first")
    func requiredParts() {
        #expect(package.paths.first == "[Content_Types].xml")
        for path in [
            "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
            "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/footnotes.xml",
            "word/header1.xml",
        ] {
            #expect(package.paths.contains(path), "missing \(path)")
        }
    }

    @Test("every part is well-formed XML")
    func wellFormed() throws {
        for path in package.paths {
            #expect(throws: Never.self, "\(path) is not well-formed") { _ = try package.xml(path) }
        }
    }

    @Test("content types and relationships point at parts that exist")
    func packageIsConsistent() throws {
        let types = try package.xml("[Content_Types].xml")
        let overrides = types.elements(named: "Override").compactMap { $0.attribute("PartName") }
        #expect(Set(overrides) == Set(package.paths.filter { !$0.hasSuffix(".rels") && $0 != "[Content_Types].xml" }.map { "/" + $0 }))

        let rootTargets = try package.xml("_rels/.rels").elements(named: "Relationship").compactMap { $0.attribute("Target") }
        #expect(rootTargets == ["word/document.xml", "docProps/core.xml", "docProps/app.xml"])
        let documentTargets = try package.xml("word/_rels/document.xml.rels").elements(named: "Relationship")
            .compactMap { $0.attribute("Target") }
        for target in documentTargets {
            #expect(package.paths.contains("word/" + target))
        }
    }

    @Test("the page is A4 with Decree 30 margins and numbers from page 2")
    func pageSetup() throws {
        let document = try package.xml("word/document.xml")
        let size = try #require(document.elements(named: "w:pgSz").first)
        #expect(size.attribute("w:w") == "11906")
        #expect(size.attribute("w:h") == "16838")
        let margins = try #require(document.elements(named: "w:pgMar").first)
        #expect(margins.attribute("w:top") == "1134")     // 20 mm
        #expect(margins.attribute("w:bottom") == "1134")  // 20 mm
        #expect(margins.attribute("w:left") == "1701")    // 30 mm
        #expect(margins.attribute("w:right") == "850")    // 15 mm
        #expect(document.elements(named: "w:headerReference").first?.attribute("r:id") == "rId4")
        #expect(document.elements(named: "w:titlePg").count == 1)
        let header = try package.xml("word/header1.xml")
        #expect(header.elements(named: "w:fldSimple").first?.attribute("w:instr") == " PAGE ")
    }

    @Test("default font is Times New Roman 13 pt with Vietnamese as the language")
    func defaultFont() throws {
        let styles = try package.xml("word/styles.xml")
        let defaults = try #require(styles.elements(named: "w:docDefaults").first)
        #expect(defaults.elements(named: "w:rFonts").first?.attribute("w:ascii") == "Times New Roman")
        #expect(defaults.elements(named: "w:sz").first?.attribute("w:val") == "26")
        #expect(defaults.elements(named: "w:lang").first?.attribute("w:val") == "vi-VN")
    }

    @Test("the footnote is a real footnote with Word's separators")
    func footnote() throws {
        let footnotes = try package.xml("word/footnotes.xml").elements(named: "w:footnote")
        #expect(footnotes.map { $0.attribute("w:id") } == ["-1", "0", "1"])
        #expect(footnotes[0].attribute("w:type") == "separator")
        #expect(footnotes[0].elements(named: "w:separator").count == 1)
        #expect(footnotes[1].attribute("w:type") == "continuationSeparator")
        #expect(footnotes[2].elements(named: "w:footnoteRef").count == 1)
        #expect(footnotes[2].wordText == " " + SampleDocuments.footnoteText)

        let document = try package.xml("word/document.xml")
        let references = document.elements(named: "w:footnoteReference")
        #expect(references.map { $0.attribute("w:id") } == ["1"])
        let settings = try package.xml("word/settings.xml")
        #expect(settings.elements(named: "w:footnotePr").first?.elements(named: "w:footnote").count == 2)
    }

    @Test("footnotes are numbered in reading order, including those in table cells")
    func footnoteNumbering() throws {
        let document = WordDocument(body: [
            .table(Table(columnWidths: [50], rows: [TableRow([TableCell([Paragraph([Run("a"), .footnote(Footnote("một"))])])])])),
            .paragraph(Paragraph([Run("b"), .footnote(Footnote("hai")), Run("c"), .footnote(Footnote("ba"))])),
        ])
        let package = try UnzippedPackage(try document.docxData())
        let notes = try package.xml("word/footnotes.xml").elements(named: "w:footnote").dropFirst(2)
        #expect(notes.map { $0.attribute("w:id") } == ["1", "2", "3"])
        #expect(notes.map { $0.wordText } == [" một", " hai", " ba"])
    }

    @Test("the header block is a borderless two-column table with short rules")
    func headerBlock() throws {
        let document = try package.xml("word/document.xml")
        let table = try #require(document.elements(named: "w:tbl").first)
        #expect(table.elements(named: "w:gridCol").map { $0.attribute("w:w") } == ["3685", "5669"])
        let borders = try #require(table.elements(named: "w:tblBorders").first)
        #expect(borders.children?.allSatisfy { $0.attribute("w:val") == "nil" } == true)
        let cells = table.elements(named: "w:tc").map(\.wordText)
        #expect(cells == [
            "UBND TỈNH ĐẮK NÔNGVĂN PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc",
            "Số: 1076/BC-VPUBND", "Đắk Nông, ngày 05 tháng 02 năm 2026",
        ])
        #expect(table.elements(named: "w:pBdr").count == 2)
        let dateRun = try #require(table.elements(named: "w:r").first { $0.wordText.hasPrefix("Đắk Nông") })
        #expect(dateRun.elements(named: "w:i").count == 1)
    }

    @Test("the statistics table merges cells and repeats its header rows")
    func statisticsTable() throws {
        let document = try package.xml("word/document.xml")
        let table = try #require(document.elements(named: "w:tbl").dropFirst().first)
        let rows = table.elements(named: "w:tr")
        #expect(rows.count == 5)
        #expect(rows.prefix(2).allSatisfy { $0.elements(named: "w:tblHeader").count == 1 })
        #expect(rows[0].elements(named: "w:gridSpan").first?.attribute("w:val") == "3")
        #expect(rows[0].elements(named: "w:vMerge").map { $0.attribute("w:val") } == ["restart", "restart", "restart"])
        #expect(rows[1].elements(named: "w:vMerge").map { $0.attribute("w:val") } == [nil, nil, nil])
        #expect(rows[0].elements(named: "w:shd").first?.attribute("w:fill") == "D9D9D9")
        let borders = try #require(table.elements(named: "w:tblBorders").first)
        #expect(borders.children?.allSatisfy { $0.attribute("w:val") == "single" } == true)
        #expect(rows[3].wordText.contains("Hộ tịch & chứng thực <bản sao>"))
    }

    @Test("Vietnamese text comes back with every diacritic, code point for code point")
    func vietnameseRoundTrip() throws {
        let document = try package.xml("word/document.xml")
        let texts = document.elements(named: "w:p").map(\.wordText)
        for expected in [
            "BÁO CÁO", "I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", SampleDocuments.receivedSentence,
            "Nguyễn Văn Ấn", SampleDocuments.trickyText,
        ] {
            #expect(texts.contains { Array($0.unicodeScalars) == Array(expected.unicodeScalars) }, "missing \(expected)")
        }
    }

    @Test("line breaks and tabs become w:br and w:tab")
    func breaksAndTabs() throws {
        let document = WordDocument(body: [.paragraph(Paragraph([Run("a\nb\tc\r\nd"), .lineBreak, Run("e")]))])
        let xml = try UnzippedPackage(try document.docxData()).text("word/document.xml")
        #expect(xml.contains(
            #"<w:t xml:space="preserve">a</w:t><w:br/><w:t xml:space="preserve">b</w:t><w:tab/>"#
                + #"<w:t xml:space="preserve">c</w:t><w:br/><w:t xml:space="preserve">d</w:t></w:r><w:r><w:br/></w:r>"#
        ))
    }

    @Test("paragraph formatting is written in the schema's order")
    func paragraphProperties() throws {
        var paragraph = Paragraph(
            [Run("x", bold: true, italic: true, underline: true, size: 14)],
            alignment: .justified,
            indentation: .init(left: 10, firstLine: -5),
            spacing: .init(before: 6, after: 3, line: .multiple(1.5)),
            keepWithNext: true
        )
        paragraph.outlineLevel = 1
        let xml = try UnzippedPackage(try WordDocument(body: [.paragraph(paragraph)]).docxData()).text("word/document.xml")
        #expect(xml.contains(
            #"<w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60" w:line="360" w:lineRule="auto"/>"#
                + #"<w:ind w:left="567" w:hanging="283"/><w:jc w:val="both"/><w:outlineLvl w:val="1"/></w:pPr>"#
        ))
        #expect(xml.contains(#"<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="28"/><w:szCs w:val="28"/><w:u w:val="single"/></w:rPr>"#))
    }

    @Test("a body ending with a table gets a closing paragraph; no page numbers means no header part")
    func bodyEndsWithParagraph() throws {
        let table = Table(columnWidths: [40], rows: [TableRow([TableCell("x")])])
        let package = try UnzippedPackage(try WordDocument(body: [.table(table), .pageBreak]).docxData())
        #expect(!package.paths.contains("word/header1.xml"))
        let body = try #require(try package.xml("word/document.xml").elements(named: "w:body").first)
        #expect(body.children?.map(\.name) == ["w:tbl", "w:p", "w:sectPr"])
        #expect(body.elements(named: "w:br").first?.attribute("w:type") == "page")

        let ending = try UnzippedPackage(try WordDocument(body: [.table(table)]).docxData())
        let endingBody = try #require(try ending.xml("word/document.xml").elements(named: "w:body").first)
        #expect(endingBody.children?.map(\.name) == ["w:tbl", "w:p", "w:sectPr"])
    }

    @Test("landscape pages are marked as such")
    func landscape() throws {
        let document = WordDocument(page: PageSetup.decree30.landscape, body: [])
        let size = try #require(try UnzippedPackage(try document.docxData()).xml("word/document.xml").elements(named: "w:pgSz").first)
        #expect(size.attribute("w:w") == "16838")
        #expect(size.attribute("w:orient") == "landscape")
    }

    @Test("the same model gives the same bytes, with a fixed date on every entry")
    func deterministic() throws {
        let first = try SampleDocuments.report().docxData()
        let second = try SampleDocuments.report().docxData()
        #expect(first == second)
        let archive = try Archive(data: first, accessMode: .read)
        for entry in archive {
            #expect(entry.fileAttributes[.modificationDate] as? Date == Date(timeIntervalSince1970: 315_532_800))
        }
    }

    @Test("models Word would reject are refused with the place named")
    func validation() throws {
        let shortRow = Table(columnWidths: [20, 20], rows: [TableRow([TableCell("a")])])
        #expect(throws: OfficeDocumentError.tableRowDoesNotFillColumns(table: 1, row: 1, columns: 2, spanned: 1)) {
            try WordDocument(body: [.table(shortRow)]).docxData()
        }
        let nested = Footnote([Paragraph([.footnote(Footnote("inner"))])])
        #expect(throws: OfficeDocumentError.footnoteInsideFootnote) {
            try WordDocument(body: [.paragraph(Paragraph([.footnote(nested)]))]).docxData()
        }
        var page = PageSetup.decree30
        page.margins.left = .nan
        #expect(throws: OfficeDocumentError.self) { try WordDocument(page: page).docxData() }
        #expect(throws: OfficeDocumentError.self) {
            try WordDocument(body: [.table(Table(columnWidths: [], rows: []))]).docxData()
        }
        #expect(throws: OfficeDocumentError.self) {
            try WordDocument(body: [.paragraph(Paragraph("x", size: .infinity))]).docxData()
        }
    }
}
