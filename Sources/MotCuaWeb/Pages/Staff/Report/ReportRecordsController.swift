import Foundation
import HTTPTypes
import Hummingbird
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// `/bao-cao/du-lieu`: the register of issued documents and the report entries of a period, for the
/// manager and the administrator. Every change is POST → 303 → GET; a refused one re-renders the page with
/// the input kept (422).
struct ReportRecordsController: Sendable {
    static let path = StaffPaths.report + "/du-lieu"
    static let documentPath = path + "/van-ban"
    static let deleteDocumentPath = path + "/van-ban/xoa"
    static let entryPath = path + "/muc"
    static let deleteEntryPath = path + "/muc/xoa"
    static let formLimit = 64 * 1024

    let database: Database
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path), use: show)
        router.post(RouterPath(Self.documentPath), use: saveDocument)
        router.post(RouterPath(Self.deleteDocumentPath), use: deleteDocument)
        router.post(RouterPath(Self.entryPath), use: saveEntry)
        router.post(RouterPath(Self.deleteEntryPath), use: deleteEntry)
    }

    private var records: ReportRecordStore { ReportRecordStore(database: database) }

    private func frame(_ request: Request, _ context: AppRequestContext) throws -> StaffFrame {
        StaffFrame(try context.requireRole(request, .manager, .administrator), context)
    }

    private func view(_ frame: StaffFrame, _ input: ReportingPeriodInput, _ period: StatisticsPeriod) async throws -> ReportRecordsView {
        ReportRecordsView(frame: frame, input: input, period: period,
                          documents: try await records.documents(from: period.from, to: period.to),
                          entries: try await records.entries(from: period.from, to: period.to,
                                                             kinds: ReportEntryForm.kinds.map(\.0)))
    }

    private func respond(_ view: ReportRecordsView, status: HTTPResponse.Status = .ok) -> Response {
        HTMLResponse.make(view.document, status: status, headers: [.cacheControl: "no-store"])
    }

    /// The period; a 400 page that says what is wrong with it otherwise.
    private func period(_ frame: StaffFrame, _ input: ReportingPeriodInput) throws -> StatisticsPeriod {
        do throws(ReportingPeriodInput.Invalid) { return try input.period(today: VietnamTime.localDate(of: now())) } catch {
            throw PageRefusal(page: HTMLResponse.make(PeriodErrorView(frame: frame, input: input, message: error.message,
                                                                         title: "Dữ liệu báo cáo", path: Self.path).document,
                                                      status: .badRequest, headers: [.cacheControl: "no-store"]))
        }
    }

    private static func input(_ form: FormFields) -> ReportingPeriodInput {
        ReportingPeriodInput(quarter: form["quy"] ?? "", from: form["tu"] ?? "", to: form["den"] ?? "")
    }

    private static func redirect(_ input: ReportingPeriodInput, anchor: String) -> Response {
        Response(status: .seeOther, headers: [.location: path + (input.query.isEmpty ? "" : "?" + input.query) + anchor])
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let frame = try frame(request, context)
        let input = ReportingPeriodInput(query: request)
        let period = try self.period(frame, input)
        var view = try await view(frame, input, period)
        if let id = request.uri.queryParameters.get("sua-van-ban"), let d = view.documents.first(where: { $0.id == id }) {
            view.documentForm = IssuedDocumentForm(d)
        }
        if let id = request.uri.queryParameters.get("sua-muc"), let e = view.entries.first(where: { $0.id == id }) {
            view.entryForm = ReportEntryForm(e)
        }
        return respond(view)
    }

    @Sendable func saveDocument(_ request: Request, context: AppRequestContext) async throws -> Response {
        let frame = try frame(request, context)
        var request = request
        let form = try await FormFields.read(from: &request, limit: Self.formLimit)
        let input = Self.input(form)
        let period = try self.period(frame, input)
        let typed = IssuedDocumentForm(form)
        var view = try await view(frame, input, period)
        let existing = view.documents.first { $0.id == typed.id }
        if !typed.id.isEmpty, existing == nil {
            view.documentProblem = "Không tìm thấy văn bản cần sửa trong kỳ này."
            view.documentForm = typed
            return respond(view, status: .notFound)
        }
        switch typed.document(in: period, keeping: existing) {
        case .success(let document):
            try await records.save(document, audit: savedAudit(frame, kind: "issued_document", id: document.id,
                before: existing.map(Self.auditFields), after: Self.auditFields(document)))
            return Self.redirect(input, anchor: "#van-ban")
        case .failure(let problem):
            view.documentProblem = problem.message
            view.documentForm = typed
            return respond(view, status: .unprocessableContent)
        }
    }

    @Sendable func saveEntry(_ request: Request, context: AppRequestContext) async throws -> Response {
        let frame = try frame(request, context)
        var request = request
        let form = try await FormFields.read(from: &request, limit: Self.formLimit)
        let input = Self.input(form)
        let period = try self.period(frame, input)
        let typed = ReportEntryForm(form)
        var view = try await view(frame, input, period)
        let existing = view.entries.first { $0.id == typed.id }
        if !typed.id.isEmpty, existing == nil {
            view.entryProblem = "Không tìm thấy mục cần sửa trong kỳ này."
            view.entryForm = typed
            return respond(view, status: .notFound)
        }
        switch typed.entry(in: period, keeping: existing) {
        case .success(let entry):
            try await records.save(entry, audit: savedAudit(frame, kind: "report_entry", id: entry.id,
                before: existing.map(Self.auditFields), after: Self.auditFields(entry)))
            return Self.redirect(input, anchor: "#muc-ghi-nhan")
        case .failure(let problem):
            view.entryProblem = problem.message
            view.entryForm = typed
            return respond(view, status: .unprocessableContent)
        }
    }

    @Sendable func deleteDocument(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await delete(request, context, anchor: "#van-ban", kind: "issued_document") {
            try await records.deleteDocument(id: $0, audit: $1)
        }
    }

    @Sendable func deleteEntry(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await delete(request, context, anchor: "#muc-ghi-nhan", kind: "report_entry") {
            try await records.deleteEntry(id: $0, audit: $1)
        }
    }

    /// The audit row of a saved record (`report_record.saved`): what it said before, if it existed, and after.
    private func savedAudit(_ frame: StaffFrame, kind: String, id: String, before: [String: String?]?,
                            after: [String: String?]) -> AuditEvent {
        AuditEvent(at: now(), actor: frame.principal.username, action: .reportRecordSaved, objectKind: kind, objectID: id,
                   before: before.flatMap(AuditEvent.values), after: AuditEvent.values(after))
    }

    static func auditFields(_ document: IssuedDocument) -> [String: String?] {
        ["number": document.number, "date": document.date.description, "type": document.type, "issuer": document.issuer,
         "subject": document.subject, "section": document.reportSection]
    }

    static func auditFields(_ entry: ReportEntry) -> [String: String?] {
        ["kind": entry.kind.rawValue, "date": entry.date.description, "section": entry.section, "category": entry.category,
         "count": String(entry.count), "title": entry.title, "text": entry.text, "result": entry.result]
    }

    /// Removes a record; its audit row (`report_record.deleted`, the removed row as `before`) commits with it.
    private func delete(_ request: Request, _ context: AppRequestContext, anchor: String, kind: String,
                        _ remove: (String, AuditEvent) async throws -> Bool) async throws -> Response {
        let frame = try frame(request, context)
        var request = request
        let form = try await FormFields.read(from: &request, limit: Self.formLimit)
        let id = form["id"] ?? ""
        let audit = AuditEvent(at: now(), actor: frame.principal.username, action: .reportRecordDeleted, objectKind: kind,
                               objectID: id)
        guard try await remove(id, audit) else {
            return SimplePage.response(status: .notFound, title: "Không tìm thấy", message: "Mục cần xoá không còn tồn tại.")
        }
        return Self.redirect(Self.input(form), anchor: anchor)
    }
}
