import SQLKit

/// STAND-IN, branch `api` only: version 5 belongs to the authentication branch's migration, which is being
/// written in parallel. `Migrator` requires versions 1, 2, 3 … without gaps, so this branch needs something
/// at 5 to run M0006. It changes nothing. When merging, drop this file and keep the real M0005.
struct M0005_ReservedForAuthentication: Migration {
    let version = 5
    let name = "ReservedForAuthentication"

    func prepare(on database: any SQLDatabase) async throws {}
}
