import Foundation
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// A province after the 2025 reform, for the tests of sites and acceptance on behalf (issue 11): the
/// provincial People's Committee, its center, the Department of Justice, two communes each with its center,
/// and two Department of Justice procedures — one listed for acceptance at any site, one not.
public enum SiteFixtures {
    static func code(_ text: String) -> AgencyCode {
        do { return try AgencyCode(parsing: text) } catch { fatalError("\(error)") }
    }

    public static let province = code("000.00.01.H39")
    public static let center = code("000.00.15.H39")
    public static let justice = code("000.00.17.H39")
    public static let commune = code("000.00.21.H39")
    public static let communeCenter = code("000.01.21.H39")
    public static let otherCommune = code("000.00.22.H39")
    public static let otherCommuneCenter = code("000.01.22.H39")
    public static let anySiteCode = try! ProcedureCode(parsing: "2.000635")
    public static let localOnlyCode = try! ProcedureCode(parsing: "2.000636")

    public static func seed(_ database: Database) async throws {
        let since = try LocalDate(iso: "2025-07-01")
        func agency(_ code: AgencyCode, _ level: AgencyLevel, _ kind: AgencyKind, _ name: String, parent: AgencyCode?) throws -> Agency {
            try Agency(code: code, parentCode: parent, level: level, kind: kind,
                       names: [AgencyName(validFrom: since, name: name, shortName: name)])
        }
        let store = AgencyStore(database: database)
        for a in [
            try agency(province, .province, .other, "UBND tỉnh Lâm Đồng", parent: nil),
            try agency(center, .center, .center, "Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng", parent: province),
            try agency(justice, .department, .department, "Sở Tư pháp", parent: province),
            try agency(commune, .commune, .commune, "UBND phường Bắc Gia Nghĩa", parent: province),
            try agency(communeCenter, .center, .communeCenter, "Trung tâm PVHCC phường Bắc Gia Nghĩa", parent: commune),
            try agency(otherCommune, .commune, .commune, "UBND phường Nam Gia Nghĩa", parent: province),
            try agency(otherCommuneCenter, .center, .communeCenter, "Trung tâm PVHCC phường Nam Gia Nghĩa", parent: otherCommune),
        ] { try await store.save(a) }
        for (code, anySite) in [(anySiteCode, true), (localOnlyCode, false)] {
            try await ProcedureStore(database: database).add(try Procedure(
                code: code, validFrom: Fixtures.instant("2025-07-01 00:00"), name: "Cấp Phiếu lý lịch tư pháp \(code)",
                field: "Lý lịch tư pháp", agencyCode: justice, legalTime: .workingDays(10), localTime: .workingDays(5),
                onlineLevel: .full, acceptedAtAnySite: anySite))
        }
    }
}
