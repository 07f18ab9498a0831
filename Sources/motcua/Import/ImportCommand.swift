import ArgumentParser
import Foundation
import Logging
import MotCuaCore
import MotCuaStore

/// `motcua import agencies|procedures|dossiers FILE`: data from an older system, CSV (UTF-8, RFC 4180).
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import agencies, procedures or dossiers from CSV files (all or nothing per file; safe to repeat).",
        subcommands: [ImportAgenciesCommand.self, ImportProceduresCommand.self, ImportDossiersCommand.self,
                      ImportGuidanceCommand.self, ImportRatingsCommand.self, ImportDocumentsCommand.self,
                      ImportReportEntriesCommand.self])
}

/// What the three import commands share: the file, the database, progress and the report.
struct ImportRunner {
    let file: String
    let databaseOptions: DatabaseOptions

    func run(_ importer: (Database, Data, @escaping ImportProgress) async throws -> ImportResult) async throws {
        let data: Data
        do {
            // Mapped, not copied: a million-row file stays in the page cache instead of the heap.
            data = try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)
        } catch {
            throw CommandFailure("import: cannot read \(file) (check the path and that this user may read it)")
        }
        let logger = Logger(label: "motcua.import")
        let database = try await DatabaseOpener.open(databaseOptions, logger: logger)
        let progress = TerminalProgress()
        do {
            try await Migrator(database: database, logger: logger).migrate()
            let result = try await importer(database, data, progress.report)
            progress.finish()
            try await AuditStore(database: database).append(Self.auditEvent(result, file: file, data: data))
            await database.shutdown()
            print(result)
        } catch let error as ImportError {
            progress.finish()
            await database.shutdown()
            if case .rows(let problems) = error {
                for problem in problems { FileHandle.standardError.write(Data("\(file): \(problem)\n".utf8)) }
            }
            FileHandle.standardError.write(Data("Error: import: \(file): \(error)\n".utf8))
            throw ExitCode(65)  // EX_DATAERR: the input data was incorrect
        } catch {
            progress.finish()
            await database.shutdown()
            throw error
        }
    }
}

extension ImportRunner {
    /// One audit row per imported file: which file (path and SHA-256 of its bytes) and the counts.
    static func auditEvent(_ result: ImportResult, file: String, data: Data) -> AuditEvent {
        AuditEvent(at: Date(), actor: CommandActor.current, action: .fileImported, objectKind: "import",
                   objectID: result.kind,
                   after: AuditEvent.values([
                       "file": URL(fileURLWithPath: file).standardizedFileURL.path, "sha256": AuditStore.sha256(data),
                       "rows": String(result.rows), "imported": String(result.imported),
                       "already_present": String(result.alreadyPresent),
                   ]))
    }
}

/// Progress on standard error, rewritten in place, only when standard error is a terminal.
final class TerminalProgress: Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1

    var report: ImportProgress {
        let enabled = self.enabled
        return { phase, done in
            guard enabled else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K\(phase): \(done) row(s)".utf8))
        }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// The CSV import commands differ only in their name, their importer and a word on the columns; the
/// columns in `--help` come from the importer, so help and code cannot disagree.
protocol CSVImportCommand: AsyncParsableCommand {
    var file: String { get }
    var databaseOptions: DatabaseOptions { get }
    static func importFile(_ database: Database, _ data: Data, _ progress: @escaping ImportProgress) async throws -> ImportResult
}

extension CSVImportCommand {
    func run() async throws {
        try await ImportRunner(file: file, databaseOptions: databaseOptions).run(Self.importFile)
    }

    static func help(_ columns: [String], before: String = "", after: String = "") -> String {
        "\(before)CSV with the header \(columns.joined(separator: ","))\(after)."
    }
}

struct ImportAgenciesCommand: CSVImportCommand {
    static let configuration = CommandConfiguration(commandName: "agencies", abstract: help(AgencyImporter.columns))
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    static func importFile(_ database: Database, _ data: Data, _ progress: @escaping ImportProgress) async throws -> ImportResult {
        try await AgencyImporter(database: database).run(data, progress: progress)
    }
}

struct ImportProceduresCommand: CSVImportCommand {
    static let configuration = CommandConfiguration(commandName: "procedures", abstract: help(ProcedureImporter.columns))
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    static func importFile(_ database: Database, _ data: Data, _ progress: @escaping ImportProgress) async throws -> ImportResult {
        try await ProcedureImporter(database: database).run(data, progress: progress)
    }
}

struct ImportDossiersCommand: CSVImportCommand {
    static let configuration = CommandConfiguration(commandName: "dossiers", abstract: help(DossierImporter.columns))
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    static func importFile(_ database: Database, _ data: Data, _ progress: @escaping ImportProgress) async throws -> ImportResult {
        try await DossierImporter(database: database).run(data, progress: progress)
    }
}

struct ImportGuidanceCommand: CSVImportCommand {
    static let configuration = CommandConfiguration(commandName: "guidance", abstract: help(GuidanceImporter.columns, after: " (kind: in_person, outgoing_call, incoming_call)"))
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    static func importFile(_ database: Database, _ data: Data, _ progress: @escaping ImportProgress) async throws -> ImportResult {
        try await GuidanceImporter(database: database).run(data, progress: progress)
    }
}

struct ImportRatingsCommand: CSVImportCommand {
    static let configuration = CommandConfiguration(commandName: "ratings", abstract: help(RatingImporter.columns, after: " (rating: very_satisfied, satisfied, unsatisfied)"))
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    static func importFile(_ database: Database, _ data: Data, _ progress: @escaping ImportProgress) async throws -> ImportResult {
        try await RatingImporter(database: database).run(data, progress: progress)
    }
}

struct ImportDocumentsCommand: CSVImportCommand {
    static let configuration = CommandConfiguration(commandName: "documents", abstract: help(DocumentImporter.columns, before: "The register of issued documents, for the quarterly report: "))
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    static func importFile(_ database: Database, _ data: Data, _ progress: @escaping ImportProgress) async throws -> ImportResult {
        try await DocumentImporter(database: database).run(data, progress: progress)
    }
}

struct ImportReportEntriesCommand: CSVImportCommand {
    static let configuration = CommandConfiguration(commandName: "report-entries", abstract: help(ReportEntryImporter.columns, before: "What officers record for the quarterly report: "))
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    static func importFile(_ database: Database, _ data: Data, _ progress: @escaping ImportProgress) async throws -> ImportResult {
        try await ReportEntryImporter(database: database).run(data, progress: progress)
    }
}
