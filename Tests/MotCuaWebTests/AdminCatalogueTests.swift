import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb
import Testing
import WorkCalendar

@Suite("Administration: procedures and agencies")
struct AdminCatalogueTests {
    static func steps(_ days: [Int]) -> String {
        """
        Thẩm định hồ sơ | \(Fixtures.planning) | Chuyên viên thụ lý | \(days[0])
        Phê duyệt | \(Fixtures.province) | Lãnh đạo UBND tỉnh | \(days[1])
        Cập nhật thông tin đất đai | \(Fixtures.environment) | Chuyên viên | \(days[2])
        """
    }

    static func versionFields(validFrom: String, local: String, steps: String) -> [(String, String)] {
        [("hieu_luc_tu", validFrom), ("thoi_han_quy_dinh", "15"), ("don_vi_quy_dinh", "working_days"),
         ("thoi_han_cat_giam", local), ("don_vi_cat_giam", "working_days"), ("muc_do_truc_tuyen", "full"),
         ("phi_le_phi", "50.000 | Lệ phí cấp giấy"),
         ("thanh_phan_ho_so", "Văn bản đề nghị điều chỉnh dự án đầu tư | 1 | original\nBáo cáo tình hình thực hiện dự án | 2 | copy"),
         ("cac_buoc", steps)]
    }

    @Test("a new version shortens the time from its date on; dossiers received before keep their deadline",
          arguments: TestBackend.available)
    func newVersion(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            _ = try await AdministrationTests.seed(database)
            try await ProcedureStore(database: database).add(try Fixtures.investmentProcedure())
            let dossiers = DossierStore(database: database)
            func register(at instant: Date) async throws -> Dossier {
                try await dossiers.register(
                    RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                        applicant: Fixtures.applicant(), channel: .counter), at: instant, actor: "lan")
            }
            let old = try await register(at: Date())
            let today = VietnamTime.localDate(of: Date())
            let effective = today.adding(days: 2)
            let path = "/quan-tri/thu-tuc/\(Fixtures.investmentCode)"
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let admin = try await StaffSession.signIn(client, "quantri")
                let list = try await admin.get(client, "/quan-tri/thu-tuc?q=dieu%20chinh%20dau%20tu")
                #expect(list.status == .ok && list.text.contains(path))
                let page = try await admin.get(client, path)
                #expect(page.status == .ok && page.text.contains("form-phien-ban-moi") && page.text.contains("Thẩm định hồ sơ |"))

                let tooLong = try await admin.post(client, path + "/phien-ban",
                                                   Self.versionFields(validFrom: effective.description, local: "20", steps: Self.steps([2, 2, 1])))
                #expect(tooLong.status == .unprocessableContent)
                #expect(tooLong.text.contains("dài hơn thời hạn theo quy định") && tooLong.text.contains("value=\"20\""))
                let past = try await admin.post(client, path + "/phien-ban",
                                                Self.versionFields(validFrom: today.adding(days: -1).description, local: "5", steps: Self.steps([2, 2, 1])))
                #expect(past.status == .unprocessableContent && past.text.contains("không được trước hôm nay"))
                let badStep = try await admin.post(client, path + "/phien-ban",
                                                   Self.versionFields(validFrom: effective.description, local: "5", steps: "Thẩm định | không phải mã | x | 2"))
                #expect(badStep.status == .unprocessableContent && badStep.text.contains("Bước xử lý dòng 1"))
                #expect(badStep.text.contains("Thẩm định | không phải mã | x | 2"))

                let saved = try await admin.post(client, path + "/phien-ban",
                                                 Self.versionFields(validFrom: effective.description, local: "5", steps: Self.steps([2, 2, 1])))
                #expect(saved.status == .seeOther)
                // v2 is scheduled: a v3 dated before it would hide it.
                let hiding = try await admin.post(client, path + "/phien-ban",
                                                  Self.versionFields(validFrom: today.adding(days: 1).description, local: "4", steps: Self.steps([2, 1, 1])))
                #expect(hiding.status == .unprocessableContent && hiding.text.contains("ngày hiệu lực của phiên bản 2"))
                let after = try await admin.get(client, path)
                #expect(after.text.contains("cac-phien-ban") && after.text.contains("05 ngày làm việc"))
            }
            let versions = try await ProcedureStore(database: database).versions(of: Fixtures.investmentCode)
            #expect(versions.map(\.version) == [1, 2])
            #expect(versions[0].localTime == .workingDays(10))  // the old version is never rewritten
            #expect(versions[1].localTime == .workingDays(5) && versions[1].onlineLevel == .full)
            #expect(versions[1].fees == [Fee(amountVND: 50_000, description: "Lệ phí cấp giấy")])
            #expect(versions[1].documents.count == 2 && versions[1].steps.map(\.allotted) == [.workingDays(2), .workingDays(2), .workingDays(1)])

            let reloaded = try await dossiers.dossier(old.code)
            #expect(reloaded.procedure.version == 1 && reloaded.dueAt == old.dueAt)
            let later = VietnamTime.instant(date: effective.adding(days: 1), time: try TimeOfDay(hour: 9))
            let new = try await register(at: later)
            #expect(new.procedure.version == 2)
            let calendar = try await CalendarDayStore(database: database).workingCalendar()
            #expect(new.dueAt == (try calendar.deadline(addingWorkingDays: 5, to: later).due))
        }
    }

    @Test("agencies: add (422 with input kept), rename from a date keeping the old name, stop", arguments: TestBackend.available)
    func agencies(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            _ = try await AdministrationTests.seed(database)
            // A branch of the center (a kind its level alone would not give): renaming it must keep its kind.
            try await AgencyStore(database: database).save(try Agency(
                code: try AgencyCode(parsing: "000.01.15.H56"), parentCode: Fixtures.center, level: .center, kind: .branch,
                names: [AgencyName(validFrom: try LocalDate(iso: "2020-01-01"), name: "Chi nhánh Gia Nghĩa", shortName: "CN Gia Nghĩa")]))
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let admin = try await StaffSession.signIn(client, "quantri")
                #expect(try await admin.post(client, "/quan-tri/co-quan/000.01.15.H56/doi-ten",
                                             [("ten_moi", "Chi nhánh Trung tâm tại Gia Nghĩa"), ("ten_viet_tat_moi", "CN TT Gia Nghĩa"),
                                              ("tu_ngay", "2025-07-01")]).status == .seeOther)
                let fields: [(String, String)] = [("ma", "000.00.31.H56"), ("cap", "department"), ("cap_tren", Fixtures.province.rawValue),
                                                  ("ten", "Sở Khoa học và Công nghệ"), ("ten_viet_tat", "Sở KH&CN"), ("tu_ngay", "2015-01-01")]
                let bad = try await admin.post(client, "/quan-tri/co-quan", fields.map { $0.0 == "ma" ? ("ma", "31") : $0 })
                #expect(bad.status == .unprocessableContent && bad.text.contains("Mã cơ quan không đúng định dạng"))
                #expect(bad.text.contains("value=\"Sở Khoa học và Công nghệ\""))
                #expect(try await admin.post(client, "/quan-tri/co-quan", fields).status == .seeOther)
                #expect(try await admin.post(client, "/quan-tri/co-quan", fields).status == .unprocessableContent)
                let early = try await admin.post(client, "/quan-tri/co-quan/000.00.31.H56/doi-ten",
                                                 [("ten_moi", "Tên đặt quá sớm"), ("ten_viet_tat_moi", "TQS"), ("tu_ngay", "2010-01-01")])
                #expect(early.status == .unprocessableContent && early.text.contains("Ngày đổi tên phải sau"))
                #expect(early.text.contains("value=\"Tên đặt quá sớm\"") && early.text.contains("<details open=\"open\">"))
                let renamed = try await admin.post(client, "/quan-tri/co-quan/000.00.31.H56/doi-ten",
                                                   [("ten_moi", "Sở Khoa học, Công nghệ và Chuyển đổi số"), ("ten_viet_tat_moi", "Sở KHCN&CĐS"),
                                                    ("tu_ngay", "2025-07-01")])
                #expect(renamed.status == .seeOther)
                #expect(try await admin.post(client, "/quan-tri/co-quan/\(Fixtures.environment)/ngung", [("tu_ngay", "2025-07-01")]).status == .seeOther)
                let list = try await admin.get(client, "/quan-tri/co-quan").text
                #expect(list.contains("Đã ngừng hoạt động") && list.contains("Chi nhánh Trung tâm Phục vụ hành chính công"))
            }
            let all = try await AgencyStore(database: database).all()
            let science = try #require(all.first { $0.code.rawValue == "000.00.31.H56" })
            #expect(science.name(on: try LocalDate(iso: "2021-09-01")) == "Sở Khoa học và Công nghệ")
            #expect(science.name(on: try LocalDate(iso: "2026-01-01")) == "Sở Khoa học, Công nghệ và Chuyển đổi số")
            #expect(all.first { $0.code.rawValue == "000.01.15.H56" }?.kind == .branch)
            let environment = try #require(all.first { $0.code == Fixtures.environment })
            #expect(environment.naming(on: try LocalDate(iso: "2025-06-30")) != nil)
            #expect(environment.naming(on: try LocalDate(iso: "2025-07-01")) == nil)
        }
    }
}
