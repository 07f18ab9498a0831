import Foundation
import Hummingbird

/// `GET /api/v1/openapi.yaml`: the hand-written OpenAPI 3.1 description of this API (a resource of
/// MotCuaWeb), readable without signing in so that tools can fetch it.
struct OpenAPIDocumentController: Sendable {
    /// The document's bytes, read once from the bundle.
    static let document: Data? = Bundle.module.url(forResource: "openapi", withExtension: "yaml")
        .flatMap { try? Data(contentsOf: $0) }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("openapi.yaml") { _, _ -> Response in
            guard let document = Self.document else { throw Problem.internalError }
            return Response(status: .ok,
                            headers: [.contentType: "application/yaml; charset=utf-8", .cacheControl: "public, max-age=300"],
                            body: .init(byteBuffer: ByteBuffer(bytes: document)))
        }
    }
}
