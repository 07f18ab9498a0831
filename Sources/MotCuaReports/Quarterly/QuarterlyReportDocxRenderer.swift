import Foundation
import OfficeDocuments
import WorkCalendar

/// The quarterly report as a Word document laid out by Decree 30/2020/NĐ-CP: A4, margins 20/20/30/15 mm,
/// Times New Roman 14 pt, the header block, "Số: …", place and date, the bold title, sections I–V, the PAPI
/// table, the late dossiers in a real footnote, "Nơi nhận" bottom left and the signature bottom right.
public enum QuarterlyReportDocxRenderer {
    public static let font = Font(name: "Times New Roman", size: 14)
    static let firstLine = 12.7
    static let tableFontSize = 12.0
    /// TT, index, task, result: 165 mm, the text width of the page.
    static let papiColumns = [12.0, 38.0, 55.0, 60.0]

    public static func wordDocument(_ report: QuarterlyReport) -> WordDocument {
        let header = SlipHeader(parentBody: report.header.parentBody, issuingBody: report.header.issuingBody,
                                number: report.header.number, placeAndDate: report.header.placeAndDate)
        var body: [WordDocument.Block] = [.table(SlipDocxRenderer.header(header))]
        body.append(.paragraph(Paragraph(report.title, bold: true, alignment: .center, spacing: .init(before: 18), keepWithNext: true)))
        body.append(.paragraph(Paragraph(report.subject, bold: true, alignment: .center, keepWithNext: true)))
        body.append(.paragraph(Paragraph(report.periodLine, italic: true, alignment: .center, spacing: .init(after: 12))))
        body += report.preamble.map { .paragraph(paragraph($0)) }
        for section in report.sections { body += blocks(section, level: 0) }
        body += report.closing.map { .paragraph(paragraph($0)) }
        let closing = SlipClosing(
            recipients: report.recipients.map { "- \($0)" },
            signatures: [SlipSignature(authority: report.signature.authority, title: report.signature.title,
                                       instruction: nil, name: report.signature.name)])
        if let table = SlipDocxRenderer.closing(closing) {
            body.append(.paragraph(Paragraph([], spacing: .init(after: 6))))
            body.append(.table(table))
        }
        return WordDocument(
            page: .decree30,
            font: font,
            footnoteFontSize: 12,
            pageNumbering: .topCenter(skipFirstPage: true),
            properties: DocumentProperties(
                title: "\(report.title) \(report.subject)",
                subject: report.periodLine,
                creator: report.header.issuingBody,
                // From the report, never the clock: the same report always gives the same bytes.
                created: (try? VietnamTime.parse((report.issuedOn ?? report.period.to).description)) ?? Date(timeIntervalSince1970: 0)
            ),
            body: body
        )
    }

    public static func docx(_ report: QuarterlyReport) throws -> Data {
        try wordDocument(report).docxData()
    }

    static func blocks(_ section: ReportSection, level: Int) -> [WordDocument.Block] {
        var result: [WordDocument.Block] = [.paragraph(Paragraph(
            [Run(section.heading, bold: true)], alignment: .justified, indentation: .init(firstLine: firstLine),
            spacing: .init(before: 6, after: 3), keepWithNext: true, outlineLevel: level))]
        for block in section.blocks {
            switch block {
            case .paragraph(let p): result.append(.paragraph(paragraph(p)))
            case .papiTable(let t):
                result.append(.table(papiTable(t)))
                result.append(.paragraph(Paragraph()))
            }
        }
        for sub in section.subsections { result += blocks(sub, level: level + 1) }
        return result
    }

    static func paragraph(_ p: ReportParagraph) -> Paragraph {
        var runs = [Run((p.bullet ? "- " : "") + p.text)]
        if let footnote = p.footnote {
            runs.append(.footnote(Footnote(footnote.map {
                Paragraph($0.text, size: 12, alignment: .justified, indentation: .init(firstLine: firstLine))
            })))
        }
        if !p.tail.isEmpty { runs.append(Run(p.tail)) }
        return Paragraph(runs, alignment: .justified, indentation: .init(firstLine: firstLine),
                         spacing: .init(before: 3, after: 3, line: .multiple(1.1)))
    }

    static func papiTable(_ table: PAPITable) -> Table {
        func cell(_ text: String, bold: Bool = false, center: Bool = false, span: Int = 1) -> TableCell {
            TableCell([Paragraph(text, bold: bold, size: tableFontSize, alignment: center ? .center : .left,
                                 spacing: .init(before: 2, after: 2))], columnSpan: span)
        }
        var rows = [TableRow(PAPITable.columnTitles.map { cell($0, bold: true, center: true) }, isHeader: true)]
        for row in table.rows {
            if row.isGroup {
                rows.append(TableRow([cell(row.number, bold: true, center: true), cell(row.index, bold: true, span: 3)]))
            } else {
                rows.append(TableRow([cell(row.number, center: true), cell(row.index), cell(row.task), cell(row.result)],
                                     cantSplit: false))
            }
        }
        return Table(columnWidths: papiColumns, rows: rows)
    }
}
