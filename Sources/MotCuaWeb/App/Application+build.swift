import Hummingbird
import Logging
import MotCuaStore

/// Builds the MotCua web application: the same code serves `motcua serve` and the in-process tests.
public func buildApplication(_ configuration: AppConfiguration) -> some ApplicationProtocol {
    MetricsBootstrap.bootstrap()
    let router = buildRouter(configuration)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "MotCua"),
        logger: configuration.logger)
}

func buildRouter(_ configuration: AppConfiguration) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.addMiddleware {
        RequestIDMiddleware()
        LogRequestsMiddleware(.info)
        MetricsMiddleware()
    }
    HealthController(database: configuration.database).addRoutes(to: router)
    MetricsController().addRoutes(to: router)
    // The authentication middleware (session cookie, Bearer token) must be added above this line.
    JSONAPI(database: configuration.database).addRoutes(to: router)
    return router
}
