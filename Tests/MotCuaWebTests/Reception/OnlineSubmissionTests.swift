import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb
import Testing

@Suite("Online submission with attachments")
struct OnlineSubmissionTests {
    static let investment = Fixtures.investmentCode.rawValue

    /// Opens the form anonymously (which hands out the CSRF cookie) and posts `files` with the applicant.
    static func submit(_ client: some TestClientProtocol, files: [(String, [UInt8])], phone: String = "0912345678",
                       browser: inout Browser) async throws -> TestResponse {
        let form = try await DeskFixture.get(client, "/nop-ho-so/\(investment)", &browser)
        #expect(form.status == .ok)
        var body = MultipartBody()
        body.field("_csrf", browser.csrfToken)
        for (name, value) in [("loai_nguoi_nop", "person"), ("ho_ten", "Lê Thị Trực Tuyến"), ("so_giay_to", "066190005678"),
                              ("dien_thoai", phone), ("email", "ltt@example.vn"), ("dia_chi", "Đắk Mil")] {
            body.field(name, value)
        }
        for (name, bytes) in files { body.file("tep", fileName: name, contentType: "application/octet-stream", bytes) }
        // As the form's action says: the token in the query, checked before the files are read.
        let action = try #require(Self.formAction(form.text))
        #expect(action == "/nop-ho-so/\(investment)?_csrf=\(browser.csrfToken)")
        let response = try await client.execute(uri: action, method: .post,
                                                headers: browser.jar.headers(adding: body.headers), body: body.body)
        browser.jar.take(from: response)
        return response
    }

    static func formAction(_ html: String) -> String? {
        guard let form = html.range(of: "id=\"form-nop-ho-so\""),
              let action = html.range(of: "action=\"", range: form.upperBound..<html.endIndex) else { return nil }
        return String(html[action.upperBound...].prefix { $0 != "\"" })
    }

    @Test("accepted: an online dossier at the center with its files; staff of the dossier's agencies download them, others not",
          arguments: TestBackend.available)
    func acceptedAndDownloaded(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DeskFixture.seed(database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let catalogue = try await client.execute(uri: "/thu-tuc/\(Self.investment)", method: .get)
                #expect(catalogue.text.contains("href=\"/nop-ho-so/\(Self.investment)\""))
                let offline = try await client.execute(uri: "/thu-tuc/\(DeskFixture.judicialRecordCode)", method: .get)
                #expect(!offline.text.contains("/nop-ho-so/"))

                var citizen = Browser()
                let posted = try await Self.submit(client, files: [("to-khai.pdf", SampleFiles.pdf), ("Ảnh CCCD.PNG", SampleFiles.png)],
                                                   browser: &citizen)
                #expect(posted.status == .seeOther)
                let location = try #require(posted.headers[.location])
                #expect(location.hasPrefix("/nop-ho-so/da-nop/\(Fixtures.center)-"))
                let code = try DossierCode(parsing: String(location.dropFirst("/nop-ho-so/da-nop/".count)))
                let done = try await client.execute(uri: location, method: .get)
                #expect(done.status == .ok && done.text.contains("<strong id=\"ma-ho-so\">\(code)</strong>"))
                #expect(done.text.contains("href=\"/tra-cuu\"") && !done.text.contains("Lê Thị Trực Tuyến"))

                let dossier = try await DossierStore(database: database).dossier(code)
                #expect(dossier.channel == .online && dossier.status == .newlyRegistered && dossier.receivedAt == nil)
                let files = try await AttachmentStore(database: database).attachments(of: code)
                #expect(files.map(\.fileName) == ["to-khai.pdf", "Ảnh CCCD.PNG"])
                #expect(files.map(\.contentType) == ["application/pdf", "image/png"])
                #expect(files[0].size == SampleFiles.pdf.count)
                #expect(files[0].sha256 == SHA256.hash(data: SampleFiles.pdf).map { String(format: "%02x", $0) }.joined())

                let path = "/ho-so/\(code)/tep/\(files[0].id)"
                let anonymous = try await client.execute(uri: path, method: .get)
                #expect(anonymous.status == .seeOther)
                for username in [DeskFixture.reception, DeskFixture.planningSpecialist] {  // receiving, owning agency
                    var staff = try await DeskFixture.signedIn(client, as: username)
                    let download = try await DeskFixture.get(client, path, &staff)
                    #expect(download.status == .ok)
                    #expect(Array(download.body.readableBytesView) == SampleFiles.pdf)
                    #expect(download.headers[.contentType] == "application/pdf")
                    #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                }
                var other = try await DeskFixture.signedIn(client, as: DeskFixture.environmentSpecialist)
                #expect(try await DeskFixture.get(client, path, &other).status == .forbidden)
                var own = try await DeskFixture.signedIn(client, as: DeskFixture.reception)
                #expect(try await DeskFixture.get(client, "/ho-so/\(code)/tep/khong-co", &own).status == .notFound)
            }
        }
    }

    @Test("refused: a renamed executable, a file too large, no file, a bad phone — 422 with the input kept, nothing stored",
          arguments: TestBackend.available)
    func rejected(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DeskFixture.seed(database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var citizen = Browser()
                let renamed = try await Self.submit(client, files: [("to-khai.pdf", SampleFiles.executable)], browser: &citizen)
                #expect(renamed.status == .unprocessableContent)
                #expect(renamed.text.contains("Tệp \"to-khai.pdf\" không đúng định dạng cho phép"))
                #expect(renamed.text.contains("value=\"Lê Thị Trực Tuyến\""))
                let misnamed = try await Self.submit(client, files: [("anh.docx", SampleFiles.png)], browser: &citizen)
                #expect(misnamed.status == .unprocessableContent)

                let limit = AttachmentPolicy().maximumFileBytes
                let large = SampleFiles.pdf + [UInt8](repeating: 0x20, count: limit + 1 - SampleFiles.pdf.count)
                let tooLarge = try await Self.submit(client, files: [("lon.pdf", large)], browser: &citizen)
                #expect(tooLarge.status == .unprocessableContent)
                #expect(tooLarge.text.contains("Tệp \"lon.pdf\" quá lớn"))

                // Over the whole request's limit: refused before the form is read, with a message, not a bare 413.
                let huge = [UInt8](repeating: 0x25, count: OnlineSubmissionController.maximumRequestBytes + 1)
                let overLimit = try await Self.submit(client, files: [("a.pdf", huge)], browser: &citizen)
                #expect(overLimit.status == .contentTooLarge && overLimit.text.contains("Dữ liệu gửi lên quá lớn"))

                let none = try await Self.submit(client, files: [], browser: &citizen)
                #expect(none.status == .unprocessableContent && none.text.contains("đính kèm ít nhất một tệp"))
                let badPhone = try await Self.submit(client, files: [("a.pdf", SampleFiles.pdf)], phone: "123", browser: &citizen)
                #expect(badPhone.status == .unprocessableContent)

                let offline = try await client.execute(uri: "/nop-ho-so/\(DeskFixture.judicialRecordCode)", method: .get)
                #expect(offline.status == .notFound && offline.text.contains("chưa nhận hồ sơ trực tuyến"))
                let noToken = try await client.execute(uri: "/nop-ho-so/\(Self.investment)", method: .post,
                                                       headers: MultipartBody().headers, body: MultipartBody().body)
                #expect(noToken.status == .forbidden)
            }
            #expect(try await DeskFixture.count("dossiers", database) == 0)
            #expect(try await DeskFixture.count("dossier_attachments", database) == 0)
        }
    }

    @Test("too many submissions from one address in a minute: 429, nothing stored", arguments: TestBackend.available)
    func rateLimited(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DeskFixture.seed(database)
            // The controller alone (no CSRF middleware in front): only the limit is under test.
            let router = Router(context: AppRequestContext.self)
            let limiter = PublicRateLimiter(database: database, limits: PublicLimits(submissionsPerMinute: 1))
            OnlineSubmissionController(database: database, limiter: limiter, now: { Date() }).addRoutes(to: router)
            try await Application(router: router).test(.router) { client in
                func send() async throws -> TestResponse {
                    var body = MultipartBody()
                    for (name, value) in [("ho_ten", "Lê Văn Gửi"), ("so_giay_to", "066190005678"), ("dien_thoai", "0912345678")] {
                        body.field(name, value)
                    }
                    body.file("tep", fileName: "a.pdf", contentType: "application/pdf", SampleFiles.pdf)
                    return try await client.execute(uri: "/nop-ho-so/\(Self.investment)", method: .post, headers: body.headers, body: body.body)
                }
                #expect(try await send().status == .seeOther)
                let second = try await send()
                #expect(second.status == .tooManyRequests && second.text.contains("quá nhiều lần"))
            }
            #expect(try await DeskFixture.count("dossiers", database) == 1)
        }
    }
}
