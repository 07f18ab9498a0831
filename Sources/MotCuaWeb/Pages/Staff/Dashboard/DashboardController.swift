import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// `/bang-dieu-khien`: the center's day and period at a glance, for the manager and the administrator
/// (every agency) and for a leader (their agencies only).
struct DashboardController: Sendable {
    static let path = StaffPaths.dashboard
    let database: Database
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path), use: show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .manager, .administrator, .leader)
        let frame = StaffFrame(principal, context)
        let input = ReportingPeriodInput(query: request)
        let now = now()
        let period: StatisticsPeriod
        do throws(ReportingPeriodInput.Invalid) { period = try input.period(today: VietnamTime.localDate(of: now)) } catch {
            return HTMLResponse.make(PeriodErrorView(frame: frame, input: input, message: error.message, title: "Tổng quan",
                                                        path: Self.path).document,
                                     status: .badRequest, headers: [.cacheControl: "no-store"])
        }
        let page = request.uri.queryParameters.get("trang").flatMap { Int($0) } ?? 1
        let model = try await DashboardQuery(database: database)
            .load(for: principal, input: input, period: period, now: now, latePage: min(max(page, 1), 10_000))
        return HTMLResponse.make(DashboardView(frame: frame, model: model).document, headers: [.cacheControl: "no-store"])
    }
}
