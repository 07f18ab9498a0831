import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import SQLKit
import Testing

@Suite("Audit trail: hash chain and append-only history on SQLite and PostgreSQL", .serialized)
struct AuditStoreTests {
    static func event(_ number: Int, actor: String = "quantri", action: AuditAction = .userRoleChanged) -> AuditEvent {
        AuditEvent(at: Fixtures.instant("2021-07-12 09:00").addingTimeInterval(Double(number) * 60), actor: actor,
                   action: action, objectKind: "user", objectID: "lan\(number)",
                   before: AuditEvent.values(["role": "reception"]), after: AuditEvent.values(["role": "leader", "note": "số \(number), \"trích dẫn\""]))
    }

    /// Appends `count` rows and returns the store.
    static func filled(_ database: Database, count: Int) async throws -> AuditStore {
        let store = AuditStore(database: database)
        for number in 1...count { try await store.append(event(number)) }
        return store
    }

    /// What a tamperer with file or superuser access does first: drop the triggers that refuse changes.
    static func dropTriggers(on table: String, _ database: Database, _ backend: TestBackend) async throws {
        switch backend {
        case .sqlite:
            try await database.sql.raw("DROP TRIGGER \(ident: table + "_no_update")").run()
            try await database.sql.raw("DROP TRIGGER \(ident: table + "_no_delete")").run()
        case .postgres:
            try await database.sql.raw("DROP TRIGGER \(ident: table + "_append_only") ON \(ident: table)").run()
        }
    }

    @Test("appended rows chain to each other and verify; listing filters and pages newest first",
          arguments: TestBackend.available)
    func chainVerifies(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let empty = try await AuditStore(database: database).verify()
            #expect(empty.isIntact && empty.rows == 0)
            let store = try await Self.filled(database, count: 5)
            try await store.append(Self.event(6, actor: "hoa", action: .reportIssued))
            let result = try await store.verify(batchSize: 2)  // several batches
            #expect(result.isIntact)
            #expect(result.rows == 6 && result.lastID == 6)

            let all = try await store.list(AuditFilter(limit: 100)).entries
            #expect(all.map(\.id) == [6, 5, 4, 3, 2, 1])
            #expect(all.last?.previousHash == AuditChain.genesisHash)
            for (newer, older) in zip(all, all.dropFirst()) { #expect(newer.previousHash == older.hash) }
            #expect(all.last?.event == Self.event(1))  // read back exactly as hashed

            #expect(try await store.list(AuditFilter(actor: "hoa")).entries.map(\.id) == [6])
            #expect(try await store.list(AuditFilter(action: .userRoleChanged)).entries.count == 5)
            #expect(try await store.list(AuditFilter(objectKind: "user", objectID: "lan2")).entries.map(\.id) == [2])
            let window = AuditFilter(from: Fixtures.instant("2021-07-12 09:02"), until: Fixtures.instant("2021-07-12 09:04"))
            #expect(try await store.list(window).entries.map(\.id) == [3, 2])
            let first = try await store.list(AuditFilter(limit: 4))
            #expect(first.entries.map(\.id) == [6, 5, 4, 3] && first.nextBeforeID == 3)
            let second = try await store.list(AuditFilter(beforeID: first.nextBeforeID, limit: 4))
            #expect(second.entries.map(\.id) == [2, 1] && second.nextBeforeID == nil)
        }
    }

    @Test("a row appended with a change commits and rolls back with it", arguments: TestBackend.available)
    func appendInTransaction(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await database.transaction { sql in
                    try await AuditStore.append(Self.event(1), on: sql)
                    throw Refused()
                }
            }
            let store = AuditStore(database: database)
            #expect(try await store.verify().rows == 0)
            try await database.transaction { sql in _ = try await AuditStore.append(Self.event(1), on: sql) }
            #expect(try await store.verify().rows == 1)
        }
    }

    @Test("concurrent appends never fork the chain", arguments: TestBackend.available)
    func concurrentAppends(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let store = AuditStore(database: database)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 1...20 { group.addTask { try await store.append(Self.event(number)) } }
                try await group.waitForAll()
            }
            let result = try await store.verify()
            #expect(result.isIntact && result.rows == 20)
        }
    }

    @Test("the database refuses UPDATE and DELETE on audit_events", arguments: TestBackend.available)
    func auditRowsAreAppendOnly(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let store = try await Self.filled(database, count: 3)
            await #expect(throws: (any Error).self) {
                try await database.sql.raw("UPDATE audit_events SET actor = 'ke.gian' WHERE id = 2").run()
            }
            await #expect(throws: (any Error).self) {
                try await database.sql.raw("DELETE FROM audit_events WHERE id = 3").run()
            }
            if backend == .postgres {
                await #expect(throws: (any Error).self) { try await database.sql.raw("TRUNCATE audit_events").run() }
            }
            let result = try await store.verify()
            #expect(result.isIntact && result.rows == 3)
        }
    }

    @Test("altering a row's after value by hand is named by verify", arguments: TestBackend.available)
    func alteredRowIsNamed(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let store = try await Self.filled(database, count: 5)
            try await Self.dropTriggers(on: "audit_events", database, backend)
            try await database.sql.raw("""
                UPDATE audit_events SET after = '{"role":"administrator"}' WHERE id = 3
                """).run()
            let result = try await store.verify()
            #expect(result.rows == 2)
            let broken = try #require(result.firstBreak)
            #expect(broken.id == 3)
            guard case .contentAltered = broken.problem else {
                Issue.record("expected an altered row, got \(broken)")
                return
            }
            #expect(broken.description.hasPrefix("row 3:"))
        }
    }

    @Test("a row altered with its own hash recomputed breaks the link from the next row", arguments: TestBackend.available)
    func recomputedHashIsCaught(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let store = try await Self.filled(database, count: 4)
            try await Self.dropTriggers(on: "audit_events", database, backend)
            let row = try #require(try await store.list(AuditFilter(objectKind: "user", objectID: "lan2")).entries.first)
            var forged = row.event
            forged.actor = "ke.gian"
            let hash = AuditStore.hash(id: row.id, event: forged, previousHash: row.previousHash)
            try await database.sql.raw("UPDATE audit_events SET actor = 'ke.gian', hash = \(bind: hash) WHERE id = 2").run()
            let broken = try #require(try await store.verify().firstBreak)
            #expect(broken.id == 3)
            guard case .previousHashMismatch = broken.problem else {
                Issue.record("expected a broken link, got \(broken)")
                return
            }
        }
    }

    @Test("deleting a middle row, or the first, is detected", arguments: TestBackend.available)
    func removedRowsAreDetected(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let store = try await Self.filled(database, count: 5)
            try await Self.dropTriggers(on: "audit_events", database, backend)
            try await database.sql.raw("DELETE FROM audit_events WHERE id = 3").run()
            var broken = try #require(try await store.verify().firstBreak)
            #expect(broken.id == 4)
            #expect(broken.description.contains("row 3 is missing"))
            try await database.sql.raw("DELETE FROM audit_events WHERE id = 1").run()
            broken = try #require(try await store.verify().firstBreak)
            #expect(broken.id == 2)
        }
    }

    @Test("the database refuses UPDATE and DELETE on dossier_events", arguments: TestBackend.available)
    func dossierEventsAreAppendOnly(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let dossier = try await DossierStore(database: database).register(
                RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                    applicant: try Fixtures.applicant(), channel: .counter),
                at: Fixtures.instant("2021-07-12 09:00"), actor: "lan")
            let code = dossier.code.rawValue
            await #expect(throws: (any Error).self) {
                try await database.sql.raw("UPDATE dossier_events SET actor = 'ke.gian' WHERE dossier_code = \(bind: code)").run()
            }
            await #expect(throws: (any Error).self) {
                try await database.sql.raw("DELETE FROM dossier_events WHERE dossier_code = \(bind: code)").run()
            }
            let actors = try await database.sql.raw("SELECT actor FROM dossier_events WHERE dossier_code = \(bind: code)").all()
                .map { try $0.decode(column: "actor", as: String.self) }
            #expect(!actors.isEmpty && actors.allSatisfy { $0 == "lan" })
            // New events are still appended.
            #expect(try await DossierStore(database: database).events(of: dossier.code).count == actors.count)
        }
    }
}

@Suite("Audit chain encoding")
struct AuditChainTests {
    @Test("the canonical encoding is unambiguous: moving text between fields changes the bytes")
    func unambiguous() {
        let at = Date(timeIntervalSince1970: 1_626_055_200)
        let a = AuditEvent(at: at, actor: "a", action: .userAdded, objectKind: "user", objectID: "b\n1:c")
        let b = AuditEvent(at: at, actor: "a\n1:b", action: .userAdded, objectKind: "user", objectID: "c")
        #expect(AuditChain.canonicalBytes(id: 1, event: a, previousHash: AuditChain.genesisHash)
                != AuditChain.canonicalBytes(id: 1, event: b, previousHash: AuditChain.genesisHash))
        let absent = AuditEvent(at: at, actor: "a", action: .userAdded, objectKind: "user", objectID: "x", before: nil)
        let dash = AuditEvent(at: at, actor: "a", action: .userAdded, objectKind: "user", objectID: "x", before: "-")
        #expect(AuditStore.hash(id: 1, event: absent, previousHash: "0") != AuditStore.hash(id: 1, event: dash, previousHash: "0"))
        #expect(AuditStore.hash(id: 1, event: a, previousHash: "0").count == 64)
    }
}
