import Logging
import MotCuaStore

/// What `buildApplication` needs; `serve` and the tests build it the same way.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var database: Database
    public var logger: Logger

    public init(host: String = "127.0.0.1", port: Int = 8080, database: Database,
                logger: Logger = Logger(label: "motcua")) {
        self.host = host
        self.port = port
        self.database = database
        self.logger = logger
    }
}
