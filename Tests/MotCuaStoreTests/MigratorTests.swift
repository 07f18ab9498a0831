import Foundation
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

@Suite("Migrations on SQLite and PostgreSQL")
struct MigratorTests {
    @Test("an empty database gets every migration, once", arguments: TestBackend.available)
    func appliesAllOnce(backend: TestBackend) async throws {
        try await withTestDatabase(backend, migrate: false) { database in
            let migrator = Migrator(database: database)
            #expect(try await migrator.currentVersion() == 0)
            let applied = try await migrator.migrate()
            #expect(applied.count == Migrations.all.count)
            #expect(try await migrator.currentVersion() == Migrations.latestVersion)
            #expect(try await migrator.migrate().isEmpty)
            let rows = try await database.sql.raw("SELECT COUNT(*) AS n FROM schema_migrations").first()
            #expect(try rows?.decode(column: "n", as: Int.self) == Migrations.all.count)
        }
    }

    @Test("a database migrated by a newer binary is refused", arguments: TestBackend.available)
    func refusesNewerSchema(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let future = Migrations.latestVersion + 1
            try await database.sql.insert(into: "schema_migrations")
                .columns("version", "name", "applied_at")
                .values(SQLBind(future), SQLBind("FromTheFuture"), SQLBind(0))
                .run()
            let migrator = Migrator(database: database)
            await #expect(throws: DatabaseConfigurationError.newerSchema(database: future, binary: Migrations.latestVersion)) {
                try await migrator.checkNotNewer()
            }
            await #expect(throws: DatabaseConfigurationError.self) { try await migrator.migrate() }
        }
    }

    @Test("servers starting together migrate once", arguments: TestBackend.available)
    func concurrentMigrations(backend: TestBackend) async throws {
        try await withTestDatabase(backend, migrate: false) { database in
            let migrator = Migrator(database: database)
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 { group.addTask { try await migrator.migrate().count } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(counts.reduce(0, +) == Migrations.all.count)
            #expect(try await migrator.currentVersion() == Migrations.latestVersion)
        }
    }

    @Test("the calendar_days table holds administrator overrides", arguments: TestBackend.available)
    func calendarDaysTable(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await database.sql.insert(into: "calendar_days")
                .columns("date", "kind", "name", "updated_at")
                .values(SQLBind("2027-02-05"), SQLBind("holiday"), SQLBind("Tết Nguyên đán"), SQLBind(0))
                .run()
            let row = try await database.sql.select().column("name").from("calendar_days")
                .where("date", .equal, "2027-02-05").first()
            #expect(try row?.decode(column: "name", as: String.self) == "Tết Nguyên đán")
        }
    }
}
