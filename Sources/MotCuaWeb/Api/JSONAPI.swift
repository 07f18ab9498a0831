import Foundation
import Hummingbird
import MotCuaStore

/// The JSON API under `/api/v1` (issue 4 item 9), described by `openapi.yaml`. Errors come back as RFC 9457
/// problems with a Vietnamese `detail`; a method a path does not have is 405 with `Allow`.
///
/// Mount it after the authentication middleware, which fills `context.principal` (router middleware only
/// applies to routes added after it): `JSONAPI(database: database).addRoutes(to: router)`.
public struct JSONAPI: Sendable {
    public static let basePath = "/api/v1"

    let catalogue: CatalogueAPIController
    let dossiers: DossierAPIController
    let slips: SlipAPIController
    let serviceLog: ServiceLogAPIController

    /// - Parameter now: the clock every change is stamped with (tests pass their own).
    public init(database: Database, now: @escaping @Sendable () -> Date = { Date() }) {
        let agencies = AgencyStore(database: database)
        catalogue = CatalogueAPIController(procedures: ProcedureStore(database: database), agencies: agencies, now: now)
        dossiers = DossierAPIController(dossiers: DossierStore(database: database), agencies: agencies,
                                        reads: PersonalDataReads(database: database), now: now)
        slips = SlipAPIController(database: database, reads: PersonalDataReads(database: database), now: now)
        serviceLog = ServiceLogAPIController(database: database, now: now)
    }

    public func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group(RouterPath(Self.basePath)).add(middleware: ProblemMiddleware())
        OpenAPIDocumentController().addRoutes(to: group)
        catalogue.addRoutes(to: group)
        dossiers.addRoutes(to: group)
        slips.addRoutes(to: group)
        serviceLog.addRoutes(to: group)
        // Last, so that it wraps the router's not-found answers and none of the routes above.
        router.add(middleware: APIRoutingMiddleware(routes: router.routes))
    }
}
