import Foundation
import MotCuaCore
import MotCuaReports
import MotCuaStore
import MotCuaTestSupport
import OfficeDocuments
import Testing
import WorkCalendar

/// Issue 11, item 3: a dossier prints from the forms of the regime in force at its receipt.
@Suite("Form sets by legal regime")
struct FormSetTests {
    typealias F = SlipFixtures

    @Test("received on 30 June 2025: Circular 01/2018's forms; on 1 July 2025: the Decree 118/2025 set")
    func theTwoSidesOfTheReform() throws {
        let june = try F.registered(at: "2025-06-30 09:00")
        let july = try F.registered(at: "2025-07-01 09:00")
        #expect(LegalRegime.of(june).id == "nd61-2018" && LegalRegime.of(july).id == "nd118-2025")
        let juneSlip = try SlipForm.receipt.document(for: F.context(june))
        let julySlip = try SlipForm.receipt.document(for: F.context(july))
        #expect(juneSlip.legalBasis == "Thông tư số 01/2018/TT-VPCP" && julySlip.legalBasis == "Thông tư số 03/2025/TT-VPCP")
        // The Word file names its form set in its properties.
        let juneDocx = String(decoding: try SlipDocxReader(SlipDocxRenderer.docx(juneSlip)).part("docProps/core.xml"), as: UTF8.self)
        let julyDocx = String(decoding: try SlipDocxReader(SlipDocxRenderer.docx(julySlip)).part("docProps/core.xml"), as: UTF8.self)
        #expect(juneDocx.contains("Mẫu số 01 – Thông tư số 01/2018/TT-VPCP"))
        #expect(julyDocx.contains("Mẫu số 01 – Thông tư số 03/2025/TT-VPCP"))

        // The apology letter is renamed in the new set; the stop notice exists only there.
        var juneLate = june, julyLate = july
        try F.run(&juneLate, [("2025-07-02 09:00", .stop(reason: "Tòa án thụ lý tranh chấp"))])
        try F.run(&julyLate, [("2025-07-02 09:00", .stop(reason: "Tòa án thụ lý tranh chấp"))])
        #expect(!SlipForm.available(for: try F.context(juneLate)).contains(.stopNotice))
        #expect(SlipForm.available(for: try F.context(julyLate)).contains(.stopNotice))
        let notice = try SlipForm.stopNotice.document(for: F.context(julyLate))
        #expect(notice.title == "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" && notice.plainText.contains("Tòa án thụ lý tranh chấp"))
        #expect(F.slipError { _ = try SlipForm.stopNotice.document(for: F.context(juneLate)) } == .notInFormSet(.stopNotice, set: "tt01-2018"))
        #expect(SlipFormSet.of(june).entry(.apology)?.title == "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ")
        #expect(SlipFormSet.of(july).entry(.apology)?.title == "PHIẾU XIN LỖI VÀ GIA HẠN THỜI GIAN GIẢI QUYẾT HỒ SƠ")
    }

    @Test("a dossier accepted at another site: its receipt names the accepting site, the competent desk's Mẫu 01 both instants, Mẫu 05 the forwarding")
    func bothInstantsOnTheSlips() throws {
        var d = try F.acceptedOnBehalf()
        let accepted = try SlipForm.acceptanceOnBehalf.document(for: F.context(d)).plainText
        #expect(accepted.contains("Nơi tiếp nhận hồ sơ: Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng"))
        #expect(accepted.contains("tính từ khi cơ quan có thẩm quyền tiếp nhận hồ sơ"))
        let context = LifecycleContext(procedure: F.anySiteProcedure, agencies: F.agencies)
        try d.execute(.receive, at: F.t("2026-09-14 10:00"), actor: "tn", context: context)
        try d.execute(.transfer, at: F.t("2026-09-14 10:30"), actor: "tn", context: context)
        let slipContext = try SlipContext(dossier: d, procedure: F.anySiteProcedure, agencies: F.agencies,
                                          issuingAgency: d.deskAgencyCode, place: "Lâm Đồng")
        let receipt = try SlipForm.receipt.document(for: slipContext).plainText
        #expect(receipt.contains("Hồ sơ do Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng tiếp nhận lúc 10 giờ 00 phút, ngày 10/9/2026"))
        #expect(receipt.contains("4. Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 14/9/2026"))
        let sheet = try SlipForm.processControl.document(for: slipContext).plainText
        #expect(sheet.contains("Tiếp nhận hồ sơ của cơ quan có thẩm quyền") && sheet.contains("Gửi lúc 14 giờ 00 phút, ngày 10/9/2026"))
        // Nothing of the kind on a dossier received where it was filed.
        #expect(!(try SlipForm.receipt.document(for: F.context(F.registered(at: "2026-09-10 09:00"))).plainText.contains("Hồ sơ do ")))
    }

    @Test("an administrator's form set replaces the built-in one of the same id, from the database, audited",
          arguments: TestBackend.available)
    func storedSetReplacesBuiltIn(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let store = DossierStore(database: database)
            let request = RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                              applicant: try Fixtures.applicant(), channel: .counter)
            let dossier = try await store.register(request, at: Fixtures.instant("2025-07-01 09:00"), actor: "tn")
            var replaced = SlipFormSet.circular03of2025
            replaced.forms = replaced.forms.map { entry in
                var e = entry
                if e.form == .receipt { e.number = "1"; e.title = "GIẤY BIÊN NHẬN HỒ SƠ" }
                return e
            }
            let json = String(decoding: try MotCuaJSON.encode(try replaced.validated()), as: UTF8.self)
            try await FormSetStore(database: database).save(id: replaced.id, validFrom: replaced.validFrom.description,
                                                            definition: json, by: "admin", at: Date())
            let context = try await SlipLoader(database: database).context(for: dossier.code, officer: nil)
            let slip = try SlipForm.receipt.document(for: context)
            #expect(slip.title == "GIẤY BIÊN NHẬN HỒ SƠ" && slip.label == "Mẫu số 1")
            let trail = try await AuditStore(database: database).list(AuditFilter(action: .formSetSaved)).entries
            #expect(trail.contains { $0.event.action == .formSetSaved && $0.event.objectID == "tt03-2025" })
        }
    }
}
