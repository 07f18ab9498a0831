import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb

/// Accounts and helpers for the in-process authentication tests.
enum AuthFixture {
    static let password = "mật khẩu đủ dài 2026"
    static let fastHasher = PasswordHasher(cost: 4)

    static func configuration(_ database: Database, secureCookies: Bool = false) -> AppConfiguration {
        AppConfiguration(database: database, secureCookies: secureCookies, passwordHashCost: 4)
    }

    /// Agencies, a reception officer `lan` (planning department), a manager `hoa`, and `cu` disabled.
    static func seed(_ database: Database) async throws -> UserAccounts {
        let agencies = AgencyStore(database: database)
        for agency in try Fixtures.agencies() { try await agencies.save(agency) }
        let accounts = UserAccounts(database: database, hasher: fastHasher)
        try await accounts.add(username: "lan", displayName: "Nguyễn Thị Lan", role: "reception",
                               agencies: [Fixtures.planning.rawValue], password: password)
        try await accounts.add(username: "hoa", displayName: "Trần Văn Hòa", role: "manager", agencies: [],
                               password: password)
        try await accounts.add(username: "cu", displayName: "Lê Văn Cũ", role: "specialist",
                               agencies: [Fixtures.planning.rawValue], password: password)
        try await accounts.disable("cu")
        return accounts
    }

    static func formBody(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let text = fields.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        return ByteBuffer(string: text)
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
}

/// A tiny cookie jar for the test client: remembers `Set-Cookie` and sends `Cookie`.
struct CookieJar {
    var values: [String: String] = [:]

    mutating func take(from response: TestResponse) {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count == 2 ? String(pair[1]) : ""
            if value.isEmpty || header.lowercased().contains("max-age=0") { values[name] = nil } else { values[name] = value }
        }
    }

    var header: HTTPFields {
        values.isEmpty ? [:] : [.cookie: values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]
    }

    func headers(adding extra: HTTPFields) -> HTTPFields {
        var fields = header
        fields.append(contentsOf: extra)
        return fields
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The `Set-Cookie` header for cookie `name`, if the response sets it.
    func setCookie(_ name: String) -> String? {
        headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
    }
}

/// A browser visit: loads the sign-in form (which hands out the anonymous CSRF cookie) and reads the
/// token from its hidden field, as a real browser would submit it.
struct Browser {
    var jar = CookieJar()
    var csrfToken = ""

    mutating func openLoginForm(_ client: some TestClientProtocol, next: String? = nil) async throws -> TestResponse {
        let uri = next.map { "/dang-nhap?next=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" } ?? "/dang-nhap"
        let response = try await client.execute(uri: uri, method: .get, headers: jar.header, body: nil)
        jar.take(from: response)
        csrfToken = Self.hiddenCSRF(in: response.text) ?? ""
        return response
    }

    mutating func signIn(_ client: some TestClientProtocol, username: String, password: String,
                         next: String? = nil) async throws -> TestResponse {
        if csrfToken.isEmpty { _ = try await openLoginForm(client) }
        var fields = [("_csrf", csrfToken), ("username", username), ("password", password)]
        if let next { fields.append(("next", next)) }
        let response = try await client.execute(uri: "/dang-nhap", method: .post,
                                                headers: jar.headers(adding: AuthFixture.formHeaders),
                                                body: AuthFixture.formBody(fields))
        jar.take(from: response)
        if response.status == .seeOther { csrfToken = "" }  // the session has its own token now
        return response
    }

    /// The session's CSRF token, read from a page rendered for the signed-in user.
    mutating func refreshToken(_ client: some TestClientProtocol) async throws {
        _ = try await openLoginForm(client)
    }

    static func hiddenCSRF(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}
