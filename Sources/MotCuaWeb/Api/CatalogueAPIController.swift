import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// `/api/v1/procedures` and `/api/v1/agencies`: the public catalogue (published by law, so readable
/// without signing in).
struct CatalogueAPIController: Sendable {
    let procedures: ProcedureStore
    let agencies: AgencyStore
    let now: @Sendable () -> Date

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("procedures", use: listProcedures)
        group.get("procedures/{code}", use: showProcedure)
        group.get("agencies", use: listAgencies)
    }

    /// `?q=` (with or without diacritics), `agency=`, `field=`, `at=` (default: now).
    @Sendable func listProcedures(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = QueryParameters(request: request)
        let found = try await procedures.current(
            at: try query.instant("at") ?? now(), matching: query.text("q"),
            agency: try query.agency("agency"), field: query.text("field"))
        return try JSONResponse.make(ItemList(items: found))
    }

    /// The version in force now, or at `?at=`.
    @Sendable func showProcedure(_ request: Request, context: AppRequestContext) async throws -> Response {
        let raw = try context.parameters.require("code")
        let instant = try QueryParameters(request: request).instant("at") ?? now()
        guard let code = try? ProcedureCode(parsing: raw) else {
            throw Problem.notFound("Không tìm thấy thủ tục \"\(raw)\" (mã thủ tục có dạng 1.001234).")
        }
        do {
            return try JSONResponse.make(try await procedures.procedure(code, at: instant))
        } catch StoreError.notFound {
            throw Problem.notFound("Không tìm thấy thủ tục \(code) có hiệu lực lúc \(VietnamTime.iso8601(instant)).")
        }
    }

    /// Every agency with the names in force today, or on `?on=YYYY-MM-DD`.
    @Sendable func listAgencies(_ request: Request, context: AppRequestContext) async throws -> Response {
        let day = try QueryParameters(request: request).date("on") ?? VietnamTime.localDate(of: now())
        let all = try await agencies.all()
        return try JSONResponse.make(ItemList(items: all.map { AgencyResource(agency: $0, on: day) }))
    }
}
