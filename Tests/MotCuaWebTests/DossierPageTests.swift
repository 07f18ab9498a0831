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

/// Officers of the fixture agencies, signed in through the real sign-in form.
enum DossierPageFixture {
    static let users: [(username: String, name: String, role: String, agency: AgencyCode?)] = [
        ("tiepnhan", "Nguyễn Thị Tiếp", "reception", Fixtures.center),
        ("cv.khdt", "Trần Văn Thẩm", "specialist", Fixtures.planning),
        ("ld.khdt", "Lê Thị Duyệt", "leader", Fixtures.planning),
        ("cv.ubnd", "Phạm Văn Tham", "specialist", Fixtures.province),
        ("ld.ubnd", "Hoàng Văn Ký", "leader", Fixtures.province),
        ("cv.tnmt", "Đỗ Thị Đất", "specialist", Fixtures.environment),
        ("quanly", "Vũ Văn Quản", "manager", nil),
    ]

    static func seed(_ database: Database) async throws {
        try await Fixtures.seed(database)
        let accounts = UserAccounts(database: database, hasher: AuthFixture.fastHasher)
        for user in users {
            _ = try await accounts.add(username: user.username, displayName: user.name, role: user.role,
                                       agencies: user.agency.map { [$0.rawValue] } ?? [], password: AuthFixture.password)
        }
    }

    /// A counter dossier received at the center at `instant`, handed to its first step (Planning and Investment).
    static func dossierAtFirstStep(_ database: Database, at instant: Date) async throws -> Dossier {
        let store = DossierStore(database: database)
        let dossier = try await store.register(
            RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                applicant: Fixtures.applicant(), channel: .counter), at: instant, actor: "tiepnhan")
        return try await store.execute(.transfer, on: dossier.code, at: instant, actor: "tiepnhan")
    }
}

/// One signed-in officer using the dossier page as a browser would: open it, read the version from it,
/// submit a form with the session's CSRF token.
struct Officer {
    let username: String
    var browser = Browser()

    static func signIn(_ client: some TestClientProtocol, _ username: String) async throws -> Officer {
        var officer = Officer(username: username)
        let response = try await officer.browser.signIn(client, username: username, password: AuthFixture.password)
        #expect(response.status == .seeOther, "sign-in of \(username)")
        // The session's token, so that a refusal is the page's own and never the CSRF check's.
        try await officer.browser.refreshToken(client)
        #expect(!officer.browser.csrfToken.isEmpty)
        return officer
    }

    func open(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: browser.jar.header, body: nil)
    }

    /// Submits the action's form with `fields`, using the token and version of the page as it is now
    /// (`version` overrides the latter, to act on a page seen earlier).
    func act(_ client: some TestClientProtocol, _ code: String, _ slug: String, _ fields: [(String, String)] = [],
             version: Int? = nil) async throws -> TestResponse {
        let page = try await open(client, StaffPaths.dossier(code))
        let token = browser.csrfToken
        let seen = version ?? Self.version(in: page.text) ?? 0
        let body = AuthFixture.formBody([("_csrf", token), ("phien_ban", "\(seen)")] + fields)
        return try await client.execute(uri: "\(StaffPaths.dossier(code))/hanh-dong/\(slug)", method: .post,
                                        headers: browser.jar.headers(adding: AuthFixture.formHeaders), body: body)
    }

    static func version(in html: String) -> Int? {
        guard let range = html.range(of: "name=\"phien_ban\" value=\"") else { return nil }
        return Int(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// The HTML of the element that starts at `id="…"` up to the end tag `until`.
func section(_ html: String, id: String, until end: String) -> String {
    guard let start = html.range(of: "id=\"\(id)\"") else { return "" }
    let rest = html[start.lowerBound...]
    guard let stop = rest.range(of: end) else { return String(rest) }
    return String(rest[..<stop.upperBound])
}

@Suite("Dossier page: header, steps, timeline, slips and the actions each officer may take")
struct DossierPageTests {
    @Test("the desk receives an online dossier from its page; nobody else is offered it", arguments: TestBackend.available)
    func receiveOnline(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DossierPageFixture.seed(database)
            let pdf = Array("%PDF-1.4 văn bản đề nghị".utf8)
            let online = try await AttachmentStore(database: database).registerOnline(
                RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                    applicant: Fixtures.applicant(), channel: .online),
                attachments: [NewAttachment(fileName: "Văn bản đề nghị <điều chỉnh>.pdf", contentType: "application/pdf",
                                            bytes: pdf, sha256: "test")],
                at: Date(), actor: "cong-dvc")
            let code = online.code.rawValue
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let desk = try await Officer.signIn(client, "tiepnhan")
                let specialist = try await Officer.signIn(client, "cv.khdt")
                let before = try await desk.open(client, StaffPaths.dossier(code))
                #expect(before.text.contains("Mới đăng ký"))
                // The submitted file is listed and downloads with the same session.
                let files = section(before.text, id: "tep-dinh-kem", until: "</ul>")
                #expect(files.contains("Văn bản đề nghị &lt;điều chỉnh&gt;.pdf"))
                let href = try #require(files.range(of: "href=\"").map { String(files[$0.upperBound...].prefix { $0 != "\"" }) })
                #expect(href.hasPrefix("\(StaffPaths.dossier(code))/tep/"))
                let download = try await desk.open(client, href)
                #expect(download.status == .ok)
                #expect(Array(download.body.readableBytesView) == pdf)
                for id in ["tiep-nhan-ho-so", "yeu-cau-bo-sung", "tu-choi-tiep-nhan", "rut-ho-so"] {
                    #expect(before.text.contains("id=\"hanh-dong-\(id)\""), "\(id)")
                }
                #expect(!(try await specialist.open(client, StaffPaths.dossier(code))).text.contains("id=\"hanh-dong-tiep-nhan-ho-so\""))
                #expect(try await specialist.act(client, code, "tiep-nhan-ho-so").status == .forbidden)
                let received = try await desk.act(client, code, "tiep-nhan-ho-so")
                #expect(received.status == .seeOther)
                let after = try await desk.open(client, try #require(received.headers[.location]))
                #expect(after.text.contains("Đã tiếp nhận hồ sơ; hãy in giấy tiếp nhận"))
                #expect(after.text.contains("id=\"hanh-dong-chuyen-xu-ly\""))
                #expect(!after.text.contains("id=\"hanh-dong-tu-choi-tiep-nhan\""))
                #expect(after.text.contains("/slips/01.html"))
            }
        }
    }

    @Test("a whole life through the page: each step by its own officers, result recorded and returned at the desk",
          arguments: TestBackend.available)
    func wholeLife(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DossierPageFixture.seed(database)
            // Received and transferred 30 days ago: the first step (5 working days) is late whenever it ends today.
            let received = Date().addingTimeInterval(-30 * 86_400)
            let code = try await DossierPageFixture.dossierAtFirstStep(database, at: received).code.rawValue
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let desk = try await Officer.signIn(client, "tiepnhan")
                let specialist = try await Officer.signIn(client, "cv.khdt")
                let provinceSpecialist = try await Officer.signIn(client, "cv.ubnd")
                let leader = try await Officer.signIn(client, "ld.ubnd")
                let environment = try await Officer.signIn(client, "cv.tnmt")

                // The specialist of the step sees the complete-step form and not the desk's.
                let first = try await specialist.open(client, StaffPaths.dossier(code))
                #expect(first.status == .ok)
                #expect(first.text.contains("id=\"hanh-dong-hoan-thanh-buoc\""))
                #expect(!first.text.contains("id=\"hanh-dong-tra-ket-qua\""))
                #expect(first.text.contains("Điều chỉnh Giấy chứng nhận đăng ký đầu tư"))
                #expect(first.text.contains("6400123456"))  // personal data: they work on it
                let done = try await specialist.act(client, code, "hoan-thanh-buoc", [("ghi_chu", "Hồ sơ đủ điều kiện")])
                #expect(done.status == .seeOther)
                let location = try #require(done.headers[.location])
                #expect(location == "\(StaffPaths.dossier(code))?thong-bao=hoan-thanh-buoc")
                let confirmed = try await specialist.open(client, location)
                #expect(confirmed.text.contains("id=\"thong-bao\""))
                #expect(confirmed.text.contains("Đã hoàn thành bước xử lý."))

                // The approval step is the leader's: the province's specialist gets no form, and a forged post is refused.
                let notHis = try await provinceSpecialist.open(client, StaffPaths.dossier(code))
                #expect(notHis.status == .ok)
                #expect(!notHis.text.contains("id=\"hanh-dong-hoan-thanh-buoc\""))
                #expect(try await provinceSpecialist.act(client, code, "hoan-thanh-buoc").status == .forbidden)
                // In the work queue, the quick "complete step" button shows for the leader only.
                let quick = "\(StaffPaths.dossier(code))/hanh-dong/hoan-thanh-buoc"
                let specialistQueue = try await provinceSpecialist.open(client, StaffPaths.workQueue)
                #expect(specialistQueue.text.contains(StaffPaths.dossier(code)) && !specialistQueue.text.contains(quick))
                #expect(try await leader.open(client, StaffPaths.workQueue).text.contains(quick))
                #expect(try await leader.act(client, code, "hoan-thanh-buoc").status == .seeOther)
                #expect(try await environment.act(client, code, "hoan-thanh-buoc", [("ghi_chu", "Đã cập nhật")]).status == .seeOther)

                // The desk records the result, finds it in its queue of results to return, and returns it.
                let ready = try await desk.open(client, StaffPaths.dossier(code))
                #expect(ready.text.contains("id=\"hanh-dong-ghi-ket-qua\""))
                #expect(try await desk.act(client, code, "ghi-ket-qua", [("ket_qua", "approved")]).status == .seeOther)
                let queue = try await desk.open(client, StaffPaths.workQueue)
                #expect(section(queue.text, id: "cho-tra-ket-qua", until: "</table>").contains(code))
                let form = try await desk.open(client, StaffPaths.dossier(code))
                let returnForm = section(form.text, id: "hanh-dong-tra-ket-qua", until: "</form>")
                #expect(returnForm.contains("name=\"hinh_thuc\""))
                #expect(returnForm.contains("data-confirm="))
                #expect(returnForm.contains("value=\"counter\" selected"))
                #expect(try await desk.act(client, code, "tra-ket-qua", [("hinh_thuc", "counter")]).status == .seeOther)

                let final = try await desk.open(client, StaffPaths.dossier(code))
                #expect(final.text.contains("Đã trả kết quả"))
                #expect(!final.text.contains("id=\"hanh-dong-"))  // nothing left to do
                let steps = section(final.text, id: "cac-buoc", until: "</table>")
                let verdicts = ["Quá hạn", "Trước hạn"].map { steps.components(separatedBy: $0).count - 1 }
                #expect(verdicts == [1, 2], "\(steps)")
                #expect(steps.contains("Sở Kế hoạch và Đầu tư") && steps.contains("Lãnh đạo UBND tỉnh"))
                let timeline = section(final.text, id: "dong-thoi-gian", until: "</ol>")
                let labels = ["Đăng ký hồ sơ", "Tiếp nhận hồ sơ", "Chuyển xử lý", "Hoàn thành bước xử lý", "Có kết quả", "Trả kết quả"]
                let positions = labels.map { timeline.range(of: $0)?.lowerBound }
                #expect(positions.allSatisfy { $0 != nil })
                #expect(zip(positions, positions.dropFirst()).allSatisfy { $0.0! < $0.1! })
                #expect(timeline.components(separatedBy: "Hoàn thành bước xử lý").count - 1 == 3)
                for actor in ["Trần Văn Thẩm (cv.khdt)", "Hoàng Văn Ký (ld.ubnd)", "Đỗ Thị Đất (cv.tnmt)", "Nguyễn Thị Tiếp (tiepnhan)"] {
                    #expect(timeline.contains(actor))
                }
                #expect(timeline.contains("Ghi chú: Hồ sơ đủ điều kiện"))
                #expect(timeline.contains("Trả tại Bộ phận Một cửa"))
                // The slips to print, served by the API to the same session cookie.
                #expect(final.text.contains("/api/v1/dossiers/\(code)/slips/05.html"))
                let slip = try await desk.open(client, "/api/v1/dossiers/\(code)/slips/01.html")
                #expect(slip.status == .ok)
                #expect(slip.text.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
            }
        }
    }

    @Test("other agencies, the desk and the manager are refused; bad input, stale pages and refused transitions re-render",
          arguments: TestBackend.available)
    func refusals(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DossierPageFixture.seed(database)
            let dossier = try await DossierPageFixture.dossierAtFirstStep(database, at: Date())
            let code = dossier.code.rawValue
            let store = DossierStore(database: database)
            @Sendable func eventCount() async throws -> Int { try await store.events(of: dossier.code).count }
            let initial = try await eventCount()
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let outsider = try await Officer.signIn(client, "cv.tnmt")
                let desk = try await Officer.signIn(client, "tiepnhan")
                let specialist = try await Officer.signIn(client, "cv.khdt")
                let leader = try await Officer.signIn(client, "ld.khdt")
                let manager = try await Officer.signIn(client, "quanly")

                // Another agency's specialist can neither see nor act while the step is not theirs.
                #expect(try await outsider.open(client, StaffPaths.dossier(code)).status == .forbidden)
                #expect(try await outsider.act(client, code, "hoan-thanh-buoc", version: dossier.version).status == .forbidden)
                // The desk sees the dossier but cannot complete a specialist's step.
                let deskPage = try await desk.open(client, StaffPaths.dossier(code))
                #expect(deskPage.status == .ok)
                #expect(!deskPage.text.contains("id=\"hanh-dong-hoan-thanh-buoc\""))
                #expect(!deskPage.text.contains("id=\"hanh-dong-ghi-ket-qua\""))  // steps still to go
                // The step's specialist is offered what can work at the first step: no send-back, no result yet.
                let specialistPage = try await specialist.open(client, StaffPaths.dossier(code))
                #expect(specialistPage.text.contains("id=\"hanh-dong-yeu-cau-bo-sung\""))
                #expect(!specialistPage.text.contains("id=\"hanh-dong-chuyen-lai\""))
                #expect(!specialistPage.text.contains("id=\"hanh-dong-ghi-ket-qua\""))
                #expect(!specialistPage.text.contains("id=\"hanh-dong-tu-choi\""))
                #expect(try await desk.act(client, code, "hoan-thanh-buoc").status == .forbidden)
                // A specialist cannot return a result nor take the leader's decisions.
                #expect(try await specialist.act(client, code, "tra-ket-qua", [("hinh_thuc", "counter")]).status == .forbidden)
                #expect(try await specialist.act(client, code, "tu-choi", [("ly_do", "Không phù hợp")]).status == .forbidden)
                #expect(try await specialist.act(client, code, "gia-han", [("ly_do", "Chậm"), ("han_moi", "2099-01-01T09:00")]).status == .forbidden)
                // The manager reads everything — without the applicant's personal data — and acts on nothing.
                let managerPage = try await manager.open(client, StaffPaths.dossier(code))
                #expect(managerPage.status == .ok)
                #expect(!managerPage.text.contains("id=\"hanh-dong-"))
                #expect(!managerPage.text.contains("6400123456"))
                #expect(managerPage.text.contains("Công ty TNHH Cà phê Đắk Nông"))
                #expect(try await manager.act(client, code, "hoan-thanh-buoc", version: dossier.version).status == .forbidden)
                #expect(try await eventCount() == initial)

                // Bad input: 422 with the officer's words kept, nothing written.
                let noPapers = try await specialist.act(client, code, "yeu-cau-bo-sung", [("ly_do", "Thiếu bản sao <hợp đồng>"), ("giay_to", " ")])
                #expect(noPapers.status == .unprocessableContent)
                #expect(noPapers.text.contains("id=\"loi\""))
                #expect(noPapers.text.contains("mỗi giấy tờ một dòng"))
                #expect(noPapers.text.contains("Thiếu bản sao &lt;hợp đồng&gt;"))
                #expect(noPapers.text.contains("aria-invalid=\"true\""))
                let noReason = try await specialist.act(client, code, "chuyen-lai", [("ly_do", "   ")])
                #expect(noReason.status == .unprocessableContent)
                #expect(noReason.text.contains("Vui lòng nhập lý do chuyển lại bước trước."))
                // A transition the lifecycle refuses (there is no step before the first): 422 with its reason.
                let firstStep = try await specialist.act(client, code, "chuyen-lai", [("ly_do", "Cần xem lại")])
                #expect(firstStep.status == .unprocessableContent)
                #expect(firstStep.text.contains("Cần xem lại"))
                #expect(try await eventCount() == initial)

                // Someone else acted first: the stale form is refused with 409 and the page shows the news.
                let supplement = try await specialist.act(client, code, "yeu-cau-bo-sung",
                                                          [("ly_do", "Thiếu văn bản"), ("giay_to", "Bản sao hợp đồng\nBản vẽ")])
                #expect(supplement.status == .seeOther)
                let stale = try await specialist.act(client, code, "hoan-thanh-buoc", version: dossier.version)
                #expect(stale.status == .conflict)
                #expect(stale.text.contains("vừa được người khác cập nhật"))
                #expect(stale.text.contains("Yêu cầu bổ sung"))
                #expect(try await eventCount() == initial + 1)
                #expect(try await desk.act(client, code, "nhan-bo-sung", [("ghi_chu", "Đã nhận đủ")]).status == .seeOther)

                // The step's leader extends with an apology letter; the apology slip (Mẫu 04) is then offered.
                let current = try await store.dossier(dossier.code)
                let due = try #require(current.citizenDueAt).addingTimeInterval(7 * 86_400)
                let newDue = "\(VietnamTime.localDate(of: due).description)T16:00"
                let extended = try await leader.act(client, code, "gia-han", [("ly_do", "Chờ ý kiến các sở"), ("han_moi", newDue),
                                                                            ("so_phieu_xin_loi", "12/PXL-KHĐT")])
                #expect(extended.status == .seeOther)
                let page = try await leader.open(client, StaffPaths.dossier(code))
                #expect(page.text.contains("/slips/04.html"))
                // Its regime, by the date of its receipt.
                let regime = LegalRegime.of(current)
                #expect(page.text.contains("Căn cứ giải quyết") && page.text.contains(regime.title)
                        && page.text.contains("biểu mẫu theo \(regime.forms)"))
                #expect(page.text.contains("id=\"hanh-dong-tu-choi\""))
                #expect(!page.text.contains("id=\"hanh-dong-gia-han\""))  // at most once
                #expect(section(page.text, id: "dong-thoi-gian", until: "</ol>").contains("Phiếu xin lỗi số 12/PXL-KHĐT"))
                // Unknown dossiers: 404, whatever the code looks like.
                #expect(try await desk.open(client, StaffPaths.dossier("000.00.15.H56-210712-0999")).status == .notFound)
                #expect(try await desk.open(client, StaffPaths.dossier("khong-co")).status == .notFound)
                #expect(try await client.execute(uri: StaffPaths.dossier(code), method: .get).status == .seeOther)
            }
        }
    }
}
