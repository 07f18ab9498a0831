import Foundation

/// A Word document (.docx): page setup, default font and a body of blocks.
///
/// Build the model, then call `docxData()`. Every text in the model is escaped when written, so no string
/// can add markup; the same model always gives the same bytes.
public struct WordDocument: Hashable, Sendable {
    /// What the body is made of, top to bottom.
    public enum Block: Hashable, Sendable {
        case paragraph(Paragraph)
        /// Put a paragraph between two tables: Word joins tables that touch into one.
        case table(Table)
        case pageBreak
    }

    /// Where page numbers go. Decree 30/2020/NĐ-CP: centered in the top margin, from the second page on.
    public enum PageNumbering: Hashable, Sendable {
        case none
        case topCenter(skipFirstPage: Bool)
    }

    public var page: PageSetup
    /// Font of all text unless a run sets its own size.
    public var font: Font
    /// Size of footnote text; the reference marks in the body keep the body size, raised.
    public var footnoteFontSize: Double
    public var pageNumbering: PageNumbering
    public var properties: DocumentProperties
    public var body: [Block]

    public init(
        page: PageSetup = .a4,
        font: Font = .timesNewRoman13,
        footnoteFontSize: Double = 10,
        pageNumbering: PageNumbering = .none,
        properties: DocumentProperties = DocumentProperties(),
        body: [Block] = []
    ) {
        self.page = page
        self.font = font
        self.footnoteFontSize = footnoteFontSize
        self.pageNumbering = pageNumbering
        self.properties = properties
        self.body = body
    }
}

/// Paper size and margins, in millimetres. A width larger than the height prints landscape.
public struct PageSetup: Hashable, Sendable {
    public var width: Double
    public var height: Double
    public var margins: Margins

    public struct Margins: Hashable, Sendable {
        public var top: Double
        public var bottom: Double
        public var left: Double
        public var right: Double

        public init(top: Double, bottom: Double, left: Double, right: Double) {
            self.top = top
            self.bottom = bottom
            self.left = left
            self.right = right
        }
    }

    public init(width: Double, height: Double, margins: Margins) {
        self.width = width
        self.height = height
        self.margins = margins
    }

    /// A4 portrait with 25.4 mm (one inch) margins, Word's own default.
    public static let a4 = PageSetup(
        width: 210, height: 297, margins: Margins(top: 25.4, bottom: 25.4, left: 25.4, right: 25.4)
    )

    /// A4 portrait within Decree 30/2020/NĐ-CP's ranges: top and bottom 20–25 mm, left 30–35 mm,
    /// right 15–20 mm. These are the usual choices of provincial offices.
    public static let decree30 = PageSetup(
        width: 210, height: 297, margins: Margins(top: 20, bottom: 20, left: 30, right: 15)
    )

    /// The same paper turned sideways (margins keep their sides).
    public var landscape: PageSetup {
        PageSetup(width: max(width, height), height: min(width, height), margins: margins)
    }

    /// Width between the left and right margins: what a full-width table can use.
    public var textWidth: Double { width - margins.left - margins.right }
}
