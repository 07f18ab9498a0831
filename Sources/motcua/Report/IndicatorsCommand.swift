import ArgumentParser
import Foundation
import Logging
import MotCuaCore
import MotCuaReports
import MotCuaStore
import WorkCalendar

/// `motcua indicators`: the Decision 766/QĐ-TTg indicators per owning agency for a period.
struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Decision 766/QĐ-TTg indicators per agency for a quarter or any dates: on-time rate, online rate, online payment rate, satisfaction.",
        discussion: """
            Each indicator is printed with its formula and scores max × min(1, rate ÷ threshold). The on-time rate \
            follows the 766 rule (supplement waits paused, more than one supplement request late, open dossiers \
            judged at the end of the period); the legal rate of the quarterly report is printed beside it. \
            Thresholds and points are settings: --settings FILE (JSON, e.g. {"online":{"max_points":12,"threshold":0.5}}).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, table }

    @Option(help: "A quarter, e.g. 2021-Q3.") var quarter: String?
    @Option(help: "First day, ISO (with --to).") var from: String?
    @Option(help: "Last day, ISO, inclusive (with --from).") var to: String?
    @Option(help: "json or table.") var format: Format = .json
    @Option(help: "JSON file of thresholds and maximum points (missing keys keep the defaults).") var settings: String?
    @OptionGroup var databaseOptions: DatabaseOptions

    func validate() throws {
        switch (quarter, from, to) {
        case (nil, nil, nil), (.some, nil, nil), (nil, .some, .some): break
        case (.some, _, _): throw ValidationError("give either --quarter or --from and --to, not both")
        default: throw ValidationError("--from and --to go together")
        }
    }

    func run() async throws {
        let period: StatisticsPeriod
        if let from, let to {
            period = try StatisticsPeriod(from: LocalDate(iso: from), to: LocalDate(iso: to))
        } else {
            period = try ReportCommand.quarterPeriod(quarter)
        }
        var indicatorSettings = IndicatorSettings()
        if let settings {
            guard let data = FileManager.default.contents(atPath: settings) else {
                throw CommandFailure("indicators: cannot read \(settings)")
            }
            do { indicatorSettings = try MotCuaJSON.decode(IndicatorSettings.self, from: data) } catch {
                throw CommandFailure("indicators: \(settings) is not a settings JSON file: \(error)")
            }
        }
        let logger = Logger(label: "motcua.indicators")
        let report = try await DatabaseOpener.withDatabase(databaseOptions, logger: logger) { database in
            try await IndicatorReporter(database: database).report(period, settings: indicatorSettings)
        }
        switch format {
        case .json:
            let encoder = MotCuaJSON.encoder()
            encoder.outputFormatting.insert(.prettyPrinted)
            FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
        case .table:
            FileHandle.standardOutput.write(Data(report.table().utf8))
        }
    }
}
