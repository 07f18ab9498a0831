import Foundation

extension Workbook {
    /// The workbook as the bytes of an .xlsx file.
    ///
    /// Throws `OfficeDocumentError` for a model Excel would reject or "repair": no sheets, an invalid or
    /// repeated sheet name, overlapping merges, a NaN or infinite number, a sheet beyond Excel's limits.
    public func xlsxData() throws -> Data {
        guard !sheets.isEmpty else { throw OfficeDocumentError.workbookWithoutSheets }
        try validateSheetNames()

        var styles = SpreadsheetStyles()
        var sharedStrings = SharedStrings()
        var sheetParts: [PackagePart] = []
        for (index, sheet) in sheets.enumerated() {
            var writer = WorksheetWriter(sheet: sheet, isFirst: index == 0)
            sheetParts.append(try writer.part(number: index + 1, styles: &styles, sharedStrings: &sharedStrings))
        }

        var relationships = sheets.indices.map { index in
            Relationship(id: "rId\(index + 1)", type: RelationshipType.worksheet, target: "worksheets/sheet\(index + 1).xml")
        }
        relationships.append(Relationship(id: "rId\(sheets.count + 1)", type: RelationshipType.styles, target: "styles.xml"))
        relationships.append(
            Relationship(id: "rId\(sheets.count + 2)", type: RelationshipType.sharedStrings, target: "sharedStrings.xml")
        )

        return try OpenPackage.zip(
            [
                OpenPackage.rootRelationships(mainPart: "xl/workbook.xml"),
                properties.corePart(),
                properties.appPart(),
                workbookPart(),
                OpenPackage.relationships(at: "xl/_rels/workbook.xml.rels", relationships),
            ] + sheetParts + [
                try styles.part(font: font),
                sharedStrings.part(),
            ]
        )
    }

    /// Excel's rules: 1–31 characters, none of `[]:*?/\`, no leading or trailing apostrophe, and unique
    /// ignoring case.
    private func validateSheetNames() throws {
        var seen = Set<String>()
        for sheet in sheets {
            let name = sheet.name
            guard (1...31).contains(name.count),
                  !name.contains(where: { "[]:*?/\\".contains($0) }),
                  !name.hasPrefix("'"), !name.hasSuffix("'")
            else { throw OfficeDocumentError.invalidSheetName(name) }
            guard seen.insert(name.lowercased()).inserted else { throw OfficeDocumentError.duplicateSheetName(name) }
        }
    }

    /// `xl/workbook.xml`: the sheets in order.
    private func workbookPart() -> PackagePart {
        var xml = XMLWriter()
        xml.element("workbook", [("xmlns", Namespace.spreadsheetML), ("xmlns:r", Namespace.officeRelationships)]) { xml in
            xml.element("bookViews") { xml in xml.emptyElement("workbookView", [("activeTab", "0")]) }
            xml.element("sheets") { xml in
                for (index, sheet) in sheets.enumerated() {
                    xml.emptyElement("sheet", [("name", sheet.name), ("sheetId", String(index + 1)), ("r:id", "rId\(index + 1)")])
                }
            }
        }
        return PackagePart(
            path: "xl/workbook.xml",
            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            xml: xml
        )
    }
}

/// Writes one `xl/worksheets/sheetN.xml`, in the element order the schema requires.
private struct WorksheetWriter {
    let sheet: Worksheet
    let isFirst: Bool

    mutating func part(number: Int, styles: inout SpreadsheetStyles, sharedStrings: inout SharedStrings) throws -> PackagePart {
        let merges = try validatedMerges()
        try validateLayout()
        let used = usedRange(merges: merges)

        var xml = XMLWriter()
        try xml.element("worksheet", [("xmlns", Namespace.spreadsheetML), ("xmlns:r", Namespace.officeRelationships)]) { xml in
            if sheet.fitToPageWidth {
                xml.element("sheetPr") { xml in xml.emptyElement("pageSetUpPr", [("fitToPage", "1")]) }
            }
            xml.emptyElement("dimension", [("ref", used.description)])
            writeView(to: &xml)
            if !sheet.columnWidths.isEmpty {
                xml.element("cols") { xml in
                    for (index, width) in sheet.columnWidths.enumerated() {
                        xml.emptyElement("col", [
                            ("min", String(index + 1)), ("max", String(index + 1)),
                            ("width", String(width)), ("customWidth", "1"),
                        ])
                    }
                }
            }
            try xml.element("sheetData") { xml in
                for (index, row) in sheet.rows.enumerated() {
                    try write(row, number: index + 1, styles: &styles, sharedStrings: &sharedStrings, to: &xml)
                }
            }
            if !merges.isEmpty {
                xml.element("mergeCells", [("count", String(merges.count))]) { xml in
                    for range in merges { xml.emptyElement("mergeCell", [("ref", range.description)]) }
                }
            }
            xml.emptyElement("pageMargins", [
                ("left", "0.5"), ("right", "0.5"), ("top", "0.75"), ("bottom", "0.75"), ("header", "0.3"), ("footer", "0.3"),
            ])
            var pageSetup: [XMLAttribute] = [
                ("paperSize", "9"),  // A4
                ("orientation", sheet.orientation == .landscape ? "landscape" : "portrait"),
            ]
            if sheet.fitToPageWidth { pageSetup += [("fitToWidth", "1"), ("fitToHeight", "0")] }
            xml.emptyElement("pageSetup", pageSetup)
        }
        return PackagePart(
            path: "xl/worksheets/sheet\(number).xml",
            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
            xml: xml
        )
    }

    /// The sheet view, with a frozen pane when rows or columns are frozen.
    private func writeView(to xml: inout XMLWriter) {
        let viewAttributes: [XMLAttribute] = isFirst
            ? [("tabSelected", "1"), ("workbookViewId", "0")]
            : [("workbookViewId", "0")]
        xml.element("sheetViews") { xml in
            xml.element("sheetView", viewAttributes) { xml in
                let (rows, columns) = (sheet.frozenRows, sheet.frozenColumns)
                guard rows > 0 || columns > 0 else { return }
                let topLeft = CellReference.name(row: rows + 1, column: columns + 1)
                let activePane = switch (rows > 0, columns > 0) {
                case (true, true): "bottomRight"
                case (true, false): "bottomLeft"
                default: "topRight"
                }
                var pane: [XMLAttribute] = []
                if columns > 0 { pane.append(("xSplit", String(columns))) }
                if rows > 0 { pane.append(("ySplit", String(rows))) }
                pane += [("topLeftCell", topLeft), ("activePane", activePane), ("state", "frozen")]
                xml.emptyElement("pane", pane)
                xml.emptyElement("selection", [("pane", activePane), ("activeCell", topLeft), ("sqref", topLeft)])
            }
        }
    }

    private func write(
        _ row: SheetRow,
        number: Int,
        styles: inout SpreadsheetStyles,
        sharedStrings: inout SharedStrings,
        to xml: inout XMLWriter
    ) throws {
        // Cells that hold nothing and look like nothing are left out, as Excel does.
        let written = row.cells.enumerated().filter { $0.element.value != .empty || $0.element.style != .normal }
        guard !written.isEmpty || row.height != nil else { return }
        var attributes: [XMLAttribute] = [("r", String(number))]
        if let height = row.height {
            attributes += [("ht", String(height)), ("customHeight", "1")]
        }
        try xml.element("row", attributes) { xml in
            for (columnIndex, cell) in written {
                let reference = CellReference.name(row: number, column: columnIndex + 1)
                var cellAttributes: [XMLAttribute] = [("r", reference)]
                let style = styles.index(of: cell.style)
                if style != 0 { cellAttributes.append(("s", String(style))) }
                switch cell.value {
                case .empty:
                    xml.emptyElement("c", cellAttributes)
                case .text(let text):
                    cellAttributes.append(("t", "s"))
                    let index = sharedStrings.index(of: text)
                    xml.element("c", cellAttributes) { xml in xml.element("v", text: String(index)) }
                case .number(let value):
                    guard value.isFinite else {
                        throw OfficeDocumentError.invalidMeasurement("sheet \"\(sheet.name)\" cell \(reference) = \(value)")
                    }
                    xml.element("c", cellAttributes) { xml in xml.element("v", text: Self.numberText(value)) }
                }
            }
        }
    }

    /// Whole numbers without a trailing ".0" (7447, not 7447.0); others in the shortest form that reads
    /// back as the same Double.
    private static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    private func validatedMerges() throws -> [CellRange] {
        for range in sheet.mergedRanges {
            guard range.rows.lowerBound >= 1, range.columns.lowerBound >= 1,
                  range.rows.upperBound <= CellReference.maximumRow,
                  range.columns.upperBound <= CellReference.maximumColumn,
                  range.rows.count > 1 || range.columns.count > 1
            else { throw OfficeDocumentError.invalidCellRange(range.description) }
        }
        for (index, range) in sheet.mergedRanges.enumerated() {
            if let other = sheet.mergedRanges[(index + 1)...].first(where: range.overlaps) {
                throw OfficeDocumentError.overlappingMergedRanges(sheet: sheet.name, range.description, other.description)
            }
        }
        return sheet.mergedRanges
    }

    private func validateLayout() throws {
        let widestRow = sheet.rows.map(\.cells.count).max() ?? 0
        guard sheet.rows.count <= CellReference.maximumRow, widestRow <= CellReference.maximumColumn,
              sheet.columnWidths.count <= CellReference.maximumColumn,
              (0..<CellReference.maximumRow).contains(sheet.frozenRows),
              (0..<CellReference.maximumColumn).contains(sheet.frozenColumns)
        else { throw OfficeDocumentError.sheetTooLarge(sheet: sheet.name) }
        for (index, width) in sheet.columnWidths.enumerated() where !(width.isFinite && (0...255).contains(width)) {
            throw OfficeDocumentError.invalidMeasurement(
                "sheet \"\(sheet.name)\" column \(CellReference.columnName(index + 1)) width = \(width)"
            )
        }
        for (index, row) in sheet.rows.enumerated() {
            if let height = row.height, !(height.isFinite && (0...409).contains(height)) {
                throw OfficeDocumentError.invalidMeasurement("sheet \"\(sheet.name)\" row \(index + 1) height = \(height)")
            }
        }
    }

    /// The smallest range holding every written cell and merge, for `<dimension>`; "A1" for an empty sheet.
    private func usedRange(merges: [CellRange]) -> CellRange {
        var lastRow = 1
        var lastColumn = 1
        for (index, row) in sheet.rows.enumerated() where !row.cells.isEmpty {
            lastRow = max(lastRow, index + 1)
            lastColumn = max(lastColumn, row.cells.count)
        }
        for range in merges {
            lastRow = max(lastRow, range.rows.upperBound)
            lastColumn = max(lastColumn, range.columns.upperBound)
        }
        return CellRange(rows: 1...lastRow, columns: 1...lastColumn)
    }
}

/// The workbook's shared string table: each distinct text once, in order of first use.
private struct SharedStrings {
    private var strings: [String] = []
    private var indexByString: [String: Int] = [:]
    private var references = 0

    mutating func index(of text: String) -> Int {
        references += 1
        if let index = indexByString[text] { return index }
        strings.append(text)
        indexByString[text] = strings.count - 1
        return strings.count - 1
    }

    /// `xl/sharedStrings.xml`
    func part() -> PackagePart {
        var xml = XMLWriter()
        xml.element("sst", [
            ("xmlns", Namespace.spreadsheetML), ("count", String(references)), ("uniqueCount", String(strings.count)),
        ]) { xml in
            for text in strings {
                xml.element("si") { xml in
                    xml.element("t", [("xml:space", "preserve")], text: Self.protectingEscapes(text))
                }
            }
        }
        return PackagePart(
            path: "xl/sharedStrings.xml",
            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
            xml: xml
        )
    }

    /// Excel reads `_xHHHH_` in a string as the character U+HHHH. To keep such text literally, its leading
    /// underscore is itself written as the escape `_x005F_`.
    static func protectingEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_", index + 6 < scalars.count, scalars[index + 1] == "x" || scalars[index + 1] == "X",
               scalars[(index + 2)...(index + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }), scalars[index + 6] == "_" {
                result.append(contentsOf: "_x005F".unicodeScalars)
            }
            result.append(scalar)
        }
        return String(result)
    }
}
