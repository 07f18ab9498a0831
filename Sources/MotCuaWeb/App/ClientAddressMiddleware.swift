import HTTPTypes
import Hummingbird

/// Sets `context.clientKey`, what the rate limits count by: the peer's address, or behind a configured
/// trusted proxy the client address it forwarded (`ClientAddress`).
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trustedProxies: [IPNetwork]

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.clientKey = ClientAddress.key(peer: context.remoteAddress,
                                              forwardedFor: request.headers[values: .xForwardedFor],
                                              trustedProxies: trustedProxies)
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
