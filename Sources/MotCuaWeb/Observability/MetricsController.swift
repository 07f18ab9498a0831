import Hummingbird
import Metrics
import Prometheus

/// Prometheus metrics for the whole process: HTTP requests and latencies (MetricsMiddleware) and the
/// database pool (MotCuaStore's DatabaseMetrics).
public enum MetricsBootstrap {
    /// The registry that `/metrics` prints. swift-metrics allows one bootstrap per process; touching
    /// this value performs it exactly once, whoever comes first (the CLI or a test).
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Call before creating a `Database`, so that its metrics are recorded.
    public static func bootstrap() { _ = registry }
}

struct MetricsController<Context: RequestContext>: Sendable {
    func addRoutes(to router: Router<Context>) {
        router.get("metrics") { _, _ in
            let text = MetricsBootstrap.registry.emitToBuffer()
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: text)))
        }
    }
}
