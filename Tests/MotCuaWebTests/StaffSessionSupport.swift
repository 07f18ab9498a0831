import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import MotCuaWeb

/// A signed-in officer in a test: GETs with the session cookie, POSTs forms with the session's CSRF token
/// (read the way a browser gets it, from a page rendered for the session).
struct StaffSession {
    var browser = Browser()

    static func signIn(_ client: some TestClientProtocol, _ username: String,
                       password: String = AuthFixture.password) async throws -> StaffSession {
        var session = StaffSession()
        let response = try await session.browser.signIn(client, username: username, password: password)
        guard response.status == .seeOther else { throw SignInFailed(username: username) }
        try await session.browser.refreshToken(client)
        return session
    }

    func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: browser.jar.header, body: nil)
    }

    func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)] = []) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: browser.jar.headers(adding: AuthFixture.formHeaders),
                                 body: AuthFixture.formBody([("_csrf", browser.csrfToken)] + fields))
    }
}

struct SignInFailed: Error { let username: String }
