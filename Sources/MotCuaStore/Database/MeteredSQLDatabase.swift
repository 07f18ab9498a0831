import Dispatch
import Logging
import Metrics
import NIOCore
import SQLKit

/// Forwards every query to the pooled database and records how long it took, so `/metrics` shows the
/// database side of slow requests.
struct MeteredSQLDatabase: SQLDatabase {
    let base: any SQLDatabase
    let metrics: DatabaseMetrics

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        let start = DispatchTime.now().uptimeNanoseconds
        let metrics = self.metrics
        metrics.queryStarted()
        return base.execute(sql: query, onRow).always { result in
            metrics.queryEnded(nanoseconds: DispatchTime.now().uptimeNanoseconds - start, failed: (try? result.get()) == nil)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let start = DispatchTime.now().uptimeNanoseconds
        metrics.queryStarted()
        do {
            try await base.execute(sql: query, onRow)
            metrics.queryEnded(nanoseconds: DispatchTime.now().uptimeNanoseconds - start, failed: false)
        } catch {
            metrics.queryEnded(nanoseconds: DispatchTime.now().uptimeNanoseconds - start, failed: true)
            throw error
        }
    }
}

/// Database figures for `/metrics`: queries, their latency and failures, queries and transactions in
/// flight (how busy the pool is) and the pool's size.
struct DatabaseMetrics: Sendable {
    private let queries: Counter
    private let failures: Counter
    private let latency: Metrics.Timer
    private let queriesInFlight: Meter
    private let transactionsInFlight: Meter
    private let poolSize: Gauge

    init(dialect: Database.Dialect, maxConnections: Int) {
        let dimensions = [("dialect", dialect.rawValue)]
        queries = Counter(label: "motcua_db_queries_total", dimensions: dimensions)
        failures = Counter(label: "motcua_db_query_failures_total", dimensions: dimensions)
        latency = Metrics.Timer(label: "motcua_db_query_duration_seconds", dimensions: dimensions)
        queriesInFlight = Meter(label: "motcua_db_queries_in_flight", dimensions: dimensions)
        transactionsInFlight = Meter(label: "motcua_db_transactions_in_flight", dimensions: dimensions)
        poolSize = Gauge(label: "motcua_db_pool_max_connections", dimensions: dimensions)
        poolSize.record(maxConnections)
    }

    func queryStarted() { queriesInFlight.increment() }

    func queryEnded(nanoseconds: UInt64, failed: Bool) {
        queriesInFlight.decrement()
        queries.increment()
        if failed { failures.increment() }
        latency.recordNanoseconds(Int64(clamping: nanoseconds))
    }

    func transactionStarted() { transactionsInFlight.increment() }
    func transactionEnded() { transactionsInFlight.decrement() }
}
