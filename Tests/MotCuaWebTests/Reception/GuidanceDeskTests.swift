import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb
import SQLKit
import Testing

@Suite("Guidance log in two clicks")
struct GuidanceDeskTests {
    @Test("a button records one contact now for the officer's agency; the page counts today's contacts",
          arguments: TestBackend.available)
    func recordAndCount(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DeskFixture.seed(database)
            // Yesterday's contact and another agency's today do not count in today's figures of the center.
            let log = ServiceLogStore(database: database)
            try await log.record(GuidanceContact(at: Date().addingTimeInterval(-86_400 * 2), kind: .incomingCall,
                                                 agencyCode: Fixtures.center, note: ""), recordedBy: "cu")
            try await log.record(GuidanceContact(at: Date(), kind: .incomingCall, agencyCode: Fixtures.environment, note: ""),
                                 recordedBy: "khac")
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var browser = try await DeskFixture.signedIn(client, as: DeskFixture.reception)
                let page = try await DeskFixture.get(client, "/huong-dan", &browser)
                #expect(page.status == .ok)
                for id in ["nut-huong-dan-truc-tiep", "nut-goi-den", "nut-goi-di"] { #expect(page.text.contains("id=\"\(id)\"")) }
                #expect(page.text.contains(">0 cuộc gọi đến<"))

                let first = try await DeskFixture.post(client, "/huong-dan", [("loai", "incoming_call"), ("chu_de", "Cấp Phiếu lý lịch tư pháp")], &browser)
                #expect(first.status == .seeOther)
                #expect(first.headers[.location] == "/huong-dan?da-ghi=incoming_call")
                _ = try await DeskFixture.post(client, "/huong-dan", [("loai", "incoming_call"), ("chu_de", "")], &browser)
                let fromDesk = try await DeskFixture.post(client, "/huong-dan", [("loai", "in_person"), ("tro_ve", "/tiep-nhan")], &browser)
                #expect(fromDesk.headers[.location] == "/tiep-nhan?da-ghi=in_person")
                let elsewhere = try await DeskFixture.post(client, "/huong-dan", [("loai", "outgoing_call"), ("tro_ve", "https://example.com/")], &browser)
                #expect(elsewhere.headers[.location] == "/huong-dan?da-ghi=outgoing_call")

                let after = try await DeskFixture.get(client, "/huong-dan?da-ghi=incoming_call", &browser)
                #expect(after.text.contains("Đã ghi nhận 01 lượt gọi đến"))
                #expect(after.text.contains("01 hướng dẫn trực tiếp") && after.text.contains("02 cuộc gọi đến")
                        && after.text.contains("01 cuộc gọi đi") && after.text.contains("tổng 04 lượt"))
                let desk = try await DeskFixture.get(client, "/tiep-nhan?da-ghi=in_person", &browser)
                #expect(desk.text.contains("id=\"nut-goi-den-nhanh\"") && desk.text.contains("tổng 04 lượt"))

                let unknown = try await DeskFixture.post(client, "/huong-dan", [("loai", "fax")], &browser)
                #expect(unknown.status == .unprocessableContent)
            }
            let rows = try await database.sql.select().columns("kind", "agency_code", "note", "recorded_by")
                .from("guidance_contacts").where("recorded_by", .equal, DeskFixture.reception).all()
            #expect(rows.count == 4)
            #expect(try rows.allSatisfy { try $0.decode(column: "agency_code", as: String.self) == Fixtures.center.rawValue })
            #expect(try rows.contains { try $0.decode(column: "note", as: String.self) == "Cấp Phiếu lý lịch tư pháp" })
        }
    }

    @Test("specialists and managers may record; leaders may not", arguments: TestBackend.available)
    func roles(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DeskFixture.seed(database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var specialist = try await DeskFixture.signedIn(client, as: DeskFixture.environmentSpecialist)
                _ = try await DeskFixture.get(client, "/huong-dan", &specialist)
                #expect(try await DeskFixture.post(client, "/huong-dan", [("loai", "outgoing_call")], &specialist).status == .seeOther)
                var manager = try await DeskFixture.signedIn(client, as: DeskFixture.manager)
                _ = try await DeskFixture.get(client, "/huong-dan", &manager)
                #expect(try await DeskFixture.post(client, "/huong-dan", [("loai", "in_person")], &manager).status == .seeOther)
                var leader = try await DeskFixture.signedIn(client, as: DeskFixture.leader)
                #expect(try await DeskFixture.get(client, "/huong-dan", &leader).status == .forbidden)
                try await leader.refreshToken(client)
                #expect(try await DeskFixture.post(client, "/huong-dan", [("loai", "in_person")], &leader).status == .forbidden)
            }
            let agencies = try await database.sql.select().column("agency_code").from("guidance_contacts").all()
                .map { try $0.decode(column: "agency_code", as: String.self) }.sorted()
            #expect(agencies == [Fixtures.center.rawValue, Fixtures.environment.rawValue].sorted())
        }
    }
}
