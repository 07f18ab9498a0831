import Foundation

/// One entry of the center's guidance log (issue 5: `motcua import guidance`, columns
/// `at,kind,agency_code,note`).
public struct GuidanceContact: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Hướng dẫn trực tiếp tại Trung tâm.
        case inPerson = "in_person"
        /// Lượt gọi đi.
        case outgoingCall = "outgoing_call"
        /// Lượt trả lời cuộc gọi đến.
        case incomingCall = "incoming_call"

        public var vietnameseLabel: String {
            switch self {
            case .inPerson: return "Hướng dẫn trực tiếp"
            case .outgoingCall: return "Gọi đi"
            case .incomingCall: return "Trả lời cuộc gọi đến"
            }
        }
    }

    public var at: Date
    public var kind: Kind
    public var agencyCode: AgencyCode
    public var note: String

    public init(at: Date, kind: Kind, agencyCode: AgencyCode, note: String) {
        self.at = at
        self.kind = kind
        self.agencyCode = agencyCode
        self.note = note
    }

    enum CodingKeys: String, CodingKey { case at, kind, agencyCode = "agency_code", note }
}

/// A rating given at the counter tablet when a result is handed over (issue 5: `motcua import ratings`,
/// columns `at,dossier_code,officer,rating`).
public struct SatisfactionRating: Sendable, Hashable, Codable {
    public enum Rating: String, Sendable, Hashable, Codable, CaseIterable {
        case verySatisfied = "very_satisfied"
        case satisfied
        case unsatisfied

        /// The report's satisfied share counts very satisfied and satisfied.
        public var isSatisfied: Bool { self != .unsatisfied }

        public var vietnameseLabel: String {
            switch self {
            case .verySatisfied: return "Rất hài lòng"
            case .satisfied: return "Hài lòng"
            case .unsatisfied: return "Không hài lòng"
            }
        }
    }

    public var at: Date
    public var dossierCode: DossierCode
    /// The username of the reception officer who handed the result over.
    public var officer: String
    public var rating: Rating

    public init(at: Date, dossierCode: DossierCode, officer: String, rating: Rating) {
        self.at = at
        self.dossierCode = dossierCode
        self.officer = officer
        self.rating = rating
    }

    enum CodingKeys: String, CodingKey { case at, dossierCode = "dossier_code", officer, rating }
}
