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

@Suite("Citizen pages: home, catalogue, status lookup")
struct PublicPagesTests {
    @Test("home and catalogue: landmarks, search without diacritics, procedure detail", arguments: TestBackend.available)
    func catalogue(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let home = try await client.execute(uri: "/", method: .get)
                #expect(home.status == .ok)
                #expect(home.text.contains("<main id=\"noi-dung\">") && home.text.contains("lang=\"vi\""))
                #expect(home.text.contains(SiteStyleSheet.path))
                #expect(SiteStyleSheet.path.range(of: #"^/tai-nguyen/motcua-[0-9a-f]{1,8}\.css$"#, options: .regularExpression) != nil)
                let css = try await client.execute(uri: SiteStyleSheet.path, method: .get)
                #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)

                let found = try await client.execute(uri: "/thu-tuc?q=dieu+chinh+giay+chung+nhan", method: .get)
                #expect(found.text.contains("Điều chỉnh Giấy chứng nhận đăng ký đầu tư"))
                let none = try await client.execute(uri: "/thu-tuc?q=%3Cscript%3E", method: .get)
                #expect(none.text.contains("Không tìm thấy thủ tục phù hợp."))
                #expect(!none.text.contains("<script>"))

                let detail = try await client.execute(uri: "/thu-tuc/\(Fixtures.investmentCode)", method: .get)
                #expect(detail.status == .ok)
                #expect(detail.text.contains("10 ngày làm việc") && detail.text.contains("theo quy định: 15 ngày làm việc"))
                #expect(detail.text.contains("Văn bản đề nghị điều chỉnh dự án đầu tư"))
                let missing = try await client.execute(uri: "/thu-tuc/9.999999", method: .get)
                #expect(missing.status == .notFound)
            }
        }
    }

    @Test("status lookup: the right code and phone digits show the status and nothing personal; limits apply",
          arguments: TestBackend.available)
    func lookup(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let dossier = try await DossierStore(database: database).register(
                RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                    applicant: Fixtures.applicant(name: "Bí Mật Riêng", phone: "0912 345 678"), channel: .counter),
                at: Fixtures.instant("2021-07-12 08:00"), actor: "tiepnhan")
            // One fixed instant: the per-minute limit is judged within one window however slow the machine is
            // (a run that crossed a minute's boundary saw a fresh window and no 429).
            var configuration = AuthFixture.configuration(database)
            let fixed = Date()
            configuration.now = { fixed }
            try await buildApplication(configuration).test(.router) { client in
                var jar = CookieJar()
                let form = try await client.execute(uri: "/tra-cuu", method: .get)
                jar.take(from: form)
                let token = try #require(Browser.hiddenCSRF(in: form.text))
                func lookUp(_ code: String, _ digits: String) async throws -> TestResponse {
                    try await client.execute(uri: "/tra-cuu", method: .post, headers: jar.headers(adding: AuthFixture.formHeaders),
                                             body: AuthFixture.formBody([("_csrf", token), ("ma", code), ("so", digits)]))
                }
                let found = try await lookUp(dossier.code.rawValue, "5678")
                #expect(found.status == .ok)
                #expect(found.text.contains("Đã tiếp nhận"))
                #expect(found.text.contains("ngày 26/7/2021"))  // 10 working days after 12/7/2021
                #expect(!found.text.contains("Bí Mật Riêng") && !found.text.contains("0912"))
                let wrongPhone = try await lookUp(dossier.code.rawValue, "0000")
                let wrongCode = try await lookUp("000.00.15.H56-210712-0999", "5678")
                #expect(wrongPhone.status == .notFound && wrongCode.status == .notFound)
                #expect(wrongPhone.text.contains("Không tìm thấy hồ sơ với mã và số điện thoại đã nhập."))
                let noToken = try await client.execute(uri: "/tra-cuu", method: .post, headers: jar.headers(adding: AuthFixture.formHeaders),
                                                       body: AuthFixture.formBody([("ma", dossier.code.rawValue), ("so", "5678")]))
                #expect(noToken.status == .forbidden)
                var last = found
                for _ in 0..<10 { last = try await lookUp(dossier.code.rawValue, "5678") }
                #expect(last.status == .tooManyRequests)
            }
        }
    }
}

@Suite("Citizen feedback form")
struct FeedbackPageTests {
    @Test("a complete form gets a reference number; a bad one names the problem in Vietnamese", arguments: TestBackend.available)
    func submit(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var jar = CookieJar()
                let form = try await client.execute(uri: "/phan-anh", method: .get)
                jar.take(from: form)
                let token = try #require(Browser.hiddenCSRF(in: form.text))
                func send(_ fields: [(String, String)]) async throws -> TestResponse {
                    try await client.execute(uri: "/phan-anh", method: .post, headers: jar.headers(adding: AuthFixture.formHeaders),
                                             body: AuthFixture.formBody([("_csrf", token)] + fields))
                }
                let good = try await send([("ho_ten", "Trần Thị Mai"), ("lien_he", "0912 000 111"),
                                           ("noi_dung", "Đề nghị bổ sung ghế chờ tại quầy số 3 <b>gấp</b>"), ("ma_ho_so", "")])
                #expect(good.status == .created)
                let reference = try #require(good.text.range(of: "PAKN-[0-9]{6}-0001", options: .regularExpression))
                #expect(!good.text[reference].isEmpty)
                let second = try await send([("ho_ten", "Lê Văn Bình"), ("lien_he", "binh@example.vn"),
                                             ("noi_dung", "Thời gian chờ quá lâu vào buổi sáng."), ("ma_ho_so", "")])
                #expect(second.text.contains("-0002"))
                let bad = try await send([("ho_ten", "A"), ("lien_he", "x"), ("noi_dung", "ngắn"), ("ma_ho_so", "")])
                #expect(bad.status == .unprocessableContent)
                #expect(bad.text.contains("Vui lòng nhập số điện thoại hoặc email"))
                let badCode = try await send([("ho_ten", "An"), ("lien_he", "0912000111"),
                                              ("noi_dung", "Hồ sơ của tôi chưa có kết quả."), ("ma_ho_so", "abc")])
                #expect(badCode.text.contains("Mã hồ sơ không đúng định dạng"))
                #expect(badCode.text.contains("Hồ sơ của tôi chưa có kết quả."))  // what was typed is kept
            }
            #expect(try await FeedbackStore(database: database).count(try StatisticsPeriod(
                from: VietnamTime.localDate(of: Date()).adding(days: -1), to: VietnamTime.localDate(of: Date()))) == 2)
        }
    }
}

@Suite("Pages that lead nowhere")
struct NotFoundPageTests {
    @Test("an unknown address answers 404 with a Vietnamese page; the API keeps problem+json")
    func unknownAddress() async throws {
        try await withTestDatabase(.sqlite) { database in
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                try await client.execute(uri: "/khong-co-trang-nay", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(String(buffer: response.body).contains("Không tìm thấy trang"))
                    #expect(response.headers[.contentSecurityPolicy] != nil)
                }
                try await client.execute(uri: "/api/v1/khong-co", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType]?.hasPrefix("text/html") != true)
                }
                try await client.execute(uri: "/favicon.ico", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).hasPrefix("<svg"))
                }
            }
        }
    }
}

@Suite("Static assets")
struct StaticAssetTests {
    @Test("the address carries a fingerprint of the content: new content, new address; same content, same address")
    func fingerprint() {
        let a = StaticAsset.versioned("/tai-nguyen/motcua.css", text: "body { color: #111; }")
        let b = StaticAsset.versioned("/tai-nguyen/motcua.css", text: "body { color: #112; }")
        #expect(a != b)
        #expect(a == StaticAsset.versioned("/tai-nguyen/motcua.css", text: "body { color: #111; }"))
        #expect(a.hasPrefix("/tai-nguyen/motcua-") && a.hasSuffix(".css"))
        #expect(StaticAsset.versioned("/tai-nguyen/bieu-tuong", text: "x").hasPrefix("/tai-nguyen/bieu-tuong-"))
        #expect(Set([SiteStyleSheet.path, SiteScript.path, SiteIcon.path]).count == 3)
    }
}
