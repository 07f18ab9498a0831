import MotCuaStore

/// The record `body` reads, or nil when the store has none; other failures (the database down) still
/// throw, so an outage is not shown to a visitor as "not found".
///
/// Also keeps `try? await` out of `guard`/`if` conditions: the Swift 6.3 release compiler crashes splitting
/// coroutines that contain it (LLVM coro-split, `emitSetAndGetSwiftErrorValueAround`).
func ifFound<Value: Sendable>(_ body: () async throws -> Value) async throws -> Value? {
    do {
        return try await body()
    } catch StoreError.notFound {
        return nil
    }
}
