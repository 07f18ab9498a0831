import Foundation

/// Where an agency sits in the state apparatus. Raw values are stored and sent as they are.
public enum AgencyLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Ministry or central body (Bộ, Trung tâm Lý lịch tư pháp quốc gia …).
    case central
    /// Provincial People's Committee (UBND tỉnh).
    case province
    /// Provincial department or board (Sở, Ban quản lý).
    case department
    /// District-level People's Committee (UBND huyện, thị xã, thành phố thuộc tỉnh), before July 2025.
    case district
    /// Commune-level People's Committee (UBND xã, phường, đặc khu).
    case commune
    /// Public Administration Service Center (Trung tâm Phục vụ hành chính công).
    case center
    /// A unit under a department (Văn phòng đăng ký đất đai, Chi cục …).
    case unit

    /// User-facing Vietnamese label.
    public var vietnameseLabel: String {
        switch self {
        case .central: return "Cơ quan trung ương"
        case .province: return "UBND cấp tỉnh"
        case .department: return "Sở, ban, ngành"
        case .district: return "UBND cấp huyện"
        case .commune: return "UBND cấp xã"
        case .center: return "Trung tâm Phục vụ hành chính công"
        case .unit: return "Đơn vị trực thuộc"
        }
    }
}
