import Hummingbird

/// A stylesheet or script compiled into the binary, served with a year-long cache lifetime: its path
/// carries a fingerprint of its content (`versioned`), so a changed file gets a new address by itself.
struct StaticAsset: Sendable {
    /// `/tai-nguyen/motcua.css` → `/tai-nguyen/motcua-1a2b3c4d.css`, from a 64-bit FNV-1a hash of `text`.
    static func versioned(_ path: String, text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let fingerprint = String(String(hash, radix: 16).suffix(8))
        guard let dot = path.lastIndex(of: ".") else { return path + "-" + fingerprint }
        return path[..<dot] + "-" + fingerprint + path[dot...]
    }

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
