@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLiteKit

/// The one handle every store uses: a connection pool on SQLite or PostgreSQL behind SQLKit.
///
/// Stores write SQL once, through `sql` or `transaction`; what differs between the two dialects
/// (transaction start, locking, pool sizing) stays in this file.
public final class Database: Sendable {
    public enum Dialect: String, Sendable { case sqlite, postgres }

    public let location: DatabaseLocation
    public let dialect: Dialect
    private let pool: Pool
    /// SQLite runs one writer at a time; in-process writers queue here (fair, no sleeping) rather than
    /// in SQLite's busy handler. Unused on PostgreSQL, whose row locks let writers run side by side.
    private let sqliteWriteLock = AsyncLock()
    /// SQLite calls block a thread while they run (or wait for the file lock): one thread per
    /// connection means a waiting writer can never starve the one holding the lock.
    private let sqliteThreads: NIOThreadPool?
    private let logger: Logger
    let metrics: DatabaseMetrics

    private enum Pool: Sendable {
        case sqlite(EventLoopGroupConnectionPool<TunedSQLiteSource>)
        case postgres(EventLoopGroupConnectionPool<PostgresConnectionSource>)
    }

    /// Opens a pool. Nothing is connected yet; call `checkConnection()` to fail fast on bad settings.
    /// - Parameter sqliteSynchronous: `.full` always, but in the benchmark that measures what it costs.
    public init(
        location: DatabaseLocation,
        maxConnections: Int = 8,
        logger: Logger = Logger(label: "motcua.database"),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        sqliteSynchronous: SQLiteSynchronous = .full
    ) throws(DatabaseConfigurationError) {
        self.location = location
        // The pool logs every failed connection attempt at error level; the caller reports the same
        // failure in one clear line, so the pool only speaks when something is critical.
        // (At debug level everything is kept, for whoever is chasing a problem.)
        var poolLogger = logger
        if poolLogger.logLevel > .debug { poolLogger.logLevel = .critical }
        self.logger = poolLogger
        let loops = eventLoopGroup.makeIterator().map { $0 }.count
        let perLoop = max(1, maxConnections / max(1, loops))
        switch location {
        case .sqlite(let path):
            try Self.prepareFolder(forSQLiteFile: path)
            let threads = NIOThreadPool(numberOfThreads: perLoop * loops + 1)
            threads.start()
            sqliteThreads = threads
            let source = TunedSQLiteSource(path: path, threadPool: threads, synchronous: sqliteSynchronous)
            pool = .sqlite(EventLoopGroupConnectionPool(
                source: source, maxConnectionsPerEventLoop: perLoop, pruneInterval: nil,
                logger: poolLogger, on: eventLoopGroup))
            dialect = .sqlite
        case .postgres(let server):
            let configuration: SQLPostgresConfiguration
            do { configuration = try server.configuration } catch {
                throw .malformedURL("TLS could not be set up")
            }
            pool = .postgres(EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration),
                maxConnectionsPerEventLoop: perLoop, pruneInterval: .seconds(60),
                logger: poolLogger, on: eventLoopGroup))
            dialect = .postgres
            sqliteThreads = nil
        }
        metrics = DatabaseMetrics(dialect: dialect, maxConnections: perLoop * loops)
    }

    /// A database that runs each query on any pooled connection; for single statements.
    public var sql: any SQLDatabase {
        switch pool {
        case .sqlite(let pool): MeteredSQLDatabase(base: PooledSQLiteDatabase(pool: pool, logger: logger).sql(), metrics: metrics)
        case .postgres(let pool): MeteredSQLDatabase(base: pool.database(logger: logger).sql(), metrics: metrics)
        }
    }

    /// Runs `body` in one transaction on one connection: committed if it returns, rolled back if it throws.
    ///
    /// On SQLite the transaction takes the write lock at once (`BEGIN IMMEDIATE`), so two writers wait for
    /// each other (busy timeout) instead of failing half-way when both try to upgrade a read lock.
    public func transaction<T: Sendable>(
        _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        switch pool {
        case .sqlite(let pool):
            return try await sqliteWriteLock.withLock {
                let connection = try await pool.requestConnection(logger: logger).get()
                defer { pool.releaseConnection(connection, logger: logger) }
                return try await runTransaction(on: connection.sql(), begin: "BEGIN IMMEDIATE", body)
            }
        case .postgres(let pool):
            let connection = try await pool.requestConnection(logger: logger).get()
            defer { pool.releaseConnection(connection, logger: logger) }
            return try await runTransaction(on: connection.sql(), begin: "BEGIN", body)
        }
    }

    private func runTransaction<T: Sendable>(
        on connection: any SQLDatabase, begin: String,
        _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        let database = MeteredSQLDatabase(base: connection, metrics: metrics)
        metrics.transactionStarted()
        defer { metrics.transactionEnded() }
        try await database.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(database)
            try await database.raw("COMMIT").run()
            return result
        } catch {
            try? await database.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Asks the database a trivial question; throws a `DatabaseConfigurationError` naming the problem.
    public func checkConnection() async throws(DatabaseConfigurationError) {
        do {
            _ = try await sql.raw("SELECT 1 AS one").first()
        } catch {
            throw DatabaseErrorTranslator.describe(error, location: location)
        }
    }

    /// Closes every connection. Call once, when the process is done with the database.
    public func shutdown() async {
        switch pool {
        case .sqlite(let pool): try? await pool.shutdownAsync()
        case .postgres(let pool): try? await pool.shutdownAsync()
        }
        try? await sqliteThreads?.shutdownGracefully()
    }

    /// Creates the folder of a SQLite file and checks that this process may write there, so that
    /// a wrong path fails with a clear message instead of a SQLite error code.
    private static func prepareFolder(forSQLiteFile path: String) throws(DatabaseConfigurationError) {
        let fileManager = FileManager.default
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .cannotOpenFile(path: path, reason: "it is a folder") }
            guard fileManager.isWritableFile(atPath: path) else {
                throw .cannotOpenFile(path: path, reason: "the file is not writable")
            }
        }
        do {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .folderNotWritable(folder)
        }
        guard fileManager.isWritableFile(atPath: folder) else { throw .folderNotWritable(folder) }
    }
}

/// When SQLite acknowledges a commit. The product runs `.full`; `.normal` exists so that a benchmark can
/// show what durability costs (BENCHMARKS.md).
public enum SQLiteSynchronous: String, Sendable, CaseIterable {
    /// The commit is on disk before it is acknowledged: a power cut loses nothing acknowledged.
    case full
    /// WAL is synced at checkpoints only: the last commits can vanish in a power cut.
    case normal

    var pragmaValue: String { rawValue.uppercased() }
}

/// SQLite connections set up for a shared office file: foreign keys on, write-ahead log (readers do not
/// block the writer), and a busy timeout so that concurrent writers queue instead of failing.
struct TunedSQLiteSource: ConnectionPoolSource {
    let base: SQLiteConnectionSource
    let synchronous: SQLiteSynchronous
    static let busyTimeoutMilliseconds = 15_000

    init(path: String, threadPool: NIOThreadPool, synchronous: SQLiteSynchronous) {
        base = SQLiteConnectionSource(
            configuration: .init(storage: .file(path: path), enableForeignKeys: true), threadPool: threadPool)
        self.synchronous = synchronous
    }

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        base.makeConnection(logger: logger, on: eventLoop).flatMap { connection in
            connection.query("PRAGMA busy_timeout = \(Self.busyTimeoutMilliseconds)")
                .flatMap { _ in connection.query("PRAGMA journal_mode = WAL") }
                // FULL: a commit is on disk before it is acknowledged, so a power cut cannot take back a dossier
                // code already printed on a receipt (NORMAL may lose the last commits in WAL mode).
                .flatMap { _ in connection.query("PRAGMA synchronous = \(synchronous.pragmaValue)") }
                .map { _ in connection }
                .flatMapError { error in connection.close().flatMapThrowing { throw error } }
        }
    }
}
