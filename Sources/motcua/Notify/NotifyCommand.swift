import ArgumentParser
import Foundation
import Logging
import MotCuaCore
import MotCuaNotify
import MotCuaStore
import ServiceLifecycle
import WorkCalendar

/// The channels' settings: flags, else `MOTCUA_*` environment variables. Each channel is optional.
struct NotifyOptions: ParsableArguments {
    @Option(name: .customLong("smtp-url"), help: ArgumentHelp("smtp://[user:pass@]host:port (else MOTCUA_SMTP_URL); no e-mail without it.", valueName: "url"))
    var smtpURL: String?
    @Option(name: .customLong("mail-from"), help: ArgumentHelp("The sender address (else MOTCUA_MAIL_FROM).", valueName: "address"))
    var mailFrom: String?
    @Option(name: .customLong("public-url"), help: ArgumentHelp("The site's public address for the lookup links (else MOTCUA_PUBLIC_URL).", valueName: "url"))
    var publicURL: String?

    static func environment(_ key: String) -> String? {
        ProcessInfo.processInfo.environment[key].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }

    /// The configured senders by channel; a bad value fails naming its key, never printing a secret.
    func senders() throws -> [NoticeChannel: any NoticeSender] {
        var senders: [NoticeChannel: any NoticeSender] = [:]
        if let url = smtpURL ?? Self.environment("MOTCUA_SMTP_URL") {
            guard let from = mailFrom ?? Self.environment("MOTCUA_MAIL_FROM") else {
                throw CommandFailure("notify: MOTCUA_SMTP_URL is set but MOTCUA_MAIL_FROM (the sender address) is not")
            }
            do {
                senders[.email] = SMTPSender(configuration: try SMTPConfiguration(url: url, from: from))
            } catch let error as NotifyConfigurationError {
                throw CommandFailure("notify: \(error.description)")
            }
        }
        if let token = Self.environment("MOTCUA_ZNS_TOKEN") {
            guard let template = Self.environment("MOTCUA_ZNS_TEMPLATE_ID") else {
                throw CommandFailure("notify: MOTCUA_ZNS_TOKEN is set but MOTCUA_ZNS_TEMPLATE_ID (the registered template) is not")
            }
            senders[.zns] = ZNSSender(url: Self.environment("MOTCUA_ZNS_URL") ?? ZNSSender.officialURL, token: token, templateID: template)
        }
        if let url = Self.environment("MOTCUA_SMS_URL") {
            guard let token = Self.environment("MOTCUA_SMS_TOKEN") else {
                throw CommandFailure("notify: MOTCUA_SMS_URL is set but MOTCUA_SMS_TOKEN is not")
            }
            senders[.sms] = SMSSender(url: url, token: token, unaccented: Self.environment("MOTCUA_SMS_UNACCENTED") != "0")
        }
        return senders
    }

    var lookupURL: String {
        let base = publicURL ?? Self.environment("MOTCUA_PUBLIC_URL") ?? "http://127.0.0.1:8080"
        return (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/tra-cuu"
    }

    @Option(help: ArgumentHelp("Seconds a worker holds a notice it is sending; after a crash, others take it once this has passed.", valueName: "seconds"))
    var lease: Int = 120
    @Option(name: .customLong("first-retry"), help: ArgumentHelp("Seconds before a failed notice's second attempt (doubling after).", valueName: "seconds"))
    var firstRetry: Int = 30

    func worker(_ database: Database, logger: Logger) throws -> NoticeWorker? {
        let senders = try senders()
        guard !senders.isEmpty else { return nil }
        guard (1...3600).contains(lease), (1...3600).contains(firstRetry) else {
            throw CommandFailure("notify: --lease and --first-retry take 1–3600 seconds")
        }
        return NoticeWorker(store: NoticeStore(database: database), senders: senders, lookupURL: lookupURL,
                            lease: TimeInterval(lease), firstRetry: TimeInterval(firstRetry), logger: logger)
    }
}

/// `motcua notify …`: the notices to applicants.
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Notices to applicants: run the delivery worker, list the outbox.",
        subcommands: [NotifyWorkCommand.self, NotifyListCommand.self])
}

struct NotifyWorkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "work",
        abstract: "Deliver the outbox until stopped (SIGTERM, SIGINT); several workers may share a PostgreSQL database.",
        discussion: "Channels: --smtp-url/MOTCUA_SMTP_URL with --mail-from/MOTCUA_MAIL_FROM for e-mail; MOTCUA_ZNS_TOKEN with MOTCUA_ZNS_TEMPLATE_ID (and MOTCUA_ZNS_URL) for Zalo; MOTCUA_SMS_URL with MOTCUA_SMS_TOKEN (MOTCUA_SMS_UNACCENTED=0 to keep diacritics) for SMS. Notices of a channel that is not configured are cancelled (Zalo ones then go by SMS).")

    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var notify: NotifyOptions
    @Flag(help: "Deliver what is due now, then exit.") var once = false

    func run() async throws {
        let logger = LoggingSetup.logger("motcua.notify")
        let database = try await DatabaseOpener.open(databaseOptions, logger: logger)
        do {
            try await Migrator(database: database, logger: logger).migrate()
            guard let worker = try notify.worker(database, logger: logger) else {
                throw CommandFailure("notify work: no channel is configured (set MOTCUA_SMTP_URL and MOTCUA_MAIL_FROM, MOTCUA_ZNS_TOKEN or MOTCUA_SMS_URL)")
            }
            if once {
                try await worker.drain()
            } else {
                let group = ServiceGroup(configuration: .init(services: [worker], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
                try await group.run()
            }
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}

struct NotifyListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The outbox, newest first (CSV: created_at,dossier_code,channel,recipient,template,state,attempts).")

    @Option(help: "One dossier's notices.") var dossier: String?
    @Option(help: "pending, sending, sent, delivered, failed or cancelled.") var state: String?
    @OptionGroup var databaseOptions: DatabaseOptions

    func validate() throws {
        if let state, NoticeState(rawValue: state) == nil {
            throw ValidationError("--state must be one of \(NoticeState.allCases.map(\.rawValue).joined(separator: ", ")); got '\(state)'")
        }
        if let dossier, (try? DossierCode(parsing: dossier)) == nil { throw ValidationError("--dossier '\(dossier)' is not a dossier code") }
    }

    func run() async throws {
        let code = try dossier.map { try DossierCode(parsing: $0) }
        let notices = try await DatabaseOpener.withDatabase(databaseOptions, logger: Logger(label: "motcua.notify")) { database in
            try await NoticeStore(database: database).list(dossier: code, state: state.flatMap(NoticeState.init(rawValue:)), limit: 100_000)
        }
        print("created_at,dossier_code,channel,recipient,template,state,attempts")
        for n in notices {
            print(CSVOutput.line([VietnamTime.iso8601(n.createdAt), n.dossierCode.rawValue, n.channel.rawValue, n.recipient, n.template,
                                  n.state.rawValue, "\(n.attempts)"]))
        }
    }
}
