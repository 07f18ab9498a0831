import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// Which dossiers a statistic covers: all, or those of some owning agencies (an agency and its subtree),
/// of some sites (the desks that receive them: a site and its branches), one procedure or one field.
public struct StatisticsScope: Sendable, Hashable {
    public var owningAgencies: [AgencyCode]?
    /// Sites by `site_code`: the desk that receives the dossier (for one accepted on behalf, the
    /// competent agency's site, which starts its period).
    public var sites: [AgencyCode]?
    public var procedure: ProcedureCode?
    public var field: String?

    public init(owningAgencies: [AgencyCode]? = nil, sites: [AgencyCode]? = nil, procedure: ProcedureCode? = nil,
                field: String? = nil) {
        self.owningAgencies = owningAgencies
        self.sites = sites
        self.procedure = procedure
        self.field = field
    }

    public static let all = StatisticsScope()
}

/// Late dossiers resolved in a period, by owning agency → procedure → step, kind, reason and apology.
public struct LateGroup: Sendable, Hashable {
    public let owningAgency: AgencyCode
    public let procedure: ProcedureCode
    public let step: String?
    public let kind: String?
    public let reason: String?
    public let apologySent: Bool
    public let count: Int
}

/// The period aggregates, computed in SQL over the projection columns (never by loading dossiers), by
/// the rules of `DossierFigures.compute` — the tests hold the two to the same answers.
public struct StatisticsStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Local day number of an instant column (UTC+7), the same integer on both dialects.
    private static func localDay(_ column: String) -> SQLQueryString {
        "((\(ident: column) + 25200) / 86400)"
    }

    public func dossierFigures(_ period: StatisticsPeriod, scope: StatisticsScope = .all) async throws -> DossierFigures {
        try await figures(period, scope: scope, byOwningAgency: false).first?.1 ?? DossierFigures()
    }

    /// The same figures for each owning agency that has any (the rows of Form 06).
    public func dossierFiguresByOwningAgency(_ period: StatisticsPeriod, scope: StatisticsScope = .all) async throws
        -> [(AgencyCode, DossierFigures)]
    {
        try await figures(period, scope: scope, byOwningAgency: true).map { (try AgencyCode(parsing: $0.0 ?? ""), $0.1) }
    }

    private func figures(_ period: StatisticsPeriod, scope: StatisticsScope, byOwningAgency: Bool) async throws
        -> [(String?, DossierFigures)]
    {
        let s = Instant.seconds(period.start), e = Instant.seconds(period.end)
        // A dossier is "finished" at its completion or withdrawal, whichever came first.
        let notFinishedBefore = { (t: Int) -> SQLQueryString in
            "(completed_at IS NULL OR completed_at >= \(bind: t)) AND (withdrawn_at IS NULL OR withdrawn_at >= \(bind: t))"
        }
        let resolvedInPeriod: SQLQueryString = "completed_at >= \(bind: s) AND completed_at < \(bind: e)"
        let receivedInPeriod: SQLQueryString = "received_at >= \(bind: s) AND received_at < \(bind: e)"
        let openAtEnd: SQLQueryString = "received_at < \(bind: e) AND \(notFinishedBefore(e))"
        let cDay = Self.localDay("completed_at"), dDay = Self.localDay("due_at")
        func count(_ condition: SQLQueryString, as name: String) -> SQLQueryString {
            "SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END) AS \(ident: name)"
        }
        var columns: [SQLQueryString] = [
            count(receivedInPeriod, as: "received"),
            count("\(receivedInPeriod) AND channel = 'online'", as: "received_online"),
            count("\(receivedInPeriod) AND channel = 'counter'", as: "received_counter"),
            count("\(receivedInPeriod) AND channel = 'postal'", as: "received_postal"),
            count("received_at < \(bind: s) AND \(notFinishedBefore(s))", as: "carried_over"),
            count(resolvedInPeriod, as: "resolved"),
            count("\(resolvedInPeriod) AND \(cDay) < \(dDay)", as: "early"),
            count("\(resolvedInPeriod) AND completed_at <= due_at AND \(cDay) = \(dDay)", as: "on_time"),
            count("\(resolvedInPeriod) AND completed_at > due_at", as: "late"),
            count("\(resolvedInPeriod) AND return_channel = 'postal'", as: "returned_by_postal"),
            count("withdrawn_at >= \(bind: s) AND withdrawn_at < \(bind: e)", as: "withdrawn"),
            count(openAtEnd, as: "in_progress"),
            count("\(openAtEnd) AND due_at < \(bind: e)", as: "overdue"),
        ]
        if byOwningAgency { columns.insert("owning_agency_code", at: 0) }
        let rows = try await Self.countableRows(start: s, end: e, scope: scopeCondition(scope), on: database.sql,
                                                columns: Self.figureColumns)
        var query: SQLQueryString = "SELECT \(columns.joined(separator: ", ")) FROM (\(rows)) AS d"
        if byOwningAgency { query = query + " GROUP BY owning_agency_code ORDER BY owning_agency_code" }
        return try await database.sql.raw(query).all().map { row in
            func value(_ name: String) throws -> Int { try row.optional(name, as: Int.self) ?? 0 }
            var f = DossierFigures()
            f.received = try value("received")
            f.receivedOnline = try value("received_online")
            f.receivedCounter = try value("received_counter")
            f.receivedPostal = try value("received_postal")
            f.carriedOver = try value("carried_over")
            f.resolved = try value("resolved")
            f.early = try value("early")
            f.onTime = try value("on_time")
            f.late = try value("late")
            f.returnedByPostal = try value("returned_by_postal")
            f.withdrawn = try value("withdrawn")
            f.inProgress = try value("in_progress")
            f.overdue = try value("overdue")
            f.withinDeadline = f.inProgress - f.overdue
            return (byOwningAgency ? try row.decode(column: "owning_agency_code", as: String.self) : nil, f)
        }
    }

    /// The only rows that can count in [start, end): received before the end and not finished before the
    /// start, as three disjoint index ranges (M0008) instead of a scan of all the history before the period:
    /// received in the period; received before it and finished at or after its start — at most
    /// MAX(open_seconds) before it; received before it and not finished.
    static func countableRows(start s: Int, end e: Int, scope: SQLQueryString, on sql: any SQLDatabase,
                              columns: String = allCountableColumns) async throws -> SQLQueryString
    {
        let longest = try await sql.raw("SELECT MAX(open_seconds) AS longest FROM dossiers").first()?
            .optional("longest", as: Int.self) ?? 0
        let receivedIn: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM dossiers WHERE received_at >= \(bind: s) AND received_at < \(bind: e)" + scope
        let openFinished: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM dossiers WHERE received_at >= \(bind: s - longest) AND received_at < \(bind: s) AND finished_at >= \(bind: s)" + scope
        let openUnfinished: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM dossiers WHERE finished_at IS NULL AND received_at < \(bind: s)" + scope
        return receivedIn + " UNION ALL " + openFinished + " UNION ALL " + openUnfinished
    }

    /// The projection columns the indicators count.
    static let allCountableColumns = "owning_agency_code, channel, received_at, due_at, scoring_due_at, completed_at, withdrawn_at, finished_at, return_channel, processing_supplements, has_fees, fees_paid, paid_at, paid_online, apology_sent"
    /// Only what the period figures read: the columns M0008 added sit after the large `state` column in
    /// SQLite's row layout, so reading them walks its overflow pages (twice as slow on the demo data).
    static let figureColumns = "owning_agency_code, channel, received_at, due_at, completed_at, withdrawn_at, return_channel"

    /// Dossiers accepted at one site for another agency's site (`accepted_at` before `received_at`, or not
    /// yet received), counted when accepted in the period, by the accepting site (the code's agency).
    public func acceptedOnBehalf(_ period: StatisticsPeriod, scope: StatisticsScope = .all) async throws -> [(AgencyCode, Int)] {
        let s = Instant.seconds(period.start), e = Instant.seconds(period.end)
        let query: SQLQueryString = """
            SELECT receiving_agency_code AS site, COUNT(*) AS n FROM dossiers
            WHERE accepted_at >= \(bind: s) AND accepted_at < \(bind: e) AND (received_at IS NULL OR accepted_at < received_at)
            """ + scopeCondition(scope, siteColumn: "receiving_agency_code") + " GROUP BY receiving_agency_code ORDER BY receiving_agency_code"
        return try await siteCounts(query)
    }

    /// Dossiers another site accepted that the competent site received in the period, by the receiving site.
    public func receivedFromOtherSites(_ period: StatisticsPeriod, scope: StatisticsScope = .all) async throws -> [(AgencyCode, Int)] {
        let s = Instant.seconds(period.start), e = Instant.seconds(period.end)
        let query: SQLQueryString = """
            SELECT site_code AS site, COUNT(*) AS n FROM dossiers
            WHERE received_at >= \(bind: s) AND received_at < \(bind: e) AND accepted_at < received_at
              AND site_code <> receiving_agency_code
            """ + scopeCondition(scope) + " GROUP BY site_code ORDER BY site_code"
        return try await siteCounts(query)
    }

    private func siteCounts(_ query: SQLQueryString) async throws -> [(AgencyCode, Int)] {
        try await database.sql.raw(query).all().map { row in
            (try AgencyCode(parsing: row.decode(column: "site", as: String.self)), try row.decode(column: "n", as: Int.self))
        }
    }

    /// Late dossiers resolved in the period, grouped for the report's footnote.
    public func lateGroups(_ period: StatisticsPeriod, scope: StatisticsScope = .all) async throws -> [LateGroup] {
        let s = Instant.seconds(period.start), e = Instant.seconds(period.end)
        var query: SQLQueryString = """
            SELECT owning_agency_code, procedure_code, late_step, late_kind, late_reason,
                   COALESCE(apology_sent, 0) AS apology, COUNT(*) AS n
            FROM dossiers
            WHERE completed_at >= \(bind: s) AND completed_at < \(bind: e) AND completed_at > due_at
            """
        query = query + scopeCondition(scope) + """
             GROUP BY owning_agency_code, procedure_code, late_step, late_kind, late_reason, COALESCE(apology_sent, 0)
             ORDER BY owning_agency_code, procedure_code, COUNT(*) DESC, late_kind, late_step
            """
        return try await database.sql.raw(query).all().map { row in
            LateGroup(
                owningAgency: try AgencyCode(parsing: row.decode(column: "owning_agency_code", as: String.self)),
                procedure: try ProcedureCode(parsing: row.decode(column: "procedure_code", as: String.self)),
                step: try row.optional("late_step", as: String.self),
                kind: try row.optional("late_kind", as: String.self),
                reason: try row.optional("late_reason", as: String.self),
                apologySent: try row.decode(column: "apology", as: Int.self) != 0,
                count: try row.decode(column: "n", as: Int.self))
        }
    }

    /// - Parameter siteColumn: the column `scope.sites` filters: `site_code` (the receiving desk), or
    ///   `receiving_agency_code` (the site that issued the code) for what a site accepted.
    func scopeCondition(_ scope: StatisticsScope, siteColumn: String = "site_code") -> SQLQueryString {
        var condition: SQLQueryString = ""
        if let agencies = scope.owningAgencies {
            let list = agencies.isEmpty ? [""] : agencies.map(\.rawValue)
            condition = condition + " AND owning_agency_code IN (\(binds: list))"
        }
        if let sites = scope.sites {
            let list = sites.isEmpty ? [""] : sites.map(\.rawValue)
            condition = condition + " AND \(ident: siteColumn) IN (\(binds: list))"
        }
        if let procedure = scope.procedure { condition = condition + " AND procedure_code = \(bind: procedure.rawValue)" }
        if let field = scope.field { condition = condition + " AND field = \(bind: field)" }
        return condition
    }
}
