import Foundation
import HTTPTypes
import Hummingbird
import MotCuaCore
import MotCuaStore
import Plot
import WorkCalendar

/// `/xu-ly-phan-anh`: handling citizens' feedback. The center manager (and the administrator) sees all of
/// it and assigns each to an agency; that agency's leaders and specialists see only what is assigned to
/// them and write the answer; the manager or the agency's leader publishes it on `/phan-anh`.
struct FeedbackHandlingController: Sendable {
    static let path = StaffPaths.feedback
    static let stateQuery = "trang-thai"
    static func detailPath(_ reference: String) -> String { path + "/" + reference }
    static func assignPath(_ reference: String) -> String { detailPath(reference) + "/giao" }
    static func answerPath(_ reference: String) -> String { detailPath(reference) + "/tra-loi" }
    static func publishPath(_ reference: String) -> String { detailPath(reference) + "/cong-bo" }

    let store: FeedbackStore
    let agencies: AgencyStore
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path), use: list)
        router.get(RouterPath(Self.path + "/:reference"), use: show)
        router.post(RouterPath(Self.path + "/:reference/giao"), use: assign)
        router.post(RouterPath(Self.path + "/:reference/tra-loi"), use: answer)
        router.post(RouterPath(Self.path + "/:reference/cong-bo"), use: publish)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, FeedbackWorkflow.handlingRoles)
        let state = request.uri.queryParameters.get(Self.stateQuery).flatMap(FeedbackState.init(rawValue:))
        let scope = principal.listRestriction
        let items = try await store.list(state: state, agencies: scope)
        let view = FeedbackListView(frame: StaffFrame(principal, context), state: state, items: items,
                                    agencyNames: try await agencyDirectory().names)
        return HTMLResponse.make(view.document, headers: [.cacheControl: "no-store"])
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, FeedbackWorkflow.handlingRoles)
        let record = try await visibleFeedback(request, context: context, principal: principal)
        return try await page(record, principal, context)
    }

    @Sendable func assign(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, FeedbackWorkflow.assigningRoles)
        var request = request
        let form = try await FormFields.read(from: &request, limit: 8 * 1024)
        let record = try await visibleFeedback(request, context: context, principal: principal)
        let raw = form["co_quan"] ?? ""
        guard let agency = try? AgencyCode(parsing: raw),
              try await agencyDirectory().active.contains(where: { $0.code == agency }) else {
            return try await page(record, principal, context, error: "Vui lòng chọn cơ quan xử lý.", status: .unprocessableContent)
        }
        return try await perform(record, principal, context, .feedbackAssigned,
                                 before: ["agency": record.agencyCode?.rawValue], after: ["agency": agency.rawValue]) { audit in
            try await store.assign(record.reference, to: agency, audit: audit)
        }
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, FeedbackWorkflow.answeringRoles)
        var request = request
        let form = try await FormFields.read(from: &request, limit: 64 * 1024)
        let record = try await visibleFeedback(request, context: context, principal: principal)
        let text = form["tra_loi"] ?? ""
        do {
            _ = try FeedbackWorkflow.checkedAnswer(text)
        } catch {
            return try await page(record, principal, context, error: error.vietnameseMessage, draft: text,
                                  status: .unprocessableContent)
        }
        return try await perform(record, principal, context, .feedbackAnswered,
                                 before: ["answer": record.answer], after: ["answer": try? FeedbackWorkflow.checkedAnswer(text)]) { audit in
            try await store.answer(record.reference, text: text, by: principal.username, at: now(), audit: audit)
        }
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, FeedbackWorkflow.publishingRoles)
        let record = try await visibleFeedback(request, context: context, principal: principal)
        return try await perform(record, principal, context, .feedbackPublished,
                                 before: ["published": "0"], after: ["published": "1"]) { audit in
            try await store.publish(record.reference, audit: audit)
        }
    }

    // MARK: - Helpers

    /// The feedback named in the path if this officer may see it. Another agency's feedback answers 404,
    /// like a reference that does not exist, so that its existence does not leak.
    private func visibleFeedback(_ request: Request, context: AppRequestContext, principal: Principal) async throws -> FeedbackRecord {
        let reference = try context.parameters.require("reference")
        guard let record = try await store.feedback(reference), FeedbackWorkflow.canSee(record, principal) else {
            throw PageNotFound(message: "Không tìm thấy phản ánh này.")
        }
        return record
    }

    /// Runs a handling step, then 303 back to the feedback; a step in the wrong state answers 409 on the page.
    /// The step's audit row (who did what to which feedback, before and after) commits with it: the table
    /// itself keeps only who answered.
    private func perform(_ record: FeedbackRecord, _ principal: Principal, _ context: AppRequestContext, _ action: AuditAction,
                         before: [String: String?], after: [String: String?],
                         _ step: (AuditEvent) async throws -> Void) async throws -> Response {
        let audit = AuditEvent(at: now(), actor: principal.username, action: action, objectKind: "feedback",
                               objectID: record.reference, before: AuditEvent.values(before), after: AuditEvent.values(after))
        do {
            try await step(audit)
        } catch let error as FeedbackStateError {
            return try await page(record, principal, context, error: error.vietnameseMessage, status: .conflict)
        }
        context.logger.notice("audit: \(action)", metadata: ["actor": "\(principal.username)", "feedback": "\(record.reference)"])
        return Response(status: .seeOther, headers: [.location: Self.detailPath(record.reference)])
    }

    private func page(_ record: FeedbackRecord, _ principal: Principal, _ context: AppRequestContext,
                      error: String? = nil, draft: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let directory = try await agencyDirectory()
        let view = FeedbackDetailView(frame: StaffFrame(principal, context), record: record, agencyNames: directory.names,
                                      choices: directory.active,
                                      error: error, draft: draft ?? record.answer ?? "")
        return HTMLResponse.make(view.document, status: status, headers: [.cacheControl: "no-store"])
    }

    /// Every agency's name today (a stopped agency keeps its last name), and the agencies still working
    /// today, the only ones feedback can be assigned to.
    private func agencyDirectory() async throws -> (names: [AgencyCode: String], active: [FeedbackDetailView.Choice]) {
        let today = VietnamTime.localDate(of: now())
        var names: [AgencyCode: String] = [:]
        var active: [FeedbackDetailView.Choice] = []
        for agency in try await agencies.all() {
            names[agency.code] = agency.name(on: today)
            if let naming = agency.naming(on: today) { active.append(.init(code: agency.code, name: naming.name)) }
        }
        return (names, active)
    }
}
