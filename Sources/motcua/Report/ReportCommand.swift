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
        abstract: "Statistics of a quarter or of any dates (JSON, Form 06 XLSX) and the quarterly CCHC/PAPI report (Markdown, HTML, DOCX).",
        discussion: """
            The default period of a quarter follows Decree 09/2019/NĐ-CP: 2021-Q3 is 15/6/2021–14/9/2021.
            md, html and docx print the whole report of the period. Its section III covers the statistics window \
            saved with the report's draft (--statistics-from/--statistics-to set and save it; default the period). \
            --issue NUMBER --issued-on DATE freezes the report: later runs print the issued report unchanged.
            """)

    /// `register`: the sites' dossier register (Sổ theo dõi hồ sơ, Decree 118/2025 form set) as XLSX.
    enum Format: String, ExpressibleByArgument, CaseIterable { case json, md, html, docx, xlsx, register }

    @Option(help: "A quarter, e.g. 2021-Q3.") var quarter: String?
    @Option(help: "First day, ISO (with --to).") var from: String?
    @Option(help: "Last day, ISO, inclusive (with --from).") var to: String?
    @Option(help: "Limit to the procedures of this agency and the agencies below it.") var agency: String?
    @Option(help: "Limit the statistics (json, xlsx) to one procedure, by its code.") var procedure: String?
    @Option(help: "Limit the statistics (json, xlsx) to one field (lĩnh vực), as written in the catalogue.") var field: String?
    @Option(help: "json, md, html, docx, xlsx, or register (the dossier register of --agency SITE, or of every site, as XLSX).") var format: Format = .json
    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.") var output: String?
    @Option(help: "First day of the center's statistics in section III, ISO (md, html, docx; saved with the draft).") var statisticsFrom: String?
    @Option(help: "Last day of the center's statistics in section III, ISO, inclusive (with --statistics-from).") var statisticsTo: String?
    @Option(help: "Issue (freeze) the report with this number, e.g. 1076/BC-VPUBND (with --issued-on).") var issue: String?
    @Option(help: "The date of the issued report, ISO (with --issue).") var issuedOn: String?
    @Option(name: .customLong("edit"), parsing: .singleValue,
            help: "Replace a paragraph of the draft, saved with it: ID=TEXT (ids from --paragraph-ids; TEXT empty restores it).")
    var edits: [String] = []
    @Flag(help: "Print each paragraph's id and text (tab-separated) instead of the document.") var paragraphIds = false
    @OptionGroup var databaseOptions: DatabaseOptions

    func validate() throws {
        switch (quarter, from, to) {
        case (nil, nil, nil), (.some, nil, nil), (nil, .some, .some): break
        case (.some, _, _): throw ValidationError("give either --quarter or --from and --to, not both")
        default: throw ValidationError("--from and --to go together")
        }
        if (statisticsFrom == nil) != (statisticsTo == nil) {
            throw ValidationError("--statistics-from and --statistics-to go together")
        }
        if (issue == nil) != (issuedOn == nil) { throw ValidationError("--issue and --issued-on go together") }
        if issue != nil || statisticsFrom != nil || !edits.isEmpty || paragraphIds, [.json, .xlsx, .register].contains(format) {
            throw ValidationError("--issue, --statistics-from, --edit and --paragraph-ids apply to the report document: use --format md, html or docx")
        }
        for edit in edits where !edit.contains("=") { throw ValidationError("--edit takes ID=TEXT, got '\(edit)'") }
        if [.docx, .xlsx, .register].contains(format), output == nil, isatty(STDOUT_FILENO) == 1 {
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
        guard let quarter else { return try ReportingQuarter(containing: VietnamTime.localDate(of: Date())).period }
        do { return try ReportingQuarter(parsing: quarter).period } catch {
            throw CommandFailure("report: --quarter must look like 2021-Q3, got '\(quarter)'")
        }
    }

    static func currentQuarter() -> String {
        ReportingQuarter(containing: VietnamTime.localDate(of: Date())).description
    }

    func run() async throws {
        let period = try period()
        let agencyCode = try agency.map { try AgencyCode(parsing: $0) }
        let procedureCode = try procedure.map { try ProcedureCode(parsing: $0) }
        let logger = Logger(label: "motcua.report")
        let data = try await DatabaseOpener.withDatabase(databaseOptions, logger: logger) { database -> Data in
            let data: Data
            switch format {
            case .json:
                data = try await StatisticsReporter(database: database)
                    .report(period, agency: agencyCode, procedure: procedureCode, field: field).json() + Data("\n".utf8)
            case .xlsx:
                var scope = StatisticsScope(procedure: procedureCode, field: field)
                if let agencyCode {
                    let own = StatisticsScope.of(agencyCode, in: try await Self.directory(with: agencyCode, database: database), on: period.to)
                    scope.sites = own.sites
                    scope.owningAgencies = own.owningAgencies
                }
                data = try await Form06Workbook.load(period, database: database, scope: scope).workbook().xlsxData()
            case .register:
                do {
                    data = try await DossierRegister.load(period, site: agencyCode, database: database).workbook().xlsxData()
                } catch let error as DossierRegister.Unavailable {
                    throw CommandFailure("report: \(error.description)")
                }
            case .md, .html, .docx:
                let report = try await quarterlyReport(period, agency: agencyCode, database: database)
                if paragraphIds {
                    data = Data(report.allParagraphs.map { "\($0.id)\t\($0.text)\n" }.joined().utf8)
                } else {
                switch format {
                case .md: data = Data(QuarterlyReportMarkdownRenderer.render(report).utf8)
                case .html: data = Data(QuarterlyReportHTMLRenderer.render(report).utf8)
                default: data = try QuarterlyReportDocxRenderer.docx(report)
                }
                }
            }
            return data
        }
        if let output {
            do { try data.write(to: URL(fileURLWithPath: output)) } catch {
                throw CommandFailure("report: cannot write \(output) (check the folder exists and is writable)")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// The issued report of the period, or a draft built now; issues it first when asked (the assembly is
    /// `QuarterlyReports.prepare`, shared with the report page).
    func quarterlyReport(_ period: StatisticsPeriod, agency: AgencyCode?, database: Database) async throws -> QuarterlyReport {
        var changes = QuarterlyReportChanges()
        if let statisticsFrom, let statisticsTo {
            changes.statisticsWindow = try StatisticsPeriod(from: LocalDate(iso: statisticsFrom), to: LocalDate(iso: statisticsTo))
        }
        for edit in edits {
            let parts = edit.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            changes.overrides[String(parts[0])] = String(parts[1])
        }
        if let issue, let issuedOn {
            changes.issue = .init(number: issue, issuedOn: try LocalDate(iso: issuedOn))
        }
        do {
            let report = try await QuarterlyReports(database: database).prepare(period, agency: agency, changes: changes,
                                                                               by: CommandActor.current)
            if let issue {
                FileHandle.standardError.write(Data("issued \(issue) for \(period.from)–\(period.to); it is now frozen\n".utf8))
            }
            return report
        } catch let error as QuarterlyReportError {
            throw CommandFailure("report: \(error)")
        }
    }

    /// The directory, once `agency` is known to be in it.
    static func directory(with agency: AgencyCode, database: Database) async throws -> AgencyDirectory {
        let directory = try await AgencyStore(database: database).directory()
        guard directory[agency] != nil else { throw StoreError.notFound(kind: "agency", key: agency.rawValue) }
        return directory
    }
}
