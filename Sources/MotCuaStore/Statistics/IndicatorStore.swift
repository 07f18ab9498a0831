import Foundation
import MotCuaCore
import SQLKit

/// The counts behind the Decision 766/QĐ-TTg indicators, per owning agency, in SQL over the projection
/// columns (M0008, M0013) and the ratings table, by the rules of `IndicatorCounts.compute` — the tests hold the
/// two to the same answers.
public struct IndicatorStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func counts(_ period: StatisticsPeriod, scope: StatisticsScope = .all) async throws -> [AgencyCode: IndicatorCounts] {
        let s = Instant.seconds(period.start), e = Instant.seconds(period.end)
        let statistics = StatisticsStore(database: database)
        let scopeCondition = statistics.scopeCondition(scope)
        let rows = try await StatisticsStore.countableRows(start: s, end: e, scope: scopeCondition, on: database.sql)
        func count(_ condition: SQLQueryString, as name: String) -> SQLQueryString {
            "SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END) AS \(ident: name)"
        }
        let receivedIn: SQLQueryString = "received_at >= \(bind: s)"
        let resolvedIn: SQLQueryString = "completed_at >= \(bind: s) AND completed_at < \(bind: e)"
        let openAtEnd: SQLQueryString = "(finished_at IS NULL OR finished_at >= \(bind: e))"
        let tooManySupplements: SQLQueryString = "COALESCE(processing_supplements, 0) > 1"
        // Settled before the end of the period through a recorded channel (M0013).
        let paidKnown: SQLQueryString = "has_fees = 1 AND paid_at < \(bind: e) AND paid_online IS NOT NULL"
        let columns: [SQLQueryString] = [
            "owning_agency_code",
            count(receivedIn, as: "received"),
            count("\(receivedIn) AND channel = 'online'", as: "received_online"),
            count("\(receivedIn) AND has_fees = 1", as: "with_fees"),
            count("\(receivedIn) AND fees_paid = 1", as: "fees_paid"),
            count("\(receivedIn) AND \(paidKnown)", as: "paid_channel_known"),
            count("\(receivedIn) AND \(paidKnown) AND paid_online = 1", as: "paid_online"),
            count(resolvedIn, as: "resolved"),
            count("\(resolvedIn) AND completed_at > due_at", as: "resolved_late"),
            count("\(resolvedIn) AND completed_at > due_at AND apology_sent = 1", as: "late_with_apology"),
            count(openAtEnd, as: "open_at_end"),
            count("\(openAtEnd) AND due_at < \(bind: e)", as: "open_overdue"),
            count("\(resolvedIn) AND (\(tooManySupplements) OR completed_at > scoring_due_at)", as: "resolved_late_766"),
            count("\(openAtEnd) AND (\(tooManySupplements) OR scoring_due_at < \(bind: e))", as: "open_late_766"),
        ]
        let query: SQLQueryString = "SELECT \(columns.joined(separator: ", ")) FROM (\(rows)) AS d GROUP BY owning_agency_code"
        var result: [AgencyCode: IndicatorCounts] = [:]
        for row in try await database.sql.raw(query).all() {
            func value(_ name: String) throws -> Int { try row.optional(name, as: Int.self) ?? 0 }
            var c = IndicatorCounts()
            c.received = try value("received")
            c.receivedOnline = try value("received_online")
            c.withFees = try value("with_fees")
            c.feesPaid = try value("fees_paid")
            c.paidChannelKnown = try value("paid_channel_known")
            c.paidOnline = try value("paid_online")
            c.resolved = try value("resolved")
            c.resolvedLate = try value("resolved_late")
            c.lateWithApology = try value("late_with_apology")
            c.openAtEnd = try value("open_at_end")
            c.openOverdue = try value("open_overdue")
            c.resolvedLate766 = try value("resolved_late_766")
            c.openLate766 = try value("open_late_766")
            if c != IndicatorCounts() {
                result[try AgencyCode(parsing: row.decode(column: "owning_agency_code", as: String.self))] = c
            }
        }
        let ratings: SQLQueryString = """
            SELECT d.owning_agency_code AS owner, COUNT(*) AS n,
                   SUM(CASE WHEN r.rating IN ('very_satisfied', 'satisfied') THEN 1 ELSE 0 END) AS satisfied
            FROM satisfaction_ratings r JOIN dossiers d ON d.code = r.dossier_code
            WHERE r.at >= \(bind: s) AND r.at < \(bind: e)
            """ + scopeCondition + " GROUP BY d.owning_agency_code"  // scope columns exist only in dossiers
        for row in try await database.sql.raw(ratings).all() {
            let owner = try AgencyCode(parsing: row.decode(column: "owner", as: String.self))
            var c = result[owner] ?? IndicatorCounts()
            c.ratings = try row.optional("n", as: Int.self) ?? 0
            c.satisfied = try row.optional("satisfied", as: Int.self) ?? 0
            result[owner] = c
        }
        return result
    }
}
