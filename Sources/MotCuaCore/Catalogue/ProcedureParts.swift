import Foundation

/// A fee or charge (phí, lệ phí) of a procedure.
public struct Fee: Sendable, Hashable, Codable {
    /// Whole đồng (VND has no minor unit in use).
    public var amountVND: Int
    /// What it is for, e.g. "Lệ phí cấp phiếu lý lịch tư pháp".
    public var description: String

    public init(amountVND: Int, description: String) {
        self.amountVND = amountVND
        self.description = description
    }

    enum CodingKeys: String, CodingKey { case amountVND = "amount_vnd", description }
}

/// Whether a document is handed in as the original or a copy.
public enum DocumentForm: String, Sendable, Hashable, Codable, CaseIterable {
    /// Bản chính.
    case original
    /// Bản sao (chụp).
    case copy
    /// Bản sao có chứng thực.
    case certifiedCopy = "certified_copy"

    public var vietnameseLabel: String {
        switch self {
        case .original: return "Bản chính"
        case .copy: return "Bản sao"
        case .certifiedCopy: return "Bản sao có chứng thực"
        }
    }
}

/// One document of the dossier the applicant must hand in (thành phần hồ sơ).
public struct RequiredDocument: Sendable, Hashable, Codable {
    public var name: String
    public var copies: Int
    public var form: DocumentForm

    public init(name: String, copies: Int = 1, form: DocumentForm) {
        self.name = name
        self.copies = copies
        self.form = form
    }
}

/// One step of a procedure's internal process (quy trình nội bộ): who does what in how long.
public struct ProcessStep: Sendable, Hashable, Codable {
    /// What is done, e.g. "Thẩm định hồ sơ".
    public var name: String
    /// The agency whose officers do it.
    public var agencyCode: AgencyCode
    /// Who in that agency, e.g. "Chuyên viên thụ lý", "Lãnh đạo phê duyệt".
    public var role: String
    /// Working time allotted to the step, counted from its handover.
    public var allotted: ProcessingTime

    public init(name: String, agencyCode: AgencyCode, role: String, allotted: ProcessingTime) {
        self.name = name
        self.agencyCode = agencyCode
        self.role = role
        self.allotted = allotted
    }

    enum CodingKeys: String, CodingKey { case name, agencyCode = "agency_code", role, allotted }
}
