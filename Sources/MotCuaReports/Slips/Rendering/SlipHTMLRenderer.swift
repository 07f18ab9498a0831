import Foundation
import Plot

/// A slip as one complete, printable HTML page: A4 with the Decree 30/2020/NĐ-CP margins, Times New Roman,
/// the print style sheet embedded, no script and no external resource (offices are often offline).
///
/// Built with Plot, and every piece of text goes through `Node.slipText`, which escapes it: a name such as
/// `<script>` prints as those characters. No value from the data is ever put in an attribute.
public enum SlipHTMLRenderer {
    public static func render(_ document: SlipDocument) -> String {
        let html = HTML(
            .lang(.vietnamese),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [.slipText(document.documentTitle)]),
                .style(SlipStyleSheet.css)
            ),
            .body(
                .main(
                    .class("slip form-\(document.form.rawValue)"),
                    .group(parts(document))
                )
            )
        )
        return html.render()
    }

    /// The slip as a `div.slip` inside another page (the reception desk's receipt, printed from the site);
    /// the page's own style sheet styles it, since the site's CSP allows no embedded style.
    public static func sheet(_ document: SlipDocument) -> Node<HTML.BodyContext> {
        .div(.class("slip form-\(document.form.rawValue)"), .group(parts(document)))
    }

    static func parts(_ document: SlipDocument) -> [Node<HTML.BodyContext>] {
        [
            header(document.header),
            .h1(.class("title"), .slipText(document.title)),
            .if(!document.subtitle.isEmpty, .div(.class("subtitle"), .group(document.subtitle.map { paragraph($0) }))),
            .if(!document.addressee.isEmpty, .div(.class("addressee"), .group(document.addressee.map { paragraph($0) }))),
            .div(.class("content"), .group(document.body.map(block))),
            closing(document.closing),
        ]
    }

    // MARK: Parts

    static func header(_ header: SlipHeader) -> Node<HTML.BodyContext> {
        .table(
            .class("slip-header"),
            .tr(
                .td(
                    .class("issuer"),
                    .unwrap(header.parentBody) { .p(.class("parent"), .slipText($0)) },
                    .p(.class("issuing"), .slipText(header.issuingBody)),
                    .div(.class("rule"))
                ),
                .td(
                    .class("nation"),
                    .p(.class("nation-title"), .slipText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
                    .p(.span(.class("motto"), .slipText("Độc lập - Tự do - Hạnh phúc")))
                )
            ),
            .if(header.number != nil || header.placeAndDate != nil, .tr(
                .td(.class("number"), .slipText(header.number ?? "")),
                .td(.class("date"), .slipText(header.placeAndDate ?? ""))
            ))
        )
    }

    static func block(_ block: SlipBlock) -> Node<HTML.BodyContext> {
        switch block {
        case .paragraph(let p): return paragraph(p)
        case .table(let t): return table(t)
        }
    }

    static func paragraph(_ p: SlipParagraph, base: String = "line") -> Node<HTML.BodyContext> {
        var classes = [base, "align-\(p.alignment.cssName)"]
        if p.indentLevel > 0 { classes.append("indent-\(min(p.indentLevel, 3))") }
        if p.spaced { classes.append("spaced") }
        if p.isProse { classes.append("prose") }
        return .p(.class(classes.joined(separator: " ")), .group(p.runs.map(run)))
    }

    static func run(_ run: SlipRun) -> Node<HTML.BodyContext> {
        var node = text(run.text)
        if run.italic { node = .em(node) }
        if run.bold { node = .strong(node) }
        return node
    }

    /// Text with its line breaks as `<br>`.
    static func text(_ text: String) -> Node<HTML.BodyContext> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var nodes: [Node<HTML.BodyContext>] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { nodes.append(.br()) }
            nodes.append(.slipText(String(line)))
        }
        return .group(nodes)
    }

    static func table(_ table: SlipTable) -> Node<HTML.BodyContext> {
        let total = max(table.columnWidths.reduce(0, +), 1)
        let columns: [Node<HTML.TableContext>] = table.columnWidths.map { width in
            .selfClosedElement(named: "col", attributes: [Attribute<HTML.TableContext>(
                name: "style", value: "width: \(percent(width / total))")])
        }
        return .table(
            .class(table.compact ? "grid compact" : "grid"),
            .element(named: "colgroup", nodes: columns),
            .thead(.group(table.header.map { row in .tr(.group(row.map { cell($0, header: true) })) })),
            .tbody(.group(table.rows.map { row in .tr(.group(row.map { cell($0, header: false) })) }))
        )
    }

    static func cell(_ cell: SlipCell, header: Bool) -> Node<HTML.TableRowContext> {
        var classes: [String] = []
        if cell.verticalAlignment == .center { classes.append("middle") }
        if cell.isSignatureBox { classes.append("sign-box") }
        var content: [Node<HTML.BodyContext>] = [
            .if(!classes.isEmpty, .class(classes.joined(separator: " "))),
            .if(cell.columnSpan > 1, .attribute(named: "colspan", value: String(cell.columnSpan))),
            .if(cell.rowSpan > 1, .attribute(named: "rowspan", value: String(cell.rowSpan))),
        ]
        for (index, p) in cell.paragraphs.enumerated() {
            content.append(paragraph(p, base: "cell-line"))
            if cell.isSignatureBox, index == 0 { content.append(.div(.class("sign-space"))) }
        }
        return header ? .th(.group(content)) : .td(.group(content))
    }

    static func closing(_ closing: SlipClosing) -> Node<HTML.BodyContext> {
        var cells: [Node<HTML.TableRowContext>] = []
        if let recipients = closing.recipients {
            cells.append(.td(
                .class("recipients"),
                .p(.class("recipients-title"), .slipText("Nơi nhận:")),
                .group(recipients.map { .p(.slipText($0)) })
            ))
        } else if closing.signatures.count == 1 {
            cells.append(.td())
        }
        cells += closing.signatures.map(signature)
        guard !closing.signatures.isEmpty else { return .empty }
        return .table(.class("closing"), .tr(.group(cells)))
    }

    static func signature(_ signature: SlipSignature) -> Node<HTML.TableRowContext> {
        .td(
            .class("signature"),
            .group(signature.authority.map { .p(.class("sig-title"), .slipText($0)) }),
            .p(.class("sig-title"), .slipText(signature.title)),
            .unwrap(signature.instruction) { .p(.class("sig-instruction"), .slipText($0)) },
            .div(.class("sign-space")),
            .unwrap(signature.name) { .p(.class("sig-name"), .slipText($0)) }
        )
    }

    /// "29.0909%": a column's share of the table, for its `<col>` (computed from numbers, never from data).
    static func percent(_ share: Double) -> String {
        String(format: "%.4f%%", share * 100)
    }
}

extension Node {
    /// Text from the data, escaped. Plot escapes `<` and `>` but passes `&name;` through as an entity; the
    /// ampersand is escaped first so that text reads exactly as typed ("&lt;" stays "&lt;", not "<").
    static func slipText(_ text: String) -> Node {
        .text(text.replacingOccurrences(of: "&", with: "&amp;"))
    }
}

extension SlipAlignment {
    var cssName: String {
        switch self {
        case .left: return "left"
        case .center: return "center"
        case .right: return "right"
        case .justified: return "justify"
        }
    }
}
