import Foundation
import PostgresKit

/// Where the data lives, parsed from `--database` / `MOTCUA_DATABASE`.
///
/// A plain path means an embedded SQLite file (one office PC); a `postgres://` URL means a PostgreSQL
/// server shared by several app servers. The password never appears in `description`.
public enum DatabaseLocation: Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    public static let defaultSQLitePath = "./data/motcua.sqlite"

    /// Parses the value of `--database`; `nil` or empty means the default SQLite file.
    public init(parsing raw: String?) throws(DatabaseConfigurationError) {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces)
        if value.isEmpty {
            self = .sqlite(path: Self.defaultSQLitePath)
            return
        }
        let lowered = value.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(url: value))
            return
        }
        if let colon = value.range(of: "://") {
            let scheme = String(value[..<colon.lowerBound])
            throw .unsupportedScheme(scheme)
        }
        self = .sqlite(path: value)
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "SQLite file \(path)"
        case .postgres(let location): "PostgreSQL \(location.redacted)"
        }
    }
}

/// A PostgreSQL server address with its credentials kept out of every printed form.
public struct PostgresLocation: Sendable {
    public let host: String
    public let port: Int
    public let username: String
    let password: String?
    public let database: String?
    let tlsMode: TLSMode
    /// `search_path` for every connection (tests use one schema per test).
    public var searchPath: [String]?

    init(url raw: String) throws(DatabaseConfigurationError) {
        guard let components = URLComponents(string: raw) else { throw .malformedURL("not a valid URL") }
        guard let host = components.host, !host.isEmpty else { throw .malformedURL("the host is missing") }
        guard let user = components.user, !user.isEmpty else { throw .malformedURL("the user name is missing") }
        if let port = components.port, !(1...65_535).contains(port) {
            throw .malformedURL("the port \(port) is out of range")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else { throw .malformedURL("the database name may not contain '/'") }
        var tlsMode = TLSMode.disable
        for item in components.queryItems ?? [] {
            guard ["sslmode", "tlsmode"].contains(item.name.lowercased()) else {
                throw .malformedURL("unknown parameter '\(item.name)' (only sslmode is understood)")
            }
            guard let mode = TLSMode(libpqName: item.value ?? "") else {
                throw .malformedURL("sslmode must be disable, prefer or require")
            }
            tlsMode = mode
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = path.isEmpty ? nil : path
        self.tlsMode = tlsMode
    }

    /// The URL with the password replaced, safe for logs and error messages.
    public var redacted: String {
        let secret = password == nil ? "" : ":***"
        return "postgres://\(username)\(secret)@\(host):\(port)/\(database ?? "")"
    }

    var configuration: SQLPostgresConfiguration {
        get throws {
            let tls: PostgresConnection.Configuration.TLS =
                switch tlsMode {
                case .disable: .disable
                case .prefer: .prefer(try .init(configuration: .makeClientConfiguration()))
                case .require: .require(try .init(configuration: .makeClientConfiguration()))
                }
            var configuration = SQLPostgresConfiguration(
                hostname: host, port: port, username: username, password: password,
                database: database, tls: tls)
            configuration.searchPath = searchPath
            return configuration
        }
    }
}

/// TLS towards PostgreSQL. The default is `disable` (a server on the same private network), because
/// PostgresNIO always verifies certificates fully and Debian's default server certificate is self-signed.
enum TLSMode: Sendable {
    case disable, prefer, require

    init?(libpqName: String) {
        switch libpqName.lowercased() {
        case "disable", "false": self = .disable
        case "prefer", "allow", "true": self = .prefer
        case "require", "verify-ca", "verify-full": self = .require
        default: return nil
        }
    }
}

/// Problems with the database setting or with reaching the database, each with a one-line message
/// that names the problem and never contains a password.
public enum DatabaseConfigurationError: Error, CustomStringConvertible, Equatable {
    case unsupportedScheme(String)
    case malformedURL(String)
    case folderNotWritable(String)
    case cannotOpenFile(path: String, reason: String)
    case unreachable(String, reason: String)
    case rejected(String, reason: String)
    case newerSchema(database: Int, binary: Int)

    public var description: String {
        switch self {
        case .unsupportedScheme(let scheme):
            "database: unsupported URL scheme '\(scheme)' (use a file path for SQLite or postgres://user:pass@host:port/db)"
        case .malformedURL(let reason):
            "database: malformed PostgreSQL URL: \(reason) (expected postgres://user:pass@host:port/db)"
        case .folderNotWritable(let folder):
            "database: cannot write to the folder \(folder) (check that it exists and that this user may write there)"
        case .cannotOpenFile(let path, let reason):
            "database: cannot open the SQLite file \(path): \(reason)"
        case .unreachable(let location, let reason):
            "database: cannot reach \(location): \(reason)"
        case .rejected(let location, let reason):
            "database: \(location) refused the connection: \(reason)"
        case .newerSchema(let database, let binary):
            "database: its schema is at migration \(database) but this motcua knows only up to \(binary); it was migrated by a newer version — upgrade motcua instead of running this one"
        }
    }
}
