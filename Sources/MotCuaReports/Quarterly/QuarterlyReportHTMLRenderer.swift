import Foundation
import Plot

/// The quarterly report as one printable HTML page (A4, Decree 30 margins, Times New Roman 14 pt, no script,
/// no external resource). Every text goes through `Node.slipText` (escaped); no data goes into an attribute.
/// The late-dossier footnote is printed after the body, its mark a superscript link-free number.
public enum QuarterlyReportHTMLRenderer {
    static let css = SlipStyleSheet.css + """

    body { font-size: 14pt; }
    .report p.body { margin-top: 1.5mm; text-indent: 12.7mm; text-align: justify; }
    .report h2, .report h3 { margin: 3mm 0 1mm; font-size: 14pt; font-weight: bold; text-indent: 12.7mm; text-align: justify; }
    .report .subject { font-weight: bold; text-align: center; }
    .report .period-line { font-style: italic; text-align: center; margin-bottom: 4mm; }
    .report .footnotes { margin-top: 6mm; border-top: 1px solid #000; width: 100%; font-size: 12pt; }
    .report .footnotes p { margin-top: 1mm; text-indent: 12.7mm; text-align: justify; }
    .report sup { font-size: 70%; }
    .report table.slip-header td.number, .report table.slip-header td.date { white-space: pre-wrap; }
    """

    public static func render(_ report: QuarterlyReport) -> String {
        var footnotes: [[ReportParagraph]] = []
        func paragraph(_ p: ReportParagraph) -> Node<HTML.BodyContext> {
            var nodes: [Node<HTML.BodyContext>] = [.slipText((p.bullet ? "- " : "") + p.text)]
            if let footnote = p.footnote {
                footnotes.append(footnote)
                nodes.append(superscript(footnotes.count))
            }
            nodes.append(.slipText(p.tail))
            return .p(.class("body"), .group(nodes))
        }
        func section(_ s: ReportSection, level: Int) -> Node<HTML.BodyContext> {
            let heading: Node<HTML.BodyContext> = level == 0 ? .h2(.slipText(s.heading)) : .h3(.slipText(s.heading))
            var nodes = [heading]
            for block in s.blocks {
                switch block {
                case .paragraph(let p): nodes.append(paragraph(p))
                case .papiTable(let t): nodes.append(papiTable(t))
                }
            }
            nodes += s.subsections.map { section($0, level: level + 1) }
            return .group(nodes)
        }
        let header = SlipHeader(parentBody: report.header.parentBody, issuingBody: report.header.issuingBody,
                                number: report.header.number, placeAndDate: report.header.placeAndDate)
        let content: [Node<HTML.BodyContext>] = report.preamble.map(paragraph) + report.sections.map { section($0, level: 0) }
            + report.closing.map(paragraph)
        let closing = SlipClosing(recipients: report.recipients.map { "- \($0)" },
                                  signatures: [SlipSignature(authority: report.signature.authority, title: report.signature.title,
                                                             instruction: nil, name: report.signature.name)])
        let notes: [Node<HTML.BodyContext>] = footnotes.enumerated().map { index, paragraphs in
            .group(paragraphs.enumerated().map { line, p in
                .p(.if(line == 0, superscript(index + 1)), .if(line == 0, .slipText(" ")), .slipText(p.text))
            })
        }
        let html = HTML(
            .lang(.vietnamese),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [.slipText("\(report.title) \(report.subject)")]),
                .style(css)
            ),
            .body(
                .main(
                    .class("slip report"),
                    SlipHTMLRenderer.header(header),
                    .h1(.class("title"), .slipText(report.title)),
                    .p(.class("subject"), .slipText(report.subject)),
                    .p(.class("period-line"), .slipText(report.periodLine)),
                    .div(.class("content"), .group(content)),
                    SlipHTMLRenderer.closing(closing),
                    .if(!notes.isEmpty, .div(.class("footnotes"), .group(notes)))
                )
            )
        )
        return html.render()
    }

    /// The footnote mark: a number, never data.
    static func superscript(_ number: Int) -> Node<HTML.BodyContext> {
        .element(named: "sup", nodes: [.slipText(String(number))])
    }

    static func papiTable(_ table: PAPITable) -> Node<HTML.BodyContext> {
        let widths = QuarterlyReportDocxRenderer.papiColumns
        let total = widths.reduce(0, +)
        let columns: [Node<HTML.TableContext>] = widths.map { width in
            .selfClosedElement(named: "col", attributes: [Attribute<HTML.TableContext>(
                name: "style", value: "width: \(SlipHTMLRenderer.percent(width / total))")])
        }
        return .table(
            .class("grid"),
            .element(named: "colgroup", nodes: columns),
            .thead(.tr(.group(PAPITable.columnTitles.map { .th(.slipText($0)) }))),
            .tbody(.group(table.rows.map { row in
                row.isGroup
                    ? .tr(.td(.class("middle"), .strong(.slipText(row.number))),
                          .td(.attribute(named: "colspan", value: "3"), .strong(.slipText(row.index))))
                    : .tr(.td(.slipText(row.number)), .td(.slipText(row.index)), .td(.slipText(row.task)), .td(.slipText(row.result)))
            }))
        )
    }
}
