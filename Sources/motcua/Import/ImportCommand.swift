import ArgumentParser
import Foundation
import Logging
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
            data = try Data(contentsOf: URL(fileURLWithPath: file))
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

struct ImportAgenciesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agencies", abstract: "CSV with the header code,name,short_name,parent_code.")
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        try await ImportRunner(file: file, databaseOptions: databaseOptions).run { database, data, progress in
            try await AgencyImporter(database: database).run(data, progress: progress)
        }
    }
}

struct ImportProceduresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procedures",
        abstract: "CSV with the header code,name,field,agency_code,processing_days,legal_days,online_level.")
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        try await ImportRunner(file: file, databaseOptions: databaseOptions).run { database, data, progress in
            try await ProcedureImporter(database: database).run(data, progress: progress)
        }
    }
}

struct ImportDossiersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossiers",
        abstract: "CSV with the header code,procedure_code,channel,received_at,due_at,completed_at,returned_at,return_channel,outcome,late_agency_code,late_step,late_kind,late_reason,apology_sent.")
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        try await ImportRunner(file: file, databaseOptions: databaseOptions).run { database, data, progress in
            try await DossierImporter(database: database).run(data, progress: progress)
        }
    }
}

struct ImportGuidanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guidance",
        abstract: "CSV with the header at,kind,agency_code,note (kind: in_person, outgoing_call, incoming_call).")
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        try await ImportRunner(file: file, databaseOptions: databaseOptions).run { database, data, progress in
            try await GuidanceImporter(database: database).run(data, progress: progress)
        }
    }
}

struct ImportRatingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ratings",
        abstract: "CSV with the header at,dossier_code,officer,rating (rating: very_satisfied, satisfied, unsatisfied).")
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        try await ImportRunner(file: file, databaseOptions: databaseOptions).run { database, data, progress in
            try await RatingImporter(database: database).run(data, progress: progress)
        }
    }
}

struct ImportDocumentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "The register of issued documents, for the quarterly report: CSV with the header number,date,type,issuer,subject,tags,section,lead,note.")
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        try await ImportRunner(file: file, databaseOptions: databaseOptions).run { database, data, progress in
            try await DocumentImporter(database: database).run(data, progress: progress)
        }
    }
}

struct ImportReportEntriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report-entries",
        abstract: "What officers record for the quarterly report: CSV with the header date,kind,section,category,count,title,text,result.")
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        try await ImportRunner(file: file, databaseOptions: databaseOptions).run { database, data, progress in
            try await ReportEntryImporter(database: database).run(data, progress: progress)
        }
    }
}
