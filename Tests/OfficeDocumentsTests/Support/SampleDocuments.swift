import Foundation
import OfficeDocuments

/// Sample models shaped like the center's real documents: a Decree 30/2020/NĐ-CP report and a
/// Form 06 (Circular 01/2020/TT-VPCP) statistics sheet. Tests read them back; one test writes them to /tmp
/// for a person to open.
enum SampleDocuments {
    static let footnoteText = "Số liệu trích xuất từ Hệ thống thông tin giải quyết thủ tục hành chính tỉnh ngày 14/12/2025."
    static let receivedSentence = "Từ ngày 15/9/2025 đến ngày 14/12/2025, Trung tâm Phục vụ hành chính công tiếp nhận 7.447 hồ sơ, "
        + "trong đó: 5.386 hồ sơ trực tuyến (chiếm 72,3%); trả kết quả 7.708 hồ sơ, quá hạn: 33 hồ sơ (chiếm 0,4%)."
    /// Markup-like text that must come back as text.
    static let trickyText = #"Ghi chú: <b>"đậm"</b> & 'nghiêng' ]]> --> <![CDATA[x]]>"#

    // MARK: Decree 30 report

    static let page = PageSetup.decree30
    /// Left and right columns of the header block and the closing block, filling the text width (165 mm).
    static let leftColumn = 65.0
    static let rightColumn = page.textWidth - leftColumn
    /// Word pads each cell by 0.19 cm on both sides; a centred rule is centred within what is left.
    static let cellPadding = 2 * 1.905

    static func report() -> WordDocument {
        var body: [WordDocument.Block] = [.table(headerBlock())]
        body += [
            .paragraph(Paragraph("BÁO CÁO", bold: true, size: 14, alignment: .center, spacing: .init(before: 18))),
            .paragraph(Paragraph("Kết quả thực hiện công tác cải cách hành chính Quý IV năm 2025", bold: true, size: 14, alignment: .center)),
            .paragraph(Paragraph(
                "(Thời gian báo cáo từ ngày 15/9/2025 - 14/12/2025)", italic: true, alignment: .center, spacing: .init(after: 12)
            )),
            .paragraph(bodyText(
                "Thực hiện Quyết định số 1887/QĐ-UBND ngày 18/12/2024 của UBND tỉnh Đắk Nông; Văn phòng UBND tỉnh "
                    + "tổng hợp, báo cáo kết quả thực hiện công tác cải cách hành chính (CCHC) Quý IV năm 2025, cụ thể như sau:"
            )),
            .paragraph(heading("I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", level: 0)),
            .paragraph(heading("1. Tiếp nhận và trả kết quả", level: 1)),
            .paragraph(Paragraph(
                [Run(receivedSentence), .footnote(Footnote(footnoteText))],
                alignment: .justified,
                indentation: .init(firstLine: 12.7),
                spacing: .init(before: 6, line: .multiple(1.15))
            )),
            .paragraph(Paragraph(
                "Bảng 1. Kết quả giải quyết theo lĩnh vực", italic: true, alignment: .center,
                spacing: .init(before: 6, after: 6), keepWithNext: true
            )),
            .table(statisticsTable()),
            .paragraph(heading("II. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ I NĂM 2026", level: 0)),
            .paragraph(bodyText("Tiếp tục nâng cao tỷ lệ hồ sơ trực tuyến toàn trình; số hóa 100% kết quả giải quyết.")),
            .paragraph(bodyText(trickyText)),
            .paragraph(Paragraph([], spacing: .init(after: 12))),
            .table(closingBlock()),
        ]
        return WordDocument(
            page: page,
            font: .timesNewRoman13,
            pageNumbering: .topCenter(skipFirstPage: true),
            properties: DocumentProperties(
                title: "Báo cáo kết quả CCHC Quý IV năm 2025",
                creator: "Văn phòng UBND tỉnh Đắk Nông",
                created: Date(timeIntervalSince1970: 1_770_249_600)  // 2026-02-05T00:00:00Z
            ),
            body: body
        )
    }

    /// The two-column header: issuing body and national title above, number and place-date below.
    static func headerBlock() -> Table {
        let issuer = TableCell([
            Paragraph("UBND TỈNH ĐẮK NÔNG", alignment: .center),
            Paragraph("VĂN PHÒNG", bold: true, alignment: .center),
            .horizontalRule(length: 15, centeredIn: leftColumn - cellPadding),
        ], verticalAlignment: .top)
        let nation = TableCell([
            Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 12.5, alignment: .center),
            Paragraph("Độc lập - Tự do - Hạnh phúc", bold: true, alignment: .center),
            .horizontalRule(length: 58, centeredIn: rightColumn - cellPadding),
        ], verticalAlignment: .top)
        let number = TableCell([Paragraph("Số: 1076/BC-VPUBND", alignment: .center, spacing: .init(before: 6))])
        let placeAndDate = TableCell([
            Paragraph("Đắk Nông, ngày 05 tháng 02 năm 2026", italic: true, alignment: .center, spacing: .init(before: 6)),
        ])
        return Table(
            columnWidths: [leftColumn, rightColumn],
            rows: [TableRow([issuer, nation]), TableRow([number, placeAndDate])],
            borders: false
        )
    }

    /// A bordered table with a two-row header (vertical and horizontal merges) that repeats on each page.
    static func statisticsTable() -> Table {
        let shade = RGBColor.lightGray
        func header(_ text: String, span: Int = 1, merge: TableCell.VerticalMerge? = nil) -> TableCell {
            TableCell(text, bold: true, alignment: .center, columnSpan: span, verticalMerge: merge, shading: shade)
        }
        func number(_ text: String, bold: Bool = false) -> TableCell {
            TableCell(text, bold: bold, alignment: .right)
        }
        return Table(
            columnWidths: [14, 51, 25, 25, 25, 25],
            rows: [
                TableRow([
                    header("STT", merge: .restart), header("Lĩnh vực", merge: .restart),
                    header("Tiếp nhận", merge: .restart), header("Kết quả giải quyết", span: 3),
                ], isHeader: true),
                TableRow([
                    header("", merge: .continue), header("", merge: .continue), header("", merge: .continue),
                    header("Trước hạn"), header("Đúng hạn"), header("Quá hạn"),
                ], isHeader: true),
                TableRow([TableCell("1", alignment: .center), TableCell("Đất đai"),
                          number("2.113"), number("512"), number("1.570"), number("31")]),
                TableRow([TableCell("2", alignment: .center), TableCell("Hộ tịch & chứng thực <bản sao>"),
                          number("5.334"), number("1.201"), number("4.131"), number("02")]),
                TableRow([TableCell("Tổng cộng", bold: true, alignment: .center, columnSpan: 2),
                          number("7.447", bold: true), number("1.713", bold: true), number("5.701", bold: true),
                          number("33", bold: true)]),
            ]
        )
    }

    /// "Nơi nhận:" bottom-left, the signature bottom-right.
    static func closingBlock() -> Table {
        let recipients = TableCell([
            Paragraph([Run("Nơi nhận:", bold: true, italic: true, size: 12)]),
            Paragraph("- UBND tỉnh (b/c);", size: 11),
            Paragraph("- Sở Nội vụ;", size: 11),
            Paragraph("- Lưu: VT, HCQT.", size: 11),
        ])
        let signature = TableCell([
            Paragraph("KT. CHÁNH VĂN PHÒNG", bold: true, alignment: .center),
            Paragraph("PHÓ CHÁNH VĂN PHÒNG", bold: true, alignment: .center),
            Paragraph([], spacing: .init(after: 60)),
            Paragraph("Nguyễn Văn Ấn", bold: true, alignment: .center),
        ])
        return Table(columnWidths: [leftColumn + 15, rightColumn - 15], rows: [TableRow([recipients, signature])], borders: false)
    }

    static func heading(_ text: String, level: Int) -> Paragraph {
        var paragraph = Paragraph(text, bold: true, alignment: .justified, indentation: .init(firstLine: 12.7),
                                  spacing: .init(before: 6), keepWithNext: true)
        paragraph.outlineLevel = level
        return paragraph
    }

    static func bodyText(_ text: String) -> Paragraph {
        Paragraph(text, alignment: .justified, indentation: .init(firstLine: 12.7), spacing: .init(before: 6, line: .multiple(1.15)))
    }

    // MARK: Form 06 workbook

    static let form06Columns = 14

    static func form06() throws -> Workbook {
        let header = CellStyle.header
        func headerRow(_ cells: [(Int, String)], height: Double? = nil) -> SheetRow {
            var row = Array(repeating: SheetCell.empty(style: header), count: form06Columns)
            for (column, text) in cells { row[column - 1] = .text(text, style: header) }
            return SheetRow(row, height: height)
        }
        func dataRow(_ number: String, _ field: String, _ values: [Int], total: Bool = false) -> SheetRow {
            let text = total ? CellStyle.tableText.bolded : .tableText
            let count = total ? CellStyle.integer.bolded : .integer
            return SheetRow([.text(number, style: text), .text(field, style: text)] + values.map { .number($0, style: count) })
        }
        let title = CellStyle(bold: true, horizontal: .center, vertical: .center)
        let period = CellStyle(italic: true, horizontal: .center)

        let rows: [SheetRow] = [
            SheetRow([.text("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", style: title)], height: 22),
            SheetRow([.text("Kỳ báo cáo: Quý IV năm 2025 (từ ngày 15/9/2025 đến ngày 14/12/2025)", style: period)]),
            SheetRow([]),
            headerRow([(1, "STT"), (2, "Lĩnh vực giải quyết"), (3, "Số hồ sơ nhận giải quyết"), (8, "Kết quả giải quyết")]),
            headerRow([(3, "Tổng số"), (4, "Trong kỳ"), (7, "Từ kỳ trước"),
                       (8, "Số hồ sơ đã giải quyết"), (12, "Số hồ sơ đang giải quyết")], height: 30),
            headerRow([(4, "Trực tuyến"), (5, "Trực tiếp"), (6, "Dịch vụ bưu chính"), (8, "Tổng số"), (9, "Trả trước hạn"),
                       (10, "Trả đúng hạn"), (11, "Trả quá hạn"), (12, "Tổng số"), (13, "Chưa đến hạn"), (14, "Quá hạn")],
                      height: 45),
            headerRow((1...form06Columns).map { ($0, "(\($0))") }),
            dataRow("1", "Đất đai", [2_470, 1_650, 680, 20, 120, 2_113, 512, 1_570, 31, 357, 340, 17]),
            dataRow("2", "Hộ tịch & chứng thực <bản sao>", [5_334, 3_736, 1_493, 105, 0, 5_334, 1_201, 4_131, 2, 0, 0, 0]),
            dataRow("", "Tổng cộng", [7_804, 5_386, 2_173, 125, 120, 7_447, 1_713, 5_701, 33, 357, 340, 17], total: true),
            SheetRow([.text("Tỷ lệ trực tuyến", style: .tableText.bolded), .empty(style: .tableText),
                      .number(5_386.0 / 7_804, style: .percent)]),
        ]
        return Workbook(
            sheets: [
                Worksheet(
                    name: "Biểu 06",
                    rows: rows,
                    mergedRanges: try ["A1:N1", "A2:N2", "A4:A6", "B4:B6", "C4:G4", "H4:N4", "C5:C6", "D5:F5", "G5:G6",
                                       "H5:K5", "L5:N5", "A10:B10", "A11:B11"].map(CellRange.init),
                    columnWidths: [6, 28] + Array(repeating: 11, count: form06Columns - 2),
                    frozenRows: 7,
                    frozenColumns: 2,
                    orientation: .landscape,
                    fitToPageWidth: true
                ),
                Worksheet(name: "Ghi chú", rows: [[.text(trickyText)], [.text("_x0041_ giữ nguyên")]]),
            ],
            properties: DocumentProperties(title: "Biểu số 06 Quý IV năm 2025", created: Date(timeIntervalSince1970: 1_770_249_600))
        )
    }
}
