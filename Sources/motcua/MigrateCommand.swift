import ArgumentParser
import MotCuaStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the database migrations this binary knows and the database lacks.")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Flag(help: "Only print the database's migration version and what is pending.")
    var status = false

    func run() async throws {
        let logger = LoggingSetup.logger("motcua.migrate")
        let database = try await DatabaseOpener.open(databaseOptions, logger: logger)
        defer { Task { await database.shutdown() } }
        let migrator = Migrator(database: database, logger: logger)
        let current = try await migrator.currentVersion()
        if status {
            print("database: \(database.location)")
            print("version: \(current) of \(Migrations.latestVersion)")
            await database.shutdown()
            return
        }
        let applied = try await migrator.migrate()
        if applied.isEmpty {
            print("up to date at version \(current) (\(database.location))")
        } else {
            print("applied \(applied.count) migration(s), now at version \(Migrations.latestVersion): \(applied.joined(separator: ", "))")
        }
        await database.shutdown()
    }
}
