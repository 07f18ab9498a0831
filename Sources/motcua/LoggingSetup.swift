import Foundation
import Logging

/// Log lines go to standard error as `key=value` text; the level comes from `MOTCUA_LOG_LEVEL`
/// (trace, debug, info, notice, warning, error, critical; default info).
enum LoggingSetup {
    static func bootstrap() {
        let level = ProcessInfo.processInfo.environment["MOTCUA_LOG_LEVEL"]
            .flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    static func logger(_ label: String) -> Logger { Logger(label: label) }
}
