import HTTPTypes
import Hummingbird
import Logging

/// Gives every request one id, on every log line of the request and in the `X-Request-Id` response
/// header, so a citizen's or officer's complaint can be matched to the server's log.
///
/// A well-formed id sent by a proxy in front of several app servers is kept, so one id follows the
/// request across machines.
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headerName: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let incoming = request.headers[Self.headerName], Self.isAcceptable(incoming) {
            context.logger[metadataKey: "hb.request.id"] = .string(incoming)
        }
        let id = context.id
        do {
            var response = try await next(request, context)
            response.headers[Self.headerName] = id
            return response
        } catch let error as any HTTPResponseError {
            throw RequestIDTaggedError(base: error, requestID: id)
        }
    }

    /// Only short, plain ids are trusted from outside: they end up in logs.
    static func isAcceptable(_ id: String) -> Bool {
        (1...64).contains(id.count) && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}

/// Keeps the request id on error responses too.
struct RequestIDTaggedError: HTTPResponseError {
    let base: any HTTPResponseError
    let requestID: String

    var status: HTTPResponse.Status { base.status }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try base.response(from: request, context: context)
        response.headers[RequestIDMiddleware<BasicRequestContext>.headerName] = requestID
        return response
    }
}
