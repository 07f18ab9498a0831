import Foundation
import Hummingbird
import Logging
import MotCuaStore

/// Builds the MotCua web application: the same code serves `motcua serve` and the in-process tests.
public func buildApplication(_ configuration: AppConfiguration) -> some ApplicationProtocol {
    MetricsBootstrap.bootstrap()
    let router = buildRouter(configuration)
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(configuration.idleTimeoutSeconds)))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "MotCua"),
        logger: configuration.logger)
}

func buildRouter(_ configuration: AppConfiguration) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    let auth = AuthServices(configuration: configuration)
    let limiter = PublicRateLimiter(database: configuration.database, limits: configuration.publicLimits)
    router.addMiddleware {
        RequestIDMiddleware()
        ClientAddressMiddleware(trustedProxies: configuration.trustedProxies)
        LogRequestsMiddleware(.info)
        MetricsMiddleware()
        // Order matters: headers go on every response, even the refusals of the two below; CSRF checks
        // need to know how the request was authenticated.
        SecurityHeadersMiddleware(httpsOnly: configuration.secureCookies)
        NotFoundPageMiddleware()
        AuthenticationMiddleware(auth: auth)
        CSRFMiddleware(secureCookies: configuration.secureCookies)
    }
    HealthController(database: configuration.database).addRoutes(to: router)
    MetricsController().addRoutes(to: router)
    SiteStyleSheet.addRoutes(to: router)
    SiteScript.addRoutes(to: router)
    SiteIcon.addRoutes(to: router)
    router.get("/") { _, _ in HTMLResponse.make(HomePage.document) }
    ProcedureCatalogueController(procedures: ProcedureStore(database: configuration.database),
                                 agencies: AgencyStore(database: configuration.database)).addRoutes(to: router)
    StatusLookupController(dossiers: DossierStore(database: configuration.database),
                           ratings: ServiceLogStore(database: configuration.database), limiter: limiter, now: configuration.now).addRoutes(to: router)
    RatingTabletController(log: ServiceLogStore(database: configuration.database),
                           dossiers: DossierStore(database: configuration.database),
                           procedures: ProcedureStore(database: configuration.database),
                           now: configuration.now).addRoutes(to: router)
    FeedbackController(store: FeedbackStore(database: configuration.database), limiter: limiter, now: configuration.now).addRoutes(to: router)
    WorkQueueController(dossiers: DossierStore(database: configuration.database),
                        calendar: CalendarDayStore(database: configuration.database), now: configuration.now).addRoutes(to: router)
    DashboardController(database: configuration.database, now: configuration.now).addRoutes(to: router)
    ReportController(database: configuration.database, now: configuration.now).addRoutes(to: router)
    ReportRecordsController(database: configuration.database, now: configuration.now).addRoutes(to: router)
    ReceptionController(database: configuration.database, now: configuration.now).addRoutes(to: router)
    GuidanceController(database: configuration.database, now: configuration.now).addRoutes(to: router)
    OnlineSubmissionController(database: configuration.database, limiter: limiter, now: configuration.now).addRoutes(to: router)
    AttachmentController(database: configuration.database).addRoutes(to: router)
    FeedbackHandlingController(store: FeedbackStore(database: configuration.database), agencies: AgencyStore(database: configuration.database), now: configuration.now).addRoutes(to: router)
    AdministrationController(database: configuration.database, accounts: auth.accounts, now: configuration.now).addRoutes(to: router)
    DossierPageController(database: configuration.database, now: configuration.now).addRoutes(to: router)
    LoginController(auth: auth).addRoutes(to: router)
    MeController().addRoutes(to: router)
    // Hummingbird applies router middleware only to routes added after it: the authentication
    // middleware above covers the API.
    JSONAPI(database: configuration.database).addRoutes(to: router)
    return router
}
