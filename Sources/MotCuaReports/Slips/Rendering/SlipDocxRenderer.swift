import Foundation
import OfficeDocuments

/// A slip as a Word document laid out by Decree 30/2020/NĐ-CP: A4, margins 20/20/30/15 mm, Times New Roman
/// 13 pt, the two-column header block with its short rules, the title in bold capitals, the signature blocks
/// at the end. Tables keep their column widths; cells spanning rows become Word's vertical merges.
public enum SlipDocxRenderer {
    public static let page = PageSetup.decree30
    /// Header block columns: issuing body on the left, national title on the right (page text width 165 mm).
    static let leftColumn = 70.0
    static var rightColumn: Double { page.textWidth - leftColumn }
    /// Word pads each cell by 0.19 cm on both sides; a centred rule is centred within what is left.
    static let cellPadding = 2 * 1.905
    static let tableFontSize = 12.0
    static let compactTableFontSize = 11.0

    /// The Word model of the slip (to adjust before writing, or to embed).
    public static func wordDocument(_ slip: SlipDocument) -> WordDocument {
        var body: [WordDocument.Block] = [.table(header(slip.header))]
        body.append(.paragraph(Paragraph(slip.title, bold: true, size: 14, alignment: .center, spacing: .init(before: 18))))
        for p in slip.subtitle { body.append(.paragraph(paragraph(p, spacing: .init(before: 2)))) }
        for (index, p) in slip.addressee.enumerated() {
            body.append(.paragraph(paragraph(p, spacing: .init(before: index == 0 ? 10 : 2, after: 4))))
        }
        var first = true
        for block in slip.body {
            switch block {
            case .paragraph(let p):
                body.append(.paragraph(paragraph(p, spacing: .init(before: first ? 10 : (p.spaced ? 6 : 3), line: .multiple(1.1)))))
            case .table(let t):
                // Word joins tables that touch: a table always follows a paragraph here.
                if case .table = body.last { body.append(.paragraph(Paragraph())) }
                body.append(.table(table(t)))
            }
            first = false
        }
        if let closing = closing(slip.closing) {
            body.append(.paragraph(Paragraph([], spacing: .init(after: 6))))
            body.append(.table(closing))
        }
        return WordDocument(
            page: page,
            font: .timesNewRoman13,
            pageNumbering: .topCenter(skipFirstPage: true),
            properties: DocumentProperties(
                title: slip.documentTitle,
                subject: "\(slip.label) – \(slip.legalBasis)",
                creator: slip.issuerName,
                created: slip.issuedAt
            ),
            body: body
        )
    }

    /// The bytes of the .docx file.
    public static func docx(_ slip: SlipDocument) throws -> Data {
        try wordDocument(slip).docxData()
    }

    // MARK: Parts

    static func header(_ header: SlipHeader) -> Table {
        // Decree 30: body names 12–13 pt (the parent upright, the issuer upright bold), national title 12–13 pt
        // bold, motto 13–14 pt bold; the rule under the issuer a third of its line, under the motto as long as it.
        var issuer: [Paragraph] = []
        if let parent = header.parentBody { issuer.append(Paragraph(parent, size: 12, alignment: .center)) }
        issuer.append(Paragraph(header.issuingBody, bold: true, size: 12, alignment: .center))
        issuer.append(.horizontalRule(length: 25, centeredIn: leftColumn - cellPadding))
        let nation = [
            Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 12, alignment: .center),
            Paragraph("Độc lập - Tự do - Hạnh phúc", bold: true, alignment: .center),
            .horizontalRule(length: 54, centeredIn: rightColumn - cellPadding),
        ]
        var rows = [TableRow([TableCell(issuer, verticalAlignment: .top), TableCell(nation, verticalAlignment: .top)])]
        if header.number != nil || header.placeAndDate != nil {
            rows.append(TableRow([
                TableCell([Paragraph(header.number ?? "", alignment: .center, spacing: .init(before: 6))]),
                TableCell([Paragraph(header.placeAndDate ?? "", italic: true, alignment: .center, spacing: .init(before: 6))]),
            ]))
        }
        return Table(columnWidths: [leftColumn, rightColumn], rows: rows, borders: false)
    }

    static func paragraph(_ p: SlipParagraph, size: Double? = nil, spacing: Paragraph.Spacing = .init(),
                          keepWithNext: Bool = false) -> Paragraph {
        Paragraph(
            p.runs.map { Run($0.text, bold: $0.bold, italic: $0.italic, size: size) },
            alignment: p.alignment.wordAlignment,
            indentation: .init(left: Double(p.indentLevel) * 8, firstLine: p.isProse ? 12.7 : 0),
            spacing: spacing,
            keepWithNext: keepWithNext
        )
    }

    /// A bordered table; `rowSpan` becomes a vertical merge that restarts in the spanning cell and continues,
    /// with the same column span, in the rows below.
    static func table(_ table: SlipTable) -> Table {
        let columns = table.columnWidths.count
        var rows: [TableRow] = []
        var carried: [Int: (remaining: Int, span: Int)] = [:]
        for (isHeader, sourceRows) in [(true, table.header), (false, table.rows)] {
            for source in sourceRows {
                var cells: [TableCell] = []
                var pending = source[...]
                // A row whose cells span the next rows stays on the page with them.
                let spansRows = source.contains { $0.rowSpan > 1 }
                var column = 0
                while column < columns {
                    if let carry = carried[column], carry.remaining > 0 {
                        cells.append(TableCell([Paragraph()], columnSpan: carry.span, verticalMerge: .continue))
                        carried[column] = carry.remaining > 1 ? (carry.remaining - 1, carry.span) : nil
                        column += carry.span
                        continue
                    }
                    guard let cell = pending.popFirst() else { break }
                    if cell.rowSpan > 1 { carried[column] = (cell.rowSpan - 1, cell.columnSpan) }
                    cells.append(self.cell(cell, header: isHeader, merge: cell.rowSpan > 1 ? .restart : nil,
                                           size: table.compact ? compactTableFontSize : tableFontSize,
                                           keepWithNext: spansRows))
                    column += cell.columnSpan
                }
                rows.append(TableRow(cells, isHeader: isHeader))
            }
        }
        return Table(columnWidths: table.columnWidths, rows: rows)
    }

    static func cell(_ cell: SlipCell, header: Bool, merge: TableCell.VerticalMerge?, size: Double,
                     keepWithNext: Bool) -> TableCell {
        var paragraphs: [Paragraph] = []
        for (index, p) in cell.paragraphs.enumerated() {
            var runs = p
            if header { runs.runs = runs.runs.map { SlipRun($0.text, bold: true, italic: $0.italic) } }
            paragraphs.append(paragraph(runs, size: size, spacing: .init(before: index == 0 ? 2 : 1, after: 2), keepWithNext: keepWithNext))
            if cell.isSignatureBox, index == 0 { paragraphs.append(Paragraph([], spacing: .init(after: 30))) }
        }
        return TableCell(
            paragraphs,
            columnSpan: cell.columnSpan,
            verticalMerge: merge,
            verticalAlignment: header || cell.verticalAlignment == .center ? .center : .top
        )
    }

    static func closing(_ closing: SlipClosing) -> Table? {
        guard !closing.signatures.isEmpty else { return nil }
        var cells: [TableCell] = []
        var widths: [Double]
        if let recipients = closing.recipients {
            cells.append(TableCell(
                [Paragraph([Run("Nơi nhận:", bold: true, italic: true, size: 12)])]
                    + recipients.map { Paragraph($0, size: 11) }
            ))
            widths = [page.textWidth - 95]
        } else if closing.signatures.count == 1 {
            cells.append(TableCell([Paragraph()]))
            widths = [page.textWidth - 95]
        } else {
            widths = []
        }
        let remaining = page.textWidth - widths.reduce(0, +)
        let share = remaining / Double(closing.signatures.count)
        for signature in closing.signatures {
            var paragraphs = signature.authority.map { Paragraph($0, bold: true, alignment: .center) }
            paragraphs.append(Paragraph(signature.title, bold: true, alignment: .center))
            if let instruction = signature.instruction { paragraphs.append(Paragraph(instruction, italic: true, alignment: .center)) }
            paragraphs.append(Paragraph([], spacing: .init(after: 60)))
            if let name = signature.name { paragraphs.append(Paragraph(name, bold: true, alignment: .center)) }
            cells.append(TableCell(paragraphs))
            widths.append(share)
        }
        return Table(columnWidths: widths, rows: [TableRow(cells)], borders: false)
    }
}

extension SlipAlignment {
    var wordAlignment: Paragraph.Alignment {
        switch self {
        case .left: return .left
        case .center: return .center
        case .right: return .right
        case .justified: return .justified
        }
    }
}
