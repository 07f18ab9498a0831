import Foundation
import Logging
import MotCuaCore
import MotCuaStore

/// What `buildApplication` needs; `serve` and the tests build it the same way.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var database: Database
    public var logger: Logger
    /// The site is served over HTTPS (directly or behind a proxy): cookies get the Secure flag and
    /// responses carry Strict-Transport-Security. `--secure-cookies` / `MOTCUA_SECURE_COOKIES`.
    public var secureCookies: Bool
    /// bcrypt cost for new password hashes (12 in production; tests lower it to 4 to stay fast).
    public var passwordHashCost: UInt8
    public var sessionPolicy: SessionPolicy
    /// Proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`); empty: the peer is the client.
    public var trustedProxies: [IPNetwork]
    /// The public pages' rate limits and the online submissions' daily cap.
    public var publicLimits: PublicLimits
    /// A connection with nothing to read or write for this long is closed (slow or stalled clients).
    public var idleTimeoutSeconds: Int
    /// The clock of every page and limit (tests fix it).
    public var now: @Sendable () -> Date

    public init(host: String = "127.0.0.1", port: Int = 8080, database: Database,
                logger: Logger = Logger(label: "motcua"), secureCookies: Bool = false,
                passwordHashCost: UInt8 = 12, sessionPolicy: SessionPolicy = SessionPolicy(),
                trustedProxies: [IPNetwork] = [], publicLimits: PublicLimits = PublicLimits(), idleTimeoutSeconds: Int = 30,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
        self.trustedProxies = trustedProxies
        self.publicLimits = publicLimits
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.host = host
        self.port = port
        self.database = database
        self.logger = logger
        self.secureCookies = secureCookies
        self.passwordHashCost = passwordHashCost
        self.sessionPolicy = sessionPolicy
    }
}
