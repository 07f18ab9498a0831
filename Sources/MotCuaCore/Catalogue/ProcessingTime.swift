import Foundation
import WorkCalendar

/// A span of working time: a procedure's processing time or a step's allotted time.
/// JSON: `{"amount": 10, "unit": "working_days"}`.
public struct ProcessingTime: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        case workingDays = "working_days"
        case workingHours = "working_hours"
    }

    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    public static func workingDays(_ n: Int) -> ProcessingTime { ProcessingTime(amount: n, unit: .workingDays) }
    public static func workingHours(_ n: Int) -> ProcessingTime { ProcessingTime(amount: n, unit: .workingHours) }

    /// Office minutes this span stands for: hours × 60, or days × the office minutes of one working day
    /// (450 for the standard 07:30–11:30, 13:30–17:00), which is what the calendar adds for a day.
    public func workingMinutes(dailyMinutes: Int = OfficeHours.standard.dailyMinutes) -> Int {
        switch unit {
        case .workingDays: return amount * dailyMinutes
        case .workingHours: return amount * 60
        }
    }

    public func workingMinutes(in hours: OfficeHours) -> Int { workingMinutes(dailyMinutes: hours.dailyMinutes) }

    /// The due instant of this span counted from `start` (DESIGN, "Working time").
    public func deadline(from start: Date, calendar: WorkingCalendar, hours: OfficeHours,
                         cutoff: TimeOfDay? = nil) throws -> Deadline {
        switch unit {
        case .workingDays: return try calendar.deadline(addingWorkingDays: amount, to: start, hours: hours, cutoff: cutoff)
        case .workingHours: return try calendar.deadline(addingWorkingHours: amount, to: start, hours: hours, cutoff: cutoff)
        }
    }

    /// "10 working days", "4 working hours".
    public var description: String {
        switch unit {
        case .workingDays: return "\(amount) working day\(amount == 1 ? "" : "s")"
        case .workingHours: return "\(amount) working hour\(amount == 1 ? "" : "s")"
        }
    }

    /// "10 ngày làm việc", "04 giờ làm việc" (counts under 10 with a leading zero, as reports write them).
    public var vietnameseDescription: String {
        let n = amount < 10 ? "0\(amount)" : "\(amount)"
        switch unit {
        case .workingDays: return "\(n) ngày làm việc"
        case .workingHours: return "\(n) giờ làm việc"
        }
    }
}
