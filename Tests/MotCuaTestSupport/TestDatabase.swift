import Foundation
import Logging
import MotCuaStore
import SQLKit

/// The two databases every store test runs on. PostgreSQL joins when `MOTCUA_TEST_POSTGRES` holds a
/// URL (CI always sets it); a run without it says so once on standard error.
public enum TestBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres

    public static let postgresURLKey = "MOTCUA_TEST_POSTGRES"

    /// SQLite always; PostgreSQL when configured.
    public static var available: [TestBackend] {
        if ProcessInfo.processInfo.environment[postgresURLKey]?.isEmpty == false { return [.sqlite, .postgres] }
        announceSkippedPostgres
        return [.sqlite]
    }

    private static let announceSkippedPostgres: Void = {
        FileHandle.standardError.write(Data("note: \(postgresURLKey) is not set; store tests run on SQLite only\n".utf8))
    }()

    public var description: String { rawValue }
}

/// A fresh, migrated database for one test, removed afterwards: a new SQLite file in a temporary
/// folder, or a new PostgreSQL schema (every connection's `search_path` points at it).
public func withTestDatabase<T: Sendable>(
    _ backend: TestBackend,
    migrate: Bool = true,
    _ body: (Database) async throws -> T
) async throws -> T {
    let logger = Logger(label: "motcua.test")
    switch backend {
    case .sqlite:
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("motcua-test-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try Database(location: .sqlite(path: folder.appendingPathComponent("test.sqlite").path),
                                    maxConnections: 4, logger: logger)
        return try await run(body, on: database, migrate: migrate)
    case .postgres:
        guard let url = ProcessInfo.processInfo.environment[TestBackend.postgresURLKey],
              case .postgres(var server) = try DatabaseLocation(parsing: url) else {
            throw TestDatabaseError.postgresNotConfigured
        }
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try Database(location: .postgres(server), maxConnections: 1, logger: logger)
        try await admin.sql.raw("CREATE SCHEMA \(ident: schema)").run()
        server.searchPath = [schema]
        let database = try Database(location: .postgres(server), maxConnections: 4, logger: logger)
        do {
            let result = try await run(body, on: database, migrate: migrate)
            try await admin.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            await admin.shutdown()
            return result
        } catch {
            try? await admin.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            await admin.shutdown()
            throw error
        }
    }
}

private func run<T: Sendable>(_ body: (Database) async throws -> T, on database: Database, migrate: Bool) async throws -> T {
    do {
        if migrate { try await Migrator(database: database).migrate() }
        let result = try await body(database)
        await database.shutdown()
        return result
    } catch {
        await database.shutdown()
        throw error
    }
}

public enum TestDatabaseError: Error, CustomStringConvertible {
    case postgresNotConfigured
    public var description: String { "\(TestBackend.postgresURLKey) does not hold a postgres:// URL" }
}
