import Foundation
import Testing
import MotCuaCore
import WorkCalendar
@testable import MotCuaReports

@Suite("Mẫu 02: supplement request")
struct SupplementRequestSlipTests {
    typealias X = SlipFixtures

    @Test("a request during processing: documents, reason, the pause, whom to call")
    func duringProcessing() throws {
        let dossier = try X.lifeAcrossTet()
        let slip = try SupplementRequestSlip(X.context(dossier))
        #expect(slip.round.number == 1)
        #expect(slip.policy == .pause)
        let r = try RenderedSlip(slip.document)
        for line in [
            "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH ĐẮK NÔNG",
            "Đắk Nông, ngày 09 tháng 02 năm 2021",
            "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
            "Mã hồ sơ: 000.00.15.H56-210205-0001",
            "Hồ sơ của: \(X.trickyName)",
            "Nội dung yêu cầu giải quyết: Điều chỉnh Giấy chứng nhận đăng ký đầu tư",
            "Thời gian tiếp nhận hồ sơ: 09 giờ 00 phút, ngày 05/02/2021",
            "Thời gian yêu cầu bổ sung: 10 giờ 00 phút, ngày 09/02/2021",
            "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:",
            "1. Báo cáo tình hình thực hiện dự án",
            "2. Bản sao hợp đồng thuê đất",
            "Lý do: \(X.supplementReason)",
            "Thời gian chờ bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết.",
            "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với Nguyễn Thị Hoa, số điện thoại 0261 3544 555, tại Trung tâm Phục vụ hành chính công tỉnh Đắk Nông để được hướng dẫn.",
            "Xin trân trọng cảm ơn./.",
            "NGƯỜI HƯỚNG DẪN", "Nguyễn Thị Hoa",
        ] {
            #expect(r.showsLine(line), "missing line: \(line)")
        }
    }

    @Test("a request at the desk before receipt, in 2026: no receipt time, the merged province's names")
    func atTheDesk() throws {
        let dossier = try X.deskSupplement()
        let r = try RenderedSlip(SupplementRequestSlip(X.context(dossier, officer: SlipOfficer(name: "Đỗ Văn Bình"))).document)
        #expect(r.showsLine("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH LÂM ĐỒNG"))
        #expect(r.showsLine("Đắk Nông, ngày 05 tháng 02 năm 2026"))
        #expect(r.showsLine("Thời gian yêu cầu bổ sung: 15 giờ 20 phút, ngày 05/02/2026"))
        #expect(r.showsLine("1. Văn bản đề nghị điều chỉnh dự án đầu tư (có chữ ký, đóng dấu)"))
        #expect(!r.htmlText.contains("Thời gian tiếp nhận hồ sơ"))
        #expect(!r.htmlText.contains("thời hạn giải quyết"))
        #expect(r.showsLine("Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với Đỗ Văn Bình tại Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng để được hướng dẫn."))
    }

    @Test("a dossier without a request, or a request number it does not have")
    func errors() throws {
        let early = try X.earlyPostal()
        #expect(X.slipError { _ = try SupplementRequestSlip(X.context(early)) } == .noSupplementRequest(early.code))
        let tet = try X.lifeAcrossTet()
        let error = X.slipError { _ = try SupplementRequestSlip(X.context(tet), round: 2) }
        #expect(error == .supplementRoundNotFound(tet.code, number: 2, rounds: 1))
        #expect(error?.vietnameseMessage == "Hồ sơ 000.00.15.H56-210205-0001 không có lần yêu cầu bổ sung thứ 2 (chỉ có 1 lần).")
    }
}

@Suite("Mẫu 03: refusal")
struct RefusalSlipTests {
    typealias X = SlipFixtures

    @Test("refused at the desk: the desk does not receive it, with the reason")
    func atTheDesk() throws {
        let dossier = try X.refusedAtDesk()
        let slip = try RefusalSlip(X.context(dossier))
        #expect(slip.stage == .reception)
        let r = try RenderedSlip(slip.document)
        for line in [
            "Đắk Nông, ngày 12 tháng 7 năm 2021",
            "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
            "Mã hồ sơ: 000.00.15.H56-210712-0009",
            "Bộ phận tiếp nhận và trả kết quả: Trung tâm Phục vụ hành chính công tỉnh Đắk Nông",
            "Tiếp nhận hồ sơ của: \(X.trickyName)",
            "Nội dung yêu cầu giải quyết: Điều chỉnh Giấy chứng nhận đăng ký đầu tư",
            "Qua xem xét, Trung tâm Phục vụ hành chính công tỉnh Đắk Nông thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
            X.deskRefusalReason,
            "Xin thông báo cho Ông/Bà được biết và thực hiện./.",
            "NGƯỜI TIẾP NHẬN HỒ SƠ", "Nguyễn Thị Hoa",
        ] {
            #expect(r.showsLine(line), "missing line: \(line)")
        }
        #expect(!r.htmlText.contains("Thời gian tiếp nhận hồ sơ"))
    }

    @Test("refused in processing: the agency of the refusing step does not resolve it")
    func inProcessing() throws {
        let dossier = try X.refusedInProcessing()
        let slip = try RefusalSlip(X.context(dossier))
        #expect(slip.stage == .processing)
        #expect(slip.refusedAt == X.t("2021-07-14 16:45"))
        let r = try RenderedSlip(slip.document)
        #expect(r.showsLine("Đắk Nông, ngày 14 tháng 7 năm 2021"))
        #expect(r.showsLine("Thời gian tiếp nhận hồ sơ: 08 giờ 15 phút, ngày 12/7/2021"))
        #expect(r.showsLine("Qua xem xét, Ủy ban nhân dân tỉnh Đắk Nông thông báo không giải quyết hồ sơ này với lý do cụ thể như sau:"))
        #expect(r.showsLine("Dự án không phù hợp quy hoạch sử dụng đất"))
    }

    @Test("a dossier that was not refused")
    func notRefused() throws {
        let early = try X.earlyPostal()
        let error = X.slipError { _ = try RefusalSlip(X.context(early)) }
        #expect(error == .notRefused(early.code, status: .returned))
        #expect(error?.vietnameseMessage == "Hồ sơ 000.00.15.H56-210712-0007 không bị từ chối (trạng thái \"Đã trả kết quả\").")
    }
}

@Suite("Mẫu 04: apology and new date")
struct ApologySlipTests {
    typealias X = SlipFixtures

    @Test("the late agency apologises, gives the reason and the new date")
    func apology() throws {
        let dossier = try X.lifeAcrossTet()
        let slip = try ApologySlip(X.context(dossier, issuer: X.Codes.planning))
        #expect(slip.dueExtension.previousDueAt == X.t("2021-03-02 11:00"))
        #expect(slip.dueExtension.newDueAt == X.t("2021-03-05 17:00"))
        let r = try RenderedSlip(slip.document)
        for line in [
            "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG",
            "SỞ KẾ HOẠCH VÀ ĐẦU TƯ TỈNH ĐẮK NÔNG",
            "Số: 25/PXL-TTHCC",
            "Đắk Nông, ngày 25 tháng 02 năm 2021",
            "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
            "Kính gửi: Ông/Bà \(X.trickyName)",
            "Ngày 05/02/2021, Trung tâm Phục vụ hành chính công tỉnh Đắk Nông tiếp nhận hồ sơ của Ông/Bà \(X.trickyName).",
            "Mã hồ sơ: 000.00.15.H56-210205-0001",
            "Nội dung yêu cầu giải quyết: Điều chỉnh Giấy chứng nhận đăng ký đầu tư",
            "Thời gian hẹn trả kết quả: 11 giờ 00 phút, ngày 02/3/2021",
            "Tuy nhiên đến nay, Sở Kế hoạch và Đầu tư tỉnh Đắk Nông chưa giải quyết xong hồ sơ và không thể trả kết quả cho Ông/Bà đúng hạn như đã hẹn, lý do: \(X.extensionReason).",
            "Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà. Sở Kế hoạch và Đầu tư tỉnh Đắk Nông xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào 17 giờ 00 phút, ngày 05/3/2021.",
            "Rất mong nhận được sự thông cảm của Ông/Bà vì sự chậm trễ này./.",
            "GIÁM ĐỐC", "(Ký, ghi rõ họ tên và đóng dấu)", "Nguyễn Thị Hoa",
        ] {
            #expect(r.showsLine(line), "missing line: \(line)")
        }
        // "Nơi nhận" on the left of the signature, as letters end.
        let closing = try #require(r.docxTables.last)
        #expect(closing.count == 1 && closing[0].count == 2)
        #expect(closing[0][0] == "Nơi nhận:\n- Như trên;\n- Trung tâm Phục vụ hành chính công tỉnh Đắk Nông;\n- Lưu: VT.")
        #expect(closing[0][1].hasPrefix("GIÁM ĐỐC\n(Ký, ghi rõ họ tên và đóng dấu)"))
        #expect(r.html.contains("vào <strong>17 giờ 00 phút, ngày 05/3/2021</strong>."))
    }

    @Test("an organisation is addressed by its name; a number given to the context wins")
    func organisation() throws {
        var dossier = try Dossier.register(
            X.draft(on: "2021-02-05", sequence: 2, applicant: try Applicant(kind: .organisation, name: "Công ty TNHH Cà phê Đắk Nông", idNumber: "6400123456")),
            at: X.t("2021-02-05 09:00"), actor: "tiepnhan", context: X.lifecycle).dossier
        try X.run(&dossier, [
            ("2021-02-05 09:00", .receive),
            ("2021-02-05 09:00", .transfer),
            ("2021-02-22 09:00", .extend(newDueAt: X.t("2021-03-03 17:00"), reason: "Cần xác minh thực địa", apologyLetter: nil)),
        ])
        let r = try RenderedSlip(ApologySlip(X.context(dossier, issuer: X.Codes.planning, number: "31/PXL-SKHĐT")).document)
        #expect(r.showsLine("Kính gửi: Công ty TNHH Cà phê Đắk Nông"))
        #expect(r.showsLine("Số: 31/PXL-SKHĐT"))
        #expect(r.showsLine("Thời gian hẹn trả kết quả: 09 giờ 00 phút, ngày 26/02/2021"))
        #expect(r.htmlText.contains("xin lỗi Tổ chức và hẹn lại thời gian trả kết quả vào 17 giờ 00 phút, ngày 03/3/2021."))
    }

    @Test("no extension, no apology letter: a clear error")
    func noExtension() throws {
        let early = try X.earlyPostal()
        let error = X.slipError { _ = try ApologySlip(X.context(early)) }
        #expect(error == .noExtension(early.code))
        #expect(error?.vietnameseMessage == "Hồ sơ 000.00.15.H56-210712-0007 chưa được gia hạn nên không có phiếu xin lỗi và hẹn lại ngày trả kết quả.")
        #expect(error?.description == "Dossier 000.00.15.H56-210712-0007 has no extension; an apology letter with a new date (Mẫu 04) exists only after an extension.")
    }
}

@Suite("Slip context")
struct SlipContextTests {
    typealias X = SlipFixtures

    @Test("the procedure must be the dossier's version, and the issuer a known agency")
    func validation() throws {
        let dossier = try X.earlyPostal()
        let newer = try Procedure(code: X.procedureCode, version: 2, validFrom: X.t("2022-01-01 00:00"), name: "x", field: "y",
                                  agencyCode: X.Codes.planning, legalTime: .workingDays(15), localTime: .workingDays(10), onlineLevel: .full)
        #expect(X.slipError {
            _ = try SlipContext(dossier: dossier, procedure: newer, agencies: X.agencies, issuingAgency: X.Codes.center, place: "Đắk Nông")
        } == .procedureMismatch(dossier: dossier.procedure, given: newer.reference))
        let unknown = X.agency("000.00.99.H56")
        #expect(X.slipError {
            _ = try SlipContext(dossier: dossier, procedure: X.procedure, agencies: X.agencies, issuingAgency: unknown, place: "Đắk Nông")
        } == .unknownAgency(unknown))
    }

    @Test("the forms a dossier can print")
    func available() throws {
        #expect(SlipForm.available(for: try X.context(X.lifeAcrossTet())) == [.receipt, .supplementRequest, .apology, .processControl])
        #expect(SlipForm.available(for: try X.context(X.earlyPostal())) == [.receipt, .processControl])
        #expect(SlipForm.available(for: try X.context(X.refusedAtDesk())) == [.refusal])
        #expect(SlipForm.available(for: try X.context(X.deskSupplement())) == [.supplementRequest])
        #expect(SlipForm.allCases.map(\.rawValue) == ["01", "02", "03", "04", "05", "01a", "06"])
        // The forms of Decree 118/2025: the receipt of an acceptance on behalf, the stop notice.
        #expect(SlipForm.available(for: try SlipContext(dossier: X.acceptedOnBehalf(), procedure: X.anySiteProcedure, agencies: X.agencies,
                                                        issuingAgency: X.Codes.center, place: "Lâm Đồng")) == [.acceptanceOnBehalf])
        #expect(SlipForm.available(for: try X.context(X.stoppedUnderTheNewRegime())) == [.receipt, .processControl, .stopNotice])
        #expect(SlipForm(rawValue: "05") == .processControl)
    }
}
