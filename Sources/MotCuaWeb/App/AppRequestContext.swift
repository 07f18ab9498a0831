import Hummingbird

/// The request context of every MotCua route: the core storage plus who is asking, once the
/// authentication middleware has recognised them.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Nil for anonymous requests (citizens, health checks).
    public var principal: Principal?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        principal = nil
    }
}
