import Foundation
import Hummingbird
import MotCuaCore
import MotCuaReports
import MotCuaStore
import Plot
import WorkCalendar

/// `/tiep-nhan`: the reception desk. The officer finds the procedure (typed with or without diacritics),
/// ticks the documents handed in, enters the applicant and receives the dossier; the desk prints the receipt
/// (Mẫu 01). Incomplete papers get a supplement guide (Mẫu 02); papers the desk will not take, a refusal
/// (Mẫu 03). Registration goes through `DossierStore`, the same path as `POST /api/v1/dossiers`.
struct ReceptionController: Sendable {
    static let path = StaffPaths.reception
    static let slipsPath = StaffPaths.reception + "/bien-nhan"

    static func procedurePath(_ code: String) -> String { path + "/" + code }
    static func slipPath(_ code: String) -> String { slipsPath + "/" + code }

    let database: Database
    let now: @Sendable () -> Date

    var dossiers: DossierStore { DossierStore(database: database) }
    var procedures: ProcedureStore { ProcedureStore(database: database) }
    var agencies: AgencyStore { AgencyStore(database: database) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path), use: search)
        router.get(RouterPath(Self.slipsPath + "/{dossier}"), use: slip)
        router.get(RouterPath(Self.path + "/{code}"), use: show)
        router.post(RouterPath(Self.path + "/{code}"), use: receive)
        router.post(RouterPath(Self.path + "/{code}/bo-sung"), use: requestSupplement)
        router.post(RouterPath(Self.path + "/{code}/tu-choi"), use: refuse)
    }

    // MARK: Search

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .reception)
        let query = String((request.uri.queryParameters["q"].map(String.init) ?? "")
            .replacingOccurrences(of: "+", with: " ").prefix(200))
        let found = try await procedures.current(at: now(), matching: query, limit: 100)
        let guidance = try await GuidanceController(database: database, now: now)
            .panel(for: principal, recorded: request.uri.queryParameters["da-ghi"].map(String.init), returnTo: Self.path)
        let view = ReceptionSearchView(frame: StaffFrame(principal, context), query: query, procedures: found, guidance: guidance)
        return HTMLResponse.make(view.document, headers: [.cacheControl: "no-store"])
    }

    // MARK: The procedure's reception form

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .reception)
        guard let procedure = try await currentProcedure(context) else { return notFound(context) }
        let model = ReceptionFormView.Model(procedure: procedure, fields: ApplicantFields(), channel: .counter,
                                            checked: [], note: "", reason: "", error: nil)
        return HTMLResponse.make(ReceptionFormView(frame: StaffFrame(principal, context), model: model).document,
                                 headers: [.cacheControl: "no-store"])
    }

    /// Receives a complete dossier: every document ticked, a valid applicant. 303 to the receipt.
    @Sendable func receive(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await handle(request, context) { model, procedure, receiving, principal in
            let missing = model.missingDocuments
            guard missing.isEmpty else {
                throw ValidationError(field: "documents", reason: "documents not handed in",
                                      vietnamese: "Hồ sơ chưa đủ thành phần, chưa thể tiếp nhận: \(missing.joined(separator: "; ")). Nếu người nộp chưa mang đủ, hãy in Phiếu hướng dẫn bổ sung (Mẫu 02).")
            }
            let applicant = try model.fields.applicant()
            let registration = RegistrationRequest(receivingAgency: receiving, procedureCode: procedure.code, applicant: applicant,
                                                   channel: model.channel, note: model.note.isEmpty ? nil : model.note)
            return try await dossiers.register(registration, at: now(), actor: principal.username)
        }
    }

    /// Mẫu 02 at the desk: the documents not ticked (and the reason) become the supplement request.
    @Sendable func requestSupplement(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await handle(request, context) { model, procedure, receiving, principal in
            let missing = model.missingDocuments
            guard !missing.isEmpty || !model.reason.isEmpty else {
                throw ValidationError(field: "documents", reason: "nothing to supplement",
                                      vietnamese: "Hãy bỏ chọn các giấy tờ còn thiếu hoặc ghi nội dung cần bổ sung, hoàn thiện vào ô lý do.")
            }
            let applicant = try model.fields.applicant()
            let reason = model.reason.isEmpty ? "Hồ sơ chưa đầy đủ thành phần theo quy định." : model.reason
            return try await dossiers.registerAtDesk(
                RegistrationRequest(receivingAgency: receiving, procedureCode: procedure.code, applicant: applicant,
                                    channel: model.channel, note: model.note.isEmpty ? nil : model.note),
                decision: .supplement(reason: reason, documents: missing), at: now(), actor: principal.username)
        }
    }

    /// Mẫu 03 at the desk: a refusal with its reason.
    @Sendable func refuse(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await handle(request, context) { model, procedure, receiving, principal in
            guard !model.reason.isEmpty else {
                throw ValidationError(field: "reason", reason: "a refusal needs its reason",
                                      vietnamese: "Vui lòng ghi rõ lý do từ chối tiếp nhận hồ sơ.")
            }
            let applicant = try model.fields.applicant()
            return try await dossiers.registerAtDesk(
                RegistrationRequest(receivingAgency: receiving, procedureCode: procedure.code, applicant: applicant,
                                    channel: model.channel, note: model.note.isEmpty ? nil : model.note),
                decision: .refuse(reason: model.reason), at: now(), actor: principal.username)
        }
    }

    /// Reads the form, runs `register`, and answers: 303 to the dossier's slip, or the form again with the
    /// input kept and the reason (422). Nothing is written when validation fails.
    private func handle(_ request: Request, _ context: AppRequestContext,
                        _ register: (ReceptionFormView.Model, Procedure, AgencyCode, Principal) async throws -> Dossier)
        async throws -> Response {
        let principal = try context.requireRole(request, .reception)
        guard let procedure = try await currentProcedure(context) else { return notFound(context) }
        var request = request
        let form = try await FormFields.read(from: &request, limit: 64 * 1024)
        var model = ReceptionFormView.Model(procedure: procedure, form: form)
        let directory = try await agencies.directory()
        guard let receiving = DeskAgency.of(principal, in: directory) else {
            throw AccessForbidden(request: request)
        }
        do {
            let dossier = try await register(model, procedure, receiving, principal)
            return Response(status: .seeOther, headers: [.location: Self.slipPath(dossier.code.rawValue)])
        } catch let error as ValidationError {
            model.error = error.vietnameseMessage
        } catch let error as LifecycleError {
            model.error = error.vietnameseMessage
        } catch StoreError.notFound {
            return notFound(context)
        }
        return HTMLResponse.make(ReceptionFormView(frame: StaffFrame(principal, context), model: model).document,
                                 status: .unprocessableContent, headers: [.cacheControl: "no-store"])
    }

    // MARK: The slip of a dossier registered at the desk

    /// `/tiep-nhan/bien-nhan/{dossier}`: Mẫu 01 for a received dossier (02 or 03 for one the desk did not
    /// receive), ready to print, with the DOCX and the dossier page.
    @Sendable func slip(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .reception)
        let raw = try context.parameters.require("dossier")
        let code = try? DossierCode(parsing: raw)
        var found: SlipContext?
        if let code {
            found = try await ifFound {
                try await SlipLoader(database: database).context(for: code, officer: SlipOfficer(name: principal.displayName))
            }
        }
        guard let loaded = found else {
            return SimplePage.response(status: .notFound, title: "Không tìm thấy hồ sơ",
                                       message: "Không có hồ sơ mã \"\(raw)\".")
        }
        guard principal.mayAccess(loaded.dossier) else { throw AccessForbidden(request: request) }
        let dossier = loaded.dossier
        let form: SlipForm = dossier.receivedAt != nil ? .receipt
            : dossier.isAwaitingReceipt ? .acceptanceOnBehalf
            : dossier.status == .notAccepted ? .refusal : .supplementRequest
        let document: SlipDocument
        do { document = try form.document(for: loaded) } catch {
            return SimplePage.response(status: .notFound, title: "Chưa có phiếu",
                                       message: "Hồ sơ \(raw) chưa có phiếu để in: \(error.vietnameseMessage)")
        }
        let view = ReceptionSlipView(frame: StaffFrame(principal, context), dossier: dossier, form: form, sheet: document)
        return HTMLResponse.make(view.document, headers: [.cacheControl: "no-store"])
    }

    // MARK: Helpers

    private func currentProcedure(_ context: AppRequestContext) async throws -> Procedure? {
        let raw = try context.parameters.require("code")
        guard let code = try? ProcedureCode(parsing: raw) else { return nil }
        do { return try await procedures.procedure(code, at: now()) } catch StoreError.notFound { return nil }
    }

    private func notFound(_ context: AppRequestContext) -> Response {
        let raw = context.parameters.get("code") ?? ""
        return SimplePage.response(status: .notFound, title: "Không tìm thấy thủ tục",
                                   message: "Không có thủ tục mã \"\(raw)\" đang được áp dụng.")
    }
}
