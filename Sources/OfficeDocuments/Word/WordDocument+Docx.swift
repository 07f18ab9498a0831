import Foundation

extension WordDocument {
    /// The document as the bytes of a .docx file.
    ///
    /// Throws `OfficeDocumentError` for a model Word would reject or misread (a table row that does not
    /// fill the table's columns, a footnote inside a footnote, a NaN length, …).
    public func docxData() throws -> Data {
        var body = WordBodyWriter(document: self)
        let documentPart = try body.documentPart()
        let footnotesPart = try body.footnotesPart()

        var documentRelationships = [
            Relationship(id: "rId1", type: RelationshipType.styles, target: "styles.xml"),
            Relationship(id: "rId2", type: RelationshipType.settings, target: "settings.xml"),
            Relationship(id: "rId3", type: RelationshipType.footnotes, target: "footnotes.xml"),
        ]
        var pageNumberParts: [PackagePart] = []
        if pageNumbering != .none {
            documentRelationships.append(
                Relationship(id: WordBodyWriter.headerRelationshipID, type: RelationshipType.header, target: "header1.xml")
            )
            pageNumberParts.append(WordParts.pageNumberHeader())
        }

        return try OpenPackage.zip(
            [
                OpenPackage.rootRelationships(mainPart: "word/document.xml"),
                properties.corePart(),
                properties.appPart(),
                documentPart,
                OpenPackage.relationships(at: "word/_rels/document.xml.rels", documentRelationships),
                try WordParts.styles(font: font, footnoteFontSize: footnoteFontSize, language: properties.language),
                WordParts.settings(),
                footnotesPart,
            ] + pageNumberParts
        )
    }
}

/// Writes the body (and the footnotes it refers to) as WordprocessingML.
///
/// Footnotes are numbered while the body is written, in reading order, then written to their own part.
/// Child elements follow the order the schema requires (Word refuses files that do not).
struct WordBodyWriter {
    static let headerRelationshipID = "rId4"

    let document: WordDocument
    private var footnotes: [Footnote] = []
    private var writingFootnotes = false
    private var tablesWritten = 0

    init(document: WordDocument) {
        self.document = document
    }

    // MARK: Parts

    /// `word/document.xml`
    mutating func documentPart() throws -> PackagePart {
        var xml = XMLWriter()
        try xml.element("w:document", [("xmlns:w", Namespace.wordprocessingML), ("xmlns:r", Namespace.officeRelationships)]) { xml in
            try xml.element("w:body") { xml in
                for block in document.body {
                    try write(block, to: &xml)
                }
                // Word wants the body to end with a paragraph; after a final table it would add one itself.
                if case .table = document.body.last {
                    try write(Paragraph(), to: &xml)
                }
                try writeSection(to: &xml)
            }
        }
        return PackagePart(
            path: "word/document.xml",
            contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            xml: xml
        )
    }

    /// `word/footnotes.xml`, after `documentPart()` has numbered the footnotes. Always written, with the two
    /// separator footnotes (ids -1 and 0) that Word draws above the notes and expects to find.
    mutating func footnotesPart() throws -> PackagePart {
        writingFootnotes = true
        var xml = XMLWriter()
        try xml.element("w:footnotes", [("xmlns:w", Namespace.wordprocessingML), ("xmlns:r", Namespace.officeRelationships)]) { xml in
            for (id, kind) in [("-1", "separator"), ("0", "continuationSeparator")] {
                xml.element("w:footnote", [("w:type", kind), ("w:id", id)]) { xml in
                    xml.element("w:p") { xml in
                        xml.element("w:pPr") { xml in
                            xml.emptyElement("w:spacing", [("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")])
                        }
                        xml.element("w:r") { xml in
                            if kind == "separator" { xml.emptyElement("w:separator") } else { xml.emptyElement("w:continuationSeparator") }
                        }
                    }
                }
            }
            for (index, footnote) in footnotes.enumerated() {
                try xml.element("w:footnote", [("w:id", String(index + 1))]) { xml in
                    let paragraphs = footnote.paragraphs.isEmpty ? [Paragraph()] : footnote.paragraphs
                    for (number, paragraph) in paragraphs.enumerated() {
                        try write(paragraph, style: "FootnoteText", startsFootnote: number == 0, to: &xml)
                    }
                }
            }
        }
        return PackagePart(
            path: "word/footnotes.xml",
            contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            xml: xml
        )
    }

    // MARK: Blocks

    private mutating func write(_ block: WordDocument.Block, to xml: inout XMLWriter) throws {
        switch block {
        case .paragraph(let paragraph):
            try write(paragraph, to: &xml)
        case .table(let table):
            try write(table, to: &xml)
        case .pageBreak:
            xml.element("w:p") { xml in
                xml.element("w:r") { xml in xml.emptyElement("w:br", [("w:type", "page")]) }
            }
        }
    }

    private mutating func write(
        _ paragraph: Paragraph,
        style: String? = nil,
        startsFootnote: Bool = false,
        to xml: inout XMLWriter
    ) throws {
        try xml.element("w:p") { xml in
            try writeProperties(of: paragraph, style: style, to: &xml)
            if startsFootnote {
                // The footnote's own number at the start of its text, then a space, as Word writes it.
                xml.element("w:r") { xml in
                    xml.element("w:rPr") { xml in xml.emptyElement("w:rStyle", [("w:val", "FootnoteReference")]) }
                    xml.emptyElement("w:footnoteRef")
                }
                xml.element("w:r") { xml in xml.element("w:t", [("xml:space", "preserve")], text: " ") }
            }
            for run in paragraph.runs {
                try write(run, to: &xml)
            }
        }
    }

    private func writeProperties(of paragraph: Paragraph, style: String?, to xml: inout XMLWriter) throws {
        let spacing = paragraph.spacing
        let lineAttributes: [XMLAttribute] = switch spacing.line {
        case .multiple(let multiple):
            [("w:line", String(try Units.lineMultiple(multiple, "line spacing"))), ("w:lineRule", "auto")]
        case .atLeast(let points):
            [("w:line", String(try Units.twips(points: points, "line spacing"))), ("w:lineRule", "atLeast")]
        case .exactly(let points):
            [("w:line", String(try Units.twips(points: points, "line spacing"))), ("w:lineRule", "exact")]
        }
        let spacingAttributes: [XMLAttribute] = [
            ("w:before", String(try Units.twips(points: spacing.before, "space before"))),
            ("w:after", String(try Units.twips(points: spacing.after, "space after"))),
        ] + lineAttributes

        let indent = paragraph.indentation
        var indentAttributes: [XMLAttribute] = []
        if indent.left != 0 { indentAttributes.append(("w:left", String(try Units.twips(millimetres: indent.left, "left indent")))) }
        if indent.right != 0 { indentAttributes.append(("w:right", String(try Units.twips(millimetres: indent.right, "right indent")))) }
        if indent.firstLine > 0 {
            indentAttributes.append(("w:firstLine", String(try Units.twips(millimetres: indent.firstLine, "first-line indent"))))
        } else if indent.firstLine < 0 {
            indentAttributes.append(("w:hanging", String(try Units.twips(millimetres: -indent.firstLine, "hanging indent"))))
        }

        xml.element("w:pPr") { xml in
            if let style { xml.emptyElement("w:pStyle", [("w:val", style)]) }
            if paragraph.keepWithNext { xml.emptyElement("w:keepNext") }
            if paragraph.topBorder {
                xml.element("w:pBdr") { xml in
                    xml.emptyElement("w:top", [("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "auto")])
                }
            }
            xml.emptyElement("w:spacing", spacingAttributes)
            if !indentAttributes.isEmpty { xml.emptyElement("w:ind", indentAttributes) }
            if paragraph.alignment != .left { xml.emptyElement("w:jc", [("w:val", paragraph.alignment.wordValue)]) }
            if let level = paragraph.outlineLevel {
                // Word knows levels 0–8; 9 means body text.
                xml.emptyElement("w:outlineLvl", [("w:val", String(min(max(level, 0), 9)))])
            }
        }
    }

    // MARK: Runs

    private mutating func write(_ run: Run, to xml: inout XMLWriter) throws {
        switch run.content {
        case .text(let text):
            guard !text.isEmpty else { return }
            try xml.element("w:r") { xml in
                try writeProperties(of: run, characterStyle: nil, to: &xml)
                writeText(text, to: &xml)
            }
        case .footnote(let footnote):
            guard !writingFootnotes else { throw OfficeDocumentError.footnoteInsideFootnote }
            footnotes.append(footnote)
            let id = footnotes.count
            try xml.element("w:r") { xml in
                try writeProperties(of: run, characterStyle: "FootnoteReference", to: &xml)
                xml.emptyElement("w:footnoteReference", [("w:id", String(id))])
            }
        }
    }

    private func writeProperties(of run: Run, characterStyle: String?, to xml: inout XMLWriter) throws {
        let halfPoints = try run.size.map { try Units.halfPoints($0, "font size") }
        guard characterStyle != nil || run.bold || run.italic || run.underline || halfPoints != nil else { return }
        xml.element("w:rPr") { xml in
            if let characterStyle { xml.emptyElement("w:rStyle", [("w:val", characterStyle)]) }
            if run.bold {
                xml.emptyElement("w:b")
                xml.emptyElement("w:bCs")
            }
            if run.italic {
                xml.emptyElement("w:i")
                xml.emptyElement("w:iCs")
            }
            if let halfPoints {
                xml.emptyElement("w:sz", [("w:val", String(halfPoints))])
                xml.emptyElement("w:szCs", [("w:val", String(halfPoints))])
            }
            if run.underline { xml.emptyElement("w:u", [("w:val", "single")]) }
        }
    }

    /// Text goes into `w:t`; a line break (`\n`, `\r\n` or `\r`) becomes `w:br` and a tab `w:tab`,
    /// because Word shows those characters inside `w:t` as spaces.
    private func writeText(_ text: String, to xml: inout XMLWriter) {
        var pending = ""
        func flush(_ xml: inout XMLWriter) {
            guard !pending.isEmpty else { return }
            xml.element("w:t", [("xml:space", "preserve")], text: pending)
            pending = ""
        }
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCarriageReturn:
                continue
            case "\n", "\r":
                flush(&xml)
                xml.emptyElement("w:br")
            case "\t":
                flush(&xml)
                xml.emptyElement("w:tab")
            default:
                pending.unicodeScalars.append(scalar)
            }
        }
        flush(&xml)
    }

    // MARK: Tables

    private mutating func write(_ table: Table, to xml: inout XMLWriter) throws {
        tablesWritten += 1
        let tableNumber = tablesWritten
        guard !table.columnWidths.isEmpty else {
            throw OfficeDocumentError.invalidMeasurement("table \(tableNumber) has no columns")
        }
        let widths = try table.columnWidths.map { try Units.twips(millimetres: $0, "table \(tableNumber) column width") }
        guard widths.allSatisfy({ $0 > 0 }) else {
            throw OfficeDocumentError.invalidMeasurement("table \(tableNumber) has a column width of 0 or less")
        }

        try xml.element("w:tbl") { xml in
            xml.element("w:tblPr") { xml in
                xml.emptyElement("w:tblW", [("w:w", String(widths.reduce(0, +))), ("w:type", "dxa")])
                xml.emptyElement("w:jc", [("w:val", table.alignment == .justified ? "left" : table.alignment.wordValue)])
                xml.element("w:tblBorders") { xml in
                    let border: [XMLAttribute] = table.borders
                        ? [("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "auto")]
                        : [("w:val", "nil")]
                    xml.emptyElement("w:top", border)
                    xml.emptyElement("w:left", border)
                    xml.emptyElement("w:bottom", border)
                    xml.emptyElement("w:right", border)
                    xml.emptyElement("w:insideH", border)
                    xml.emptyElement("w:insideV", border)
                }
                // Fixed layout: the widths above are kept instead of being recomputed from the content.
                xml.emptyElement("w:tblLayout", [("w:type", "fixed")])
            }
            xml.element("w:tblGrid") { xml in
                for width in widths { xml.emptyElement("w:gridCol", [("w:w", String(width))]) }
            }
            for (rowIndex, row) in table.rows.enumerated() {
                try write(row, number: rowIndex + 1, columnWidths: widths, tableNumber: tableNumber, to: &xml)
            }
        }
    }

    private mutating func write(
        _ row: TableRow,
        number: Int,
        columnWidths: [Int],
        tableNumber: Int,
        to xml: inout XMLWriter
    ) throws {
        let spanned = row.cells.reduce(0) { $0 + $1.columnSpan }
        guard spanned == columnWidths.count, row.cells.allSatisfy({ $0.columnSpan >= 1 }) else {
            throw OfficeDocumentError.tableRowDoesNotFillColumns(
                table: tableNumber, row: number, columns: columnWidths.count, spanned: spanned
            )
        }
        try xml.element("w:tr") { xml in
            if row.cantSplit || row.isHeader {
                xml.element("w:trPr") { xml in
                    if row.cantSplit { xml.emptyElement("w:cantSplit") }
                    if row.isHeader { xml.emptyElement("w:tblHeader") }
                }
            }
            var column = 0
            for cell in row.cells {
                let width = columnWidths[column..<(column + cell.columnSpan)].reduce(0, +)
                column += cell.columnSpan
                try write(cell, width: width, to: &xml)
            }
        }
    }

    private mutating func write(_ cell: TableCell, width: Int, to xml: inout XMLWriter) throws {
        try xml.element("w:tc") { xml in
            xml.element("w:tcPr") { xml in
                xml.emptyElement("w:tcW", [("w:w", String(width)), ("w:type", "dxa")])
                if cell.columnSpan > 1 { xml.emptyElement("w:gridSpan", [("w:val", String(cell.columnSpan))]) }
                switch cell.verticalMerge {
                case .restart: xml.emptyElement("w:vMerge", [("w:val", "restart")])
                case .continue: xml.emptyElement("w:vMerge")
                case nil: break
                }
                if let shading = cell.shading {
                    xml.emptyElement("w:shd", [("w:val", "clear"), ("w:color", "auto"), ("w:fill", shading.hex)])
                }
                xml.emptyElement("w:vAlign", [("w:val", cell.verticalAlignment.wordValue)])
            }
            // A cell must end with a paragraph, even an empty one.
            for paragraph in cell.paragraphs.isEmpty ? [Paragraph()] : cell.paragraphs {
                try write(paragraph, to: &xml)
            }
        }
    }

    // MARK: Section

    private func writeSection(to xml: inout XMLWriter) throws {
        let page = document.page
        let width = try Units.twips(millimetres: page.width, "page width")
        let height = try Units.twips(millimetres: page.height, "page height")
        let margins = page.margins
        let marginAttributes: [XMLAttribute] = [
            ("w:top", String(try Units.twips(millimetres: margins.top, "top margin"))),
            ("w:right", String(try Units.twips(millimetres: margins.right, "right margin"))),
            ("w:bottom", String(try Units.twips(millimetres: margins.bottom, "bottom margin"))),
            ("w:left", String(try Units.twips(millimetres: margins.left, "left margin"))),
            // Headers and footers sit 10 mm from the paper's edge, inside Decree 30's 20 mm top margin.
            ("w:header", "567"), ("w:footer", "567"), ("w:gutter", "0"),
        ]
        xml.element("w:sectPr") { xml in
            if document.pageNumbering != .none {
                xml.emptyElement("w:headerReference", [("w:type", "default"), ("r:id", Self.headerRelationshipID)])
            }
            var size: [XMLAttribute] = [("w:w", String(width)), ("w:h", String(height))]
            if width > height { size.append(("w:orient", "landscape")) }
            xml.emptyElement("w:pgSz", size)
            xml.emptyElement("w:pgMar", marginAttributes)
            // A first-page header that is absent is blank: the number starts on page 2.
            if case .topCenter(skipFirstPage: true) = document.pageNumbering { xml.emptyElement("w:titlePg") }
        }
    }
}

extension Paragraph.Alignment {
    var wordValue: String {
        switch self {
        case .left: "left"
        case .center: "center"
        case .right: "right"
        case .justified: "both"
        }
    }
}

extension TableCell.VerticalAlignment {
    var wordValue: String {
        switch self {
        case .top: "top"
        case .center: "center"
        case .bottom: "bottom"
        }
    }
}
