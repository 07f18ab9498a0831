import Foundation

/// Why a late dossier was late, in an officer's words ("trễ hạn phần mềm bước UBND tỉnh, kết quả bản giấy có
/// trước hạn"), as the quarterly report lists them.
public struct LatenessRecord: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Truly late: the result itself came after the due instant.
        case actual
        /// System-only lateness (trễ hạn phần mềm): the paper result was on time or early, only the closing
        /// in the system was late.
        case systemOnly = "system_only"

        public var vietnameseLabel: String {
            switch self {
            case .actual: return "Trễ hạn"
            case .systemOnly: return "Trễ hạn phần mềm"
            }
        }
    }

    public var kind: Kind
    public var reason: String
    /// Whether an apology letter (Mẫu 04) was sent to the applicant.
    public var apologySent: Bool
    /// The agency the officer holds responsible, when it differs from or adds to the computed attribution.
    public var agencyCode: AgencyCode?
    /// The step the officer names ("bước UBND tỉnh").
    public var stepName: String?
    /// When the paper result was actually ready (system-only lateness: on or before the due instant).
    public var paperResultAt: Date?

    public init(kind: Kind, reason: String, apologySent: Bool, agencyCode: AgencyCode? = nil,
                stepName: String? = nil, paperResultAt: Date? = nil) {
        self.kind = kind
        self.reason = reason
        self.apologySent = apologySent
        self.agencyCode = agencyCode
        self.stepName = stepName
        self.paperResultAt = paperResultAt?.wholeSeconds
    }

    enum CodingKeys: String, CodingKey {
        case kind, reason, apologySent = "apology_sent", agencyCode = "agency_code", stepName = "step_name"
        case paperResultAt = "paper_result_at"
    }
}
