import Foundation
import HTTPTypes
import Hummingbird
import MotCuaCore
import MotCuaStore

/// `GET /ho-so/{code}`: one dossier for the officers who may see it; `POST /ho-so/{code}/hanh-dong/{slug}`:
/// the actions `DossierActionPolicy` allows them. Success answers 303 back to the page with a confirmation
/// (`?thong-bao={slug}` → `#thong-bao`); a refusal re-renders the page with the officer's input kept and the
/// reason (`#loi`): 403 not theirs to do, 409 someone else acted first, 422 the input or the transition.
struct DossierPageController: Sendable {
    static let noticeParameter = "thong-bao"
    static let formLimit = 32 * 1024

    let dossiers: DossierStore
    let query: DossierPageQuery
    let reads: PersonalDataReads
    let now: @Sendable () -> Date

    init(database: Database, now: @escaping @Sendable () -> Date) {
        dossiers = DossierStore(database: database)
        query = DossierPageQuery(database: database)
        reads = PersonalDataReads(database: database)
        self.now = now
    }

    static func actionPath(_ code: String, _ action: DossierPageAction) -> String {
        StaffPaths.dossier(code) + "/hanh-dong/" + action.rawValue
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(StaffPaths.dossiers + "/{code}"), use: show)
        router.post(RouterPath(StaffPaths.dossiers + "/{code}/hanh-dong/{action}"), use: perform)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal(request)
        let dossier: Dossier
        switch try await visibleDossier(context, principal) {
        case .found(let found): dossier = found
        case .refused(let response): return response
        }
        var model = try await query.model(of: dossier, frame: StaffFrame(principal, context), now: now())
        try await reads.record(principal, read: dossier, via: "page", at: now())
        if let slug = request.uri.queryParameters.get(Self.noticeParameter), let action = DossierPageAction(rawValue: slug) {
            model.message = .done(action.doneMessage)
        }
        return page(model, status: .ok)
    }

    @Sendable func perform(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let principal = try context.requirePrincipal(request)
        let slug = try context.parameters.require("action")
        guard let action = DossierPageAction(rawValue: slug) else {
            return SimplePage.response(status: .notFound, title: "Không có thao tác này",
                                       message: "Thao tác \"\(slug)\" không tồn tại trên trang hồ sơ.")
        }
        let current: Dossier
        switch try await visibleDossier(context, principal) {
        case .found(let found): current = found
        case .refused(let response): return response
        }
        let frame = StaffFrame(principal, context)
        let form = try await FormFields.read(from: &request, limit: Self.formLimit)
        func refuse(_ status: HTTPResponse.Status, _ message: String, field: String? = nil, on dossier: Dossier = current) async throws -> Response {
            var model = try await query.model(of: dossier, frame: frame, now: now())
            model.message = .failed(message)
            model.resubmission = .init(action: action, fields: form, problemField: field)
            // The refused form stays on the page with the officer's words, even where the page would not offer
            // it (a send-back from the first step), as long as it is theirs to submit.
            if !model.actions.contains(action), DossierActionPolicy.permits(principal, action.lifecycleAction, on: dossier) {
                model.actions.append(action)
            }
            return page(model, status: status)
        }
        if let refusal = DossierActionPolicy.refusal(principal, action.lifecycleAction, on: current) {
            return try await refuse(.forbidden, refusal.message)
        }
        guard let version = form[DossierPageAction.Field.version].flatMap({ Int($0) }) else {
            return try await refuse(.badRequest, "Biểu mẫu thiếu phiên bản hồ sơ; vui lòng tải lại trang và thực hiện lại.")
        }
        let command: DossierCommand
        do { command = try action.command(from: form) } catch {
            return try await refuse(.unprocessableContent, error.message, field: error.field)
        }
        do {
            _ = try await dossiers.execute(command, on: current.code, expectedVersion: version, at: now(), actor: principal.username)
        } catch let error as StoreError {
            guard case .conflict = error else { throw error }
            // Show the dossier as it is now, so the officer sees what the other person did.
            let fresh = try await dossiers.dossier(current.code)
            return try await refuse(.conflict, error.vietnameseMessage + " Trang dưới đây là tình trạng mới nhất của hồ sơ.", on: fresh)
        } catch let error as LifecycleError {
            switch error {
            case .corruptHistory, .missingActor: throw error
            default: return try await refuse(.unprocessableContent, error.vietnameseMessage)
            }
        }
        let location = StaffPaths.dossier(current.code.rawValue) + "?\(Self.noticeParameter)=\(action.rawValue)"
        return Response(status: .seeOther, headers: [.location: location])
    }

    // MARK: Helpers

    private enum Lookup {
        case found(Dossier)
        case refused(Response)
    }

    /// The dossier of `{code}` if this officer may see it; otherwise the page that says why (404 for a code
    /// that does not exist, 403 for another agency's dossier).
    private func visibleDossier(_ context: AppRequestContext, _ principal: Principal) async throws -> Lookup {
        let raw = try context.parameters.require("code")
        let notFound = Lookup.refused(SimplePage.response(
            status: .notFound, title: "Không tìm thấy hồ sơ",
            message: "Không tìm thấy hồ sơ \"\(raw)\" (mã hồ sơ có dạng 000.00.15.H56-210712-0007)."))
        guard let code = try? DossierCode(parsing: raw) else { return notFound }
        let dossier: Dossier
        do { dossier = try await dossiers.dossier(code) } catch StoreError.notFound { return notFound }
        guard principal.mayAccess(dossier) else {
            return .refused(SimplePage.response(
                status: .forbidden, title: "Không có quyền truy cập",
                message: "Hồ sơ \(code) không thuộc cơ quan của bạn (tiếp nhận, chủ quản thủ tục hoặc xử lý); bạn không có quyền xem."))
        }
        return .found(dossier)
    }

    private func page(_ model: DossierPageModel, status: HTTPResponse.Status) -> Response {
        HTMLResponse.make(DossierPageView(model: model).document, status: status, headers: [.cacheControl: "no-store"])
    }
}
