import Logging
import MotCuaStore

/// Opens the database named by `--database` / `MOTCUA_DATABASE` and proves it answers, so that every
/// command fails fast with one clear line on a bad setting.
enum DatabaseOpener {
    static func open(_ options: DatabaseOptions, logger: Logger) async throws -> Database {
        let location = try DatabaseLocation(parsing: options.rawValue)
        let database = try Database(location: location, logger: logger)
        do {
            try await database.checkConnection()
        } catch {
            await database.shutdown()
            throw error
        }
        return database
    }
}

extension DatabaseOpener {
    /// Opens the database, migrates it unless told not to, runs `body`, and closes the database on every
    /// path — the shape of every command that reads or writes data.
    static func withDatabase<T: Sendable>(
        _ options: DatabaseOptions, logger: Logger, migrate: Bool = true,
        _ body: (Database) async throws -> T
    ) async throws -> T {
        let database = try await open(options, logger: logger)
        do {
            if migrate { try await Migrator(database: database, logger: logger).migrate() }
            let result = try await body(database)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }
}
