/// A table with fixed column widths, as official documents need them to print the same everywhere.
public struct Table: Hashable, Sendable {
    /// Millimetres, one per grid column.
    public var columnWidths: [Double]
    public var rows: [TableRow]
    /// Thin single lines around and between all cells; `false` for layout tables such as the header block.
    public var borders: Bool
    /// Where the table sits between the margins (`.justified` places it left).
    public var alignment: Paragraph.Alignment

    public init(columnWidths: [Double], rows: [TableRow], borders: Bool = true, alignment: Paragraph.Alignment = .center) {
        self.columnWidths = columnWidths
        self.rows = rows
        self.borders = borders
        self.alignment = alignment
    }
}

public struct TableRow: Hashable, Sendable {
    public var cells: [TableCell]
    /// Repeats this row at the top of every page the table runs onto (mark the leading header rows).
    public var isHeader: Bool
    /// Keeps the row whole on one page.
    public var cantSplit: Bool

    public init(_ cells: [TableCell], isHeader: Bool = false, cantSplit: Bool = true) {
        self.cells = cells
        self.isHeader = isHeader
        self.cantSplit = cantSplit
    }
}

public struct TableCell: Hashable, Sendable {
    /// How a cell takes part in a vertical merge: the top cell `restart`s it and the cells below,
    /// in the same columns, `continue` it (their own content is hidden by Word).
    public enum VerticalMerge: Hashable, Sendable {
        case restart, `continue`
    }

    public enum VerticalAlignment: Hashable, Sendable {
        case top, center, bottom
    }

    public var paragraphs: [Paragraph]
    /// How many grid columns the cell covers.
    public var columnSpan: Int
    public var verticalMerge: VerticalMerge?
    public var verticalAlignment: VerticalAlignment
    public var shading: RGBColor?

    public init(
        _ paragraphs: [Paragraph],
        columnSpan: Int = 1,
        verticalMerge: VerticalMerge? = nil,
        verticalAlignment: VerticalAlignment = .top,
        shading: RGBColor? = nil
    ) {
        self.paragraphs = paragraphs
        self.columnSpan = columnSpan
        self.verticalMerge = verticalMerge
        self.verticalAlignment = verticalAlignment
        self.shading = shading
    }

    /// A cell of one paragraph of text.
    public init(
        _ text: String,
        bold: Bool = false,
        alignment: Paragraph.Alignment = .left,
        columnSpan: Int = 1,
        verticalMerge: VerticalMerge? = nil,
        verticalAlignment: VerticalAlignment = .center,
        shading: RGBColor? = nil
    ) {
        self.init(
            [Paragraph(text, bold: bold, alignment: alignment)],
            columnSpan: columnSpan,
            verticalMerge: verticalMerge,
            verticalAlignment: verticalAlignment,
            shading: shading
        )
    }
}
