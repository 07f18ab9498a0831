import Foundation
import Hummingbird
import MotCuaCore

/// `GET /api/v1/me`: whom the credentials belong to. Lets an API client check its token.
struct MeController: Sendable {
    struct Body: Encodable {
        let username: String
        let displayName: String
        let role: String
        let agencies: [String]

        enum CodingKeys: String, CodingKey {
            case username, displayName = "display_name", role, agencies
        }
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/me") { request, context -> Response in
            let principal = try context.requirePrincipal(request)
            let body = Body(username: principal.username, displayName: principal.displayName,
                            role: principal.role.rawValue, agencies: principal.agencies.map(\.rawValue).sorted())
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: try MotCuaJSON.encode(body))))
        }
    }
}
