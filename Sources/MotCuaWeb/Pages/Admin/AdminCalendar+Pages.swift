import MotCuaCore
import Foundation
import HTTPTypes
import Hummingbird
import MotCuaStore
import Plot
import WorkCalendar

/// `/quan-tri/lich`: the working calendar of a year as month grids, and the administrator's corrections —
/// mark a day off or a working day with a note, or remove a correction (what `motcua calendar set-day` and
/// `unset-day` do). Every deadline computed afterwards uses them.
struct AdminCalendarController: Sendable {
    static let path = StaffPaths.administration + "/lich"
    static let removePath = path + "/xoa"
    static let yearQuery = "nam"
    static func yearPath(_ year: Int) -> String { "\(path)?\(yearQuery)=\(year)" }

    let days: CalendarDayStore
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path), use: show)
        router.post(RouterPath(Self.path), use: set)
        router.post(RouterPath(Self.removePath), use: unset)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        let requested = request.uri.queryParameters.get(Self.yearQuery).flatMap { Int($0) }
        let year = requested.flatMap { WorkingCalendar.supportedYears.contains($0) ? $0 : nil }
            ?? VietnamTime.localDate(of: now()).year
        let notice = request.uri.queryParameters.get("da-luu").map { _ in "Đã lưu lịch làm việc." }
        return try await page(principal, context, year: year, form: .init(), notice: notice)
    }

    @Sendable func set(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        var request = request
        let fields = try await FormFields.read(from: &request, limit: 8 * 1024)
        let form = AdminCalendarView.DayForm(date: fields["ngay"] ?? "", kind: fields["loai"] ?? "", note: fields["ghi_chu"] ?? "")
        let entry: DayEntry
        do {
            entry = try form.entry()
        } catch {
            let year = (try? LocalDate(iso: form.date.trimmingCharacters(in: .whitespaces)))?.year
            return try await page(principal, context, year: year ?? VietnamTime.localDate(of: now()).year, form: form,
                                  error: error.vietnameseMessage, status: .unprocessableContent)
        }
        try await days.set(entry, at: now(), by: principal.username)
        context.logger.notice("audit: calendar day set", metadata: ["actor": "\(principal.username)", "day": "\(entry)"])
        return Response(status: .seeOther, headers: [.location: Self.yearPath(entry.date.year) + "&da-luu=1"])
    }

    @Sendable func unset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .administrator)
        var request = request
        let fields = try await FormFields.read(from: &request, limit: 8 * 1024)
        guard let date = try? LocalDate(iso: fields["ngay"] ?? ""), WorkingCalendar.supportedYears.contains(date.year) else {
            return try await page(principal, context, year: VietnamTime.localDate(of: now()).year, form: .init(),
                                  error: "Ngày cần bỏ điều chỉnh không hợp lệ.", status: .unprocessableContent)
        }
        try await days.unset(date, at: now(), by: principal.username)
        context.logger.notice("audit: calendar day unset", metadata: ["actor": "\(principal.username)", "date": "\(date)"])
        return Response(status: .seeOther, headers: [.location: Self.yearPath(date.year) + "&da-luu=1"])
    }

    private func page(_ principal: Principal, _ context: AppRequestContext, year: Int, form: AdminCalendarView.DayForm,
                      error: String? = nil, notice: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let corrections = try await days.all()
        let calendar = try await days.workingCalendar()
        let view = AdminCalendarView(frame: StaffFrame(principal, context), year: year,
                                     months: try AdminCalendarView.months(of: year, calendar: calendar),
                                     corrections: corrections.filter { $0.date.year == year },
                                     form: form, error: error, notice: notice)
        return HTMLResponse.make(view.document, status: status, headers: [.cacheControl: "no-store"])
    }
}
