import Foundation
import Logging
import SQLKit

/// Applies what is missing from `Migrations.all` and refuses a database that a newer binary migrated.
///
/// Several app servers may start at once against one PostgreSQL: the whole check-and-apply runs in one
/// transaction under an advisory lock (on SQLite, `BEGIN IMMEDIATE` serialises it the same way).
public struct Migrator: Sendable {
    public let database: Database
    let migrations: [any Migration]
    let logger: Logger

    /// Arbitrary constant naming MotCua's migration lock among PostgreSQL advisory locks.
    static let advisoryLockKey = 0x6D6F_7463_7561

    public init(database: Database, migrations: [any Migration] = Migrations.all,
                logger: Logger = Logger(label: "motcua.migrate")) {
        precondition(
            zip(migrations, migrations.dropFirst()).allSatisfy { $0.version < $1.version },
            "Migrations must be listed in increasing version order")
        self.database = database
        self.migrations = migrations
        self.logger = logger
    }

    /// The highest applied migration, 0 for an empty database.
    public func currentVersion() async throws -> Int {
        guard try await tableExists() else { return 0 }
        let row = try await database.sql.raw("SELECT MAX(version) AS version FROM schema_migrations").first()
        return try row?.decodeNil(column: "version") == false ? try row!.decode(column: "version", as: Int.self) : 0
    }

    /// Applies every missing migration in order; returns the names of those applied.
    @discardableResult
    public func migrate() async throws -> [String] {
        let migrations = self.migrations
        let logger = self.logger
        let dialect = database.dialect
        return try await database.transaction { sql in
            if dialect == .postgres {
                try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: Self.advisoryLockKey))").run()
            }
            try await sql.create(table: "schema_migrations").ifNotExists()
                .column("version", type: .bigint, .primaryKey(autoIncrement: false))
                .column("name", type: .text, .notNull)
                .column("applied_at", type: .bigint, .notNull)
                .run()
            let applied = try await sql.select().column("version").from("schema_migrations")
                .all().map { try $0.decode(column: "version", as: Int.self) }
            let newest = applied.max() ?? 0
            let known = migrations.last?.version ?? 0
            guard newest <= known, Set(applied).isSubset(of: migrations.map(\.version)) else {
                throw DatabaseConfigurationError.newerSchema(database: newest, binary: known)
            }
            var names: [String] = []
            for migration in migrations where !applied.contains(migration.version) {
                logger.info("applying migration", metadata: ["migration": "\(migration.version) \(migration.name)"])
                try await migration.prepare(on: sql)
                try await sql.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Int(Date().timeIntervalSince1970)))
                    .run()
                names.append(migration.name)
            }
            return names
        }
    }

    /// Refuses to run on a database from a newer binary; used by `serve` before it migrates.
    public func checkNotNewer() async throws {
        let current = try await currentVersion()
        let known = migrations.last?.version ?? 0
        if current > known {
            throw DatabaseConfigurationError.newerSchema(database: current, binary: known)
        }
    }

    private func tableExists() async throws -> Bool {
        let query: SQLQueryString = switch database.dialect {
        case .sqlite: "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        case .postgres: "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
        }
        let row = try await database.sql.raw(query).first()
        return try (row?.decode(column: "n", as: Int.self) ?? 0) > 0
    }
}
