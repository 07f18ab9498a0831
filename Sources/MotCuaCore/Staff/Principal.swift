import Foundation

/// Who is making a request, once authenticated: the staff user and what they may touch.
///
/// Roles follow the one-stop organisation: reception officers receive and return at the desk of their
/// center; specialists and leaders work the steps of their agencies; the center manager sees every
/// agency's figures; the administrator manages users, agencies, procedures and the calendar.
public struct Principal: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case reception, specialist, leader, manager, administrator

        /// Managers and administrators oversee every agency (and act on no dossier); the other roles act for
        /// the agencies they are given. The one place this is said.
        public var actsForEveryAgency: Bool {
            switch self {
            case .manager, .administrator: true
            case .reception, .specialist, .leader: false
            }
        }

        public var vietnameseLabel: String {
            switch self {
            case .reception: "Cán bộ tiếp nhận"
            case .specialist: "Chuyên viên"
            case .leader: "Lãnh đạo"
            case .manager: "Quản lý Trung tâm"
            case .administrator: "Quản trị hệ thống"
            }
        }
    }

    public let username: String
    public let displayName: String
    public let role: Role
    /// The agencies this user acts for. Managers and administrators act for every agency.
    public let agencies: Set<AgencyCode>

    public init(username: String, displayName: String, role: Role, agencies: Set<AgencyCode>) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.agencies = agencies
    }

    /// Whether this user may see or act on things of `agency`.
    public func covers(_ agency: AgencyCode) -> Bool {
        role.actsForEveryAgency || agencies.contains(agency)
    }
}
