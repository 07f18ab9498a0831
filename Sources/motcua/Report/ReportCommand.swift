import ArgumentParser
import Foundation
import Logging
import MotCuaCore
import MotCuaReports
import MotCuaStore
import WorkCalendar

/// `motcua report`: the statistics of a period, for people and for other tools.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Statistics of a quarter or of any dates: JSON (a contract for other tools) or the Form 06 workbook (XLSX).",
        discussion: "The default period of a quarter follows Decree 09/2019/NĐ-CP: 2021-Q3 is 15/6/2021–14/9/2021.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, md, html, docx, xlsx }

    @Option(help: "A quarter, e.g. 2021-Q3.") var quarter: String?
    @Option(help: "First day, ISO (with --to).") var from: String?
    @Option(help: "Last day, ISO, inclusive (with --from).") var to: String?
    @Option(help: "Limit to the procedures of this agency and the agencies below it.") var agency: String?
    @Option(help: "json, md, html, docx or xlsx.") var format: Format = .json
    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.") var output: String?
    @OptionGroup var databaseOptions: DatabaseOptions

    func validate() throws {
        switch (quarter, from, to) {
        case (nil, nil, nil), (.some, nil, nil), (nil, .some, .some): break
        case (.some, _, _): throw ValidationError("give either --quarter or --from and --to, not both")
        default: throw ValidationError("--from and --to go together")
        }
        if [.docx, .xlsx].contains(format), output == nil, isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("--format \(format.rawValue) writes a binary file: give -o FILE")
        }
    }

    func period() throws -> StatisticsPeriod {
        if let from, let to {
            return try StatisticsPeriod(from: LocalDate(iso: from), to: LocalDate(iso: to))
        }
        return try Self.quarterPeriod(quarter)
    }

    /// The Decree 09/2019 period of "2021-Q3", or of the current quarter.
    static func quarterPeriod(_ quarter: String?) throws -> StatisticsPeriod {
        let text = quarter ?? Self.currentQuarter()
        let parts = text.uppercased().split(separator: "-Q")
        guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]) else {
            throw CommandFailure("report: --quarter must look like 2021-Q3, got '\(text)'")
        }
        return try StatisticsPeriod.quarter(number, of: year)
    }

    static func currentQuarter() -> String {
        let today = VietnamTime.localDate(of: Date())
        return "\(today.year)-Q\((today.month - 1) / 3 + 1)"
    }

    func run() async throws {
        let period = try period()
        let agencyCode = try agency.map { try AgencyCode(parsing: $0) }
        let logger = Logger(label: "motcua.report")
        let database = try await DatabaseOpener.open(databaseOptions, logger: logger)
        let data: Data
        do {
            try await Migrator(database: database, logger: logger).migrate()
            switch format {
            case .json:
                data = try await StatisticsReporter(database: database).report(period, agency: agencyCode).json() + Data("\n".utf8)
            case .xlsx:
                var scope = StatisticsScope.all
                if let agencyCode { scope.owningAgencies = try await Self.subtree(of: agencyCode, database: database) }
                data = try await Form06Workbook.load(period, database: database, scope: scope).workbook().xlsxData()
            case .md, .html, .docx:
                throw CommandFailure("report: --format \(format.rawValue) (the whole Decree 30 report document) is not available in this version yet; use json or xlsx")
            }
            await database.shutdown()
        } catch {
            await database.shutdown()
            throw error
        }
        if let output {
            do { try data.write(to: URL(fileURLWithPath: output)) } catch {
                throw CommandFailure("report: cannot write \(output) (check the folder exists and is writable)")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    static func subtree(of agency: AgencyCode, database: Database) async throws -> [AgencyCode] {
        let directory = try await AgencyStore(database: database).directory()
        guard directory[agency] != nil else { throw StoreError.notFound(kind: "agency", key: agency.rawValue) }
        return directory.agencies.keys.filter { directory.chain(from: $0).contains { $0.code == agency } }.sorted()
    }
}
