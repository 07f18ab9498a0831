import Foundation
import Testing
import MotCuaCore
import WorkCalendar
@testable import MotCuaReports

@Suite("Mẫu 01: receipt and appointment")
struct ReceiptSlipTests {
    typealias X = SlipFixtures

    @Test("a counter receipt on the eve of Tết: documents, 10 working days, appointment after Tết")
    func receiptBeforeTet() throws {
        let dossier = try X.registered(at: "2021-02-05 09:00")
        let slip = try ReceiptSlip(X.context(dossier))
        #expect(slip.receivedAt == X.t("2021-02-05 09:00"))
        #expect(slip.appointmentAt == X.t("2021-02-26 09:00"))
        let r = try RenderedSlip(slip.document)

        for line in [
            "VĂN PHÒNG UBND TỈNH ĐẮK NÔNG",
            "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH ĐẮK NÔNG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Đắk Nông, ngày 05 tháng 02 năm 2021",
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            "Mã hồ sơ: 000.00.15.H56-210205-0001",
            "Bộ phận tiếp nhận và trả kết quả: Trung tâm Phục vụ hành chính công tỉnh Đắk Nông",
            "Tiếp nhận hồ sơ của: \(X.trickyName)",
            "Số giấy tờ tùy thân: 067190001234",
            "Địa chỉ: Tổ 3, phường Nghĩa Tân, Gia Nghĩa, Đắk Nông",
            "Số điện thoại: 0912345678\u{2003}Email: lan@example.vn",
            "Nội dung yêu cầu giải quyết: Điều chỉnh Giấy chứng nhận đăng ký đầu tư",
            "Hình thức nộp hồ sơ: Trực tiếp",
            "1. Thành phần hồ sơ nộp gồm:",
            "2. Số lượng hồ sơ: 01 (bộ)",
            "3. Thời gian giải quyết hồ sơ theo quy định là: 10 ngày làm việc (thời hạn theo quy định của pháp luật là 15 ngày làm việc)",
            "4. Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 05/02/2021",
            "5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 26/02/2021",
            "6. Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công tỉnh Đắk Nông",
            "7. Phí, lệ phí:",
            "- Phí thẩm định hồ sơ: 1.500.000 đồng",
            "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", "Nguyễn Thị Hoa",
        ] {
            #expect(r.showsLine(line), "missing line: \(line)")
        }
        // The appointment and the receipt stand out.
        #expect(r.html.contains("5. Thời gian trả kết quả giải quyết hồ sơ: <strong>09 giờ 00 phút, ngày 26/02/2021</strong>"))
        #expect(r.html.contains("<h1 class=\"title\">GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</h1>"))

        // The documents received: number, name, form, copies.
        let documents = try #require(r.docxTables.first { $0.first == ["STT", "Tên giấy tờ", "Hình thức", "Số lượng"] })
        #expect(documents.dropFirst().map { $0 } == [
            ["1", "Văn bản đề nghị điều chỉnh dự án đầu tư", "Bản chính", "01"],
            ["2", "Báo cáo tình hình thực hiện dự án đầu tư", "Bản chính", "02"],
            ["3", "Giấy chứng nhận đăng ký đầu tư đã cấp", "Bản sao có chứng thực", "01"],
        ])
        #expect(r.htmlLines.contains("Bản sao có chứng thực"))

        // Lines come in the form's order.
        let order = ["Tiếp nhận hồ sơ của:", "1. Thành phần", "2. Số lượng", "3. Thời gian giải quyết", "4. Thời gian nhận",
                     "5. Thời gian trả", "6. Đăng ký nhận", "NGƯỜI NỘP HỒ SƠ"]
        let positions = order.map { prefix in r.docxParagraphs.firstIndex { $0.hasPrefix(prefix) } ?? -1 }
        #expect(positions == positions.sorted() && !positions.contains(-1), "\(positions)")
    }

    @Test("after an extension the appointment is the new date the citizen was given")
    func receiptAfterExtension() throws {
        let dossier = try X.lifeAcrossTet()
        let r = try RenderedSlip(ReceiptSlip(X.context(dossier)).document)
        #expect(r.showsLine("5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 05/3/2021"))
        #expect(r.showsLine("4. Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 05/02/2021"))
        // Issued at receipt by default, so the date line is the receipt's.
        #expect(r.showsLine("Đắk Nông, ngày 05 tháng 02 năm 2021"))
    }

    @Test("a postal receipt: result by post to the applicant's address, both copies")
    func postalReceipt() throws {
        let dossier = try X.earlyPostal()
        let file = try RenderedSlip(ReceiptSlip(X.context(dossier), copy: .file).document)
        #expect(file.showsLine("Mã hồ sơ: 000.00.15.H56-210712-0007"))
        #expect(file.showsLine("(Liên 1: Lưu)"))
        #expect(file.showsLine("Hình thức nộp hồ sơ: Bưu chính công ích"))
        #expect(file.showsLine("4. Thời gian nhận hồ sơ: 08 giờ 15 phút, ngày 12/7/2021"))
        #expect(file.showsLine("5. Thời gian trả kết quả giải quyết hồ sơ: 08 giờ 15 phút, ngày 26/7/2021"))
        #expect(file.showsLine("6. Đăng ký nhận kết quả tại: Qua dịch vụ bưu chính công ích, đến địa chỉ: Tổ 3, phường Nghĩa Tân, Gia Nghĩa, Đắk Nông"))
        #expect(file.showsLine("Đắk Nông, ngày 12 tháng 7 năm 2021"))
        let applicantCopy = try RenderedSlip(ReceiptSlip(X.context(dossier), resultChannel: .counter, copy: .applicant).document)
        #expect(applicantCopy.showsLine("(Liên 2: Giao người nộp hồ sơ)"))
        #expect(applicantCopy.showsLine("6. Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công tỉnh Đắk Nông"))
    }

    @Test("names are those in force on the issue date: a receipt reprinted in 2026 carries the merged province's names")
    func namesOverTime() throws {
        let dossier = try X.registered(at: "2021-02-05 09:00")
        let reprint = try RenderedSlip(ReceiptSlip(X.context(dossier, issuedAt: X.t("2026-02-05 10:00"))).document)
        #expect(reprint.showsLine("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH LÂM ĐỒNG"))
        #expect(reprint.showsLine("VĂN PHÒNG UBND TỈNH LÂM ĐỒNG"))
        #expect(reprint.showsLine("Đắk Nông, ngày 05 tháng 02 năm 2026"))
        // The desk that received it in 2021 keeps its 2021 name.
        #expect(reprint.showsLine("Bộ phận tiếp nhận và trả kết quả: Trung tâm Phục vụ hành chính công tỉnh Đắk Nông"))
    }

    @Test("a dossier that was never received has no receipt")
    func notReceived() throws {
        let refused = try X.refusedAtDesk()
        #expect(throws: SlipError.notReceived(refused.code, status: .notAccepted)) { try ReceiptSlip(X.context(refused)) }
        let waiting = try X.deskSupplement()
        do {
            _ = try ReceiptSlip(X.context(waiting))
            Issue.record("a receipt was made for a dossier not received")
        } catch let error as SlipError {
            #expect(error == .notReceived(waiting.code, status: .supplementRequested))
            #expect(error.vietnameseMessage == "Hồ sơ 000.00.15.H56-260205-0012 chưa được tiếp nhận (trạng thái \"Yêu cầu bổ sung\").")
            #expect(error.description.contains("Mẫu 01"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("without an officer the signature is left blank")
    func noOfficer() throws {
        let dossier = try X.registered(at: "2021-02-05 09:00")
        let document = try ReceiptSlip(X.context(dossier, officer: nil)).document
        #expect(document.closing.signatures.map(\.name) == [X.trickyName, nil])
    }
}
