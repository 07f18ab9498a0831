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
