import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaCore
import MotCuaStore
import MotCuaTestSupport
@testable import MotCuaWeb
import Testing

/// Every staff page against every role, through a real sign-in: the pages a role's navigation offers
/// open, every other staff page refuses with 403, and nobody anonymous gets past the sign-in page. The
/// navigation and the access rules are written apart; this keeps them telling the same story.
@Suite("Staff pages by role: navigation and access agree")
struct StaffAccessTests {
    static let pages = [StaffPaths.reception, StaffPaths.workQueue, StaffPaths.guidance, StaffPaths.dashboard,
                        StaffPaths.report, StaffPaths.feedback, StaffPaths.administration]

    @Test("each role opens the pages of its navigation and is refused the others", arguments: TestBackend.available)
    func matrix(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            let accounts = try await AuthFixture.seed(database)
            let users: [(String, Principal.Role, [String])] = [
                ("tn", .reception, [Fixtures.center.rawValue]),
                ("cv", .specialist, [Fixtures.planning.rawValue]),
                ("ld", .leader, [Fixtures.planning.rawValue]),
                ("ql", .manager, []),
                ("qt", .administrator, []),
            ]
            for (username, role, agencies) in users {
                try await accounts.add(username: username, displayName: username, role: role.rawValue,
                                       agencies: agencies, password: AuthFixture.password)
            }
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                for page in Self.pages {
                    let anonymous = try await client.execute(uri: page, method: .get)
                    #expect(anonymous.status == .seeOther, "anonymous \(page)")
                    #expect(anonymous.headers[.location]?.hasPrefix(LoginController.path) == true, "anonymous \(page)")
                }
                for (username, role, agencies) in users {
                    var browser = Browser()
                    let signIn = try await browser.signIn(client, username: username, password: AuthFixture.password)
                    #expect(signIn.headers[.location] == StaffPaths.start(for: role))
                    let principal = Principal(username: username, displayName: username, role: role,
                                              agencies: Set(agencies.compactMap { try? AgencyCode(parsing: $0) }))
                    let offered = Set(StaffFrame(principal: principal, csrfToken: nil).navigation.map(\.path))
                    #expect(offered.contains(StaffPaths.start(for: role)), "\(role) starts on a page it is offered")
                    for page in Self.pages {
                        let response = try await client.execute(uri: page, method: .get, headers: browser.jar.header)
                        if offered.contains(page) {
                            #expect(response.status == .ok, "\(role) should open \(page)")
                            #expect(response.text.contains("aria-current=\"page\""), "\(role) on \(page): its link marked")
                        } else {
                            #expect(response.status == .forbidden, "\(role) should be refused \(page), got \(response.status)")
                        }
                    }
                }
            }
        }
    }

    /// Addresses and query strings a user can mistype, for each role that may open the page.
    static let mistakes: [(String, String)] = [
        ("tn", "/tiep-nhan/khong-co-thu-tuc"), ("tn", "/tiep-nhan/1.000000"), ("tn", "/tiep-nhan?q=%25%27%22%3C"),
        ("tn", "/tiep-nhan/bien-nhan/khong-phai-ma"), ("tn", "/tiep-nhan/bien-nhan/000.00.15.H56-210101-9999"),
        ("tn", "/ho-so/khong-phai-ma"), ("tn", "/ho-so/000.00.15.H56-210101-9999"), ("tn", "/ho-so/x/tep/y"),
        ("ql", "/bang-dieu-khien?quy=2021-Q9"), ("ql", "/bang-dieu-khien?tu=2021-13-45&den=2021-01-01"),
        ("ql", "/bang-dieu-khien?tu=2021-09-01&den=2021-01-01"), ("ql", "/bang-dieu-khien?quy=2021-Q3&trang=-4"),
        ("ql", "/bao-cao?quy=abc"), ("ql", "/bao-cao?tu=2021-02-30&den=2021-03-01"), ("ql", "/bao-cao/du-lieu?quy=%00"),
        ("ql", "/bao-cao/tai-ve/bao-cao.docx?quy=nam-nay"), ("ql", "/xu-ly-phan-anh?trang-thai=khong-ro"),
        ("ql", "/xu-ly-phan-anh/PAKN-000000-0000"), ("qt", "/quan-tri/lich?nam=abc"), ("qt", "/quan-tri/lich?nam=99999"),
        ("qt", "/quan-tri/nguoi-dung/khong-co-ai"), ("qt", "/quan-tri/thu-tuc/khong-co"), ("qt", "/quan-tri/thu-tuc?q=%E0%A4"),
        ("cv", "/hang-doi?trang=abc"), ("tn", "/huong-dan?da-ghi=khong-ro"),
    ]

    @Test("a mistyped address or query answers 4xx with a page, never 5xx")
    func mistakesAreNotServerErrors() async throws {
        try await withTestDatabase(.sqlite) { database in
            try await Fixtures.seed(database)
            let accounts = try await AuthFixture.seed(database)
            let users: [(String, Principal.Role, [String])] = [
                ("tn", .reception, [Fixtures.center.rawValue]), ("cv", .specialist, [Fixtures.planning.rawValue]),
                ("ql", .manager, []), ("qt", .administrator, []),
            ]
            for (username, role, agencies) in users {
                try await accounts.add(username: username, displayName: username, role: role.rawValue,
                                       agencies: agencies, password: AuthFixture.password)
            }
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                var browsers: [String: Browser] = [:]
                for (username, _, _) in users {
                    var browser = Browser()
                    _ = try await browser.signIn(client, username: username, password: AuthFixture.password)
                    browsers[username] = browser
                }
                for (username, uri) in Self.mistakes {
                    let response = try await client.execute(uri: uri, method: .get, headers: browsers[username]?.jar.header ?? [:])
                    #expect(response.status.code < 500, "\(username) \(uri) answered \(response.status)")
                    #expect(response.status.code >= 400 || response.status == .ok, "\(username) \(uri) answered \(response.status)")
                }
            }
        }
    }
}
