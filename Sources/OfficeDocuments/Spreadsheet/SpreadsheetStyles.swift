/// The style table of a workbook: each distinct `CellStyle` used becomes one `xf` of styles.xml, numbered in
/// order of first use so the output is deterministic. Index 0 is always the plain default style.
struct SpreadsheetStyles {
    private(set) var cellStyles: [CellStyle] = [.normal]
    private var indexByStyle: [CellStyle: Int] = [.normal: 0]

    /// The `s` attribute of a cell with this style.
    mutating func index(of style: CellStyle) -> Int {
        if let index = indexByStyle[style] { return index }
        cellStyles.append(style)
        indexByStyle[style] = cellStyles.count - 1
        return cellStyles.count - 1
    }

    /// `xl/styles.xml`
    func part(font: Font) throws -> PackagePart {
        let numberFormats = try NumberFormats(cellStyles.map(\.numberFormat))
        let fills = cellStyles.compactMap(\.fill).uniqued()
        guard font.size.isFinite, font.size > 0, font.size < 410 else {
            throw OfficeDocumentError.invalidMeasurement("workbook font size = \(font.size)")
        }
        let size = String(font.size)

        var xml = XMLWriter()
        xml.element("styleSheet", [("xmlns", Namespace.spreadsheetML)]) { xml in
            if !numberFormats.custom.isEmpty {
                xml.element("numFmts", [("count", String(numberFormats.custom.count))]) { xml in
                    for (id, code) in numberFormats.custom {
                        xml.emptyElement("numFmt", [("numFmtId", String(id)), ("formatCode", code)])
                    }
                }
            }
            // Four fonts, indexed by `fontIndex(of:)`: regular, bold, italic, bold italic.
            xml.element("fonts", [("count", "4")]) { xml in
                for (bold, italic) in [(false, false), (true, false), (false, true), (true, true)] {
                    xml.element("font") { xml in
                        if bold { xml.emptyElement("b") }
                        if italic { xml.emptyElement("i") }
                        xml.emptyElement("sz", [("val", size)])
                        xml.emptyElement("name", [("val", font.name)])
                        xml.emptyElement("family", [("val", "1")])
                    }
                }
            }
            // The first two fills are reserved by Excel (none, gray125); the styles' colours follow.
            xml.element("fills", [("count", String(2 + fills.count))]) { xml in
                xml.element("fill") { xml in xml.emptyElement("patternFill", [("patternType", "none")]) }
                xml.element("fill") { xml in xml.emptyElement("patternFill", [("patternType", "gray125")]) }
                for color in fills {
                    xml.element("fill") { xml in
                        xml.element("patternFill", [("patternType", "solid")]) { xml in
                            xml.emptyElement("fgColor", [("rgb", "FF" + color.hex)])
                            xml.emptyElement("bgColor", [("indexed", "64")])
                        }
                    }
                }
            }
            // Two borders: none, and thin on all four sides.
            xml.element("borders", [("count", "2")]) { xml in
                for thin in [false, true] {
                    xml.element("border") { xml in
                        for side: StaticString in ["left", "right", "top", "bottom"] {
                            if thin {
                                xml.element(side, [("style", "thin")]) { xml in xml.emptyElement("color", [("auto", "1")]) }
                            } else {
                                xml.emptyElement(side)
                            }
                        }
                        xml.emptyElement("diagonal")
                    }
                }
            }
            xml.element("cellStyleXfs", [("count", "1")]) { xml in
                xml.emptyElement("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")])
            }
            xml.element("cellXfs", [("count", String(cellStyles.count))]) { xml in
                for style in cellStyles {
                    writeFormat(of: style, numberFormatID: numberFormats.id(of: style.numberFormat),
                                fillID: style.fill.flatMap { fills.firstIndex(of: $0) }.map { $0 + 2 } ?? 0, to: &xml)
                }
            }
            xml.element("cellStyles", [("count", "1")]) { xml in
                xml.emptyElement("cellStyle", [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")])
            }
        }
        return PackagePart(
            path: "xl/styles.xml",
            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
            xml: xml
        )
    }

    private func writeFormat(of style: CellStyle, numberFormatID: Int, fillID: Int, to xml: inout XMLWriter) {
        let fontID = (style.bold ? 1 : 0) + (style.italic ? 2 : 0)
        let borderID = style.bordered ? 1 : 0
        var alignment: [XMLAttribute] = []
        switch style.horizontal {
        case .general: break
        case .left: alignment.append(("horizontal", "left"))
        case .center: alignment.append(("horizontal", "center"))
        case .right: alignment.append(("horizontal", "right"))
        }
        switch style.vertical {
        case .bottom: break
        case .center: alignment.append(("vertical", "center"))
        case .top: alignment.append(("vertical", "top"))
        }
        if style.wrap { alignment.append(("wrapText", "1")) }

        var attributes: [XMLAttribute] = [
            ("numFmtId", String(numberFormatID)), ("fontId", String(fontID)),
            ("fillId", String(fillID)), ("borderId", String(borderID)), ("xfId", "0"),
        ]
        if numberFormatID != 0 { attributes.append(("applyNumberFormat", "1")) }
        if fontID != 0 { attributes.append(("applyFont", "1")) }
        if fillID != 0 { attributes.append(("applyFill", "1")) }
        if borderID != 0 { attributes.append(("applyBorder", "1")) }
        if alignment.isEmpty {
            xml.emptyElement("xf", attributes)
        } else {
            attributes.append(("applyAlignment", "1"))
            xml.element("xf", attributes) { xml in xml.emptyElement("alignment", alignment) }
        }
    }
}

/// Number format ids: Excel's built-in ids where one exists, custom ids from 164 for the rest.
private struct NumberFormats {
    private(set) var custom: [(id: Int, code: String)] = []

    init(_ formats: [CellStyle.NumberFormat]) throws {
        for format in formats {
            guard Self.builtInID(of: format) == nil else { continue }
            let code = try Self.code(of: format)
            if !custom.contains(where: { $0.code == code }) {
                custom.append((164 + custom.count, code))
            }
        }
    }

    func id(of format: CellStyle.NumberFormat) -> Int {
        if let builtIn = Self.builtInID(of: format) { return builtIn }
        let code = (try? Self.code(of: format)) ?? ""
        return custom.first { $0.code == code }?.id ?? 0
    }

    private static func builtInID(of format: CellStyle.NumberFormat) -> Int? {
        switch format {
        case .general: 0
        case .integer, .decimal(places: 0): 3
        case .decimal(places: 2): 4
        case .percent(places: 0): 9
        case .percent(places: 2): 10
        default: nil
        }
    }

    private static func code(of format: CellStyle.NumberFormat) throws -> String {
        switch format {
        case .general: return "General"
        case .integer: return "#,##0"
        case .decimal(let places): return "#,##0" + (try decimals(places))
        case .percent(let places): return "0" + (try decimals(places)) + "%"
        }
    }

    private static func decimals(_ places: Int) throws -> String {
        guard (0...15).contains(places) else {
            throw OfficeDocumentError.invalidMeasurement("number format with \(places) decimal places")
        }
        return places == 0 ? "" : "." + String(repeating: "0", count: places)
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, in order of first appearance.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
