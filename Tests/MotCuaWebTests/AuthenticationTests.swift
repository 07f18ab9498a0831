import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
import Testing
@testable import MotCuaWeb

@Suite("Sign-in, sessions, CSRF, API tokens and security headers")
struct AuthenticationTests {
    static let meHeaders: HTTPFields = [:]

    @Test("the sign-in form: Vietnamese labels, a CSRF field, an anonymous CSRF cookie, no caching")
    func loginForm() async throws {
        try await withTestDatabase(.sqlite) { database in
            let app = buildApplication(AuthFixture.configuration(database))
            try await app.test(.router) { client in
                try await client.execute(uri: "/dang-nhap?next=%2Fho-so%3Fq%3D1", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.headers[.cacheControl] == "no-store")
                    let html = response.text
                    #expect(html.contains("<html lang=\"vi\">"))
                    #expect(html.contains("<label for=\"username\">Tên đăng nhập</label>"))
                    #expect(html.contains("<label for=\"password\">Mật khẩu</label>"))
                    #expect(html.contains("Đăng nhập</button>"))
                    #expect(html.contains("name=\"next\" value=\"/ho-so?q=1\""))
                    let token = try #require(Browser.hiddenCSRF(in: html))
                    let cookie = try #require(response.setCookie("motcua_csrf"))
                    #expect(cookie.hasPrefix("motcua_csrf=\(token);"))
                    #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
                }
                // A foreign `next` is dropped rather than carried.
                try await client.execute(uri: "/dang-nhap?next=%2F%2Fevil.example", method: .get) { response in
                    #expect(!response.text.contains("evil"))
                }
            }
        }
    }

    @Test("signing in sets an HttpOnly, SameSite=Lax session cookie and goes to a local `next`",
          arguments: TestBackend.available)
    func signInSuccess(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            _ = try await AuthFixture.seed(database)
            let app = buildApplication(AuthFixture.configuration(database))
            try await app.test(.router) { client in
                var browser = Browser()
                let response = try await browser.signIn(client, username: "LAN", password: AuthFixture.password,
                                                        next: "/ho-so?trang=2")
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/ho-so?trang=2")
                let cookie = try #require(response.setCookie("motcua_session"))
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Lax"))
                #expect(cookie.contains("Path=/"))
                #expect(!cookie.contains("Secure"))
                #expect(response.headers[.cacheControl] == "no-store")
                // The cookie value is not what the database keeps.
                let value = try #require(browser.jar.values["motcua_session"])
                #expect(try await SessionStore(database: database).session(idHash: value, at: Date()) == nil)
                #expect(try await SessionStore(database: database).count(username: "lan", at: Date()) == 1)

                try await client.execute(uri: "/api/v1/me", method: .get, headers: browser.jar.header) { me in
                    #expect(me.status == .ok)
                    #expect(me.text.contains("\"username\":\"lan\""))
                    #expect(me.text.contains("\"display_name\":\"Nguyễn Thị Lan\""))
                    #expect(me.headers[.cacheControl] == "no-store")
                }

                var other = Browser()
                let offsite = try await other.signIn(client, username: "lan", password: AuthFixture.password,
                                                     next: "https://evil.example/")
                // An off-site `next` is ignored: the officer lands on their role's start page.
                #expect(offsite.headers[.location] == StaffPaths.reception)
            }
        }
    }

    @Test("with --secure-cookies the cookies are Secure and HSTS is sent")
    func secureCookies() async throws {
        try await withTestDatabase(.sqlite) { database in
            _ = try await AuthFixture.seed(database)
            let app = buildApplication(AuthFixture.configuration(database, secureCookies: true))
            try await app.test(.router) { client in
                var browser = Browser()
                let form = try await browser.openLoginForm(client)
                #expect(form.setCookie("motcua_csrf")?.contains("Secure") == true)
                #expect(form.headers[.strictTransportSecurity] == "max-age=31536000")
                let response = try await browser.signIn(client, username: "lan", password: AuthFixture.password)
                #expect(response.setCookie("motcua_session")?.contains("Secure") == true)
            }
        }
    }

    @Test("a wrong password, an unknown or a disabled user: 401, the same message, no session cookie",
          arguments: TestBackend.available)
    func signInFailure(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            _ = try await AuthFixture.seed(database)
            let app = buildApplication(AuthFixture.configuration(database))
            try await app.test(.router) { client in
                var bodies: [String] = []
                for (username, password) in [("lan", "sai mật khẩu rồi"), ("khong-co", AuthFixture.password),
                                             ("cu", AuthFixture.password)] {
                    var browser = Browser()
                    _ = try await browser.openLoginForm(client)
                    let response = try await browser.signIn(client, username: username, password: password)
                    #expect(response.status == .unauthorized)
                    #expect(response.text.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
                    #expect(response.headers[values: .setCookie].isEmpty)
                    #expect(!response.text.contains(password))
                    #expect(response.text.contains("value=\"\(username)\""))
                    bodies.append(response.text.replacingOccurrences(of: "value=\"\(username)\"", with: "value=\"USER\"")
                        .replacingOccurrences(of: browser.csrfToken, with: "TOKEN"))
                }
                #expect(Set(bodies).count == 1)  // nothing tells the three cases apart

                // What was typed comes back escaped (Plot), never as markup.
                var browser = Browser()
                let hostile = try await browser.signIn(client, username: "\"><script>alert(1)</script>", password: "x")
                #expect(hostile.status == .unauthorized)
                #expect(!hostile.text.contains("<script>"))
                #expect(hostile.text.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
                let next = try await browser.openLoginForm(client, next: "/a\"><script>x</script>")
                #expect(!next.text.contains("<script>"))
            }
        }
    }

    @Test("unsafe requests need the CSRF token: refused 403 without it, accepted with it; sign-out ends the session",
          arguments: TestBackend.available)
    func csrfAndSignOut(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            _ = try await AuthFixture.seed(database)
            let app = buildApplication(AuthFixture.configuration(database))
            try await app.test(.router) { client in
                // Signing in itself needs the anonymous token.
                var browser = Browser()
                _ = try await browser.openLoginForm(client)
                let forged = try await client.execute(
                    uri: "/dang-nhap", method: .post, headers: browser.jar.headers(adding: AuthFixture.formHeaders),
                    body: AuthFixture.formBody([("username", "lan"), ("password", AuthFixture.password)]))
                #expect(forged.status == .forbidden)
                #expect(forged.setCookie("motcua_session") == nil)

                _ = try await browser.signIn(client, username: "lan", password: AuthFixture.password)
                try await browser.refreshToken(client)
                let sessionToken = browser.csrfToken
                #expect(!sessionToken.isEmpty)

                // Without a token, with a wrong one, with the anonymous one: refused, still signed in.
                for body in [[("x", "1")], [("_csrf", "sai")], [("_csrf", String(repeating: "A", count: 43))]] {
                    let refused = try await client.execute(
                        uri: "/dang-xuat", method: .post, headers: browser.jar.headers(adding: AuthFixture.formHeaders),
                        body: AuthFixture.formBody(body))
                    #expect(refused.status == .forbidden)
                    #expect(refused.text.contains("Vui lòng tải lại trang"))
                }
                try await client.execute(uri: "/api/v1/me", method: .get, headers: browser.jar.header) {
                    #expect($0.status == .ok)
                }
                // The token in the X-CSRF-Token header works as well as the form field.
                let cookieOnly = browser.jar.header
                let signedOut = try await client.execute(
                    uri: "/dang-xuat", method: .post,
                    headers: browser.jar.headers(adding: [HTTPField.Name("X-CSRF-Token")!: sessionToken]), body: nil)
                #expect(signedOut.status == .seeOther)
                #expect(signedOut.headers[.location] == "/dang-nhap")
                #expect(signedOut.setCookie("motcua_session")?.contains("Max-Age=0") == true)
                // The old cookie no longer opens anything, even if the browser kept it.
                try await client.execute(uri: "/api/v1/me", method: .get, headers: cookieOnly) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.setCookie("motcua_session")?.contains("Max-Age=0") == true)
                }
                #expect(try await SessionStore(database: database).count(username: "lan", at: Date()) == 0)
            }
        }
    }

    @Test("the form field works for the session token too")
    func csrfFormField() async throws {
        try await withTestDatabase(.sqlite) { database in
            _ = try await AuthFixture.seed(database)
            let app = buildApplication(AuthFixture.configuration(database))
            try await app.test(.router) { client in
                var browser = Browser()
                _ = try await browser.signIn(client, username: "hoa", password: AuthFixture.password)
                try await browser.refreshToken(client)
                let response = try await client.execute(
                    uri: "/dang-xuat", method: .post, headers: browser.jar.headers(adding: AuthFixture.formHeaders),
                    body: AuthFixture.formBody([("_csrf", browser.csrfToken)]))
                #expect(response.status == .seeOther)
            }
        }
    }

    @Test("API tokens authenticate /api/…; a wrong token gets 401 problem+json; bearer requests skip CSRF",
          arguments: TestBackend.available)
    func bearerTokens(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let accounts = try await AuthFixture.seed(database)
            let token = try await accounts.issueToken(for: "hoa", name: "báo cáo tự động")
            #expect(token.hasPrefix("mc_") && token.count == 46)
            #expect(try await accounts.tokens.token(hash: token) == nil)  // stored hashed only
            let app = buildApplication(AuthFixture.configuration(database))
            try await app.test(.router) { client in
                try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains("\"role\":\"manager\""))
                }
                for wrong in ["Bearer mc_" + String(repeating: "x", count: 43), "Bearer nonsense", "Bearer", "bearer \(token)x"] {
                    try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: wrong]) { response in
                        #expect(response.status == .unauthorized)
                        #expect(response.headers[.contentType] == "application/problem+json")
                        #expect(response.text.contains("\"status\":401"))
                        #expect(response.text.hasPrefix("{\"type\":\"about:blank\",\"title\":\"Unauthorized\""))
                    }
                }
                try await client.execute(uri: "/api/v1/me", method: .get) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.contentType] == "application/problem+json")
                    #expect(response.text == #"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"Vui lòng đăng nhập."}"#)
                }
                // No CSRF token needed with a bearer token.
                try await client.execute(uri: "/dang-xuat", method: .post, headers: [.authorization: "Bearer \(token)"]) {
                    #expect($0.status == .seeOther)
                }
                // A disabled user's token stops working.
                try await accounts.disable("hoa")
                try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]) {
                    #expect($0.status == .unauthorized)
                }
            }
            #expect(try await accounts.tokens.tokens(username: "hoa").first?.lastUsedAt != nil)
        }
    }

    @Test("API tokens expire, are listed by id without their secret, revoked by id, and all revoked by a new password",
          arguments: TestBackend.available)
    func tokenLifecycle(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let accounts = try await AuthFixture.seed(database)
            let issued = Date().addingTimeInterval(-2 * 86_400)
            let expired = try await accounts.issueToken(for: "hoa", name: "hết hạn", at: issued, lifetimeDays: 1)
            let revoked = try await accounts.issueToken(for: "hoa", name: "thu hồi")
            let kept = try await accounts.issueToken(for: "hoa", name: "giữ lại")
            await #expect(throws: UserAccountError.invalidTokenLifetime) {
                _ = try await accounts.issueToken(for: "hoa", name: "x", lifetimeDays: 0)
            }
            let listed = try await accounts.tokens(of: "hoa")
            #expect(listed.first?.name == "hết hạn" && Set(listed.map(\.name)) == ["hết hạn", "thu hồi", "giữ lại"])  // oldest first
            #expect(listed.allSatisfy { $0.id.count == 12 && !expired.contains($0.id) && !revoked.contains($0.id) })
            #expect(listed[0].isExpired(at: Date()) && !listed[1].isExpired(at: Date()) && !listed[2].isExpired(at: Date()))
            let revokedID = try #require(listed.first { $0.name == "thu hồi" }?.id)
            #expect(try await accounts.revokeToken(id: revokedID.uppercased()).name == "thu hồi")
            await #expect(throws: StoreError.notFound(kind: "API token", key: revokedID)) {
                _ = try await accounts.revokeToken(id: revokedID)
            }
            await #expect(throws: UserAccountError.invalidTokenID("xyz")) { _ = try await accounts.revokeToken(id: "xyz") }

            let app = buildApplication(AuthFixture.configuration(database))
            try await app.test(.router) { client in
                func me(_ token: String) async throws -> HTTPResponse.Status {
                    try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]).status
                }
                #expect(try await me(expired) == .unauthorized)
                #expect(try await me(revoked) == .unauthorized)
                #expect(try await me(kept) == .ok)
                try await accounts.setPassword("hoa", to: "một mật khẩu mới dài")
                #expect(try await me(kept) == .unauthorized)
            }
            #expect(try await accounts.tokens(of: "hoa").isEmpty)
        }
    }

    @Test("disabling a user or changing the password ends the user's sessions")
    func disableEndsSessions() async throws {
        try await withTestDatabase(.sqlite) { database in
            let accounts = try await AuthFixture.seed(database)
            let app = buildApplication(AuthFixture.configuration(database))
            try await app.test(.router) { client in
                var browser = Browser()
                _ = try await browser.signIn(client, username: "lan", password: AuthFixture.password)
                try await accounts.setPassword("lan", to: "một mật khẩu mới khác")
                try await client.execute(uri: "/api/v1/me", method: .get, headers: browser.jar.header) {
                    #expect($0.status == .unauthorized)
                }
                var again = Browser()
                #expect(try await again.signIn(client, username: "lan", password: AuthFixture.password).status == .unauthorized)
                #expect(try await again.signIn(client, username: "lan", password: "một mật khẩu mới khác").status == .seeOther)
                try await accounts.disable("lan")
                try await client.execute(uri: "/api/v1/me", method: .get, headers: again.jar.header) {
                    #expect($0.status == .unauthorized)
                }
            }
        }
    }

    @Test("pages that need a user redirect to the sign-in page; a wrong role gets 403")
    func requireRole() async throws {
        try await withTestDatabase(.sqlite) { database in
            _ = try await AuthFixture.seed(database)
            let router = buildRouter(AuthFixture.configuration(database))
            router.get("/thu-nghiem/bao-cao") { request, context -> String in
                let principal = try context.requireRole(request, .manager, .administrator)
                return "Xin chào \(principal.displayName)"
            }
            router.group("/api/v1/quan-tri").add(middleware: RequirePrincipalMiddleware(.administrator))
                .get("nguoi-dung") { _, _ in "ok" }
            let app = Application(router: router)
            try await app.test(.router) { client in
                try await client.execute(uri: "/thu-nghiem/bao-cao?quy=3", method: .get) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location] == "/dang-nhap?next=/thu-nghiem/bao-cao%3Fquy%3D3")
                }
                var manager = Browser()
                _ = try await manager.signIn(client, username: "hoa", password: AuthFixture.password,
                                             next: "/thu-nghiem/bao-cao?quy=3")
                try await client.execute(uri: "/thu-nghiem/bao-cao?quy=3", method: .get, headers: manager.jar.header) { response in
                    #expect(response.status == .ok)
                    #expect(response.text == "Xin chào Trần Văn Hòa")
                }
                var reception = Browser()
                _ = try await reception.signIn(client, username: "lan", password: AuthFixture.password)
                try await client.execute(uri: "/thu-nghiem/bao-cao", method: .get, headers: reception.jar.header) { response in
                    #expect(response.status == .forbidden)
                    #expect(response.text.contains("không có quyền"))
                    #expect(response.headers[.contentSecurityPolicy] != nil)
                }
                try await client.execute(uri: "/api/v1/quan-tri/nguoi-dung", method: .get, headers: manager.jar.header) { response in
                    #expect(response.status == .forbidden)
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
                try await client.execute(uri: "/api/v1/quan-tri/nguoi-dung", method: .get) { response in
                    #expect(response.status == .unauthorized)
                }
            }
        }
    }

    @Test("security headers on every response: pages, JSON, redirects, refusals, 404s")
    func securityHeaders() async throws {
        try await withTestDatabase(.sqlite) { database in
            let app = buildApplication(AuthFixture.configuration(database))
            try await app.test(.router) { client in
                let requests: [(String, HTTPRequest.Method, HTTPFields)] = [
                    ("/healthz", .get, [:]), ("/dang-nhap", .get, [:]), ("/khong-co-trang-nay", .get, [:]),
                    ("/api/v1/me", .get, [:]), ("/api/v1/me", .get, [.authorization: "Bearer sai"]),
                    ("/dang-xuat", .post, [:]), ("/metrics", .get, [:]),
                ]
                for (uri, method, headers) in requests {
                    try await client.execute(uri: uri, method: method, headers: headers) { response in
                        let csp = response.headers[.contentSecurityPolicy] ?? ""
                        #expect(csp.contains("default-src 'self'"), "\(uri)")
                        #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "\(uri)")
                        #expect(csp.contains("style-src 'self'") && csp.contains("img-src 'self' data:"), "\(uri)")
                        #expect(csp.contains("frame-ancestors 'none'") && csp.contains("form-action 'self'"), "\(uri)")
                        #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                        #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
                        #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
                        #expect(response.headers[HTTPField.Name("Permissions-Policy")!]?.contains("camera=()") == true, "\(uri)")
                        #expect(response.headers[.strictTransportSecurity] == nil, "\(uri)")
                    }
                }
            }
        }
    }

    @Test("after 5 failures for a username, sign-in is refused for 15 minutes, even with the right password")
    func throttling() async throws {
        try await withTestDatabase(.sqlite) { database in
            _ = try await AuthFixture.seed(database)
            let app = buildApplication(AuthFixture.configuration(database))
            try await app.test(.router) { client in
                var browser = Browser()
                for _ in 1...5 {
                    let response = try await browser.signIn(client, username: "lan", password: "đoán thử mật khẩu")
                    #expect(response.status == .unauthorized)
                }
                let locked = try await browser.signIn(client, username: "lan", password: AuthFixture.password)
                #expect(locked.status == .tooManyRequests)
                #expect(locked.text.contains("Vui lòng thử lại sau 15 phút."))
                #expect(locked.setCookie("motcua_session") == nil)
                #expect(Int(locked.headers[.retryAfter] ?? "") ?? 0 > 800)
                // Another user is not affected (the in-process client has no address to count).
                var other = Browser()
                #expect(try await other.signIn(client, username: "hoa", password: AuthFixture.password).status == .seeOther)
            }
        }
    }
}

@Suite("Authentication building blocks")
struct AuthenticationUnitTests {
    @Test("bcrypt hashes verify the right password and refuse a wrong one")
    func bcrypt() async throws {
        let hasher = PasswordHasher(cost: 4)
        let hash = try await hasher.hash("Mật khẩu tiếng Việt")
        #expect(hash.hasPrefix("$2b$04$"))
        #expect(try await hasher.hash("Mật khẩu tiếng Việt") != hash)  // salted
        #expect(try await hasher.verify("Mật khẩu tiếng Việt", against: hash))
        #expect(try await !hasher.verify("Mat khau tieng Viet", against: hash))
        #expect(try await !hasher.verify("", against: hash))
        try await hasher.verifyDecoy("anything")
    }

    @Test("the password policy: at least 10 characters, at most 72 bytes, one line")
    func passwordPolicy() throws {
        #expect(throws: UserAccountError.passwordTooShort(minimum: 10)) { try PasswordPolicy.check("ngắn quá") }
        try PasswordPolicy.check("đủ mười ký")
        #expect(throws: UserAccountError.passwordTooLong(maximumBytes: 72)) {
            try PasswordPolicy.check(String(repeating: "ệ", count: 30))
        }
        #expect(throws: UserAccountError.passwordHasLineBreak) { try PasswordPolicy.check("hai dòng\nmật khẩu") }
    }

    @Test("account checks: usernames, roles (listing the valid ones), agencies")
    func accountChecks() async throws {
        try await withTestDatabase(.sqlite) { database in
            let accounts = try await AuthFixture.seed(database)
            await #expect(throws: UserAccountError.unknownRole("boss")) {
                try await accounts.add(username: "x1", displayName: "X", role: "boss", agencies: [], password: AuthFixture.password)
            }
            #expect(UserAccountError.unknownRole("boss").description.contains("reception, specialist, leader, manager, administrator"))
            await #expect(throws: UserAccountError.invalidUsername("a b")) {
                try await accounts.add(username: "a b", displayName: "X", role: "manager", agencies: [], password: AuthFixture.password)
            }
            await #expect(throws: UserAccountError.agencyRequired(role: .specialist)) {
                try await accounts.add(username: "x2", displayName: "X", role: "specialist", agencies: [], password: AuthFixture.password)
            }
            await #expect(throws: UserAccountError.invalidAgencyCode("sở xây dựng")) {
                try await accounts.add(username: "x3", displayName: "X", role: "specialist", agencies: ["sở xây dựng"],
                                       password: AuthFixture.password)
            }
            await #expect(throws: StoreError.notFound(kind: "agency", key: "000.00.99.H56")) {
                try await accounts.add(username: "x4", displayName: "X", role: "specialist", agencies: ["000.00.99.h56"],
                                       password: AuthFixture.password)
            }
            await #expect(throws: StoreError.duplicate(kind: "user", key: "lan")) {
                try await accounts.add(username: "Lan", displayName: "X", role: "manager", agencies: [], password: AuthFixture.password)
            }
            #expect(UserAccounts.isValidUsername("nguyen.van-a_2"))
            #expect(!UserAccounts.isValidUsername("-lan") && !UserAccounts.isValidUsername("l") && !UserAccounts.isValidUsername("lân"))
        }
    }

    @Test("Principal.covers: managers and administrators everywhere, the others only their agencies")
    func covers() throws {
        let own = Fixtures.planning, other = Fixtures.environment
        for role in Principal.Role.allCases {
            let principal = Principal(username: "u", displayName: "U", role: role, agencies: [own])
            #expect(principal.covers(own), "\(role)")
            switch role {
            case .manager, .administrator: #expect(principal.covers(other), "\(role)")
            case .reception, .specialist, .leader: #expect(!principal.covers(other), "\(role)")
            }
            let nowhere = Principal(username: "u", displayName: "U", role: role, agencies: [])
            #expect(nowhere.covers(other) == role.actsForEveryAgency, "\(role)")
        }
    }

    @Test("the throttle counts usernames and addresses separately, in the database shared by every server, and forgets after the lockout",
          arguments: TestBackend.available)
    func throttle(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let throttle = LoginThrottle(database: database)
            let otherServer = LoginThrottle(database: database)  // a second app server on the same database
            let start = Fixtures.instant("2026-03-02 08:00")
            let address = LoginThrottle.Key.address("10.0.0.7")
            for index in 0..<5 {
                #expect(try await throttle.lockedUntil([address], at: start) == nil)
                let server = index % 2 == 0 ? throttle : otherServer
                try await server.recordFailure([.username("user\(index)"), address], at: start.addingTimeInterval(Double(index)))
            }
            #expect(try await otherServer.lockedUntil([.username("new"), address], at: start.addingTimeInterval(10)) != nil)
            #expect(try await throttle.lockedUntil([.username("user0")], at: start.addingTimeInterval(10)) == nil)
            #expect(try await throttle.lockedUntil([address], at: start.addingTimeInterval(4 + 15 * 60)) == nil)

            // Failures spread over more than 15 minutes do not add up.
            let slow = LoginThrottle.Key.username("slow")
            for index in 0..<8 { try await throttle.recordFailure([slow], at: start.addingTimeInterval(Double(index) * 301)) }
            #expect(try await throttle.lockedUntil([slow], at: start.addingTimeInterval(8 * 301)) == nil)

            // A success clears the username's count.
            let lan = LoginThrottle.Key.username("lan")
            for _ in 0..<4 { try await throttle.recordFailure([lan], at: start) }
            try await throttle.recordSuccess(username: "lan")
            try await throttle.recordFailure([lan], at: start)
            #expect(try await throttle.lockedUntil([lan], at: start) == nil)
        }
    }

    @Test("`next` must be a local path")
    func safeNext() {
        #expect(LoginController.safeNext("/ho-so?trang=2") == "/ho-so?trang=2")
        for bad in ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "", "/a b", "/x\r\nSet-Cookie:"] {
            #expect(LoginController.safeNext(bad) == nil, "\(bad)")
        }
        #expect(LoginController.loginURL(next: "/") == "/dang-nhap")
        #expect(LoginController.loginURL(next: "/a?b=c&d") == "/dang-nhap?next=/a%3Fb%3Dc%26d")
    }

    @Test("form fields: url-encoded and multipart, malformed parts skipped")
    func formFields() {
        let form = FormFields(urlEncoded: "a=1&b=x+y%C3%A0&bad=%E0%A4%A&a=2&=x&c")
        #expect(form["a"] == "1" && form.all("a") == ["1", "2"])
        #expect(form["b"] == "x yà")
        #expect(form["bad"] == nil && form["c"] == "")
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken123\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"ghi_chu\"\r\n\r\nHồ sơ\r\n--XyZ--\r\n"
        let multipart = FormFields(multipart: Array(body.utf8), boundary: "XyZ")
        #expect(multipart["_csrf"] == "token123")
        #expect(multipart["file"] == nil)
        #expect(multipart["ghi_chu"] == "Hồ sơ")
    }

    @Test("problem details escape what they carry")
    func problemJSON() {
        let problem = ProblemDetails(status: .badRequest, detail: "Sai \"mã\"\n\\ ")
        #expect(problem.json == #"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Sai \"mã\"\n\\ "}"#)
    }
}
