import Foundation

/// How a dossier was submitted, or how its result goes back. Raw values are stored, sent and imported as
/// they are.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    /// At the reception desk (trực tiếp).
    case counter
    /// Through the online public service portal (trực tuyến).
    case online
    /// By the public postal service (bưu chính công ích).
    case postal

    public var vietnameseLabel: String {
        switch self {
        case .counter: return "Trực tiếp"
        case .online: return "Trực tuyến"
        case .postal: return "Bưu chính công ích"
        }
    }
}
