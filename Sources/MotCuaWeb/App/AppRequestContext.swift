import Hummingbird
import MotCuaCore
import NIOCore

/// The request context of every MotCua route: the core storage plus who is asking, once the
/// authentication middleware has recognised them.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Nil for anonymous requests (citizens, health checks).
    public var principal: Principal?
    /// How the principal was recognised; nil when anonymous.
    public var authentication: AuthenticationMethod?
    /// The token every form (field `_csrf`) and unsafe request (header `X-CSRF-Token`) of this visitor must
    /// carry: the session's when signed in, else an anonymous one kept in a cookie. Set by `CSRFMiddleware`.
    public var csrfToken: String?
    /// The connected peer (the proxy's address when there is one in front).
    public let remoteAddress: SocketAddress?
    /// The client as the rate limits count it (an IPv6 client by its /64); behind a trusted proxy, the
    /// address the proxy forwarded. Set by `ClientAddressMiddleware`.
    public var clientKey: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        principal = nil
        authentication = nil
        csrfToken = nil
        remoteAddress = source.channel.remoteAddress
        clientKey = ClientAddress.key(peer: remoteAddress, forwardedFor: [], trustedProxies: [])
    }
}

public enum AuthenticationMethod: Sendable, Equatable {
    /// A browser session cookie: ambient credentials, so unsafe requests need the CSRF token.
    case session(idHash: String, csrfToken: String)
    /// `Authorization: Bearer` with an API token: sent deliberately by the client, exempt from CSRF checks.
    case bearer
}
