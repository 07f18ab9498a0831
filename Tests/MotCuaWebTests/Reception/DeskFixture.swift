import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import SQLKit
@testable import MotCuaWeb

/// Accounts and procedures for the reception desk, online submission and guidance tests: a reception
/// officer of the center, specialists of the planning (owning) and environment (other) departments, a
/// leader; the investment procedure (offered online, partly) and a judicial record procedure not offered online.
enum DeskFixture {
    static let reception = "tiepnhan"
    static let planningSpecialist = "cv.khdt"
    static let environmentSpecialist = "cv.tnmt"
    static let leader = "ld.ubnd"
    static let manager = "ql.trungtam"

    static let judicialRecordCode: ProcedureCode = {
        do { return try ProcedureCode(parsing: "2.000488") } catch { fatalError("\(error)") }
    }()

    static func judicialRecordProcedure() throws -> Procedure {
        try Procedure(code: judicialRecordCode, validFrom: Fixtures.instant("2020-01-01 00:00"),
                      name: "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", field: "Lý lịch tư pháp",
                      agencyCode: Fixtures.environment, legalTime: .workingDays(10), localTime: .workingDays(8),
                      onlineLevel: .none, fees: [Fee(amountVND: 200_000, description: "Phí cấp phiếu lý lịch tư pháp")],
                      documents: [RequiredDocument(name: "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", form: .original),
                                  RequiredDocument(name: "Bản chụp căn cước công dân", form: .copy)])
    }

    static func seed(_ database: Database) async throws {
        try await Fixtures.seed(database)
        try await ProcedureStore(database: database).add(try judicialRecordProcedure())
        let accounts = UserAccounts(database: database, hasher: AuthFixture.fastHasher)
        try await accounts.add(username: reception, displayName: "Phạm Thị Tiếp", role: "reception",
                               agencies: [Fixtures.center.rawValue], password: AuthFixture.password)
        try await accounts.add(username: planningSpecialist, displayName: "Võ Văn Kế", role: "specialist",
                               agencies: [Fixtures.planning.rawValue], password: AuthFixture.password)
        try await accounts.add(username: environmentSpecialist, displayName: "Đỗ Thị Môi", role: "specialist",
                               agencies: [Fixtures.environment.rawValue], password: AuthFixture.password)
        try await accounts.add(username: manager, displayName: "Trần Văn Quản", role: "manager",
                               agencies: [Fixtures.center.rawValue], password: AuthFixture.password)
        try await accounts.add(username: leader, displayName: "Hồ Văn Lãnh", role: "leader",
                               agencies: [Fixtures.province.rawValue], password: AuthFixture.password)
    }

    static func signedIn(_ client: some TestClientProtocol, as username: String) async throws -> Browser {
        var browser = Browser()
        let response = try await browser.signIn(client, username: username, password: AuthFixture.password)
        precondition(response.status == .seeOther, "sign-in of \(username) failed")
        return browser
    }

    /// GET with the browser's cookies; remembers the CSRF token of the page's forms.
    static func get(_ client: some TestClientProtocol, _ uri: String, _ browser: inout Browser) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: browser.jar.header)
        browser.jar.take(from: response)
        if let token = Browser.hiddenCSRF(in: response.text) { browser.csrfToken = token }
        return response
    }

    /// POST a form with the browser's cookies and CSRF token.
    static func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)],
                     _ browser: inout Browser) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .post, headers: browser.jar.headers(adding: AuthFixture.formHeaders),
                                                body: AuthFixture.formBody([("_csrf", browser.csrfToken)] + fields))
        browser.jar.take(from: response)
        return response
    }

    static func count(_ table: String, _ database: Database) async throws -> Int {
        try await database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
    }
}

/// A `multipart/form-data` body as a browser sends it.
struct MultipartBody {
    let boundary = "----MotCuaTestBoundary7MA4YWxkTrZu0gW"
    var bytes: [UInt8] = []

    mutating func field(_ name: String, _ value: String) {
        bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    mutating func file(_ name: String, fileName: String, contentType: String, _ content: [UInt8]) {
        bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\nContent-Type: \(contentType)\r\n\r\n".utf8)
        bytes += content
        bytes += Array("\r\n".utf8)
    }

    var body: ByteBuffer { ByteBuffer(bytes: bytes + Array("--\(boundary)--\r\n".utf8)) }
    var headers: HTTPFields { [.contentType: "multipart/form-data; boundary=\(boundary)"] }
}

enum SampleFiles {
    /// A tiny but well-formed PDF header and body; only the first bytes decide the kind.
    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
    /// A Windows executable renamed to .pdf.
    static let executable: [UInt8] = Array("MZ".utf8) + [UInt8](repeating: 0x90, count: 256)
}
