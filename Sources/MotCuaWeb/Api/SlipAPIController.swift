import Foundation
import Hummingbird
import MotCuaCore
import MotCuaReports
import MotCuaStore

/// `GET /api/v1/dossiers/{code}/slips/{form}.html|.docx`: the statutory slips (Mẫu 01–05), printable,
/// for whoever may see the dossier; the officer named on the slip is the signed-in user. Readers who may not
/// see personal data (managers, administrators) get the slip with the identity number and contacts hidden.
struct SlipAPIController: Sendable {
    let database: Database
    /// A slip that prints the applicant's identity and contacts is a read of personal data: audited.
    let reads: PersonalDataReads
    let now: @Sendable () -> Date

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("dossiers/{code}/slips/{file}", use: slip)
    }

    @Sendable func slip(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let rawCode = try context.parameters.require("code")
        guard let code = try? DossierCode(parsing: rawCode) else {
            throw Problem.notFound("Không tìm thấy hồ sơ \"\(rawCode)\".")
        }
        let file = try context.parameters.require("file")
        let parts = file.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let form = SlipForm(rawValue: parts[0]), ["html", "docx"].contains(parts[1]) else {
            throw Problem.notFound("Không có phiếu \"\(file)\": dùng 01–05 với đuôi .html hoặc .docx, ví dụ 01.html.")
        }
        var slipContext = try await SlipLoader(database: database)
            .context(for: code, officer: SlipOfficer(name: principal.displayName))
        try principal.requireAccess(to: slipContext.dossier)
        // The personal-data rule, as on the dossier page and in the API's dossiers: a manager gets the redacted slip.
        slipContext.hidesPersonalData = !principal.mayReadPersonalData(of: slipContext.dossier)
        let document: SlipDocument
        do { document = try form.document(for: slipContext) } catch {
            throw Problem(.transitionRefused, status: .unprocessableContent, detail: error.vietnameseMessage)
        }
        try await reads.record(principal, read: slipContext.dossier, via: "slip \(form.rawValue)", at: now())
        let name = "\(form.fileStem)-\(code.rawValue)"
        if parts[1] == "html" {
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: SlipHTMLRenderer.render(document))))
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                      .contentDisposition: "attachment; filename=\"\(name).docx\""],
            body: .init(byteBuffer: ByteBuffer(bytes: try SlipDocxRenderer.docx(document))))
    }
}
