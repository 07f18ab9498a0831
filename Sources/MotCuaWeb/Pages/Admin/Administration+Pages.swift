import Foundation
import Hummingbird
import MotCuaStore
import Plot

/// `/quan-tri`: the administrator's pages — users and roles, the working calendar, the audit trail. Every route, GET and
/// POST, refuses other roles with 403 (each handler asks `requireRole(.administrator)` itself, so no route
/// depends on being registered inside a guarded group).
struct AdministrationController: Sendable {
    static let path = StaffPaths.administration
    let users: AdminUsersController
    let calendar: AdminCalendarController
    let procedures: AdminProceduresController
    let agencies: AdminAgenciesController
    let auditTrail: AdminAuditTrailController

    init(database: Database, accounts: UserAccounts, now: @escaping @Sendable () -> Date) {
        users = AdminUsersController(accounts: accounts, agencies: AgencyStore(database: database), now: now)
        calendar = AdminCalendarController(days: CalendarDayStore(database: database), now: now)
        procedures = AdminProceduresController(procedures: ProcedureStore(database: database), now: now)
        agencies = AdminAgenciesController(agencies: AgencyStore(database: database), now: now)
        auditTrail = AdminAuditTrailController(audits: AuditStore(database: database))
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path)) { request, context in
            let principal = try context.requireRole(request, .administrator)
            return HTMLResponse.make(AdministrationIndexView(frame: StaffFrame(principal, context)).document,
                                     headers: [.cacheControl: "no-store"])
        }
        users.addRoutes(to: router)
        calendar.addRoutes(to: router)
        procedures.addRoutes(to: router)
        agencies.addRoutes(to: router)
        auditTrail.addRoutes(to: router)
    }
}

struct AdministrationIndexView {
    let frame: StaffFrame

    var document: HTML {
        SiteLayout.staffPage(frame, title: "Quản trị hệ thống", current: StaffPaths.administration,
            .h1(.text("Quản trị hệ thống")),
            .ul(.class("admin-menu"),
                .li(.a(.id("quan-tri-nguoi-dung"), .href(AdminUsersController.path), .text("Người dùng và vai trò")),
                    .span(.class("muted"), .text(" — thêm tài khoản, đổi vai trò và cơ quan, khóa, đặt lại mật khẩu."))),
                .li(.a(.id("quan-tri-lich"), .href(AdminCalendarController.path), .text("Lịch làm việc")),
                    .span(.class("muted"), .text(" — ngày nghỉ, ngày làm bù trong năm; áp dụng cho mọi thời hạn tính sau đó."))),
                .li(.a(.id("quan-tri-thu-tuc"), .href(AdminProceduresController.path), .text("Thủ tục hành chính")),
                    .span(.class("muted"), .text(" — tra cứu, xem, tạo phiên bản mới có hiệu lực từ một ngày."))),
                .li(.a(.id("quan-tri-co-quan"), .href(AdminAgenciesController.path), .text("Cơ quan, đơn vị")),
                    .span(.class("muted"), .text(" — thêm, đổi tên từ một ngày, ngừng hoạt động."))),
                .li(.a(.id("quan-tri-nhat-ky"), .href(AdminAuditTrailController.path), .text("Nhật ký thao tác")),
                    .span(.class("muted"), .text(" — ai đã làm gì, lúc nào: thay đổi quản trị, báo cáo, nhập dữ liệu, xem thông tin cá nhân trong hồ sơ."))))
        )
    }
}

/// Shared bits of the administration forms.
enum AdminForm {
    /// An error paragraph announced to screen readers.
    static func error(_ message: String?) -> Node<HTML.BodyContext> {
        .unwrap(message) { .p(.id("loi"), .class("alert"), .attribute(named: "role", value: "alert"), .text($0)) }
    }

    /// A confirmation after a 303 (`?da-luu=1`).
    static func notice(_ message: String?) -> Node<HTML.BodyContext> {
        .unwrap(message) { .p(.id("thong-bao"), .class("notice"), .attribute(named: "role", value: "status"), .text($0)) }
    }

    /// An `<option>` with visible text (Plot's own `.option` only takes a `label` attribute, which some
    /// browsers and screen readers ignore).
    static func option(_ value: String, _ text: String, selected: Bool = false) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [.escaped("value", value),
                                          .if(selected, .attribute(named: "selected", value: "selected")), .text(text)])
    }

    /// A labelled text input in a paragraph.
    static func field(_ id: String, _ label: String, value: String, type: HTMLInputType = .text,
                      required: Bool = true) -> Node<HTML.FormContext> {
        .p(.label(.attribute(named: "for", value: id), .text(label)),
           .input(.id(id), .name(id), .type(type), .escaped("value", value), .required(required)))
    }
}
