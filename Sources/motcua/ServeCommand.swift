import ArgumentParser
import ServiceLifecycle
import Foundation
import Hummingbird
import Logging
import MotCuaCore
import MotCuaStore
import MotCuaWeb

/// Where and how the web application listens; shared by `serve` and `demo`.
struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    static let secureCookiesKey = "MOTCUA_SECURE_COOKIES"

    @Flag(
        name: .customLong("secure-cookies"),
        help: ArgumentHelp(
            "The site is served over HTTPS (directly or by a proxy): Secure cookies and Strict-Transport-Security.",
            discussion: "When absent, MOTCUA_SECURE_COOKIES=1 (or true, yes) turns it on."))
    var secureCookiesFlag = false

    /// The flag, else the environment variable; a value that is neither yes nor no fails naming the key.
    func secureCookies() throws -> Bool {
        if secureCookiesFlag { return true }
        guard let raw = ProcessInfo.processInfo.environment[Self.secureCookiesKey]?
            .trimmingCharacters(in: .whitespaces).lowercased(), !raw.isEmpty else { return false }
        switch raw {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ArgumentParser.ValidationError("\(Self.secureCookiesKey) must be 1 or 0 (true/false, yes/no), got '\(raw)'")
        }
    }

    static let trustedProxiesKey = "MOTCUA_TRUSTED_PROXIES"

    @Option(name: .customLong("trusted-proxy"),
            help: ArgumentHelp("A reverse proxy (address or CIDR network) whose X-Forwarded-For names the client; repeat for several.",
                               discussion: "When absent, MOTCUA_TRUSTED_PROXIES (comma-separated) is read. Without one, the connected peer is the client."))
    var trustedProxyTexts: [String] = []

    @Option(name: .customLong("online-submissions-per-day"),
            help: "Online submissions the center takes per day (anonymous, so capped; at most 5000).")
    var onlineSubmissionsPerDay = PublicLimits().onlineSubmissionsPerDay

    /// The flag's networks, else the environment variable's; a value that is not an address or network fails naming it.
    func trustedProxies() throws -> [IPNetwork] {
        var texts = trustedProxyTexts
        if texts.isEmpty, let raw = ProcessInfo.processInfo.environment[Self.trustedProxiesKey] {
            texts = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return try texts.map { text in
            guard let network = IPNetwork(text) else {
                throw ArgumentParser.ValidationError("--trusted-proxy (or \(Self.trustedProxiesKey)) must be an IP address or CIDR network such as 10.0.0.0/8, got '\(text)'")
            }
            return network
        }
    }

    func publicLimits() -> PublicLimits {
        PublicLimits(onlineSubmissionsPerDay: onlineSubmissionsPerDay)
    }

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ArgumentParser.ValidationError("--port must be between 1 and 65535, got \(port)") }
        guard !host.isEmpty else { throw ArgumentParser.ValidationError("--host must not be empty") }
        guard DossierCodeSeries.online.numbers.count >= onlineSubmissionsPerDay, onlineSubmissionsPerDay >= 0 else {
            throw ArgumentParser.ValidationError("--online-submissions-per-day must be between 0 and \(DossierCodeSeries.online.numbers.count), got \(onlineSubmissionsPerDay)")
        }
        _ = try secureCookies()
        _ = try trustedProxies()
    }
}

/// Migrates the database, then serves until SIGINT or SIGTERM (graceful shutdown).
enum WebServer {
    /// - Parameter allowDemoAccounts: serve a database whose demo accounts still open with the public password
    ///   (the demo itself, on loopback); otherwise such a database is refused.
    static func run(_ database: Database, options: ServerOptions, logger: Logger, allowDemoAccounts: Bool,
                    notify: NotifyOptions) async throws {
        try await Migrator(database: database, logger: logger).checkNotNewer()
        let applied = try await Migrator(database: database, logger: logger).migrate()
        if !applied.isEmpty { logger.info("database migrated", metadata: ["applied": "\(applied.count)"]) }
        if !allowDemoAccounts {
            let open = try await DemoAccounts.openAccounts(in: database)
            guard open.isEmpty else {
                throw CommandFailure("""
                    serve: \(database.location) holds \(open.count) demo account(s) that open with the public demo password \
                    (\(open.prefix(3).joined(separator: ", "))\(open.count > 3 ? ", …" : "")); disable them or change their passwords \
                    (motcua user disable / motcua user password), or pass --allow-demo-accounts for a showcase
                    """)
            }
        }
        let app = buildApplication(AppConfiguration(host: options.host, port: options.port, database: database,
                                                    logger: logger, secureCookies: try options.secureCookies(),
                                                    trustedProxies: try options.trustedProxies(),
                                                    publicLimits: options.publicLimits()))
        logger.info("serving", metadata: ["address": "http://\(options.host):\(options.port)", "database": "\(database.location)"])
        // The outbox's worker runs beside the server when a channel is configured (else `motcua notify work`).
        if let worker = try notify.worker(database, logger: logger) {
            let group = ServiceGroup(configuration: .init(services: [app, worker], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        } else {
            try await app.runService()
        }
    }
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application and the JSON API (migrates an empty database first).")

    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var server: ServerOptions
    @OptionGroup var notify: NotifyOptions
    @Flag(name: .customLong("allow-demo-accounts"),
          help: "Serve even though the database holds the demo's accounts, whose password is public (a showcase, never production).")
    var allowDemoAccounts = false

    func run() async throws {
        MetricsBootstrap.bootstrap()
        let logger = LoggingSetup.logger("motcua")
        try PortCheck.ensureFree(host: server.host, port: server.port)
        let database = try await DatabaseOpener.open(databaseOptions, logger: logger)
        do {
            try await WebServer.run(database, options: server, logger: logger, allowDemoAccounts: allowDemoAccounts, notify: notify)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}
