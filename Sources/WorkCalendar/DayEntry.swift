import Foundation

/// Why a day is not an ordinary day of the Monday–Friday week.
public enum DayKind: String, Sendable, CaseIterable, Codable {
    /// A statutory holiday (ngày nghỉ lễ, Tết).
    case holiday
    /// A day off given because a holiday fell on a Saturday or Sunday (nghỉ bù).
    case compensatory
    /// A weekday given off in exchange for a make-up Saturday (hoán đổi ngày làm việc).
    case swappedOff = "swapped_off"
    /// A Saturday or Sunday worked to make up a swapped day (làm bù).
    case makeupWorkday = "makeup_workday"
    /// An ordinary working day: an administrator's correction that cancels a day off from the shipped
    /// schedule or the computed rules (or makes a weekend day a working day).
    case workday

    /// Whether a day of this kind is worked.
    public var isWorking: Bool {
        switch self {
        case .holiday, .compensatory, .swappedOff: return false
        case .makeupWorkday, .workday: return true
        }
    }
}

/// One named special day: a holiday, a compensatory or swapped day off, a make-up workday, or an
/// administrator's correction. Shipped schedules, computed rules and database rows all speak this type.
public struct DayEntry: Sendable, Hashable, Codable, CustomStringConvertible {
    public var date: LocalDate
    public var kind: DayKind
    /// User-facing Vietnamese name, e.g. "Tết Nguyên đán", "Nghỉ bù Quốc khánh".
    public var name: String

    public init(date: LocalDate, kind: DayKind, name: String) {
        self.date = date
        self.kind = kind
        self.name = name
    }

    /// "2024-04-29,swapped_off,Hoán đổi …" (the CSV line of `motcua calendar days`, without quoting).
    public var description: String { "\(date),\(kind.rawValue),\(name)" }
}
