import Foundation
import WorkCalendar

/// A document in the office's register of issued documents ("Công văn số 840/VPUBND-HCQT ngày 04/8/2021 về việc
/// …"). The quarterly report lists those of its period in the sections they were filed for.
public struct IssuedDocument: Sendable, Hashable, Codable {
    public var id: String
    /// "840/VPUBND-HCQT".
    public var number: String
    public var date: LocalDate
    /// "Công văn", "Quyết định", "Kế hoạch", "Báo cáo" …
    public var type: String
    /// "Văn phòng UBND tỉnh", "UBND tỉnh" …
    public var issuer: String
    /// The subject as the report writes it after "về việc" (a subject that starts with "về " keeps its own word).
    public var subject: String
    /// "CCHC", "PAPI", "PAR INDEX", "PCI" …
    public var tags: [String]
    /// The report section that cites it ("I.1", "II.2", "II.6"); nil when the report does not cite it.
    public var reportSection: String?
    /// Documents of one section sharing a lead are cited in one paragraph after it ("Phối hợp … ban hành:").
    public var lead: String?
    /// A sentence written after the citation ("Tổng số cắt giảm 77 TTHC.").
    public var note: String?
    /// Order inside the section, among the section's free paragraphs.
    public var position: Int

    public init(id: String = UUID().uuidString, number: String, date: LocalDate, type: String, issuer: String,
                subject: String, tags: [String] = [], reportSection: String? = nil, lead: String? = nil,
                note: String? = nil, position: Int = 0) {
        self.id = id
        self.number = number
        self.date = date
        self.type = type
        self.issuer = issuer
        self.subject = subject
        self.tags = tags
        self.reportSection = reportSection
        self.lead = lead
        self.note = note
        self.position = position
    }

    /// "Công văn số 840/VPUBND-HCQT ngày 04/8/2021 về việc phân công …".
    public func citation(formatDate: (LocalDate) -> String) -> String {
        let about = subject.lowercased().hasPrefix("về ") ? subject : "về việc \(subject)"
        return "\(type) số \(number) ngày \(formatDate(date)) \(about)"
    }
}

/// Something an officer records during the quarter for the report, dated so that a report period selects it.
public struct ReportEntry: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// `count` civil servants sent to the course `text` (II.4).
        case training
        /// A staffing change, written as the report prints it (II.4).
        case staffing
        /// One online meeting served; `category` is a `MeetingLevel` (II.6).
        case meeting
        /// A question received on the provincial portal; `category` is a `QuestionStatus`, `title` who answers (II.6).
        case portalQuestion = "portal_question"
        /// A feedback or petition received; `category` the channel, `text` its content (III.2).
        case feedback
        /// A free paragraph of section `section`; `category` "feedback" or "hotline" appends the generated figures.
        case paragraph
        /// A row of the PAPI plan table: `title` the index group, `category` the index, `text` the task, `result`.
        case papiRow = "papi_row"
        /// A direction for the next quarter (V).
        case direction
        /// A "Nơi nhận" line.
        case recipient
        /// The signature block: `category` authority | title | name.
        case signature
        /// A setting of the report: `category` the key (issuing_body, parent_body, place, issuer_name, symbol,
        /// receiver), `text` its value.
        case setting
    }

    public enum MeetingLevel: String, Sendable, Hashable, Codable, CaseIterable {
        case central, centralProvinceDistrict = "central_province_district", provinceDistrict = "province_district"
    }

    public enum QuestionStatus: String, Sendable, Hashable, Codable, CaseIterable {
        case answered, inProgress = "in_progress", new
    }

    public var id: String
    public var kind: Kind
    public var date: LocalDate
    public var section: String
    public var position: Int
    public var category: String
    public var count: Int
    public var title: String
    public var text: String
    public var result: String

    public init(id: String = UUID().uuidString, kind: Kind, date: LocalDate, section: String = "", position: Int = 0,
                category: String = "", count: Int = 1, title: String = "", text: String = "", result: String = "") {
        self.id = id
        self.kind = kind
        self.date = date
        self.section = section
        self.position = position
        self.category = category
        self.count = count
        self.title = title
        self.text = text
        self.result = result
    }
}
