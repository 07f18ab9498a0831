import Foundation
import NIOCore
import NIOPosix
import PostgresNIO
import SQLiteNIO

/// Turns driver errors met while connecting into one line a person can act on.
///
/// PostgresNIO hides details on purpose (its `description` is generic to avoid leaking data); the fields
/// read here — error code, server message, underlying socket error — never include the password.
enum DatabaseErrorTranslator {
    static func describe(_ error: any Error, location: DatabaseLocation) -> DatabaseConfigurationError {
        if let known = error as? DatabaseConfigurationError { return known }
        let place = location.description
        if let postgres = error as? PSQLError {
            if let message = postgres.serverInfo?[.message] {
                return .rejected(place, reason: message)
            }
            if let underlying = postgres.underlying {
                return .unreachable(place, reason: socketReason(underlying))
            }
            return .unreachable(place, reason: "\(postgres.code)")
        }
        if let sqlite = error as? SQLiteError {
            return .cannotOpenFile(path: sqlitePath(location), reason: sqlite.message)
        }
        return .unreachable(place, reason: socketReason(error))
    }

    private static func socketReason(_ error: any Error) -> String {
        if let io = error as? IOError {
            return String(cString: strerror(io.errnoCode)).lowercased()
        }
        if let connect = error as? NIOConnectionError {
            if let first = connect.connectionErrors.first { return socketReason(first.error) }
            if connect.dnsAAAAError != nil || connect.dnsAError != nil { return "the host name could not be resolved" }
            return "no address to connect to"
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel {
            return "the connection timed out"
        }
        let text = String(describing: error)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    private static func sqlitePath(_ location: DatabaseLocation) -> String {
        if case .sqlite(let path) = location { return path }
        return location.description
    }
}
