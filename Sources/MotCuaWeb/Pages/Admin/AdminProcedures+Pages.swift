import Foundation
import HTTPTypes
import Hummingbird
import MotCuaCore
import MotCuaStore
import Plot
import WorkCalendar

/// `/quan-tri/thu-tuc`: the procedure catalogue — search, view a procedure with its versions, and make a
/// new version (processing times, online level, fees, documents, steps) effective from a date. A stored
/// version is never rewritten, so dossiers received under it keep their deadlines.
struct AdminProceduresController: Sendable {
    static let path = StaffPaths.administration + "/thu-tuc"
    static func procedurePath(_ code: String) -> String { path + "/" + code }
    static func newVersionPath(_ code: String) -> String { procedurePath(code) + "/phien-ban" }

    let procedures: ProcedureStore
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path), use: list)
        router.get(RouterPath(Self.path + "/:code"), use: show)
        router.post(RouterPath(Self.path + "/:code/phien-ban"), use: addVersion)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        let search = String((request.uri.queryParameters.get("q") ?? "").prefix(200))
        let found = try await procedures.current(at: now(), matching: search, limit: 500)
        let view = AdminProceduresView(frame: StaffFrame(principal, context), search: search, procedures: found)
        return HTMLResponse.make(view.document, headers: [.cacheControl: "no-store"])
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        let (current, versions) = try await requireProcedure(context)
        let notice = request.uri.queryParameters.get("da-luu").map { _ in "Đã tạo phiên bản mới." }
        let tomorrow = VietnamTime.localDate(of: now()).adding(days: 1)
        return page(principal, context, current: current, versions: versions,
                    form: ProcedureVersionForm(current, validFrom: tomorrow), notice: notice)
    }

    @Sendable func addVersion(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        var request = request
        let fields = try await FormFields.read(from: &request, limit: 64 * 1024)
        let (current, versions) = try await requireProcedure(context)
        let form = ProcedureVersionForm(fields)
        do {
            let next = try form.version(after: current, latest: versions.last ?? current, today: VietnamTime.localDate(of: now()))
            try await procedures.add(next, audit: AuditEvent(
                at: now(), actor: principal.username, action: .procedureVersionAdded, objectKind: "procedure",
                objectID: next.code.rawValue, before: Self.auditValues(versions.last ?? current), after: Self.auditValues(next)))
            context.logger.notice("audit: procedure version added", metadata: [
                "actor": "\(principal.username)", "procedure": "\(next.reference)", "valid_from": "\(form.validFrom)"])
        } catch let error as ValidationError {
            return page(principal, context, current: current, versions: versions, form: form,
                        error: error.vietnameseMessage, status: .unprocessableContent)
        } catch StoreError.duplicate {
            return page(principal, context, current: current, versions: versions, form: form,
                        error: "Phiên bản này vừa được người khác tạo; vui lòng tải lại trang.", status: .conflict)
        }
        return Response(status: .seeOther, headers: [.location: Self.procedurePath(current.code.rawValue) + "?da-luu=1"])
    }

    /// A procedure version as its audit rows show it: the whole stored definition (JSON, sorted keys).
    static func auditValues(_ procedure: Procedure) -> String? {
        (try? MotCuaJSON.encode(procedure)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The version in force (or, for a procedure not yet in force, its latest) and every version.
    private func requireProcedure(_ context: AppRequestContext) async throws -> (Procedure, [Procedure]) {
        guard let code = try? ProcedureCode(parsing: try context.parameters.require("code")) else {
            throw PageNotFound(message: "Không tìm thấy thủ tục này.")
        }
        let versions = try await procedures.versions(of: code)
        let instant = now()
        guard let current = versions.last(where: { $0.validFrom <= instant }) ?? versions.last else {
            throw PageNotFound(message: "Không tìm thấy thủ tục này.")
        }
        return (current, versions)
    }

    private func page(_ principal: Principal, _ context: AppRequestContext, current: Procedure, versions: [Procedure],
                      form: ProcedureVersionForm, error: String? = nil, notice: String? = nil,
                      status: HTTPResponse.Status = .ok) -> Response {
        let view = AdminProcedureView(frame: StaffFrame(principal, context), current: current, versions: versions,
                                      form: form, error: error, notice: notice)
        return HTMLResponse.make(view.document, status: status, headers: [.cacheControl: "no-store"])
    }
}
