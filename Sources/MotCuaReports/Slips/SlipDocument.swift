import Foundation

/// A statutory slip laid out independently of its output format: the Decree 30/2020/NĐ-CP header block, the
/// title, the lines and tables of the form, and the signature blocks. `SlipHTMLRenderer` and
/// `SlipDocxRenderer` turn the same value into a printable page and a Word file, so the two never differ in
/// content. All text is plain text: renderers escape it.
public struct SlipDocument: Sendable, Hashable {
    public var form: SlipForm
    public var header: SlipHeader
    /// The form's title in capitals, e.g. "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ".
    public var title: String
    /// Centered lines under the title ("Mã hồ sơ: …", "(Liên 1: Lưu)").
    public var subtitle: [SlipParagraph]
    /// "Kính gửi: …" lines, centered under the subtitle (letters only).
    public var addressee: [SlipParagraph]
    public var body: [SlipBlock]
    public var closing: SlipClosing
    /// Short description for the HTML `<title>` and the Word file's properties.
    public var documentTitle: String
    /// The instant the slip speaks for (its date line); also the Word file's creation date.
    public var issuedAt: Date
    /// The issuing body's name as written, for the Word file's author property.
    public var issuerName: String
    /// "Mẫu số 01" as the dossier's form set numbers it, and the text that issued the set.
    public var label: String
    public var legalBasis: String
    /// The form's name in its set ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"), for lists of slips.
    public var name: String

    public init(form: SlipForm, header: SlipHeader, title: String, subtitle: [SlipParagraph] = [],
                addressee: [SlipParagraph] = [], body: [SlipBlock], closing: SlipClosing, documentTitle: String,
                issuedAt: Date, issuerName: String, label: String? = nil, legalBasis: String = SlipForm.legalBasis,
                name: String? = nil) {
        self.form = form
        self.name = name ?? form.name
        self.label = label ?? form.label
        self.legalBasis = legalBasis
        self.header = header
        self.title = title
        self.subtitle = subtitle
        self.addressee = addressee
        self.body = body
        self.closing = closing
        self.documentTitle = documentTitle
        self.issuedAt = issuedAt
        self.issuerName = issuerName
    }

    /// Every piece of text of the slip in reading order, one line per paragraph or cell (tests and search).
    public var plainText: String {
        var lines: [String] = []
        lines += [header.parentBody, header.issuingBody, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  header.number, header.placeAndDate].compactMap { $0 }
        lines.append(title)
        lines += (subtitle + addressee).map(\.text)
        for block in body {
            switch block {
            case .paragraph(let p): lines.append(p.text)
            case .table(let t): lines += (t.header + t.rows).flatMap { $0 }.flatMap { $0.paragraphs.map(\.text) }
            }
        }
        lines += closing.recipients.map { ["Nơi nhận:"] + $0 } ?? []
        for s in closing.signatures {
            lines += s.authority + [s.title] + [s.instruction, s.name].compactMap { $0 }
        }
        return lines.joined(separator: "\n")
    }
}

/// The two-column header of Decree 30/2020/NĐ-CP: the issuing body under its parent on the left, the national
/// title and motto on the right; below them the document number and the place-and-date line.
public struct SlipHeader: Sendable, Hashable {
    /// The directly superior body in capitals ("UBND TỈNH ĐẮK NÔNG"), if any.
    public var parentBody: String?
    /// The issuing body in capitals, printed bold ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG").
    public var issuingBody: String
    /// "Số: 25/PXL-TTHCC", if the slip is numbered.
    public var number: String?
    /// "Đắk Nông, ngày 05 tháng 02 năm 2026", if the slip is dated.
    public var placeAndDate: String?

    public init(parentBody: String?, issuingBody: String, number: String? = nil, placeAndDate: String? = nil) {
        self.parentBody = parentBody
        self.issuingBody = issuingBody
        self.number = number
        self.placeAndDate = placeAndDate
    }
}

public enum SlipBlock: Sendable, Hashable {
    case paragraph(SlipParagraph)
    case table(SlipTable)
}

public enum SlipAlignment: Sendable, Hashable {
    case left, center, right, justified
}

/// A stretch of text with one emphasis. `\n` is a line break.
public struct SlipRun: Sendable, Hashable {
    public var text: String
    public var bold: Bool
    public var italic: Bool

    public init(_ text: String, bold: Bool = false, italic: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
    }
}

/// A paragraph of runs.
public struct SlipParagraph: Sendable, Hashable {
    public var runs: [SlipRun]
    public var alignment: SlipAlignment
    /// 0 for a line of the form, 1 for an item under it (a list of documents or requests).
    public var indentLevel: Int
    /// Space above it, for a line that starts a new part of the form.
    public var spaced: Bool
    /// A paragraph of running text in a letter: its first line is indented (Decree 30, 1–1.27 cm).
    public var isProse: Bool

    public init(_ runs: [SlipRun], alignment: SlipAlignment = .justified, indentLevel: Int = 0, spaced: Bool = false,
                isProse: Bool = false) {
        self.runs = runs
        self.alignment = alignment
        self.indentLevel = indentLevel
        self.spaced = spaced
        self.isProse = isProse
    }

    public init(_ text: String, bold: Bool = false, italic: Bool = false, alignment: SlipAlignment = .justified,
                indentLevel: Int = 0, spaced: Bool = false, isProse: Bool = false) {
        self.init([SlipRun(text, bold: bold, italic: italic)], alignment: alignment, indentLevel: indentLevel, spaced: spaced,
                  isProse: isProse)
    }

    /// A line of the form: "Label: value", the value in bold when `emphasised`.
    public static func field(_ label: String, _ value: String, emphasised: Bool = false, indentLevel: Int = 0) -> SlipParagraph {
        SlipParagraph([SlipRun("\(label): "), SlipRun(value, bold: emphasised)], indentLevel: indentLevel)
    }

    /// The paragraph's text without emphasis.
    public var text: String { runs.map(\.text).joined() }
}

/// A bordered table with fixed column widths (millimetres, adding up to the text width of an A4 Decree 30
/// page, 165 mm). Cells may span columns and rows; a cell spanning rows occupies its columns in the rows below,
/// which then list only their other cells.
public struct SlipTable: Sendable, Hashable {
    public var columnWidths: [Double]
    /// Header rows: bold, centered, repeated on each page.
    public var header: [[SlipCell]]
    public var rows: [[SlipCell]]
    /// A smaller type (11 pt instead of 12) for a table with many narrow columns.
    public var compact: Bool

    public init(columnWidths: [Double], header: [[SlipCell]], rows: [[SlipCell]], compact: Bool = false) {
        self.columnWidths = columnWidths
        self.header = header
        self.rows = rows
        self.compact = compact
    }
}

public struct SlipCell: Sendable, Hashable {
    public enum VerticalAlignment: Sendable, Hashable {
        case top, center
    }

    public var paragraphs: [SlipParagraph]
    public var columnSpan: Int
    public var rowSpan: Int
    public var verticalAlignment: VerticalAlignment
    /// A little more height, for a box someone signs in.
    public var isSignatureBox: Bool

    public init(_ paragraphs: [SlipParagraph], columnSpan: Int = 1, rowSpan: Int = 1,
                verticalAlignment: VerticalAlignment = .top, isSignatureBox: Bool = false) {
        self.paragraphs = paragraphs
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
        self.verticalAlignment = verticalAlignment
        self.isSignatureBox = isSignatureBox
    }

    /// A cell of one paragraph of text.
    public init(_ text: String, bold: Bool = false, alignment: SlipAlignment = .left, columnSpan: Int = 1, rowSpan: Int = 1,
                verticalAlignment: VerticalAlignment = .top) {
        self.init([SlipParagraph(text, bold: bold, alignment: alignment)], columnSpan: columnSpan, rowSpan: rowSpan,
                  verticalAlignment: verticalAlignment)
    }
}

/// One signature block: "NGƯỜI TIẾP NHẬN HỒ SƠ / (Ký và ghi rõ họ tên)", space to sign, then the name.
public struct SlipSignature: Sendable, Hashable {
    /// Lines above the title for signing on behalf ("KT. GIÁM ĐỐC").
    public var authority: [String]
    /// In capitals, bold.
    public var title: String
    /// Italic, e.g. "(Ký và ghi rõ họ tên)".
    public var instruction: String?
    /// Printed under the space left to sign.
    public var name: String?

    public init(authority: [String] = [], title: String, instruction: String? = "(Ký và ghi rõ họ tên)", name: String?) {
        self.authority = authority
        self.title = title
        self.instruction = instruction
        self.name = name
    }
}

/// The end of the slip: signature blocks side by side, or the recipients ("Nơi nhận") on the left and one
/// signature on the right, as letters end.
public struct SlipClosing: Sendable, Hashable {
    public var recipients: [String]?
    public var signatures: [SlipSignature]

    public init(recipients: [String]? = nil, signatures: [SlipSignature]) {
        self.recipients = recipients
        self.signatures = signatures
    }
}
