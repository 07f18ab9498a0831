import Hummingbird

/// A stylesheet or script compiled into the binary, served with a year-long cache lifetime: its path
/// carries a version number, bumped whenever the content changes.
struct StaticAsset: Sendable {
    let path: String
    let contentType: String
    let text: String

    func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        let body = ByteBuffer(string: text)
        let contentType = contentType
        router.get(RouterPath(path)) { _, _ in
            Response(status: .ok,
                     headers: [.contentType: contentType, .cacheControl: "public, max-age=31536000, immutable"],
                     body: .init(byteBuffer: body))
        }
    }
}
