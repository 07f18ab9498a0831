import Foundation
import MotCuaCore
import WorkCalendar

/// The quarterly CCHC/PAPI report (the seed's "Báo cáo số 1076/BC-VPUBND") as a value: the Decree 30 header,
/// the title, sections I–V with their paragraphs and the PAPI table, the late-dossier footnote, "Nơi nhận" and
/// the signature block. Renderers (DOCX, HTML, Markdown) print it; an issued report is this value frozen as
/// JSON, so it prints the same forever. Every paragraph has an id an officer's edit can replace.
public struct QuarterlyReport: Sendable, Hashable, Codable {
    public struct Header: Sendable, Hashable, Codable {
        /// "UBND TỈNH ĐẮK NÔNG".
        public var parentBody: String?
        /// "VĂN PHÒNG".
        public var issuingBody: String
        /// "Số: 1076/BC-VPUBND", or "Số:       /BC-VPUBND" before issue.
        public var number: String
        /// "Đắk Nông, ngày 15 tháng 9 năm 2021".
        public var placeAndDate: String
    }

    public struct Signature: Sendable, Hashable, Codable {
        /// "KT. CHÁNH VĂN PHÒNG".
        public var authority: [String]
        /// "PHÓ CHÁNH VĂN PHÒNG".
        public var title: String
        public var name: String?
    }

    public struct Window: Sendable, Hashable, Codable {
        public var from: LocalDate
        public var to: LocalDate
    }

    public var header: Header
    /// "BÁO CÁO".
    public var title: String
    /// "Kết quả thực hiện công tác CCHC, PAPI Quý III năm 2021".
    public var subject: String
    /// "(Thời gian báo cáo từ ngày 15/6/2021 - 14/9/2021)".
    public var periodLine: String
    public var preamble: [ReportParagraph]
    public var sections: [ReportSection]
    /// "Trên đây là báo cáo …".
    public var closing: [ReportParagraph]
    public var recipients: [String]
    public var signature: Signature
    /// The report's period (Decree 09/2019 quarter) and the window of the center's statistics in section III.
    public var period: Window
    public var statisticsWindow: Window
    /// The figures of section III, as they were when the report was built (frozen with it).
    public var statistics: StatisticsReport
    public var number: String?
    public var issuedOn: LocalDate?
    /// Form 06's rows (per owning agency) for the statistics window, frozen with an issued report so that
    /// its XLSX stays as issued too; nil in a draft, whose rows are read live (and in reports issued before).
    public var form06Rows: [Form06Workbook.Row]? = nil

    /// Every paragraph of the report in reading order, footnotes after the paragraph that cites them.
    public var allParagraphs: [ReportParagraph] {
        func walk(_ section: ReportSection) -> [ReportParagraph] {
            section.blocks.flatMap { block -> [ReportParagraph] in
                if case .paragraph(let p) = block { return [p] + (p.footnote ?? []) }
                return []
            } + section.subsections.flatMap(walk)
        }
        return preamble + sections.flatMap(walk) + closing
    }

    /// The text of the report without layout, one line per paragraph (tests and search).
    public var plainText: String {
        var lines = [header.parentBody, header.issuingBody, header.number, header.placeAndDate].compactMap { $0 }
        lines += [title, subject, periodLine]
        lines += allParagraphs.map(\.fullText)
        lines += ["Nơi nhận:"] + recipients
        return lines.joined(separator: "\n")
    }

    /// The report with the officer's edits: each id in `overrides` replaces that paragraph's text.
    public func applying(_ overrides: [String: String]) -> QuarterlyReport {
        guard !overrides.isEmpty else { return self }
        func apply(_ p: ReportParagraph) -> ReportParagraph {
            var p = p
            if let text = overrides[p.id] {
                p.text = text
                p.tail = ""
            }
            p.footnote = p.footnote?.map(apply)
            return p
        }
        func apply(_ section: ReportSection) -> ReportSection {
            var section = section
            section.blocks = section.blocks.map { block in
                if case .paragraph(let p) = block { return .paragraph(apply(p)) }
                return block
            }
            section.subsections = section.subsections.map(apply)
            return section
        }
        var report = self
        report.preamble = preamble.map(apply)
        report.sections = sections.map(apply)
        report.closing = closing.map(apply)
        return report
    }

    /// The frozen form: JSON with sorted keys, the same bytes for the same report.
    public func frozen() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    public static func thawed(_ data: Data) throws -> QuarterlyReport {
        try JSONDecoder().decode(QuarterlyReport.self, from: data)
    }
}

/// A numbered section ("I. CÔNG TÁC CHỈ ĐẠO …") or subsection ("1. Về ban hành …").
public struct ReportSection: Sendable, Hashable, Codable {
    /// "I", "I.1".
    public var id: String
    /// The heading as printed, with its number: "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CÔNG TÁC CCHC".
    public var heading: String
    public var blocks: [ReportBlock]
    public var subsections: [ReportSection]

    public init(id: String, heading: String, blocks: [ReportBlock] = [], subsections: [ReportSection] = []) {
        self.id = id
        self.heading = heading
        self.blocks = blocks
        self.subsections = subsections
    }
}

public enum ReportBlock: Sendable, Hashable, Codable {
    case paragraph(ReportParagraph)
    case papiTable(PAPITable)
}

/// A paragraph of running text. With a footnote, the reference mark goes after `text` and before `tail`.
public struct ReportParagraph: Sendable, Hashable, Codable {
    public var id: String
    public var text: String
    /// Printed as "- …" (a list item of the seed's style).
    public var bullet: Bool
    public var footnote: [ReportParagraph]?
    public var tail: String

    public init(id: String, text: String, bullet: Bool = false, footnote: [ReportParagraph]? = nil, tail: String = "") {
        self.id = id
        self.text = text
        self.bullet = bullet
        self.footnote = footnote
        self.tail = tail
    }

    /// The text with its tail, without the footnote mark.
    public var fullText: String { (bullet ? "- " : "") + text + tail }
}

/// The table of section IV: the plan to improve the PAPI index, row by row.
public struct PAPITable: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        /// "I", "II" on a group row, empty on a task row.
        public var number: String
        /// The index (a group row's title, or the index a task row serves).
        public var index: String
        public var task: String
        public var result: String
        public var isGroup: Bool
    }

    public static let columnTitles = ["TT", "Chỉ số", "Nhiệm vụ trọng tâm", "Kết quả"]
    public var rows: [Row]
}
