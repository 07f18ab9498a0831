import ArgumentParser
import Foundation
import Logging
import MotCuaCore
import MotCuaStore
import SQLKit

/// `motcua benchmark-statistics` (hidden: a developer's tool, not in the product's help): fills a fresh
/// database with synthetic dossier projection rows generated inside the database, then times a quarter's
/// statistics through `StatisticsStore` against one hand-written SQL aggregate over the same rows, best of
/// five each, and prints the table of BENCHMARKS.md.
///
/// The rows are projection rows only: `state` is the constant `{}` and there are no events, which the
/// statistics never read. Distribution: 10 years (2016-06-15 … 2026-06-14 local), receipts on working days
/// (Monday–Friday) in office hours, online ones at any hour; channels 60% online, 35% counter, 5% postal;
/// 1% never finished (in progress), 1% withdrawn, 2% resolved late (with a lateness record), the rest
/// resolved before their due instant; 30 owning agencies, 400 procedures; due 3, 10 or 15 days after receipt.
struct StatisticsBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark-statistics",
        abstract: "Developer benchmark: period statistics on generated dossiers (see BENCHMARKS.md).",
        shouldDisplay: false)

    @Option(help: "How many dossier rows to generate (skipped when the table already has rows).") var dossiers = 10_000_000
    @Option(help: "Timed runs per query; the best is reported.") var runs = 5
    @OptionGroup var databaseOptions: DatabaseOptions

    /// 2016-06-13 00:00 in Vietnam (a Monday), as Unix seconds.
    static let firstMonday = 1_465_750_800
    static let workingDays = 2_610  // 522 weeks

    func run() async throws {
        let logger = Logger(label: "motcua.benchmark")
        let database = try await DatabaseOpener.open(databaseOptions, logger: logger)
        do {
            _ = try await Migrator(database: database, logger: logger).migrate()
            let existing = try await database.sql.raw("SELECT COUNT(*) AS n FROM dossiers").first()?.decode(column: "n", as: Int.self) ?? 0
            if existing == 0 {
                let started = Date()
                try await fill(database)
                print("filled \(dossiers) rows in \(String(format: "%.0f", Date().timeIntervalSince(started))) s (\(database.dialect.rawValue))")
            } else {
                print("using the \(existing) rows already there (\(database.dialect.rawValue))")
            }
            for quarter in [(2, 2026), (3, 2021)] {
                try await measure(database, period: try StatisticsPeriod.quarter(quarter.0, of: quarter.1),
                                  label: "\(quarter.1)-Q\(quarter.0)")
            }
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    private func fill(_ database: Database) async throws {
        let sql = database.sql
        // Build the indexes once after the rows are in, not row by row: same definitions, read back.
        let definitions: [String]
        switch database.dialect {
        case .sqlite:
            definitions = try await sql.raw("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dossiers' AND sql IS NOT NULL")
                .all().map { try $0.decode(column: "sql", as: String.self) }
            for row in try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dossiers' AND sql IS NOT NULL").all() {
                try await sql.drop(index: SQLIdentifier(try row.decode(column: "name", as: String.self))).run()
            }
        case .postgres:
            let rows = try await sql.raw("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'dossiers' AND indexname NOT LIKE '%pkey'").all()
            definitions = try rows.map { try $0.decode(column: "indexdef", as: String.self) }
            for row in rows { try await sql.drop(index: SQLIdentifier(try row.decode(column: "indexname", as: String.self))).run() }
        }
        let n = dossiers
        let source: SQLQueryString
        switch database.dialect {
        case .sqlite: source = "WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < \(bind: n)) SELECT * FROM g"
        case .postgres: source = "SELECT i FROM generate_series(CAST(1 AS BIGINT), CAST(\(bind: n) AS BIGINT)) AS g(i)"
        }
        // h = a hash of i per purpose; day = the working day of receipt; r = receipt instant.
        let body: SQLQueryString = """
            INSERT INTO dossiers (code, receiving_agency_code, procedure_code, procedure_version, owning_agency_code,
                field, channel, status, registered_at, received_at, due_at, citizen_due_at, completed_at, outcome,
                withdrawn_at, finished_at, open_seconds, scoring_due_at, processing_supplements, has_fees, fees_paid,
                return_channel, late_agency_code, late_step, late_kind, late_reason, apology_sent, version, state, updated_at)
            SELECT code, agency, procedure, 1, agency, 'Lĩnh vực ' || (h3 % 12), channel,
                CASE WHEN kind = 'open' THEN 4 WHEN kind = 'withdrawn' THEN 7 ELSE 10 END,
                r, r, due, due,
                CASE WHEN kind = 'late' THEN due + 3600 + h4 % (5 * 86400)
                     WHEN kind = 'resolved' THEN r + (due - r) * (h4 % 100) / 100 END,
                CASE WHEN kind IN ('late', 'resolved') THEN 'approved' END,
                CASE WHEN kind = 'withdrawn' THEN r + h4 % (10 * 86400) END,
                CASE WHEN kind = 'late' THEN due + 3600 + h4 % (5 * 86400)
                     WHEN kind = 'resolved' THEN r + (due - r) * (h4 % 100) / 100
                     WHEN kind = 'withdrawn' THEN r + h4 % (10 * 86400) END,
                CASE WHEN kind = 'late' THEN due + 3600 + h4 % (5 * 86400) - r
                     WHEN kind = 'resolved' THEN (due - r) * (h4 % 100) / 100
                     WHEN kind = 'withdrawn' THEN h4 % (10 * 86400) END,
                due, CASE WHEN h3 % 200 = 0 THEN 2 ELSE 0 END, CASE WHEN h3 % 5 = 0 THEN 1 ELSE 0 END,
                CASE WHEN h3 % 5 = 0 AND kind <> 'open' THEN 1 ELSE 0 END,
                CASE WHEN kind IN ('late', 'resolved') AND h3 % 10 = 1 THEN 'postal' WHEN kind IN ('late', 'resolved') THEN 'counter' END,
                CASE WHEN kind = 'late' THEN agency END,
                CASE WHEN kind = 'late' THEN 'Thẩm định' END,
                CASE WHEN kind = 'late' THEN (CASE WHEN h4 % 3 = 0 THEN 'system_only' ELSE 'actual' END) END,
                CASE WHEN kind = 'late' THEN 'Chậm xử lý' END,
                CASE WHEN kind = 'late' THEN h3 % 2 END,
                1, '{}', r
            FROM (SELECT code, agency, procedure, channel, kind, h3, h4, r,
                         r + (CASE h3 % 3 WHEN 0 THEN 3 WHEN 1 THEN 10 ELSE 15 END) * 86400 AS due
                  FROM (SELECT 'BM-' || i AS code,
                               '000.00.' || (10 + i % 30) || '.H56' AS agency,
                               '1.00' || (1000 + (i * 31) % 400) AS procedure,
                               CASE WHEN (i * 7919) % 100 < 60 THEN 'online' WHEN (i * 7919) % 100 < 95 THEN 'counter' ELSE 'postal' END AS channel,
                               CASE WHEN (i * 104729 + 17) % 1000 < 10 THEN 'open'
                                    WHEN (i * 104729 + 17) % 1000 < 20 THEN 'withdrawn'
                                    WHEN (i * 104729 + 17) % 1000 < 40 THEN 'late' ELSE 'resolved' END AS kind,
                               (i * 15485863) % 1000003 AS h3, (i * 32452843) % 999983 AS h4,
                               \(bind: Self.firstMonday)
                                 + (((i - 1) * \(bind: Self.workingDays) / \(bind: n)) / 5 * 7 + ((i - 1) * \(bind: Self.workingDays) / \(bind: n)) % 5) * 86400
                                 + CASE WHEN (i * 7919) % 100 < 60 THEN (i * 2654435761) % 86400
                                        ELSE 27000 + (i * 2654435761) % 34200 END AS r
                        FROM (
            """ + source + ") AS g) AS x) AS y"
        try await database.transaction { sql in try await sql.raw(body).run() }
        for definition in definitions { try await sql.raw("\(unsafeRaw: definition)").run() }
        switch database.dialect {
        case .sqlite: try await sql.raw("ANALYZE").run()
        case .postgres: try await sql.raw("VACUUM ANALYZE dossiers").run()
        }
    }

    private func best(_ body: () async throws -> Void) async throws -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let started = DispatchTime.now().uptimeNanoseconds
            try await body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        }
        return best
    }

    private func measure(_ database: Database, period: StatisticsPeriod, label: String) async throws {
        let store = StatisticsStore(database: database)
        let s = Int(period.start.timeIntervalSince1970), e = Int(period.end.timeIntervalSince1970)
        var figures = DossierFigures()
        var handFigures: [Int] = []
        var groups = 0, handGroups = 0
        let storeFigures = try await best { figures = try await store.dossierFigures(period) }
        let handFiguresTime = try await best { handFigures = try await Self.handWrittenFigures(database.sql, start: s, end: e) }
        let storeLate = try await best { groups = try await store.lateGroups(period).count }
        let handLate = try await best { handGroups = try await Self.handWrittenLateGroups(database.sql, start: s, end: e) }
        let storeList = [figures.received, figures.carriedOver, figures.resolved, figures.late, figures.withdrawn, figures.inProgress, figures.overdue]
        print("""
            \(database.dialect.rawValue) \(label) (\(period.from)–\(period.to)): received \(figures.received), carried over \(figures.carriedOver), \
            resolved \(figures.resolved) (late \(figures.late)), withdrawn \(figures.withdrawn), in progress \(figures.inProgress) \
            (overdue \(figures.overdue)); identity \(figures.identityHolds); same as hand-written: \(storeList == handFigures && groups == handGroups)
            | query | StatisticsStore | hand-written SQL | hand / store |
            |---|---|---|---|
            | dossier figures | \(Self.format(storeFigures)) | \(Self.format(handFiguresTime)) | \(String(format: "%.1f", handFiguresTime / storeFigures)) |
            | late grouping (\(groups) groups) | \(Self.format(storeLate)) | \(Self.format(handLate)) | \(String(format: "%.1f", handLate / storeLate)) |
            """)
    }

    static func format(_ seconds: Double) -> String { String(format: "%.3f s", seconds) }

    /// The figures as one would write them by hand: one pass over every row received before the end and not
    /// finished before the start.
    static func handWrittenFigures(_ sql: any SQLDatabase, start s: Int, end e: Int) async throws -> [Int] {
        let query: SQLQueryString = """
            SELECT SUM(CASE WHEN received_at >= \(bind: s) THEN 1 ELSE 0 END) AS received,
                   SUM(CASE WHEN received_at < \(bind: s) THEN 1 ELSE 0 END) AS carried_over,
                   SUM(CASE WHEN completed_at >= \(bind: s) AND completed_at < \(bind: e) THEN 1 ELSE 0 END) AS resolved,
                   SUM(CASE WHEN completed_at >= \(bind: s) AND completed_at < \(bind: e) AND completed_at > due_at THEN 1 ELSE 0 END) AS late,
                   SUM(CASE WHEN withdrawn_at >= \(bind: s) AND withdrawn_at < \(bind: e) THEN 1 ELSE 0 END) AS withdrawn,
                   SUM(CASE WHEN finished_at IS NULL OR finished_at >= \(bind: e) THEN 1 ELSE 0 END) AS in_progress,
                   SUM(CASE WHEN (finished_at IS NULL OR finished_at >= \(bind: e)) AND due_at < \(bind: e) THEN 1 ELSE 0 END) AS overdue
            FROM dossiers
            WHERE received_at < \(bind: e) AND (finished_at IS NULL OR finished_at >= \(bind: s))
            """
        guard let row = try await sql.raw(query).first() else { return [] }
        return try ["received", "carried_over", "resolved", "late", "withdrawn", "in_progress", "overdue"]
            .map { try row.decode(column: $0, as: Int?.self) ?? 0 }
    }

    static func handWrittenLateGroups(_ sql: any SQLDatabase, start s: Int, end e: Int) async throws -> Int {
        let query: SQLQueryString = """
            SELECT owning_agency_code, procedure_code, late_step, late_kind, late_reason, apology_sent, COUNT(*) AS n
            FROM dossiers
            WHERE completed_at >= \(bind: s) AND completed_at < \(bind: e) AND completed_at > due_at
            GROUP BY owning_agency_code, procedure_code, late_step, late_kind, late_reason, apology_sent
            """
        return try await sql.raw(query).all().count
    }
}
