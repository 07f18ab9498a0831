import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// `/quan-tri/nhat-ky`: the audit trail for administrators — who did what to which object, when, with the
/// values before and after — filtered by actor, action, object and dates, newest first, a page at a time
/// (`truoc` is the cursor: rows older than that id). Read only: the trail is append-only.
struct AdminAuditTrailController: Sendable {
    static let path = StaffPaths.auditTrail
    static let pageSize = 50

    let audits: AuditStore

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path), use: show)
    }

    /// The filter as typed in the form (kept as text so that a bad date is shown back with its message).
    struct Query: Sendable, Hashable {
        var actor = ""
        var action = ""
        var objectKind = ""
        var objectID = ""
        var from = ""
        var to = ""
        var beforeID: Int64?

        init() {}

        init(_ request: Request) {
            let parameters = request.uri.queryParameters
            func text(_ name: String) -> String {
                String(parameters.get(name) ?? "").trimmingCharacters(in: .whitespaces).prefix(200).description
            }
            actor = text("nguoi")
            action = text("thao-tac")
            objectKind = text("doi-tuong")
            objectID = text("ma")
            from = text("tu")
            to = text("den")
            beforeID = parameters.get("truoc").flatMap { Int64($0) }
        }

        /// The query string of these filters (without the cursor unless asked), for links.
        func queryString(beforeID cursor: Int64? = nil) -> String {
            var items: [URLQueryItem] = []
            for (name, value) in [("nguoi", actor), ("thao-tac", action), ("doi-tuong", objectKind), ("ma", objectID),
                                  ("tu", from), ("den", to)] where !value.isEmpty {
                items.append(URLQueryItem(name: name, value: value))
            }
            if let cursor { items.append(URLQueryItem(name: "truoc", value: String(cursor))) }
            var components = URLComponents()
            components.queryItems = items
            return components.percentEncodedQuery ?? ""
        }

        /// The store's filter, or the Vietnamese message of what is wrong with the dates.
        func filter(limit: Int) -> Result<AuditFilter, Invalid> {
            var filter = AuditFilter(limit: limit)
            if !actor.isEmpty { filter.actor = actor }
            if !action.isEmpty { filter.action = AuditAction(rawValue: action) }
            if !objectKind.isEmpty { filter.objectKind = objectKind }
            if !objectID.isEmpty { filter.objectID = objectID }
            filter.beforeID = beforeID
            let midnight = try! TimeOfDay(hour: 0)  // 00:00 is always a valid time of day
            var fromDate: LocalDate?
            if !from.isEmpty {
                guard let date = try? LocalDate(iso: from) else {
                    return .failure(Invalid(message: "Ngày bắt đầu không hợp lệ (dạng năm-tháng-ngày, ví dụ 2021-07-01)."))
                }
                fromDate = date
                filter.from = VietnamTime.instant(date: date, time: midnight)
            }
            if !to.isEmpty {
                guard let date = try? LocalDate(iso: to) else {
                    return .failure(Invalid(message: "Ngày kết thúc không hợp lệ (dạng năm-tháng-ngày, ví dụ 2021-09-30)."))
                }
                if let fromDate, date < fromDate {
                    return .failure(Invalid(message: "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."))
                }
                filter.until = VietnamTime.instant(date: date.adding(days: 1), time: midnight)
            }
            return .success(filter)
        }

        struct Invalid: Error {
            let message: String
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        let query = Query(request)
        let actors = try await audits.distinctValues(of: "actor")
        let kinds = try await audits.distinctValues(of: "object_kind")
        var view = AdminAuditTrailView(frame: StaffFrame(principal, context), query: query, actors: actors, objectKinds: kinds)
        switch query.filter(limit: Self.pageSize) {
        case .success(let filter):
            let page = try await audits.list(filter)
            view.entries = page.entries
            view.nextBeforeID = page.nextBeforeID
            return HTMLResponse.make(view.document, headers: [.cacheControl: "no-store"])
        case .failure(let invalid):
            view.error = invalid.message
            return HTMLResponse.make(view.document, status: .badRequest, headers: [.cacheControl: "no-store"])
        }
    }
}
