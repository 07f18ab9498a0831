import Foundation

/// What an agency is in the one-stop organisation after the 2025 reform (Decree 118/2025/NĐ-CP): one
/// provincial Public Administration Service Center with its branches, a center in every commune, and the
/// agencies that decide (departments, communes' People's Committees). Sites — the three kinds of center —
/// have desks that receive and return dossiers. Raw values are stored, imported and sent as they are.
public enum AgencyKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The provincial Public Administration Service Center (Trung tâm Phục vụ hành chính công tỉnh).
    case center
    /// A branch or reception point of the provincial center (Chi nhánh, điểm tiếp nhận).
    case branch
    /// A commune's Public Administration Service Center (Trung tâm Phục vụ hành chính công xã, phường).
    case communeCenter = "commune_center"
    /// A provincial department, board or sector (sở, ban, ngành).
    case department
    /// A commune-level People's Committee (UBND xã, phường, đặc khu).
    case commune
    /// Anything else: the provincial People's Committee, central bodies, units under a department.
    case other

    /// Whether its desk receives and returns dossiers (a site).
    public var isSite: Bool {
        switch self {
        case .center, .branch, .communeCenter: true
        case .department, .commune, .other: false
        }
    }

    /// The kind an agency recorded before kinds existed most likely has, from its level.
    public static func inferred(from level: AgencyLevel) -> AgencyKind {
        switch level {
        case .center: .center
        case .department: .department
        case .commune: .commune
        case .central, .province, .district, .unit: .other
        }
    }

    public var vietnameseLabel: String {
        switch self {
        case .center: "Trung tâm Phục vụ hành chính công tỉnh"
        case .branch: "Chi nhánh Trung tâm Phục vụ hành chính công"
        case .communeCenter: "Trung tâm Phục vụ hành chính công cấp xã"
        case .department: "Sở, ban, ngành"
        case .commune: "UBND cấp xã"
        case .other: "Cơ quan khác"
        }
    }
}
