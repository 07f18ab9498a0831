import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaReports
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb
import Testing

@Suite("Reception desk")
struct ReceptionDeskTests {
    static let investment = Fixtures.investmentCode.rawValue

    static func applicantFields(name: String = "Nguyễn Văn Dân", phone: String = "0912 345 678") -> [(String, String)] {
        [("loai_nguoi_nop", "person"), ("ho_ten", name), ("so_giay_to", "066090001234"), ("dien_thoai", phone),
         ("email", ""), ("dia_chi", "Gia Nghĩa, Đắk Nông"), ("kenh", "counter")]
    }

    @Test("search without diacritics finds the procedure and links it to its reception form",
          arguments: TestBackend.available)
    func searchWithoutDiacritics(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DeskFixture.seed(database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var browser = try await DeskFixture.signedIn(client, as: DeskFixture.reception)
                let page = try await DeskFixture.get(client, "/tiep-nhan?q=cap+phieu+ly+lich+tu+phap", &browser)
                #expect(page.status == .ok)
                #expect(page.text.contains("id=\"tim-thu-tuc\""))
                #expect(page.text.contains("class=\"chon-thu-tuc\" href=\"/tiep-nhan/\(DeskFixture.judicialRecordCode)\""))
                #expect(page.text.contains("Cấp Phiếu lý lịch tư pháp"))
                #expect(!page.text.contains("/tiep-nhan/\(Self.investment)\""))
                let accented = try await DeskFixture.get(client, "/tiep-nhan?q=%C4%91i%E1%BB%81u+ch%E1%BB%89nh", &browser)  // "điều chỉnh"
                #expect(accented.text.contains("/tiep-nhan/\(Self.investment)\""))
                #expect(!accented.text.contains("/tiep-nhan/\(DeskFixture.judicialRecordCode)\""))
            }
        }
    }

    @Test("receive: 303 to the receipt with the dossier code and the appointment the working calendar gives",
          arguments: TestBackend.available)
    func receiveAndPrintReceipt(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DeskFixture.seed(database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var browser = try await DeskFixture.signedIn(client, as: DeskFixture.reception)
                let form = try await DeskFixture.get(client, "/tiep-nhan/\(Self.investment)", &browser)
                #expect(form.status == .ok)
                #expect(form.text.contains("id=\"form-tiep-nhan\"") && form.text.contains("id=\"nut-tiep-nhan\""))
                #expect(form.text.contains("name=\"ho_ten\"") && form.text.contains("name=\"dien_thoai\""))
                #expect(form.text.contains("Văn bản đề nghị điều chỉnh dự án đầu tư"))
                #expect(form.text.contains("10 ngày làm việc"))
                let before = Date()
                let posted = try await DeskFixture.post(client, "/tiep-nhan/\(Self.investment)",
                                                        [("giay_to", "0")] + Self.applicantFields(), &browser)
                #expect(posted.status == .seeOther)
                let location = try #require(posted.headers[.location])
                #expect(location.hasPrefix("/tiep-nhan/bien-nhan/\(Fixtures.center)-"))
                let code = try DossierCode(parsing: String(location.dropFirst("/tiep-nhan/bien-nhan/".count)))

                let dossier = try await DossierStore(database: database).dossier(code)
                #expect(dossier.channel == .counter && dossier.status == .received)
                #expect(dossier.applicant?.name == "Nguyễn Văn Dân" && dossier.applicant?.phone == "0912345678")
                let received = try #require(dossier.receivedAt)
                #expect(received >= before.addingTimeInterval(-1))
                let calendar = try await CalendarDayStore(database: database).workingCalendar()
                let expected = try calendar.deadline(addingWorkingDays: 10, to: received).due
                #expect(dossier.citizenDueAt == expected)
                #expect(expected.timeIntervalSince(received) >= 13 * 86_400)  // ten working days span two weekends

                let receipt = try await DeskFixture.get(client, location, &browser)
                #expect(receipt.status == .ok)
                #expect(receipt.text.contains("<strong id=\"ma-ho-so\">\(code)</strong>"))
                #expect(receipt.text.contains("id=\"hen-tra\""))
                #expect(receipt.text.contains(VietnameseFormat.slipInstant(expected)))
                #expect(receipt.text.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
                #expect(receipt.text.contains("data-print"))
                #expect(receipt.text.contains("href=\"/api/v1/dossiers/\(code)/slips/01.docx\""))
                #expect(receipt.text.contains("href=\"/ho-so/\(code)\""))
                // The DOCX link works with the officer's session cookie.
                let docx = try await client.execute(uri: "/api/v1/dossiers/\(code)/slips/01.docx", method: .get, headers: browser.jar.header)
                #expect(docx.status == .ok)
                #expect(Array(docx.body.readableBytesView.prefix(2)) == Array("PK".utf8))
            }
        }
    }

    @Test("invalid input re-renders the form with the input kept (422), and writes nothing",
          arguments: TestBackend.available)
    func validation(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DeskFixture.seed(database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var browser = try await DeskFixture.signedIn(client, as: DeskFixture.reception)
                _ = try await DeskFixture.get(client, "/tiep-nhan/\(Self.investment)", &browser)
                let noPhone = try await DeskFixture.post(client, "/tiep-nhan/\(Self.investment)",
                                                         [("giay_to", "0")] + Self.applicantFields(name: "Bà <Tư> Nguyễn", phone: ""), &browser)
                #expect(noPhone.status == .unprocessableContent)
                #expect(noPhone.text.contains("Vui lòng nhập số điện thoại"))
                #expect(noPhone.text.contains("value=\"Bà &lt;Tư&gt; Nguyễn\""))
                #expect(noPhone.text.contains("checked=\"checked\""))
                let badPhone = try await DeskFixture.post(client, "/tiep-nhan/\(Self.investment)",
                                                          [("giay_to", "0")] + Self.applicantFields(phone: "12ab"), &browser)
                #expect(badPhone.status == .unprocessableContent)
                #expect(badPhone.text.contains("Số điện thoại \"12ab\" không hợp lệ"))
                let incomplete = try await DeskFixture.post(client, "/tiep-nhan/\(Self.investment)", Self.applicantFields(), &browser)
                #expect(incomplete.status == .unprocessableContent)
                #expect(incomplete.text.contains("Hồ sơ chưa đủ thành phần"))
                #expect(incomplete.text.contains("value=\"Nguyễn Văn Dân\""))
                let unknown = try await DeskFixture.get(client, "/tiep-nhan/9.999999", &browser)
                #expect(unknown.status == .notFound)
            }
            #expect(try await DeskFixture.count("dossiers", database) == 0)
        }
    }

    @Test("incomplete papers: Mẫu 02 names the missing documents; a refusal prints Mẫu 03; neither is received",
          arguments: TestBackend.available)
    func deskSlips(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DeskFixture.seed(database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var browser = try await DeskFixture.signedIn(client, as: DeskFixture.reception)
                let code = DeskFixture.judicialRecordCode.rawValue
                _ = try await DeskFixture.get(client, "/tiep-nhan/\(code)", &browser)
                let supplement = try await DeskFixture.post(client, "/tiep-nhan/\(code)/bo-sung",
                                                            [("giay_to", "0")] + Self.applicantFields(), &browser)
                #expect(supplement.status == .seeOther)
                let slip = try await DeskFixture.get(client, try #require(supplement.headers[.location]), &browser)
                #expect(slip.status == .ok)
                #expect(slip.text.contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"))
                #expect(slip.text.contains("Bản chụp căn cước công dân"))
                #expect(!slip.text.contains("id=\"hen-tra\""))

                let noReason = try await DeskFixture.post(client, "/tiep-nhan/\(code)/tu-choi", Self.applicantFields(), &browser)
                #expect(noReason.status == .unprocessableContent)
                #expect(noReason.text.contains("lý do từ chối"))
                let refused = try await DeskFixture.post(client, "/tiep-nhan/\(code)/tu-choi",
                                                         Self.applicantFields() + [("ly_do", "Không thuộc thẩm quyền giải quyết")], &browser)
                #expect(refused.status == .seeOther)
                let refusal = try await DeskFixture.get(client, try #require(refused.headers[.location]), &browser)
                // Registered today, under Decree 118/2025: the refusal of its form set (Circular 03/2025).
                #expect(refusal.text.contains("PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ"))
                #expect(refusal.text.contains("Không thuộc thẩm quyền giải quyết"))
            }
            let listed = try await DossierStore(database: database).list(DossierFilter(), after: nil, limit: 10).items
            #expect(listed.count == 2)
            #expect(Set(listed.map(\.status)) == [.supplementRequested, .notAccepted])
        }
    }

    @Test("only reception officers use the desk; another agency's receipt is refused", arguments: TestBackend.available)
    func refusals(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DeskFixture.seed(database)
            try await UserAccounts(database: database, hasher: AuthFixture.fastHasher)
                .add(username: "tn.tnmt", displayName: "Tiếp nhận Sở TN&MT", role: "reception",
                     agencies: [Fixtures.environment.rawValue], password: AuthFixture.password)
            let dossier = try await DossierStore(database: database).register(
                RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                    applicant: Fixtures.applicant(), channel: .counter), at: Date(), actor: "tiepnhan")
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let anonymous = try await client.execute(uri: "/tiep-nhan", method: .get)
                #expect(anonymous.status == .seeOther)
                for username in [DeskFixture.planningSpecialist, DeskFixture.leader, DeskFixture.manager] {
                    var browser = try await DeskFixture.signedIn(client, as: username)
                    #expect(try await DeskFixture.get(client, "/tiep-nhan", &browser).status == .forbidden)
                    #expect(try await DeskFixture.get(client, "/tiep-nhan/\(Self.investment)", &browser).status == .forbidden)
                    try await browser.refreshToken(client)  // a valid token: the refusal below is the role's, not CSRF's
                    #expect(!browser.csrfToken.isEmpty)
                    let posted = try await DeskFixture.post(client, "/tiep-nhan/\(Self.investment)",
                                                            [("giay_to", "0")] + Self.applicantFields(), &browser)
                    #expect(posted.status == .forbidden)
                }
                // A reception officer of another agency may not open the center's receipt.
                var other = try await DeskFixture.signedIn(client, as: "tn.tnmt")
                let foreign = try await DeskFixture.get(client, "/tiep-nhan/bien-nhan/\(dossier.code)", &other)
                #expect(foreign.status == .forbidden)
                var own = try await DeskFixture.signedIn(client, as: DeskFixture.reception)
                #expect(try await DeskFixture.get(client, "/tiep-nhan/bien-nhan/\(dossier.code)", &own).status == .ok)
            }
            #expect(try await DeskFixture.count("dossiers", database) == 1)
        }
    }
}
