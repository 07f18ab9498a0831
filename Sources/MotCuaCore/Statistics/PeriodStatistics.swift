import Foundation
import WorkCalendar

/// A statistics period: local dates, both inclusive (DESIGN "Statistics for a period").
public struct StatisticsPeriod: Sendable, Hashable, Codable {
    public let from: LocalDate
    public let to: LocalDate

    public init(from: LocalDate, to: LocalDate) throws(ValidationError) {
        guard from <= to else {
            throw ValidationError(field: "period", value: "\(from)–\(to)", reason: "the period ends before it starts",
                                  vietnamese: "Kỳ thống kê có ngày kết thúc trước ngày bắt đầu.")
        }
        self.from = from
        self.to = to
    }

    /// The default period of a quarter under Decree 09/2019/NĐ-CP: the 15th of the previous quarter's last
    /// month to the 14th of this quarter's last month (Q3/2021 = 15/6/2021–14/9/2021).
    public static func quarter(_ quarter: Int, of year: Int) throws -> StatisticsPeriod {
        guard (1...4).contains(quarter) else {
            throw ValidationError(field: "quarter", value: "\(quarter)", reason: "quarters are numbered 1–4",
                                  vietnamese: "Quý phải từ 1 đến 4.")
        }
        let lastMonth = quarter * 3
        let previousLast = lastMonth - 3
        let from = previousLast == 0 ? try LocalDate(year: year - 1, month: 12, day: 15)
                                     : try LocalDate(year: year, month: previousLast, day: 15)
        return try StatisticsPeriod(from: from, to: try LocalDate(year: year, month: lastMonth, day: 14))
    }

    /// [start, end) as instants: local midnight of `from` to local midnight after `to`.
    public var start: Date { VietnamTime.instant(date: from, time: Self.midnight) }
    public var end: Date { VietnamTime.instant(date: to.adding(days: 1), time: Self.midnight) }

    private static let midnight: TimeOfDay = {
        do { return try TimeOfDay(hour: 0) } catch { fatalError("midnight") }
    }()
}

/// The dossier figures of a period, as the quarterly report prints them.
public struct DossierFigures: Sendable, Hashable, Codable {
    public var received = 0, receivedOnline = 0, receivedCounter = 0, receivedPostal = 0
    public var carriedOver = 0
    public var resolved = 0, early = 0, onTime = 0, late = 0, returnedByPostal = 0
    public var inProgress = 0, withinDeadline = 0, overdue = 0
    public var withdrawn = 0

    public init() {}

    /// carried_over + received = resolved + withdrawn + in_progress, always.
    public var identityHolds: Bool { carriedOver + received == resolved + withdrawn + inProgress }

    /// The rules of DESIGN.md applied to dossiers one by one: the reference the SQL aggregates are tested
    /// against, and what small tools can use directly.
    public static func compute<S: Sequence<Dossier>>(_ dossiers: S, period: StatisticsPeriod) -> DossierFigures {
        let start = period.start, end = period.end
        var f = DossierFigures()
        for d in dossiers {
            guard let receivedAt = d.receivedAt else { continue }  // never received: not a dossier of the center's load
            let finishedAt = [d.completedAt, d.withdrawnAt].compactMap { $0 }.min()
            if receivedAt >= start && receivedAt < end {
                f.received += 1
                switch d.channel {
                case .online: f.receivedOnline += 1
                case .counter: f.receivedCounter += 1
                case .postal: f.receivedPostal += 1
                }
            }
            if receivedAt < start && (finishedAt.map { $0 >= start } ?? true) { f.carriedOver += 1 }
            if let c = d.completedAt, c >= start, c < end {
                f.resolved += 1
                switch d.verdict {
                case .early?: f.early += 1
                case .onTime?: f.onTime += 1
                case .late?: f.late += 1
                case nil: break
                }
                if d.returnChannel == .postal { f.returnedByPostal += 1 }
            }
            if let w = d.withdrawnAt, w >= start, w < end { f.withdrawn += 1 }
            if receivedAt < end && (finishedAt.map { $0 >= end } ?? true) {
                f.inProgress += 1
                if let due = d.dueAt, due < end { f.overdue += 1 } else { f.withinDeadline += 1 }
            }
        }
        return f
    }
}

extension Dossier {
    /// When a received dossier was withdrawn or stopped (statistics count it as withdrawn).
    public var withdrawnAt: Date? {
        guard receivedAt != nil, status == .withdrawn || status == .stopped else { return nil }
        return closedAt
    }
}

extension Dossier {
    /// When the dossier stopped counting as open: completed or withdrawn/stopped, whichever came first.
    public var finishedAt: Date? { [completedAt, withdrawnAt].compactMap { $0 }.min() }

    /// The due instant of the Decision 766/QĐ-TTg scoring: `dueAt` with every wait for the applicant paused.
    public var effectiveScoringDueAt: Date? { scoringDueAt ?? dueAt }

    /// Supplement requests made after receipt (the 766 scoring counts a dossier with more than one as late).
    public var processingSupplementRequests: Int { supplementRounds.filter { $0.phase == .processing }.count }

    /// Fees or financial obligations were asked for.
    public var hasFees: Bool { !payments.isEmpty }

    /// Every payment asked for was paid.
    public var feesPaid: Bool { !payments.isEmpty && payments.allSatisfy { $0.paidAt != nil } }
}
