import MotCuaCore
import SQLKit

/// Agencies get a kind (issue 11: the sites after the 2025 reform): `center`, `branch`, `commune_center`,
/// `department`, `commune` or `other`. Rows written before are given the kind their level suggests
/// (`AgencyKind.inferred(from:)`): a center is the provincial center, a department a department, a
/// commune's People's Committee a commune; the rest `other`, correctable by an administrator.
struct M0017_AddAgencyKinds: Migration {
    let version = 17
    let name = "AddAgencyKinds"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.alter(table: "agencies").column("kind", type: .text).run()
        for level in AgencyLevel.allCases {
            try await database.update("agencies").set("kind", to: SQLBind(AgencyKind.inferred(from: level).rawValue))
                .where("level", .equal, level.rawValue).run()
        }
        try await database.update("agencies").set("kind", to: SQLBind(AgencyKind.other.rawValue))
            .where("kind", .is, SQLLiteral.null).run()
    }
}
