import Foundation
import WorkCalendar

/// The verdict on a dossier or a step completed at C with due instant D, in local dates (DESIGN, "Verdicts"):
/// early if date(C) < date(D); on time if C ≤ D and date(C) = date(D); late if C > D.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    case early
    case onTime = "on_time"
    case late

    public init(completedAt c: Date, dueAt d: Date) {
        if c > d {
            self = .late
        } else if VietnamTime.localDate(of: c) < VietnamTime.localDate(of: d) {
            self = .early
        } else {
            self = .onTime
        }
    }

    public var vietnameseLabel: String {
        switch self {
        case .early: return "Trước hạn"
        case .onTime: return "Đúng hạn"
        case .late: return "Quá hạn"
        }
    }
}

/// The state of a dossier or step still open at an instant T against its due instant D: overdue if T > D.
public enum ProgressVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    case withinDeadline = "within_deadline"
    case overdue

    public init(at t: Date, dueAt d: Date) {
        self = t > d ? .overdue : .withinDeadline
    }

    public var vietnameseLabel: String {
        switch self {
        case .withinDeadline: return "Trong hạn"
        case .overdue: return "Quá hạn"
        }
    }
}
