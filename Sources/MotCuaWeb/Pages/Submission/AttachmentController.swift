import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore

/// `GET /ho-so/{code}/tep/{id}`: one file of an online dossier, for staff who may see the dossier (its
/// receiving, owning or current agency; managers and administrators). Served as a download with the
/// content type of its checked kind, so that a browser never runs it as a page of this site.
struct AttachmentController: Sendable {
    static func path(dossier: String, id: String) -> String { StaffPaths.dossier(dossier) + "/tep/" + id }

    let database: Database

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(StaffPaths.dossiers + "/{code}/tep/{id}"), use: download)
    }

    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal(request)
        let raw = try context.parameters.require("code")
        let id = try context.parameters.require("id")
        guard let code = try? DossierCode(parsing: raw),
              let dossier = try? await DossierStore(database: database).dossier(code) else { return notFound() }
        guard principal.mayAccess(dossier) else { throw AccessForbidden(request: request) }
        let file: StoredAttachment
        do { file = try await AttachmentStore(database: database).attachment(id, of: code) } catch StoreError.notFound { return notFound() }
        return Response(
            status: .ok,
            headers: [.contentType: file.summary.contentType,
                      .contentDisposition: Self.disposition(file.summary.fileName),
                      .cacheControl: "private, no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    /// `attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded` (RFC 6266): Vietnamese
    /// names survive, and no quote or control character can break the header.
    static func disposition(_ name: String) -> String {
        let fallback = String(SearchText.fold(name).unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "tep"
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }

    private func notFound() -> Response {
        SimplePage.response(status: .notFound, title: "Không tìm thấy tệp", message: "Hồ sơ không có tệp này.")
    }
}
