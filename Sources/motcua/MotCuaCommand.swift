import ArgumentParser
import Foundation
import Logging

/// `motcua`: the one binary that serves the web app, migrates, imports and writes reports.
@main
struct MotCuaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motcua",
        abstract: "MotCua — phần mềm một cửa: serve, migrate and manage a public administration service center.",
        subcommands: [ServeCommand.self, MigrateCommand.self, CalendarCommand.self, ImportCommand.self,
                      ReportCommand.self, IndicatorsCommand.self, UserCommand.self, AuditCommand.self, DemoCommand.self,
                      SettingsCommand.self, FormsCommand.self, AgenciesCommand.self, NotifyCommand.self,
                      StatisticsBenchmarkCommand.self, IntakeBenchmarkCommand.self])

    static func main() async {
        LoggingSetup.bootstrap()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: CommandFailure.clean(error))
        }
    }
}

/// Options every subcommand that touches data accepts.
struct DatabaseOptions: ParsableArguments {
    static let environmentKey = "MOTCUA_DATABASE"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A SQLite file path (default ./data/motcua.sqlite) or postgres://user:pass@host:port/db.",
            discussion: "When absent, the environment variable MOTCUA_DATABASE is used.",
            valueName: "path-or-url"))
    var database: String?

    /// The option, else the environment variable, else the default SQLite file.
    var rawValue: String? {
        database ?? ProcessInfo.processInfo.environment[Self.environmentKey]
    }
}
