import Foundation
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import MotCuaWeb
import Testing
import WorkCalendar

@Suite("JSON API: the public catalogue")
struct CatalogueAPITests {
    @Test("procedures found with or without diacritics, by agency and field; a version at an instant", arguments: TestBackend.available)
    func procedures(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            // A second version cuts the time from 2022; the first stays for dossiers received before.
            let v2 = try Procedure(code: Fixtures.investmentCode, version: 2, validFrom: Fixtures.instant("2022-01-01 00:00"),
                                   name: "Điều chỉnh Giấy chứng nhận đăng ký đầu tư", field: "Đầu tư tại Việt Nam",
                                   agencyCode: Fixtures.planning, legalTime: .workingDays(15), localTime: .workingDays(8),
                                   onlineLevel: .full)
            try await ProcedureStore(database: database).add(v2)
            let clock = TestClock("2021-07-12 08:00")
            try await apiApplication(database, clock: clock).test(.router) { client in
                for q in ["dieu%20chinh", "dieu+chinh", "%C4%90i%E1%BB%81u%20ch%E1%BB%89nh", "DIEU%20CHINH%20dau%20tu", "1.009645"] {
                    let found = try await client.call(.get, "/api/v1/procedures?q=\(q)")
                    #expect(found.status == .ok)
                    #expect(found.items.map { $0["name"] as? String } == ["Điều chỉnh Giấy chứng nhận đăng ký đầu tư"], "q=\(q)")
                    #expect(found.items.first?["version"] as? Int == 1, "the version in force now (2021)")
                }
                #expect(try await client.call(.get, "/api/v1/procedures?q=cap%20phieu").items.isEmpty)
                #expect(try await client.call(.get, "/api/v1/procedures?agency=\(Fixtures.planning)").items.count == 1)
                #expect(try await client.call(.get, "/api/v1/procedures?agency=\(Fixtures.environment)").items.isEmpty)
                #expect(try await client.call(.get, "/api/v1/procedures?field=%C4%90%E1%BA%A7u%20t%C6%B0%20t%E1%BA%A1i%20Vi%E1%BB%87t%20Nam").items.count == 1)
                #expect(try await client.call(.get, "/api/v1/procedures?at=2022-03-01").items.first?["version"] as? Int == 2)

                let now = try await client.call(.get, "/api/v1/procedures/1.009645")
                #expect(now.status == .ok)
                #expect(now.int("version") == 1)
                #expect(now.string("valid_from") == "2020-01-01T00:00:00+07:00")
                #expect((now["local_time"] as? [String: Any])?["amount"] as? Int == 10)
                #expect((now["steps"] as? [[String: Any]])?.count == 3)
                for at in ["2022-01-01T00:00:00%2B07:00", "2022-01-01T00:00:00+07:00", "2021-12-31T17:00:00Z", "2022-06-01"] {
                    let later = try await client.call(.get, "/api/v1/procedures/1.009645?at=\(at)")
                    #expect(later.int("version") == 2, "at=\(at): \(later.text)")
                }
                let bad = try await client.call(.get, "/api/v1/procedures/1.009645?at=yesterday")
                #expect(bad.status == .badRequest)
                #expect((bad["errors"] as? [[String: Any]])?.first?["field"] as? String == "at")
                #expect(try await client.call(.get, "/api/v1/procedures?agency=nope").status == .badRequest)
            }
        }
    }

    @Test("agencies with the names valid today or on a date", arguments: TestBackend.available)
    func agencies(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            // The province is renamed after the 2025 merger.
            let renamed = try Agency(code: Fixtures.province, level: .province, names: [
                AgencyName(validFrom: LocalDate(iso: "2015-01-01"), validUntil: LocalDate(iso: "2025-06-30"),
                           name: "Ủy ban nhân dân tỉnh Đắk Nông", shortName: "UBND tỉnh Đắk Nông"),
                AgencyName(validFrom: LocalDate(iso: "2025-07-01"), name: "Ủy ban nhân dân tỉnh Lâm Đồng", shortName: "UBND tỉnh Lâm Đồng"),
            ])
            try await AgencyStore(database: database).save(renamed)
            let clock = TestClock("2026-03-02 08:00")
            try await apiApplication(database, clock: clock).test(.router) { client in
                func province(_ reply: JSONReply) -> [String: Any]? {
                    reply.items.first { $0["code"] as? String == Fixtures.province.rawValue }
                }
                let today = try await client.call(.get, "/api/v1/agencies")
                #expect(today.status == .ok)
                #expect(today.items.count == 4)
                #expect(province(today)?["name"] as? String == "Ủy ban nhân dân tỉnh Lâm Đồng")
                #expect(province(today)?["in_service"] as? Bool == true)
                #expect((province(today)?["names"] as? [[String: Any]])?.first?["valid_until"] as? String == "2025-06-30")
                let in2021 = try await client.call(.get, "/api/v1/agencies?on=2021-09-14")
                #expect(province(in2021)?["name"] as? String == "Ủy ban nhân dân tỉnh Đắk Nông")
                #expect(province(in2021)?["level_label"] as? String == "UBND cấp tỉnh")
                let center = in2021.items.first { $0["code"] as? String == Fixtures.center.rawValue }
                #expect(center?["parent_code"] as? String == Fixtures.province.rawValue)
                #expect(center?["short_name"] as? String == "Trung tâm HCC")
                #expect(try await client.call(.get, "/api/v1/agencies?on=14/09/2021").status == .badRequest)
            }
        }
    }
}
