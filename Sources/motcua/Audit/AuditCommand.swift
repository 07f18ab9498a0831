import ArgumentParser
import Foundation
import Logging
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// `motcua audit …`: the hash-chained audit trail.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit trail: verify its hash chain, list its rows.",
        subcommands: [AuditVerifyCommand.self, AuditListCommand.self])
}

/// Opens the database without creating or migrating anything: verifying and listing only read.
enum AuditDatabase {
    /// The first version with `audit_events`.
    static let auditVersion = 15

    /// Runs `body` with the trail, or returns nil when the database has no trail yet (a missing SQLite file,
    /// or one migrated by an older binary).
    static func withTrail<T: Sendable>(_ options: DatabaseOptions, _ body: (AuditStore) async throws -> T) async throws -> T? {
        let location = try DatabaseLocation(parsing: options.rawValue)
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("audit: no database at \(path)")
        }
        let logger = Logger(label: "motcua.audit")
        return try await DatabaseOpener.withDatabase(options, logger: logger, migrate: false) { database in
            guard try await Migrator(database: database, logger: logger).currentVersion() >= auditVersion else { return nil }
            return try await body(AuditStore(database: database))
        }
    }
}

struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the audit trail's hash chain: exit 0 when intact, 1 naming the first broken row.",
        discussion: """
            Every row carries the SHA-256 of the row before it and of its own content, so a row altered or removed \
            by hand breaks the chain from there on. Removing the newest rows leaves a shorter chain that still \
            verifies: keep the printed head (last id and hash) somewhere else to detect that too.
            """)

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        guard let result = try await AuditDatabase.withTrail(databaseOptions, { try await $0.verify() }) else {
            print("audit trail intact: 0 rows (the database has no audit trail yet; run motcua migrate)")
            return
        }
        if let broken = result.firstBreak {
            print("audit trail broken: \(result.rows) row(s) verified before row \(broken.id)")
            FileHandle.standardError.write(Data("Error: audit: \(broken)\n".utf8))
            throw ExitCode(1)
        }
        if let lastID = result.lastID, let lastHash = result.lastHash {
            print("audit trail intact: \(result.rows) rows (head: row \(lastID), \(lastHash))")
        } else {
            print("audit trail intact: 0 rows")
        }
    }
}

struct AuditListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The audit trail, newest first (CSV: id,at,actor,action,object_kind,object_id,before,after,hash).")

    @Option(help: "Only this actor (a username, or cli:<user> for the command line).") var actor: String?
    @Option(help: "Only this action, e.g. user.added, dossier.personal_data_read.") var action: String?
    @Option(help: "Only this kind of object, e.g. user, dossier, report.") var objectKind: String?
    @Option(help: "Only this object id (with --object-kind), e.g. a username or a dossier code.") var objectId: String?
    @Option(help: "First day, ISO, in Vietnamese local time.") var from: String?
    @Option(help: "Last day, ISO, inclusive.") var to: String?
    @Option(help: "At most this many rows (1–100000).") var limit = 1000
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        guard (1...100_000).contains(limit) else { throw ValidationError("--limit must be within 1–100000") }
        var filter = AuditFilter(actor: actor, action: action.map(AuditAction.init(rawValue:)), objectKind: objectKind,
                                 objectID: objectId, limit: min(limit, 1000))
        filter.from = try from.map { VietnamTime.instant(date: try LocalDate(iso: $0), time: try TimeOfDay(hour: 0)) }
        filter.until = try to.map { VietnamTime.instant(date: try LocalDate(iso: $0).adding(days: 1), time: try TimeOfDay(hour: 0)) }
        let wanted = limit
        let entries = try await AuditDatabase.withTrail(databaseOptions) { trail -> [AuditEntry] in
            var entries: [AuditEntry] = []
            var filter = filter
            while entries.count < wanted {
                let page = try await trail.list(filter)
                entries += page.entries
                guard let next = page.nextBeforeID else { break }
                filter.beforeID = next
            }
            return Array(entries.prefix(wanted))
        } ?? []
        print("id,at,actor,action,object_kind,object_id,before,after,hash")
        for entry in entries {
            let event = entry.event
            print(CSVOutput.line([String(entry.id), VietnamTime.iso8601(event.at), event.actor, event.action.rawValue,
                                  event.objectKind, event.objectID, event.before ?? "", event.after ?? "", entry.hash]))
        }
    }
}
