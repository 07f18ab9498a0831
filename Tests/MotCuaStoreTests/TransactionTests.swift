import Foundation
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

@Suite("Transactions on SQLite and PostgreSQL")
struct TransactionTests {
    struct Boom: Error {}

    private func makeCounters(_ database: Database) async throws {
        try await database.sql.create(table: "counters")
            .column("id", type: .bigint, .primaryKey(autoIncrement: false))
            .column("value", type: .bigint, .notNull)
            .run()
        try await database.sql.insert(into: "counters").columns("id", "value").values(SQLBind(1), SQLBind(0)).run()
    }

    private func value(_ database: Database) async throws -> Int {
        let row = try await database.sql.select().column("value").from("counters").where("id", .equal, 1).first()
        return try #require(row).decode(column: "value", as: Int.self)
    }

    @Test("a throwing body leaves nothing behind", arguments: TestBackend.available)
    func rollback(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await makeCounters(database)
            await #expect(throws: Boom.self) {
                try await database.transaction { sql in
                    try await sql.update("counters").set("value", to: 42).where("id", .equal, 1).run()
                    throw Boom()
                }
            }
            #expect(try await value(database) == 0)
        }
    }

    @Test("concurrent read-modify-write transactions lose no update", arguments: TestBackend.available)
    func noLostUpdates(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await makeCounters(database)
            let lockSuffix = database.dialect == .postgres ? " FOR UPDATE" : ""
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<25 {
                    group.addTask {
                        try await database.transaction { sql in
                            let row = try await sql.raw("SELECT value FROM counters WHERE id = 1\(unsafeRaw: lockSuffix)").first()
                            let current = try #require(row).decode(column: "value", as: Int.self)
                            try await sql.update("counters").set("value", to: current + 1).where("id", .equal, 1).run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await value(database) == 25)
        }
    }

    @Test("an unreachable server is one clear line without the password")
    func unreachableServer() async throws {
        let location = try DatabaseLocation(parsing: "postgres://motcua:topsecret@127.0.0.1:1/motcua")
        let database = try Database(location: location)
        await #expect {
            try await database.checkConnection()
        } throws: { error in
            let text = String(describing: error)
            return text.contains("cannot reach") && text.contains("127.0.0.1:1") && !text.contains("topsecret")
        }
        await database.shutdown()
    }

    @Test("an unwritable folder is refused before SQLite is asked")
    func unwritableFolder() throws {
        #expect(throws: DatabaseConfigurationError.folderNotWritable("/proc/motcua")) {
            _ = try Database(location: .sqlite(path: "/proc/motcua/db.sqlite"))
        }
    }
}
