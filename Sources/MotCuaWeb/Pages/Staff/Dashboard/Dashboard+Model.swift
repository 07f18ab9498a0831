import Foundation
import MotCuaCore
import MotCuaReports
import MotCuaStore
import WorkCalendar

/// Everything the dashboard shows, computed once by `DashboardQuery` and drawn by `DashboardView`.
struct DashboardModel: Sendable {
    struct AgencyFigures: Sendable, Hashable {
        let code: AgencyCode
        let name: String
        let shortName: String
        let figures: DossierFigures
    }

    struct LateRow: Sendable, Hashable {
        let code: String
        let agencyName: String
        let step: String
        let daysLate: Int
        let reason: String
        let systemOnly: Bool
    }

    /// The period asked for, and the part of it shown: a period that runs past today stops today (nothing
    /// can be received or resolved in the future, and "overdue" is judged now, not at the period's end).
    let input: ReportingPeriodInput
    let period: StatisticsPeriod
    let shown: StatisticsPeriod
    let today: LocalDate
    /// "Tất cả cơ quan", or the leader's agencies.
    let scopeLabel: String
    /// Sites to filter by (none in a province with one site) and the one chosen ("" for all).
    var sites: [(code: String, name: String)] = []
    var site = ""
    let day: DayActivity
    let figures: DossierFigures
    let weeks: [WeeklyReceipts]
    let agencies: [AgencyFigures]
    let lateTotal: Int
    let lateRows: [LateRow]
    let latePage: Int
    static let latePageSize = 20

    var latePageCount: Int { max(1, (lateTotal + Self.latePageSize - 1) / Self.latePageSize) }

    /// Early and on time among the resolved: the on-time rate of the quarterly report (legal rule).
    static func onTimeRate(_ f: DossierFigures) -> Double? {
        f.resolved == 0 ? nil : Double(f.early + f.onTime) / Double(f.resolved)
    }
}
