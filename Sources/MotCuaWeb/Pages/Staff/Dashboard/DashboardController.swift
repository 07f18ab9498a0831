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
        var site: AgencyCode?
        if let raw = request.uri.queryParameters.get("noi-tiep-nhan"), !raw.isEmpty {
            let directory = try await AgencyStore(database: database).directory()
            guard let code = try? AgencyCode(parsing: raw), directory[code]?.kind.isSite == true else {
                return HTMLResponse.make(PeriodErrorView(frame: frame, input: input, message: "Không có nơi tiếp nhận mã “\(raw.prefix(40))”.",
                                                            title: "Tổng quan", path: Self.path).document,
                                         status: .badRequest, headers: [.cacheControl: "no-store"])
            }
            site = code
        }
        let model = try await DashboardQuery(database: database)
            .load(for: principal, input: input, period: period, now: now, latePage: min(max(page, 1), 10_000), site: site)
        return HTMLResponse.make(DashboardView(frame: frame, model: model).document, headers: [.cacheControl: "no-store"])
    }
}
