import Foundation
import Testing
import MotCuaCore
import WorkCalendar
@testable import MotCuaReports

@Suite("Mẫu 05: process control sheet")
struct ProcessControlSheetTests {
    typealias X = SlipFixtures

    @Test("a payment that waited is noted on its step; a fee paid the moment it was asked for paused nothing")
    func payments() throws {
        var d = try X.registered(at: "2021-03-01 09:00")
        try X.run(&d, [("2021-03-01 09:10", .transfer),
                       ("2021-03-01 09:10", .requestPayment(amountVND: 200_000, description: "Phí")),
                       ("2021-03-01 09:10", .confirmPayment(reference: "BL-1", channel: .counter)),
                       ("2021-03-02 08:00", .requestPayment(amountVND: 50_000, description: "Lệ phí")),
                       ("2021-03-03 08:00", .confirmPayment(reference: "DVC-2", channel: .online))])
        let sheet = try ProcessControlSheet(X.context(d))
        let pauses = sheet.handovers.flatMap(\.notes).filter { $0.hasPrefix("Tạm dừng chờ thực hiện nghĩa vụ tài chính") }
        #expect(pauses == ["Tạm dừng chờ thực hiện nghĩa vụ tài chính từ 08 giờ 00 phút, ngày 02/3/2021 đến 08 giờ 00 phút, ngày 03/3/2021"])
    }

    @Test("the whole life across Tết: each handover to the minute, each step's verdict, the result and its return")
    func wholeLife() throws {
        let dossier = try X.lifeAcrossTet()
        let sheet = try ProcessControlSheet(X.context(dossier))
        let desk = "Trung tâm Phục vụ hành chính công tỉnh Đắk Nông"
        let planning = "Sở Kế hoạch và Đầu tư tỉnh Đắk Nông"
        let province = "Ủy ban nhân dân tỉnh Đắk Nông"
        let environment = "Sở Tài nguyên và Môi trường tỉnh Đắk Nông"
        #expect(sheet.handovers.map(\.giver.body) == [desk, planning, province, environment, desk])
        #expect(sheet.handovers.map(\.receiver.body) == [planning, province, environment, desk, "Tổ chức, cá nhân: \(X.trickyName)"])
        #expect(sheet.handovers.map(\.at) == ["2021-02-05 09:00", "2021-02-24 10:00", "2021-03-01 09:00", "2021-03-04 08:00", "2021-03-05 08:00"].map(X.t))
        #expect(sheet.handovers.map(\.verdict) == [nil, .late, .onTime, .late, .late])
        #expect(sheet.handovers.map(\.giver.person) == [nil, "Nguyễn Văn Thẩm", "Lê Thị Duyệt", "Trần Văn Môi", nil])
        #expect(sheet.handovers.map(\.receiver.person) == ["Nguyễn Văn Thẩm", "Lê Thị Duyệt", "Trần Văn Môi", nil, nil])
        #expect(sheet.handovers[1].notes == [
            "Hạn xử lý: 11 giờ 00 phút, ngày 23/02/2021",
            "Chậm 6 giờ 30 phút làm việc",
            "Tạm dừng chờ bổ sung hồ sơ từ 10 giờ 00 phút, ngày 09/02/2021 đến 14 giờ 00 phút, ngày 18/02/2021",
            "Ý kiến xử lý: Đủ điều kiện",
        ])
        #expect(sheet.handovers[2].notes == ["Hạn xử lý: 10 giờ 00 phút, ngày 01/3/2021"])
        #expect(sheet.handovers[3].notes == ["Hạn xử lý: 09 giờ 00 phút, ngày 03/3/2021", "Chậm 6 giờ 30 phút làm việc", "Kết quả: Giải quyết"])
        #expect(sheet.handovers[4].notes == [
            "Trả kết quả: Trực tiếp",
            "Hẹn lại ngày trả kết quả: 17 giờ 00 phút, ngày 05/3/2021 (Phiếu xin lỗi số 25/PXL-TTHCC)",
            "So với ngày hẹn lại: Trước hạn",
        ])
        #expect(sheet.situation == nil)
        #expect(!sheet.handovers.contains { $0.isPlanned })

        let r = try RenderedSlip(sheet.document)
        for line in [
            "VĂN PHÒNG UBND TỈNH ĐẮK NÔNG",
            "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH ĐẮK NÔNG",
            "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
            "Mã hồ sơ: 000.00.15.H56-210205-0001",
            "Kèm theo hồ sơ của: \(X.trickyName)",
            "Thời gian tiếp nhận hồ sơ: 09 giờ 00 phút, ngày 05/02/2021",
            "Thời gian hẹn trả kết quả: 17 giờ 00 phút, ngày 05/3/2021 (hẹn lại theo Phiếu xin lỗi số 25/PXL-TTHCC; thời hạn giải quyết theo quy định: 11 giờ 00 phút, ngày 02/3/2021)",
            "Cơ quan (bộ phận) giải quyết hồ sơ: \(planning)",
            "Cơ quan phối hợp giải quyết hồ sơ: \(province); \(environment)",
            "TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "KẾT QUẢ GIẢI QUYẾT HỒ SƠ", "(Trước hạn/đúng hạn/quá hạn)", "GHI CHÚ",
            "1. Giao: \(desk)", "Nhận: \(planning)", "Bước 1: Thẩm định hồ sơ",
            "2. Giao: \(planning)", "Nhận: \(province)", "Bước 2: Phê duyệt",
            "09 giờ 00 phút, ngày 05/02/2021", "10 giờ 00 phút, ngày 24/02/2021", "09 giờ 00 phút, ngày 01/3/2021",
            "08 giờ 00 phút, ngày 04/3/2021", "08 giờ 00 phút, ngày 05/3/2021",
            "5. Giao: \(desk)", "Nhận: Tổ chức, cá nhân: \(X.trickyName)",
            "Quá hạn", "Đúng hạn", "Người giao", "Người nhận", "Nguyễn Văn Thẩm", "Lê Thị Duyệt",
        ] {
            #expect(r.showsLine(line), "missing line: \(line)")
        }
        // No date line and no signature block below the table: people sign in it.
        #expect(r.document.header.placeAndDate == nil)
        #expect(r.document.closing.signatures.isEmpty)
        #expect(!r.html.contains("class=\"closing\""))
    }

    @Test("the table: a header row, then two rows per handover with merged name, result and note cells")
    func tableStructure() throws {
        let dossier = try X.lifeAcrossTet()
        let document = try ProcessControlSheet(X.context(dossier)).document
        let table = try #require(document.body.compactMap { block -> SlipTable? in
            if case .table(let t) = block { return t } else { return nil }
        }.first)
        #expect(table.columnWidths.reduce(0, +) == 165)
        #expect(table.rows.count == 10)

        let r = try RenderedSlip(document)
        #expect(r.html.components(separatedBy: "rowspan=\"2\"").count - 1 == 15)
        #expect(r.html.components(separatedBy: "colspan=\"2\"").count - 1 == 6)
        // Word: the spanning cells restart a vertical merge; the rows below continue it in the same columns.
        let xml = String(decoding: try SlipDocxReader(r.docx).part("word/document.xml"), as: UTF8.self)
        #expect(xml.components(separatedBy: "<w:vMerge w:val=\"restart\"/>").count - 1 == 15)
        #expect(xml.components(separatedBy: "<w:vMerge/>").count - 1 == 15)
        let grid = try #require(r.docxTables.first { $0.first?.first == "TÊN CƠ QUAN" })
        #expect(grid.count == 11)
        #expect(grid[3][1] == "10 giờ 00 phút, ngày 24/02/2021")
        #expect(grid[3][2] == "Quá hạn")
        #expect(grid[4] == ["", "Người giao\nNguyễn Văn Thẩm", "Người nhận\nLê Thị Duyệt", "", ""])
    }

    @Test("every step early: Trước hạn, returned by post")
    func early() throws {
        let sheet = try ProcessControlSheet(X.context(X.earlyPostal()))
        #expect(sheet.handovers.map(\.verdict) == [nil, .early, .early, .early, .early])
        #expect(sheet.handovers.first?.at == X.t("2021-07-12 08:15"))
        #expect(sheet.handovers.last?.notes == ["Trả kết quả: Bưu chính công ích"])
        let r = try RenderedSlip(sheet.document)
        #expect(r.showsLine("08 giờ 15 phút, ngày 12/7/2021"))
        #expect(r.showsLine("Trước hạn"))
        #expect(r.showsLine("Thời gian hẹn trả kết quả: 08 giờ 15 phút, ngày 26/7/2021"))
        #expect(r.showsLine("Phạm Minh Khải"))
    }

    @Test("a dossier in progress: the handovers so far, then the ones to come with blank times")
    func inProgress() throws {
        let dossier = try X.inSecondStep()
        let sheet = try ProcessControlSheet(X.context(dossier))
        #expect(sheet.issuedAt == X.t("2021-02-25 10:00"))
        #expect(sheet.handovers.map(\.isPlanned) == [false, false, true, true, true])
        #expect(sheet.handovers.map(\.receiver.body) == [
            "Sở Kế hoạch và Đầu tư tỉnh Đắk Nông", "Ủy ban nhân dân tỉnh Đắk Nông", "Sở Tài nguyên và Môi trường tỉnh Đắk Nông",
            "Trung tâm Phục vụ hành chính công tỉnh Đắk Nông", "Tổ chức, cá nhân: \(X.trickyName)",
        ])
        #expect(sheet.handovers[2].notes == ["Hạn xử lý: 10 giờ 00 phút, ngày 01/3/2021", "Thời hạn bước 3: 2 ngày làm việc"])
        #expect(sheet.situation == "Tại thời điểm 10 giờ 00 phút, ngày 25/02/2021, hồ sơ đang được xử lý tại Ủy ban nhân dân tỉnh Đắk Nông (Bước 2: Phê duyệt, hạn xử lý: 10 giờ 00 phút, ngày 01/3/2021) (trong hạn).")
        let r = try RenderedSlip(sheet.document)
        #expect(r.docxParagraphs.filter { $0 == ProcessControlSheet.blankInstant }.count == 3)
        #expect(r.htmlLines.filter { $0 == ProcessControlSheet.blankInstant }.count == 3)
        #expect(r.showsLine(try #require(sheet.situation)))
    }

    @Test("waiting for a supplement; a later issue instant judges the deadline then")
    func waiting() throws {
        let dossier = try X.lifeAcrossTet(until: "2021-02-09 10:00")
        let sheet = try ProcessControlSheet(X.context(dossier))
        #expect(sheet.situation == "Tại thời điểm 10 giờ 00 phút, ngày 09/02/2021, hồ sơ đang chờ bổ sung, hoàn thiện (yêu cầu lúc 10 giờ 00 phút, ngày 09/02/2021).")
        #expect(sheet.handovers[1].notes.contains("Tạm dừng chờ bổ sung hồ sơ từ 10 giờ 00 phút, ngày 09/02/2021 đến nay"))

        let notTransferred = try X.registered(at: "2021-02-05 09:00")
        let late = try ProcessControlSheet(X.context(notTransferred, issuedAt: X.t("2021-03-01 08:00")))
        #expect(late.situation == "Tại thời điểm 08 giờ 00 phút, ngày 01/3/2021, hồ sơ đã được tiếp nhận, chưa chuyển xử lý (quá hạn).")
        #expect(late.handovers.count == 5)
        #expect(late.handovers.allSatisfy { $0.isPlanned })
    }

    @Test("a dossier refused at the desk has no control sheet")
    func notReceived() throws {
        let refused = try X.refusedAtDesk()
        #expect(X.slipError { _ = try ProcessControlSheet(X.context(refused)) } == .notReceived(refused.code, status: .notAccepted))
    }
}
