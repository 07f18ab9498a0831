import Foundation
import HTTPTypes
import Hummingbird
import MotCuaCore
import MotCuaStore
import Plot
import WorkCalendar

/// `/quan-tri/co-quan`: agencies — list, add, rename from a date, stop from a date. Names are kept over
/// time (a rename closes the old name the day before), so reports about past periods print past names;
/// an agency that stopped simply bears no name after its last day.
struct AdminAgenciesController: Sendable {
    static let path = StaffPaths.administration + "/co-quan"
    static func agencyPath(_ code: String) -> String { path + "/" + code }

    let agencies: AgencyStore
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path), use: list)
        router.post(RouterPath(Self.path), use: add)
        router.post(RouterPath(Self.path + "/:code/doi-ten"), use: rename)
        router.post(RouterPath(Self.path + "/:code/ngung"), use: stop)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        let notice = request.uri.queryParameters.get("da-luu").map { _ in "Đã lưu thông tin cơ quan." }
        return try await page(principal, context, form: .init(validFrom: today.description), notice: notice)
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        var request = request
        let fields = try await FormFields.read(from: &request, limit: 16 * 1024)
        let form = AdminAgenciesView.NewAgency(code: fields["ma"] ?? "", level: fields["cap"] ?? "", parent: fields["cap_tren"] ?? "",
                                               name: fields["ten"] ?? "", shortName: fields["ten_viet_tat"] ?? "",
                                               validFrom: fields["tu_ngay"] ?? "", kind: fields["loai"] ?? "")
        let existing = try await agencies.all()
        do {
            let agency = try form.agency(known: Set(existing.map(\.code)))
            try await agencies.save(agency, at: now(), audit: audit(.agencyAdded, principal, before: nil, after: agency))
        } catch let error as ValidationError {
            return try await page(principal, context, form: form, error: error.vietnameseMessage, status: .unprocessableContent)
        }
        context.logger.notice("audit: agency added", metadata: ["actor": "\(principal.username)", "agency": "\(form.code)"])
        return Self.saved()
    }

    @Sendable func rename(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        var request = request
        let fields = try await FormFields.read(from: &request, limit: 16 * 1024)
        let agency = try await requireAgency(context)
        let draft = AdminAgenciesView.Change(code: agency.code, name: fields["ten_moi"] ?? "",
                                             shortName: fields["ten_viet_tat_moi"] ?? "", date: fields["tu_ngay"] ?? "")
        do {
            let date = try AdminAgenciesView.date(draft.date)
            let name = draft.name.trimmingCharacters(in: .whitespacesAndNewlines)
            let short = draft.shortName.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...300).contains(name.count), (1...100).contains(short.count) else {
                throw ValidationError(field: "name", reason: "empty name", vietnamese: "Vui lòng nhập tên mới và tên viết tắt mới.")
            }
            var names = agency.names
            guard let last = names.last, last.validFrom < date else {
                throw ValidationError(field: "valid_from", reason: "not after the current name",
                                      vietnamese: "Ngày đổi tên phải sau ngày bắt đầu của tên hiện tại.")
            }
            if last.validUntil.map({ $0 >= date }) ?? true { names[names.count - 1].validUntil = date.adding(days: -1) }
            names.append(AgencyName(validFrom: date, name: name, shortName: short))
            let renamed = try agency.renamed(names)
            try await agencies.save(renamed, at: now(), audit: audit(.agencyRenamed, principal, before: agency, after: renamed))
        } catch let error as ValidationError {
            return try await page(principal, context, form: .init(validFrom: today.description), change: draft,
                                  error: error.vietnameseMessage, status: .unprocessableContent)
        }
        context.logger.notice("audit: agency renamed", metadata: ["actor": "\(principal.username)", "agency": "\(agency.code)",
                                                                   "from": "\(draft.date)"])
        return Self.saved()
    }

    @Sendable func stop(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        var request = request
        let fields = try await FormFields.read(from: &request, limit: 8 * 1024)
        let agency = try await requireAgency(context)
        let draft = AdminAgenciesView.Change(code: agency.code, stopDate: fields["tu_ngay"] ?? "")
        do {
            let date = try AdminAgenciesView.date(draft.stopDate)
            var names = agency.names
            guard let last = names.last, last.validFrom < date else {
                throw ValidationError(field: "valid_until", reason: "not after the current name",
                                      vietnamese: "Ngày ngừng hoạt động phải sau ngày bắt đầu của tên hiện tại.")
            }
            names[names.count - 1].validUntil = date.adding(days: -1)
            let stopped = try agency.renamed(names)
            try await agencies.save(stopped, at: now(), audit: audit(.agencyStopped, principal, before: agency, after: stopped))
        } catch let error as ValidationError {
            return try await page(principal, context, form: .init(validFrom: today.description), change: draft,
                                  error: error.vietnameseMessage, status: .unprocessableContent)
        }
        context.logger.notice("audit: agency stopped", metadata: ["actor": "\(principal.username)", "agency": "\(agency.code)",
                                                                   "from": "\(draft.stopDate)"])
        return Self.saved()
    }

    private var today: LocalDate { VietnamTime.localDate(of: now()) }

    /// The audit row written with an agency's change.
    private func audit(_ action: AuditAction, _ principal: Principal, before: Agency?, after: Agency) -> AuditEvent {
        AuditEvent(at: now(), actor: principal.username, action: action, objectKind: "agency", objectID: after.code.rawValue,
                   before: AgencyStore.auditValues(before), after: AgencyStore.auditValues(after))
    }

    static func saved() -> Response { Response(status: .seeOther, headers: [.location: path + "?da-luu=1"]) }

    private func requireAgency(_ context: AppRequestContext) async throws -> Agency {
        let raw = try context.parameters.require("code")
        guard let agency = try await agencies.all().first(where: { $0.code.rawValue == raw }) else {
            throw PageNotFound(message: "Không tìm thấy cơ quan này.")
        }
        return agency
    }

    private func page(_ principal: Principal, _ context: AppRequestContext, form: AdminAgenciesView.NewAgency,
                      change: AdminAgenciesView.Change? = nil, error: String? = nil, notice: String? = nil,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let view = AdminAgenciesView(frame: StaffFrame(principal, context), agencies: try await agencies.all(), today: today,
                                     form: form, change: change, error: error, notice: notice)
        return HTMLResponse.make(view.document, status: status, headers: [.cacheControl: "no-store"])
    }
}
