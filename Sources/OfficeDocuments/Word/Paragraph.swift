/// A paragraph: runs of text with one set of paragraph formatting.
public struct Paragraph: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable {
        case left, center, right, justified
    }

    /// Indents in millimetres. A positive `firstLine` indents the first line; a negative one hangs it.
    public struct Indentation: Hashable, Sendable {
        public var left: Double
        public var right: Double
        public var firstLine: Double

        public init(left: Double = 0, right: Double = 0, firstLine: Double = 0) {
            self.left = left
            self.right = right
            self.firstLine = firstLine
        }
    }

    public enum LineSpacing: Hashable, Sendable {
        /// A multiple of the font's line height: 1 is single, 1.5 is one-and-a-half.
        case multiple(Double)
        /// At least this many points; taller content grows the line.
        case atLeast(Double)
        /// Exactly this many points; taller content is clipped.
        case exactly(Double)

        public static let single = LineSpacing.multiple(1)
    }

    /// Space around the paragraph, in points, and the spacing of its lines.
    public struct Spacing: Hashable, Sendable {
        public var before: Double
        public var after: Double
        public var line: LineSpacing

        public init(before: Double = 0, after: Double = 0, line: LineSpacing = .single) {
            self.before = before
            self.after = after
            self.line = line
        }
    }

    public var runs: [Run]
    public var alignment: Alignment
    public var indentation: Indentation
    public var spacing: Spacing
    /// Keeps this paragraph on the same page as the next one (headings, a title above its table).
    public var keepWithNext: Bool
    /// 0 for a top-level heading, 1 below it, …: shows in the navigation pane and a table of contents.
    public var outlineLevel: Int?
    /// A thin line along the top of the paragraph, between its indents. An empty paragraph with wide indents
    /// and `.exactly` line spacing draws the short rules under the header lines of an official document.
    public var topBorder: Bool

    public init(
        _ runs: [Run] = [],
        alignment: Alignment = .left,
        indentation: Indentation = Indentation(),
        spacing: Spacing = Spacing(),
        keepWithNext: Bool = false,
        outlineLevel: Int? = nil,
        topBorder: Bool = false
    ) {
        self.runs = runs
        self.alignment = alignment
        self.indentation = indentation
        self.spacing = spacing
        self.keepWithNext = keepWithNext
        self.outlineLevel = outlineLevel
        self.topBorder = topBorder
    }

    /// A paragraph of one run of text.
    public init(
        _ text: String,
        bold: Bool = false,
        italic: Bool = false,
        size: Double? = nil,
        alignment: Alignment = .left,
        indentation: Indentation = Indentation(),
        spacing: Spacing = Spacing(),
        keepWithNext: Bool = false
    ) {
        self.init(
            [Run(text, bold: bold, italic: italic, size: size)],
            alignment: alignment, indentation: indentation, spacing: spacing, keepWithNext: keepWithNext
        )
    }

    /// An empty paragraph that only draws a horizontal line `length` mm long, centered in `width` mm
    /// (a table cell's or the page's text width): the short rules of the Decree 30 header block.
    public static func horizontalRule(length: Double, centeredIn width: Double) -> Paragraph {
        let side = max(0, (width - length) / 2)
        return Paragraph(
            [],
            indentation: Indentation(left: side, right: side),
            // The 2 pt before keep the line off the descenders of the text above it.
            spacing: Spacing(before: 2, line: .exactly(1)),
            topBorder: true
        )
    }
}

/// A stretch of text with one character formatting, or a footnote reference.
public struct Run: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        /// Text; `\n` becomes a line break and `\t` a tab.
        case text(String)
        /// The raised number in the text; the footnote's paragraphs go to the foot of the page.
        case footnote(Footnote)
    }

    public var content: Content
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    /// Points; `nil` keeps the document's size.
    public var size: Double?

    public init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, size: Double? = nil) {
        self.content = .text(text)
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.size = size
    }

    /// A footnote reference. Footnotes are numbered 1, 2, … in the order they appear in the body.
    public static func footnote(_ footnote: Footnote) -> Run {
        var run = Run("")
        run.content = .footnote(footnote)
        return run
    }

    /// A line break inside the paragraph.
    public static let lineBreak = Run("\n")
}

/// The text at the foot of the page that a footnote reference points to.
public struct Footnote: Hashable, Sendable {
    /// The first paragraph starts with the footnote's number, added when the document is written.
    public var paragraphs: [Paragraph]

    public init(_ paragraphs: [Paragraph]) {
        self.paragraphs = paragraphs
    }

    public init(_ text: String) {
        self.init([Paragraph(text, alignment: .justified)])
    }
}
