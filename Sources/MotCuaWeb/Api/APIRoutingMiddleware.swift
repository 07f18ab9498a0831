import HTTPTypes
import Hummingbird

/// What the router could not route under `/api/v1`, answered as the API answers: a path the API has, asked
/// with a method it does not have, is 405 with `Allow` listing the methods it has (RFC 9110 §15.5.6);
/// `OPTIONS` on such a path is 204 with the same `Allow`; any other address is a 404 problem.
///
/// Hummingbird's router answers a known path asked with an unknown method exactly like an unknown path: its
/// not-found responder throws a 404. That responder is wrapped in every router middleware when the router is
/// built, whereas a route is wrapped only in the middleware added before it, so `JSONAPI.addRoutes` adds
/// this middleware after the API's routes: it then sees the not-found answers and no API route.
struct APIRoutingMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// One path of the API and the methods it has.
    struct Route: Sendable {
        let path: RouterPath
        let methods: Set<HTTPRequest.Method>
    }

    let routes: [Route]

    /// The API's routes as the router lists them (paths under `JSONAPI.basePath`).
    init(routes: [Router<AppRequestContext>.RouteDescription]) {
        var methods: [String: (path: RouterPath, methods: Set<HTTPRequest.Method>)] = [:]
        for route in routes where route.path.description.hasPrefix(JSONAPI.basePath + "/") {
            methods[route.path.description, default: (route.path, [])].methods.insert(route.method)
        }
        self.routes = methods.keys.sorted().compactMap { methods[$0] }.map { Route(path: $0.path, methods: $0.methods) }
    }

    /// The methods of the API's path that `path` names, or nil when the API has no such path. Every
    /// non-empty segment must match the template's (a literal, or a `{parameter}` that takes any segment).
    func allowedMethods(for path: String) -> Set<HTTPRequest.Method>? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var found: Set<HTTPRequest.Method>?
        for route in routes where route.path.components.count == segments.count {
            if zip(route.path.components, segments).allSatisfy({ element, segment in element ~= segment }) {
                found = (found ?? []).union(route.methods)
            }
        }
        return found
    }

    /// `Allow`'s value: the path's methods and OPTIONS, in a stable order.
    static func allowHeader(_ methods: Set<HTTPRequest.Method>) -> String {
        (methods.map(\.rawValue).sorted() + (methods.contains(.options) ? [] : ["OPTIONS"])).joined(separator: ", ")
    }

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.isAPIRequest else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let path = request.uri.path
            guard let methods = allowedMethods(for: path) else {
                return Problem.notFound("Không tìm thấy địa chỉ này trong API.").response(instance: path)
            }
            let allow = Self.allowHeader(methods)
            if request.method == .options {
                return Response(status: .noContent, headers: [.allow: allow, .cacheControl: "no-store"])
            }
            var response = Problem(.methodNotAllowed, status: .methodNotAllowed,
                                   detail: "Địa chỉ này không hỗ trợ phương thức \(request.method.rawValue); các phương thức được hỗ trợ: \(allow).")
                .response(instance: path)
            response.headers[.allow] = allow
            return response
        }
    }
}
