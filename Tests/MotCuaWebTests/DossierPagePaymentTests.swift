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

@Suite("Dossier page: asking for a payment and confirming it with its channel")
struct DossierPagePaymentTests {
    @Test("the step's specialist asks, the desk confirms with a channel; others are neither offered nor allowed",
          arguments: TestBackend.available)
    func requestAndConfirm(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DossierPageFixture.seed(database)
            let dossier = try await DossierPageFixture.dossierAtFirstStep(database, at: Date())
            let code = dossier.code.rawValue
            let store = DossierStore(database: database)
            @Sendable func eventCount() async throws -> Int { try await store.events(of: dossier.code).count }
            let initial = try await eventCount()
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let desk = try await Officer.signIn(client, "tiepnhan")
                let specialist = try await Officer.signIn(client, "cv.khdt")
                let manager = try await Officer.signIn(client, "quanly")
                let request = "id=\"hanh-dong-yeu-cau-thanh-toan\"", confirm = "id=\"hanh-dong-xac-nhan-thanh-toan\""

                // Only the agency holding the step asks for payment; no one confirms what was not asked for.
                let specialistPage = try await specialist.open(client, StaffPaths.dossier(code))
                #expect(specialistPage.text.contains(request))
                #expect(!specialistPage.text.contains(confirm))
                let form = section(specialistPage.text, id: "hanh-dong-yeu-cau-thanh-toan", until: "</form>")
                #expect(form.contains("name=\"so_tien\"") && form.contains("name=\"noi_dung\"") && form.contains("name=\"_csrf\""))
                #expect(form.contains("action=\"\(StaffPaths.dossier(code))/hanh-dong/yeu-cau-thanh-toan\""))
                #expect(!(try await desk.open(client, StaffPaths.dossier(code))).text.contains(request))
                #expect(!(try await manager.open(client, StaffPaths.dossier(code))).text.contains(request))
                #expect(try await desk.act(client, code, "yeu-cau-thanh-toan", [("so_tien", "100000"), ("noi_dung", "Phí")]).status == .forbidden)
                #expect(try await manager.act(client, code, "yeu-cau-thanh-toan", [("so_tien", "100000"), ("noi_dung", "Phí")]).status == .forbidden)
                #expect(try await desk.act(client, code, "xac-nhan-thanh-toan", [("kenh_thanh_toan", "counter")]).status == .unprocessableContent)

                // Bad amounts and a missing description: 422, the officer's words kept, nothing written.
                for bad in ["", "mười nghìn", "0", "-5000"] {
                    let reply = try await specialist.act(client, code, "yeu-cau-thanh-toan", [("so_tien", bad), ("noi_dung", "Phí <thẩm định>")])
                    #expect(reply.status == .unprocessableContent, "\(bad)")
                    #expect(reply.text.contains("id=\"loi\"") && reply.text.contains("Phí &lt;thẩm định&gt;"))
                    #expect(reply.text.contains("aria-invalid=\"true\""))
                }
                let noDescription = try await specialist.act(client, code, "yeu-cau-thanh-toan", [("so_tien", "500.000"), ("noi_dung", " ")])
                #expect(noDescription.status == .unprocessableContent)
                #expect(noDescription.text.contains("Vui lòng nhập nội dung khoản phải nộp"))
                #expect(noDescription.text.contains("value=\"500.000\""))
                #expect(try await eventCount() == initial)

                // Thousands separators are read as the officer means them.
                let asked = try await specialist.act(client, code, "yeu-cau-thanh-toan", [("so_tien", "1.500.000"), ("noi_dung", "Phí thẩm định dự án")])
                #expect(asked.status == .seeOther)
                #expect(try await store.dossier(dossier.code).pendingPayment?.amountVND == 1_500_000)
                let waiting = try await desk.open(client, try #require(asked.headers[.location]))
                #expect(waiting.text.contains(confirm))
                let confirmForm = section(waiting.text, id: "hanh-dong-xac-nhan-thanh-toan", until: "</form>")
                for channel in PaymentChannel.allCases { #expect(confirmForm.contains("value=\"\(channel.rawValue)\"")) }
                #expect(confirmForm.contains("name=\"chung_tu\"") && confirmForm.contains("1.500.000"))
                #expect(confirmForm.contains("data-confirm="))
                #expect(!(try await manager.open(client, StaffPaths.dossier(code))).text.contains(confirm))
                #expect(try await manager.act(client, code, "xac-nhan-thanh-toan", [("kenh_thanh_toan", "online")]).status == .forbidden)

                // An unknown channel is refused with the reference kept.
                let badChannel = try await desk.act(client, code, "xac-nhan-thanh-toan", [("kenh_thanh_toan", "cash"), ("chung_tu", "BL-0042")])
                #expect(badChannel.status == .unprocessableContent)
                #expect(badChannel.text.contains("Vui lòng chọn kênh thanh toán") && badChannel.text.contains("value=\"BL-0042\""))
                #expect(try await eventCount() == initial + 1)

                let paid = try await desk.act(client, code, "xac-nhan-thanh-toan", [("kenh_thanh_toan", "transfer"), ("chung_tu", "UNC-0042")])
                #expect(paid.status == .seeOther)
                let after = try await desk.open(client, try #require(paid.headers[.location]))
                #expect(after.text.contains("Đã xác nhận thanh toán"))
                #expect(!after.text.contains(confirm))
                let timeline = section(after.text, id: "dong-thoi-gian", until: "</ol>")
                #expect(timeline.contains("Kênh thanh toán: Chuyển khoản ngân hàng") && timeline.contains("Chứng từ: UNC-0042"))
                let current = try await store.dossier(dossier.code)
                #expect(current.status == .processing && current.payments.first?.channel == .transfer)
                let row = try #require(try await database.sql.select().column("paid_online").from("dossiers")
                    .where("code", .equal, code).first())
                #expect(try row.decode(column: "paid_online", as: Int?.self) == 0)
            }
        }
    }
}
