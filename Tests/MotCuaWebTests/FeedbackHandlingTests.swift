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

@Suite("Feedback handling: assign, answer, publish")
struct FeedbackHandlingTests {
    static let citizenName = "Phạm Thị Công Dân"
    static let citizenContact = "0905 123 456"
    static let question = "Hồ sơ điều chỉnh dự án của tôi đã quá hẹn ba ngày mà chưa có kết quả."
    static let answerText = "Sở Kế hoạch và Đầu tư xin lỗi Ông/Bà; kết quả đã được chuyển về Trung tâm ngày 15/7."

    /// The fixture users plus a leader and a specialist of Planning, a leader of Environment.
    static func seed(_ database: Database) async throws -> String {
        let accounts = try await AuthFixture.seed(database)
        try await accounts.add(username: "ld.khdt", displayName: "Lãnh đạo Sở KH&ĐT", role: "leader",
                               agencies: [Fixtures.planning.rawValue], password: AuthFixture.password)
        try await accounts.add(username: "cv.khdt", displayName: "Chuyên viên Sở KH&ĐT", role: "specialist",
                               agencies: [Fixtures.planning.rawValue], password: AuthFixture.password)
        try await accounts.add(username: "ld.tnmt", displayName: "Lãnh đạo Sở TN&MT", role: "leader",
                               agencies: [Fixtures.environment.rawValue], password: AuthFixture.password)
        // An agency merged away at the end of 2020: feedback can no longer be given to it.
        try await AgencyStore(database: database).save(try Agency(
            code: try AgencyCode(parsing: "000.00.40.H56"), parentCode: Fixtures.province, level: .department,
            names: [AgencyName(validFrom: try LocalDate(iso: "2015-01-01"), validUntil: try LocalDate(iso: "2020-12-31"),
                               name: "Sở Giao thông Vận tải", shortName: "Sở GTVT")]))
        let submission = try FeedbackSubmission(name: citizenName, contact: citizenContact, content: question, dossierCode: nil)
        return try await FeedbackStore(database: database).submit(submission, at: Fixtures.instant("2021-07-14 09:00"))
    }

    @Test("manager assigns to Planning, its specialist answers, its leader publishes; Environment never sees it; the public page shows no contact",
          arguments: TestBackend.available)
    func lifecycle(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let reference = try await Self.seed(database)
            let detail = "/xu-ly-phan-anh/\(reference)"
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let manager = try await StaffSession.signIn(client, "hoa")
                let environment = try await StaffSession.signIn(client, "ld.tnmt")
                let specialist = try await StaffSession.signIn(client, "cv.khdt")
                let leader = try await StaffSession.signIn(client, "ld.khdt")
                let reception = try await StaffSession.signIn(client, "lan")

                #expect(try await reception.get(client, "/xu-ly-phan-anh").status == .forbidden)
                let fresh = try await manager.get(client, "/xu-ly-phan-anh?trang-thai=new")
                #expect(fresh.status == .ok && fresh.text.contains(reference))
                #expect(!(try await manager.get(client, "/xu-ly-phan-anh?trang-thai=assigned")).text.contains(reference))
                #expect(!(try await environment.get(client, "/xu-ly-phan-anh")).text.contains(reference))
                #expect(!(try await specialist.get(client, "/xu-ly-phan-anh")).text.contains(reference))
                #expect(try await specialist.get(client, detail).status == .notFound)

                // Only the manager assigns, and only to a known agency.
                #expect(try await leader.post(client, detail + "/giao", [("co_quan", Fixtures.planning.rawValue)]).status == .forbidden)
                let unknown = try await manager.post(client, detail + "/giao", [("co_quan", "000.00.99.H56")])
                #expect(unknown.status == .unprocessableContent && unknown.text.contains("Vui lòng chọn cơ quan xử lý"))
                let merged = try await manager.post(client, detail + "/giao", [("co_quan", "000.00.40.H56")])
                #expect(merged.status == .unprocessableContent)
                #expect(!(try await manager.get(client, detail)).text.contains("value=\"000.00.40.H56\""))
                let assigned = try await manager.post(client, detail + "/giao", [("co_quan", Fixtures.planning.rawValue)])
                #expect(assigned.status == .seeOther && assigned.headers[.location] == detail)

                // Another agency's leader: nothing to see, nothing to do.
                #expect(!(try await environment.get(client, "/xu-ly-phan-anh")).text.contains(reference))
                #expect(try await environment.get(client, detail).status == .notFound)
                #expect(try await environment.post(client, detail + "/tra-loi", [("tra_loi", Self.answerText)]).status == .notFound)
                #expect(try await environment.post(client, detail + "/cong-bo").status == .notFound)

                // Publishing before an answer is a conflict; a too short answer comes back with the text kept.
                #expect(try await leader.post(client, detail + "/cong-bo").status == .conflict)
                let short = try await specialist.post(client, detail + "/tra-loi", [("tra_loi", "Đã xem")])
                #expect(short.status == .unprocessableContent)
                #expect(short.text.contains("từ 10 đến 5.000 ký tự") && short.text.contains("Đã xem"))
                let page = try await specialist.get(client, detail)
                #expect(page.status == .ok && page.text.contains(Self.question) && page.text.contains("form-tra-loi"))
                #expect(!page.text.contains("form-cong-bo"))
                let answered = try await specialist.post(client, detail + "/tra-loi", [("tra_loi", Self.answerText)])
                #expect(answered.status == .seeOther)
                #expect(try await specialist.post(client, detail + "/cong-bo").status == .forbidden)
                #expect(!(try await client.execute(uri: "/phan-anh", method: .get)).text.contains(Self.answerText))
                let forLeader = try await leader.get(client, "/xu-ly-phan-anh?trang-thai=answered")
                #expect(forLeader.text.contains(reference))

                let published = try await leader.post(client, detail + "/cong-bo")
                #expect(published.status == .seeOther)
                let after = try await manager.get(client, detail)
                #expect(after.text.contains("Đã công khai") && !after.text.contains("form-tra-loi"))
                #expect(try await specialist.post(client, detail + "/tra-loi", [("tra_loi", Self.answerText + " Sửa.")]).status == .conflict)

                let public_ = try await client.execute(uri: "/phan-anh", method: .get)
                #expect(public_.status == .ok)
                #expect(public_.text.contains(Self.question) && public_.text.contains(Self.answerText) && public_.text.contains(reference))
                #expect(!public_.text.contains(Self.citizenContact) && !public_.text.contains(Self.citizenName))
                #expect(public_.text.contains("Trả lời của Sở Kế hoạch và Đầu tư"))
            }
            let stored = try #require(try await FeedbackStore(database: database).feedback(reference))
            #expect(stored.state == .published && stored.answeredBy == "cv.khdt" && stored.agencyCode == Fixtures.planning)
        }
    }
}
