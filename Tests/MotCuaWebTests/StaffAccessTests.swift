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
}
