import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// Dossiers received in one local week (Monday to Sunday), by channel.
public struct WeeklyReceipts: Sendable, Hashable {
    /// The Monday that starts the week.
    public let weekStart: LocalDate
    public let counter: Int
    public let online: Int
    public let postal: Int

    public init(weekStart: LocalDate, counter: Int, online: Int, postal: Int) {
        self.weekStart = weekStart
        self.counter = counter
        self.online = online
        self.postal = postal
    }

    public var total: Int { counter + online + postal }
}

/// The day's activity: what the desk received and returned today, and what is overdue right now.
public struct DayActivity: Sendable, Hashable {
    public let received: Int
    public let returned: Int
    public let overdueOpen: Int

    public init(received: Int, returned: Int, overdueOpen: Int) {
        self.received = received
        self.returned = returned
        self.overdueOpen = overdueOpen
    }
}

/// One dossier resolved after its legal due instant, as the dashboard's late list shows it.
public struct LateDossierRow: Sendable, Hashable {
    public let code: DossierCode
    public let owningAgency: AgencyCode
    /// The agency an officer held responsible, when recorded.
    public let lateAgency: AgencyCode?
    /// The step an officer named, when recorded.
    public let lateStep: String?
    public let lateKind: String?
    public let reason: String?
    public let dueAt: Date
    public let completedAt: Date

    /// Calendar days between the local due date and the local completion date (0: late on the due day).
    public var daysLate: Int { VietnamTime.localDate(of: dueAt).days(to: VietnamTime.localDate(of: completedAt)) }
}

/// The queries of the manager dashboard that the period statistics do not already answer: receipts per
/// week, the day's activity and the late dossiers one by one. Aggregates in SQL on both dialects, each over
/// an index range (received_at, finished_at, completed_at).
public struct DashboardStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Receipts in the period per local week (UTC+7, weeks start on Monday), oldest first; weeks without
    /// any receipt are absent.
    public func weeklyReceipts(_ period: StatisticsPeriod, scope: StatisticsScope = .all) async throws -> [WeeklyReceipts] {
        let s = Instant.seconds(period.start), e = Instant.seconds(period.end)
        // Day 0 (1970-01-01) was a Thursday: shifting by 3 makes integer division by 7 cut at Mondays.
        let query: SQLQueryString = """
            SELECT (((received_at + 25200) / 86400) + 3) / 7 AS week,
                   SUM(CASE WHEN channel = 'counter' THEN 1 ELSE 0 END) AS counter,
                   SUM(CASE WHEN channel = 'online' THEN 1 ELSE 0 END) AS online,
                   SUM(CASE WHEN channel = 'postal' THEN 1 ELSE 0 END) AS postal
            FROM dossiers WHERE received_at >= \(bind: s) AND received_at < \(bind: e)
            """ + StatisticsStore(database: database).scopeCondition(scope) + " GROUP BY week ORDER BY week"
        return try await database.sql.raw(query).all().map { row in
            let week = try row.decode(column: "week", as: Int.self)
            return WeeklyReceipts(weekStart: LocalDate(daysSince1970: week * 7 - 3),
                                  counter: try row.optional("counter", as: Int.self) ?? 0,
                                  online: try row.optional("online", as: Int.self) ?? 0,
                                  postal: try row.optional("postal", as: Int.self) ?? 0)
        }
    }

    /// Received and returned on the local day of `now`, and open past their legal due instant at `now`.
    public func dayActivity(at now: Date, scope: StatisticsScope = .all) async throws -> DayActivity {
        let today = VietnamTime.localDate(of: now)
        let dayStart = Instant.seconds(try StatisticsPeriod(from: today, to: today).start)
        let dayEnd = dayStart + 86_400, nowSeconds = Instant.seconds(now)
        let scopeCondition = StatisticsStore(database: database).scopeCondition(scope)
        func count(_ condition: SQLQueryString) async throws -> Int {
            try await database.sql.raw("SELECT COUNT(*) AS n FROM dossiers WHERE " + condition + scopeCondition).first()?
                .decode(column: "n", as: Int.self) ?? 0
        }
        return DayActivity(
            received: try await count("received_at >= \(bind: dayStart) AND received_at < \(bind: dayEnd)"),
            returned: try await count("returned_at >= \(bind: dayStart) AND returned_at < \(bind: dayEnd)"),
            overdueOpen: try await count(
                "finished_at IS NULL AND received_at IS NOT NULL AND received_at <= \(bind: nowSeconds) AND due_at < \(bind: nowSeconds)"))
    }

    /// Dossiers resolved in the period after their legal due instant, the latest first (then by code), at
    /// most `limit` of them after skipping `offset`. How many there are in all is the period figures' `late`.
    public func lateDossiers(_ period: StatisticsPeriod, scope: StatisticsScope = .all, limit: Int = 50,
                             offset: Int = 0) async throws -> [LateDossierRow] {
        let s = Instant.seconds(period.start), e = Instant.seconds(period.end)
        let query: SQLQueryString = """
            SELECT code, owning_agency_code, late_agency_code, late_step, late_kind, late_reason, due_at, completed_at
            FROM dossiers WHERE completed_at >= \(bind: s) AND completed_at < \(bind: e) AND completed_at > due_at
            """ + StatisticsStore(database: database).scopeCondition(scope)
            + " ORDER BY completed_at - due_at DESC, code LIMIT \(bind: max(1, min(limit, 1000))) OFFSET \(bind: max(0, offset))"
        return try await database.sql.raw(query).all().map { row in
            LateDossierRow(
                code: try DossierCode(parsing: row.decode(column: "code", as: String.self)),
                owningAgency: try AgencyCode(parsing: row.decode(column: "owning_agency_code", as: String.self)),
                lateAgency: try row.optional("late_agency_code", as: String.self).flatMap { try? AgencyCode(parsing: $0) },
                lateStep: try row.optional("late_step", as: String.self),
                lateKind: try row.optional("late_kind", as: String.self),
                reason: try row.optional("late_reason", as: String.self),
                dueAt: Instant.date(try row.decode(column: "due_at", as: Int.self)),
                completedAt: Instant.date(try row.decode(column: "completed_at", as: Int.self)))
        }
    }
}
