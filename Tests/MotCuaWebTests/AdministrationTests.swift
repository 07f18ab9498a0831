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

@Suite("Administration pages")
struct AdministrationTests {
    /// The fixture users plus an administrator `quantri`.
    static func seed(_ database: Database) async throws -> UserAccounts {
        let accounts = try await AuthFixture.seed(database)
        try await accounts.add(username: "quantri", displayName: "Quản trị viên", role: "administrator", agencies: [],
                               password: AuthFixture.password)
        return accounts
    }

    static let getRoutes = ["/quan-tri", "/quan-tri/nguoi-dung", "/quan-tri/nguoi-dung/lan", "/quan-tri/lich",
                            "/quan-tri/lich?nam=2021", "/quan-tri/thu-tuc", "/quan-tri/thu-tuc/1.009645", "/quan-tri/co-quan"]
    static let postRoutes = ["/quan-tri/nguoi-dung", "/quan-tri/nguoi-dung/lan/vai-tro", "/quan-tri/nguoi-dung/lan/khoa",
                             "/quan-tri/nguoi-dung/cu/mo-khoa", "/quan-tri/nguoi-dung/lan/mat-khau", "/quan-tri/lich",
                             "/quan-tri/lich/xoa", "/quan-tri/thu-tuc/1.009645/phien-ban", "/quan-tri/co-quan",
                             "/quan-tri/co-quan/000.00.07.H56/doi-ten", "/quan-tri/co-quan/000.00.07.H56/ngung"]

    @Test("every administration route, GET and POST, refuses the manager and a reception officer (403), and changes nothing",
          arguments: TestBackend.available)
    func refusals(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let accounts = try await Self.seed(database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                for username in ["hoa", "lan"] {
                    let officer = try await StaffSession.signIn(client, username)
                    for uri in Self.getRoutes {
                        #expect(try await officer.get(client, uri).status == .forbidden, "GET \(uri) as \(username)")
                    }
                    for uri in Self.postRoutes {
                        let response = try await officer.post(client, uri, [
                            ("ten_dang_nhap", "ke.gian"), ("ho_ten", "Kẻ gian"), ("vai_tro", "administrator"),
                            ("mat_khau", "mật khẩu kẻ gian 2026"), ("nhap_lai_mat_khau", "mật khẩu kẻ gian 2026"),
                            ("mat_khau_moi", "mật khẩu kẻ gian 2026"), ("nhap_lai_mat_khau_moi", "mật khẩu kẻ gian 2026"),
                            ("ngay", "2021-07-13"), ("loai", "holiday"), ("ghi_chu", "Nghỉ trái phép"),
                            ("ma", "000.00.99.H56"), ("cap", "department"), ("ten", "Cơ quan giả"), ("ten_viet_tat", "CQG"),
                            ("tu_ngay", "2021-07-13"), ("ten_moi", "Tên giả"), ("ten_viet_tat_moi", "TG"),
                        ])
                        // The role refusal itself, not a CSRF refusal (also 403) that would prove nothing.
                        #expect(response.status == .forbidden && response.text.contains("Không có quyền truy cập"),
                                "POST \(uri) as \(username)")
                    }
                }
                #expect(try await client.execute(uri: "/quan-tri", method: .get).status == .seeOther)
                let admin = try await StaffSession.signIn(client, "quantri")
                #expect(try await admin.get(client, "/quan-tri").status == .ok)
            }
            #expect(try await accounts.users.user("ke.gian") == nil)
            #expect(try await accounts.users.user("lan")?.role == "reception")
            #expect(try await accounts.users.user("cu")?.active == false)
            #expect(try await CalendarDayStore(database: database).all().isEmpty)
            let agencies = try await AgencyStore(database: database).all()
            #expect(agencies.count == 4 && agencies.allSatisfy { $0.names.count == 1 && $0.names[0].validUntil == nil })
        }
    }

    @Test("the administrator adds an account (422 with input kept on errors), changes its role, resets its password, disables it",
          arguments: TestBackend.available)
    func users(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let accounts = try await Self.seed(database)
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let admin = try await StaffSession.signIn(client, "quantri")
                func add(_ password: String, again: String? = nil, agencies: [String] = [Fixtures.planning.rawValue]) async throws -> TestResponse {
                    try await admin.post(client, "/quan-tri/nguoi-dung", [
                        ("ten_dang_nhap", "Minh.CV"), ("ho_ten", "Đỗ Văn Minh"), ("vai_tro", "specialist"),
                        ("mat_khau", password), ("nhap_lai_mat_khau", again ?? password),
                    ] + agencies.map { ("co_quan", $0) })
                }
                let short = try await add("ngắn")
                #expect(short.status == .unprocessableContent)
                #expect(short.text.contains("Mật khẩu phải có ít nhất 10 ký tự"))
                #expect(short.text.contains("value=\"Minh.CV\"") && short.text.contains("value=\"Đỗ Văn Minh\""))
                #expect(short.text.contains("value=\"\(Fixtures.planning.rawValue)\" checked"))
                #expect(!short.text.contains("ngắn\""))
                let differ = try await add("mật khẩu mới dài 2026", again: "mật khẩu khác 2026")
                #expect(differ.status == .unprocessableContent && differ.text.contains("Hai mật khẩu không khớp"))
                let noAgency = try await add("mật khẩu mới dài 2026", agencies: [])
                #expect(noAgency.status == .unprocessableContent && noAgency.text.contains("ít nhất một cơ quan"))
                #expect(try await accounts.users.user("minh.cv") == nil)

                let added = try await add("mật khẩu mới dài 2026")
                #expect(added.status == .seeOther)
                #expect(added.headers[.location]?.hasPrefix("/quan-tri/nguoi-dung/minh.cv") == true)
                #expect(try await add("mật khẩu mới dài 2026").status == .unprocessableContent)  // taken
                let list = try await admin.get(client, "/quan-tri/nguoi-dung")
                #expect(list.status == .ok && list.text.contains("Đỗ Văn Minh"))
                var minh = try await StaffSession.signIn(client, "minh.cv", password: "mật khẩu mới dài 2026")
                #expect(try await minh.get(client, "/hang-doi").status == .ok)

                // Leader of Environment now: the old session ends, the new rights apply at the next sign-in.
                let badRole = try await admin.post(client, "/quan-tri/nguoi-dung/minh.cv/vai-tro", [("vai_tro", "leader")])
                #expect(badRole.status == .unprocessableContent && badRole.text.contains("ít nhất một cơ quan"))
                let role = try await admin.post(client, "/quan-tri/nguoi-dung/minh.cv/vai-tro",
                                                [("vai_tro", "leader"), ("co_quan", Fixtures.environment.rawValue)])
                #expect(role.status == .seeOther)
                let stored = try #require(try await accounts.users.user("minh.cv"))
                #expect(stored.role == "leader" && stored.agencyCodes == [Fixtures.environment.rawValue])
                #expect(try await minh.get(client, "/hang-doi").status == .seeOther)

                let weak = try await admin.post(client, "/quan-tri/nguoi-dung/minh.cv/mat-khau",
                                                [("mat_khau_moi", "123"), ("nhap_lai_mat_khau_moi", "123")])
                #expect(weak.status == .unprocessableContent)
                let reset = try await admin.post(client, "/quan-tri/nguoi-dung/minh.cv/mat-khau",
                                                 [("mat_khau_moi", "mật khẩu đặt lại 2026"), ("nhap_lai_mat_khau_moi", "mật khẩu đặt lại 2026")])
                #expect(reset.status == .seeOther)
                minh = try await StaffSession.signIn(client, "minh.cv", password: "mật khẩu đặt lại 2026")
                #expect(try await minh.get(client, "/hang-doi").status == .ok)

                #expect(try await admin.post(client, "/quan-tri/nguoi-dung/quantri/khoa").status == .unprocessableContent)
                #expect(try await admin.post(client, "/quan-tri/nguoi-dung/minh.cv/khoa").status == .seeOther)
                #expect(try await minh.get(client, "/hang-doi").status == .seeOther)
                var browser = Browser()
                let refused = try await browser.signIn(client, username: "minh.cv", password: "mật khẩu đặt lại 2026")
                #expect(refused.status != .seeOther)
                #expect(try await admin.get(client, "/quan-tri/nguoi-dung/khong-co").status == .notFound)
            }
        }
    }

    @Test("a day marked off on the calendar page moves the deadline of a dossier received afterwards; bad input is 422 with input kept",
          arguments: TestBackend.available)
    func calendar(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            _ = try await Self.seed(database)
            try await ProcedureStore(database: database).add(try Fixtures.investmentProcedure())
            let dossiers = DossierStore(database: database)
            func registered() async throws -> Date? {
                let dossier = try await dossiers.register(
                    RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                        applicant: Fixtures.applicant(), channel: .counter),
                    at: Fixtures.instant("2021-07-12 08:00"), actor: "lan")
                return dossier.dueAt
            }
            let before = try await registered()
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let admin = try await StaffSession.signIn(client, "quantri")
                let year = try await admin.get(client, "/quan-tri/lich?nam=2021")
                #expect(year.status == .ok && year.text.contains("thang-12") && year.text.contains("ngay-2021-09-02"))
                let bad = try await admin.post(client, "/quan-tri/lich", [("ngay", "2021-13-40"), ("loai", "holiday"), ("ghi_chu", "Nghỉ đột xuất do bão")])
                #expect(bad.status == .unprocessableContent)
                #expect(bad.text.contains("Vui lòng nhập ngày hợp lệ") && bad.text.contains("value=\"Nghỉ đột xuất do bão\""))
                let noNote = try await admin.post(client, "/quan-tri/lich", [("ngay", "2021-07-13"), ("loai", "holiday"), ("ghi_chu", " ")])
                #expect(noNote.status == .unprocessableContent && noNote.text.contains("value=\"2021-07-13\""))
                #expect(try await CalendarDayStore(database: database).all().isEmpty)

                let saved = try await admin.post(client, "/quan-tri/lich", [("ngay", "2021-07-13"), ("loai", "holiday"), ("ghi_chu", "Nghỉ đột xuất do bão")])
                #expect(saved.status == .seeOther && saved.headers[.location]?.hasPrefix("/quan-tri/lich?nam=2021") == true)
                let shown = try await admin.get(client, "/quan-tri/lich?nam=2021")
                #expect(shown.text.contains("Nghỉ đột xuất do bão") && shown.text.contains("id=\"ngay-2021-07-13\" title=\"13/07/2021: ngày nghỉ"))
            }
            let after = try await registered()
            let calendar = try await CalendarDayStore(database: database).workingCalendar()
            #expect(try calendar.isWorkingDay(LocalDate(iso: "2021-07-13")) == false)
            #expect(before != nil && after != nil)
            if let before, let after {
                // One working day later: the 13th is no longer worked.
                #expect(after > before)
                let next = try calendar.deadline(addingWorkingDays: 1, to: before).due
                #expect(after == next)
            }
            try await buildApplication(AuthFixture.configuration(database)).test(.router) { client in
                let admin = try await StaffSession.signIn(client, "quantri")
                #expect(try await admin.post(client, "/quan-tri/lich/xoa", [("ngay", "2021-07-13")]).status == .seeOther)
            }
            #expect(try await registered() == before)
        }
    }
}
