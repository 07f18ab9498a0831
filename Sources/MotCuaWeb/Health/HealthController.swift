import Foundation
import Hummingbird
import MotCuaStore

/// Liveness and readiness for load balancers and the operating system's supervisor.
///
/// `/healthz` says the process answers; `/readyz` also asks the database, so a server whose database
/// went away is taken out of rotation instead of answering errors.
struct HealthController<Context: RequestContext>: Sendable {
    let database: Database

    func addRoutes(to router: Router<Context>) {
        router.get("healthz") { _, _ in
            Response.json(["status": "alive"])
        }
        router.get("readyz") { _, _ in
            do {
                try await database.checkConnection()
                return Response.json(["status": "ready", "database": database.dialect.rawValue])
            } catch {
                return Response.json(
                    ["status": "unavailable", "database": database.dialect.rawValue, "reason": String(describing: error)],
                    status: .serviceUnavailable)
            }
        }
    }
}

extension Response {
    /// A small JSON object response without going through Codable for fixed string maps.
    static func json(_ object: [String: String], status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
