import ArgumentParser
import Hummingbird
import Logging
import MotCuaStore
import MotCuaWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application and the JSON API (migrates an empty database first).")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be between 1 and 65535, got \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() async throws {
        MetricsBootstrap.bootstrap()
        let logger = LoggingSetup.logger("motcua")
        try PortCheck.ensureFree(host: host, port: port)
        let database = try await DatabaseOpener.open(databaseOptions, logger: logger)
        do {
            try await Migrator(database: database, logger: logger).checkNotNewer()
            let applied = try await Migrator(database: database, logger: logger).migrate()
            if !applied.isEmpty { logger.info("database migrated", metadata: ["applied": "\(applied.count)"]) }
            let app = buildApplication(AppConfiguration(host: host, port: port, database: database, logger: logger))
            logger.info("serving", metadata: ["address": "http://\(host):\(port)", "database": "\(database.location)"])
            try await app.runService()
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}
