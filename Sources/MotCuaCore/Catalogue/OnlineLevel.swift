import Foundation

/// How much of a procedure can be done online (Decree 42/2022: toàn trình / một phần; before 2022 the
/// levels 4 and 3). Raw values are stored, sent and imported as they are.
public enum OnlineLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case full
    case partial
    case none

    public var vietnameseLabel: String {
        switch self {
        case .full: return "Dịch vụ công trực tuyến toàn trình"
        case .partial: return "Dịch vụ công trực tuyến một phần"
        case .none: return "Không cung cấp trực tuyến"
        }
    }
}
