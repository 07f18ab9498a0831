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
import WorkCalendar

/// Staff accounts of the dashboard tests, on top of `AuthFixture.seed` (`hoa` manager, `lan` reception).
enum DashboardUsers {
    static func seed(_ database: Database) async throws {
        let accounts = try await AuthFixture.seed(database)
        try await accounts.add(username: "ld.tnmt", displayName: "Lãnh đạo Sở TN&MT", role: "leader",
                               agencies: [Fixtures.environment.rawValue], password: AuthFixture.password)
        try await accounts.add(username: "cv.khdt", displayName: "Chuyên viên Sở KH&ĐT", role: "specialist",
                               agencies: [Fixtures.planning.rawValue], password: AuthFixture.password)
        try await accounts.add(username: "quantri", displayName: "Quản trị", role: "administrator", agencies: [],
                               password: AuthFixture.password)
    }

    static func signIn(_ client: some TestClientProtocol, _ username: String) async throws -> Browser {
        var browser = Browser()
        let response = try await browser.signIn(client, username: username, password: AuthFixture.password)
        #expect(response.status == .seeOther, "sign-in of \(username)")
        return browser
    }
}

/// The text of the tile `id`'s value ("7.447").
func tileValue(_ html: String, _ id: String) -> String? {
    guard let start = html.range(of: "id=\"\(id)\""),
          let value = html[start.upperBound...].range(of: "class=\"tile-value\">") else { return nil }
    return String(html[value.upperBound...].prefix { $0 != "<" })
}

/// The `<svg id=…>…</svg>` element of a page.
func svgElement(_ html: String, id: String) -> String? {
    guard let start = html.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\""),
          let end = html[start.lowerBound...].range(of: "</svg>") else { return nil }
    return String(html[start.lowerBound..<end.upperBound])
}

@Suite("Manager dashboard")
struct DashboardPageTests {
    @Test("the manager's figures are the statistics reporter's, charts parse, the late list links the dossiers",
          arguments: TestBackend.available)
    func manager(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DashboardUsers.seed(database)
            try await DashboardFixture.seed(database)
            let period = try StatisticsPeriod.quarter(3, of: 2021)
            let expected = try await StatisticsReporter(database: database).report(period)
            #expect(expected.received.total == 6 && expected.resolved.late == 2)  // the fixture is what we think
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let browser = try await DashboardUsers.signIn(client, "hoa")
                let page = try await client.execute(uri: "/bang-dieu-khien?quy=2021-Q3", method: .get, headers: browser.jar.header)
                #expect(page.status == .ok)
                let html = page.text
                func integer(_ n: Int) -> String { VietnameseFormat.integer(n) }
                #expect(tileValue(html, "ky-tiep-nhan") == integer(expected.received.total))
                #expect(tileValue(html, "ky-da-giai-quyet") == integer(expected.resolved.total))
                #expect(tileValue(html, "ky-dang-giai-quyet") == integer(expected.inProgress.total))
                #expect(tileValue(html, "ky-ton-ky-truoc") == integer(expected.carriedOver))
                let rate = Double(expected.resolved.early + expected.resolved.onTime) / Double(expected.resolved.total)
                #expect(tileValue(html, "ky-ty-le-dung-han") == VietnameseFormat.percent(rate))
                #expect(html.contains("Trực tiếp \(expected.received.counter) · Trực tuyến \(expected.received.online) · Bưu chính \(expected.received.postal)"))

                for id in ["bieu-do-tiep-nhan", "bieu-do-dung-han", "bieu-do-qua-han"] {
                    let svg = try #require(svgElement(html, id: id), "\(id)")
                    _ = try SVGReader.read(svg)
                }
                // Planning resolved 2 (1 late), environment 2 (1 late): two bars of 50 %.
                let onTime = try SVGReader.read(svgElement(html, id: "bieu-do-dung-han")!)
                let widths = onTime.rects(class: "c-good").compactMap { Double($0.attributes["width"] ?? "") }
                #expect(widths == [HorizontalBarChart.barArea / 2, HorizontalBarChart.barArea / 2])
                // Weeks of 5/7 (2 counter + 1 online), 12/7 (1 postal), 2/8 (1 online + 1 counter).
                let weeks = try SVGReader.read(svgElement(html, id: "bieu-do-tiep-nhan")!)
                #expect(weeks.rects(class: "c-counter").count == 1 + 2)  // legend + two weeks with counter receipts
                #expect(weeks.texts.contains("05/7: Trực tiếp 2, Trực tuyến 1, Bưu chính 0"))

                #expect(html.contains("<table id=\"ho-so-tre-han\""))
                #expect(html.contains("href=\"/ho-so/\(DashboardFixture.planningLate)\""))
                #expect(html.contains("href=\"/ho-so/\(DashboardFixture.environmentLate)\""))
                #expect(html.contains("Chờ ý kiến &lt;b&gt;liên ngành&lt;/b&gt;"))
                #expect(!html.contains("<b>liên ngành</b>"))
                #expect(html.contains("Phê duyệt"))
                #expect(!html.contains("style="))
            }
        }
    }

    @Test("a leader sees only its agencies; specialists and reception are refused", arguments: TestBackend.available)
    func scope(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DashboardUsers.seed(database)
            try await DashboardFixture.seed(database)
            let period = try StatisticsPeriod.quarter(3, of: 2021)
            let environment = try await StatisticsReporter(database: database).report(period, agency: Fixtures.environment)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let leader = try await DashboardUsers.signIn(client, "ld.tnmt")
                let page = try await client.execute(uri: "/bang-dieu-khien?tu=2021-06-15&den=2021-09-14", method: .get,
                                                    headers: leader.jar.header)
                #expect(page.status == .ok)
                #expect(tileValue(page.text, "ky-tiep-nhan") == VietnameseFormat.integer(environment.received.total))
                #expect(tileValue(page.text, "ky-da-giai-quyet") == VietnameseFormat.integer(environment.resolved.total))
                #expect(page.text.contains(DashboardFixture.environmentLate))
                #expect(!page.text.contains(DashboardFixture.planningLate))
                #expect(!page.text.contains("Sở KH&amp;ĐT"))

                for user in ["cv.khdt", "lan"] {
                    let browser = try await DashboardUsers.signIn(client, user)
                    let refused = try await client.execute(uri: "/bang-dieu-khien", method: .get, headers: browser.jar.header)
                    #expect(refused.status == .forbidden, "\(user)")
                }
                let anonymous = try await client.execute(uri: "/bang-dieu-khien", method: .get)
                #expect(anonymous.status == .seeOther)
            }
        }
    }

    @Test("a bad period answers 400 with a message and the input kept", arguments: TestBackend.available)
    func badPeriod(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await DashboardUsers.seed(database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let browser = try await DashboardUsers.signIn(client, "quantri")
                for (uri, message) in [("/bang-dieu-khien?tu=2021-02-30&den=2021-03-01", "Ngày bắt đầu “2021-02-30” không hợp lệ"),
                                       ("/bang-dieu-khien?tu=2021-09-01&den=2021-08-01", "Ngày kết thúc phải sau"),
                                       ("/bang-dieu-khien?tu=2021-09-01", "nhập cả ngày bắt đầu và ngày kết thúc"),
                                       ("/bang-dieu-khien?quy=2021-Q7", "Quý “2021-Q7” không hợp lệ")] {
                    let page = try await client.execute(uri: uri, method: .get, headers: browser.jar.header)
                    #expect(page.status == .badRequest, "\(uri)")
                    #expect(page.text.contains(message), "\(uri)")
                }
                let kept = try await client.execute(uri: "/bang-dieu-khien?quy=%22%3E%3Cscript%3E", method: .get, headers: browser.jar.header)
                #expect(kept.status == .badRequest)
                #expect(kept.text.contains("value=\"&quot;&gt;&lt;script&gt;\""))
                let empty = try await client.execute(uri: "/bang-dieu-khien", method: .get, headers: browser.jar.header)
                #expect(empty.status == .ok)  // the current quarter, with no data
                #expect(empty.text.contains("Không có hồ sơ trễ hạn trong kỳ."))
            }
        }
    }
}
