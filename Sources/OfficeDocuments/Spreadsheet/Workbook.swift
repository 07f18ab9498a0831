/// An Excel workbook (.xlsx): one or more sheets and the font they are written in.
///
/// Build the model, then call `xlsxData()`. Texts are escaped when written and the same model always
/// gives the same bytes.
public struct Workbook: Hashable, Sendable {
    public var sheets: [Worksheet]
    /// Font of every cell (bold and italic are cell styles).
    public var font: Font
    public var properties: DocumentProperties

    public init(
        sheets: [Worksheet],
        font: Font = Font(name: "Times New Roman", size: 12),
        properties: DocumentProperties = DocumentProperties()
    ) {
        self.sheets = sheets
        self.font = font
        self.properties = properties
    }
}

/// One sheet: rows of cells from A1, merged ranges, column widths, frozen panes and print layout.
public struct Worksheet: Hashable, Sendable {
    public enum Orientation: Hashable, Sendable {
        case portrait, landscape
    }

    /// 1–31 characters, none of `[ ] : * ? / \`.
    public var name: String
    /// `rows[0]` is row 1; `rows[r].cells[0]` is column A.
    public var rows: [SheetRow]
    /// Only the top-left cell of a merged range shows its value; style the other cells too (borders).
    public var mergedRanges: [CellRange]
    /// Widths of columns A, B, … in characters of the default font, as Excel measures them.
    public var columnWidths: [Double]
    /// Rows kept in view when scrolling down (the table header), and columns kept when scrolling right.
    public var frozenRows: Int
    public var frozenColumns: Int
    /// Printed on A4 in this orientation, scaled to fit the page width when `fitToPageWidth` is set.
    public var orientation: Orientation
    public var fitToPageWidth: Bool

    public init(
        name: String,
        rows: [SheetRow],
        mergedRanges: [CellRange] = [],
        columnWidths: [Double] = [],
        frozenRows: Int = 0,
        frozenColumns: Int = 0,
        orientation: Orientation = .portrait,
        fitToPageWidth: Bool = false
    ) {
        self.name = name
        self.rows = rows
        self.mergedRanges = mergedRanges
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
        self.frozenColumns = frozenColumns
        self.orientation = orientation
        self.fitToPageWidth = fitToPageWidth
    }
}

public struct SheetRow: Hashable, Sendable, ExpressibleByArrayLiteral {
    public var cells: [SheetCell]
    /// Points; `nil` lets Excel size the row. Set it for rows of merged, wrapped header cells,
    /// which Excel does not grow by itself.
    public var height: Double?

    public init(_ cells: [SheetCell], height: Double? = nil) {
        self.cells = cells
        self.height = height
    }

    public init(arrayLiteral cells: SheetCell...) {
        self.init(cells)
    }
}

public struct SheetCell: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case text(String)
        case number(Double)
        case empty
    }

    public var value: Value
    public var style: CellStyle

    public init(_ value: Value, style: CellStyle = .normal) {
        self.value = value
        self.style = style
    }

    public static func text(_ text: String, style: CellStyle = .normal) -> SheetCell {
        SheetCell(.text(text), style: style)
    }

    public static func number(_ number: Double, style: CellStyle = .integer) -> SheetCell {
        SheetCell(.number(number), style: style)
    }

    public static func number(_ number: Int, style: CellStyle = .integer) -> SheetCell {
        SheetCell(.number(Double(number)), style: style)
    }

    /// A cell with no value, for instance inside a merged range, where it still carries borders.
    public static func empty(style: CellStyle = .normal) -> SheetCell {
        SheetCell(.empty, style: style)
    }
}

/// How a cell looks. Each distinct style used in a workbook becomes one entry of its styles.xml.
public struct CellStyle: Hashable, Sendable {
    public enum HorizontalAlignment: Hashable, Sendable {
        case general, left, center, right
    }

    public enum VerticalAlignment: Hashable, Sendable {
        case bottom, center, top
    }

    /// How numbers are shown. The separators follow the reader's locale: with Vietnamese settings
    /// Excel shows `#,##0` as "7.447" and `0.0%` as "72,3%".
    public enum NumberFormat: Hashable, Sendable {
        case general
        /// `#,##0`
        case integer
        /// `#,##0.0…` with this many decimals.
        case decimal(places: Int)
        /// `0.0…%` with this many decimals; the value 0.723 shows as 72.3%.
        case percent(places: Int)
    }

    public var bold: Bool
    public var italic: Bool
    public var wrap: Bool
    public var horizontal: HorizontalAlignment
    public var vertical: VerticalAlignment
    public var numberFormat: NumberFormat
    /// Thin lines on all four sides, as in the tables of statistical forms.
    public var bordered: Bool
    public var fill: RGBColor?

    public init(
        bold: Bool = false,
        italic: Bool = false,
        wrap: Bool = false,
        horizontal: HorizontalAlignment = .general,
        vertical: VerticalAlignment = .bottom,
        numberFormat: NumberFormat = .general,
        bordered: Bool = false,
        fill: RGBColor? = nil
    ) {
        self.bold = bold
        self.italic = italic
        self.wrap = wrap
        self.horizontal = horizontal
        self.vertical = vertical
        self.numberFormat = numberFormat
        self.bordered = bordered
        self.fill = fill
    }

    public static let normal = CellStyle()
    public static let bold = CellStyle(bold: true)
    /// Header cells of a statistical table: bold, centred both ways, wrapped, bordered.
    public static let header = CellStyle(bold: true, wrap: true, horizontal: .center, vertical: .center, bordered: true)
    /// Body text cells of a statistical table: wrapped, bordered.
    public static let tableText = CellStyle(wrap: true, vertical: .center, bordered: true)
    /// Counts: thousands separator, no decimals, bordered.
    public static let integer = CellStyle(vertical: .center, numberFormat: .integer, bordered: true)
    /// Rates: one decimal percentage, bordered.
    public static let percent = CellStyle(vertical: .center, numberFormat: .percent(places: 1), bordered: true)

    /// This style, made bold (for totals rows).
    public var bolded: CellStyle {
        var style = self
        style.bold = true
        return style
    }
}

/// A rectangle of cells, rows and columns counted from 1. Written as "A1:C3".
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var rows: ClosedRange<Int>
    public var columns: ClosedRange<Int>

    public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.rows = rows
        self.columns = columns
    }

    /// Parses "B2:D4" or "B2" (case-insensitive); throws `invalidCellRange` for anything else.
    public init(_ reference: String) throws {
        let corners = reference.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(corners.count),
              let first = CellReference.parse(corners[0]),
              let last = CellReference.parse(corners[corners.count - 1]),
              first.row <= last.row, first.column <= last.column
        else { throw OfficeDocumentError.invalidCellRange(reference) }
        self.init(rows: first.row...last.row, columns: first.column...last.column)
    }

    public var description: String {
        let first = CellReference.name(row: rows.lowerBound, column: columns.lowerBound)
        let last = CellReference.name(row: rows.upperBound, column: columns.upperBound)
        return first == last ? first : "\(first):\(last)"
    }

    func overlaps(_ other: CellRange) -> Bool {
        rows.overlaps(other.rows) && columns.overlaps(other.columns)
    }
}

/// A1-style names of cells.
enum CellReference {
    static let maximumRow = 1_048_576
    static let maximumColumn = 16_384

    /// 1 → "A", 26 → "Z", 27 → "AA".
    static func columnName(_ column: Int) -> String {
        var name = ""
        var remaining = column
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            name.insert(Character(Unicode.Scalar(UInt8(65 + digit))), at: name.startIndex)
            remaining = (remaining - 1) / 26
        }
        return name
    }

    static func name(row: Int, column: Int) -> String {
        columnName(column) + String(row)
    }

    /// "C12" → (row 12, column 3), within the sheet's limits.
    static func parse(_ text: Substring) -> (row: Int, column: Int)? {
        let letters = text.prefix { $0.isASCII && $0.isLetter }
        let digits = text.dropFirst(letters.count)
        guard (1...3).contains(letters.count), !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              digits.first != "0", let row = Int(digits), row <= maximumRow
        else { return nil }
        let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        guard column <= maximumColumn else { return nil }
        return (row, column)
    }
}
