import MotCuaCore
import Plot

/// Every page's address in one place, so links between pages cannot drift apart.
enum StaffPaths {
    static let reception = "/tiep-nhan"
    static let workQueue = "/hang-doi"
    /// `/ho-so/{code}`: one dossier — timeline, steps, slips, actions.
    static let dossiers = "/ho-so"
    static let dashboard = "/bang-dieu-khien"
    static let report = "/bao-cao"
    static let guidance = "/huong-dan"
    static let feedback = "/xu-ly-phan-anh"
    static let administration = "/quan-tri"
    /// `/quan-tri/nhat-ky`: the audit trail (administrators).
    static let auditTrail = administration + "/nhat-ky"

    static func dossier(_ code: String) -> String { dossiers + "/" + code }

    /// Where each role starts its day after signing in.
    static func start(for role: Principal.Role) -> String {
        switch role {
        case .reception: reception
        case .specialist, .leader: workQueue
        case .manager: dashboard
        case .administrator: administration
        }
    }
}

/// The frame of a staff page: what the signed-in officer needs to draw it (navigation by role, the
/// sign-out form's CSRF token). Built from the request context: `StaffFrame(principal, context)`.
struct StaffFrame: Sendable {
    let principal: Principal
    let csrfToken: String?

    init(_ principal: Principal, _ context: AppRequestContext) {
        self.principal = principal
        csrfToken = context.csrfToken
    }

    init(principal: Principal, csrfToken: String?) {
        self.principal = principal
        self.csrfToken = csrfToken
    }

    /// The hidden CSRF field every staff form carries.
    var csrfField: Node<HTML.FormContext> {
        .unwrap(csrfToken) { .input(.type(.hidden), .name(CSRFMiddleware.formField), .escaped("value", $0)) }
    }

    /// The staff pages this role may open, in the order of the daily work.
    var navigation: [SiteLayout.Link] {
        let role = principal.role
        var links: [SiteLayout.Link] = []
        func add(_ path: String, _ title: String, _ roles: Set<Principal.Role>) {
            if roles.contains(role) { links.append(.init(path: path, title: title)) }
        }
        add(StaffPaths.reception, "Tiếp nhận", [.reception])
        add(StaffPaths.workQueue, "Hồ sơ cần xử lý", [.reception, .specialist, .leader])
        add(StaffPaths.guidance, "Hướng dẫn", [.reception, .specialist, .manager])
        add(StaffPaths.dashboard, "Tổng quan", [.leader, .manager, .administrator])
        add(StaffPaths.report, "Báo cáo", [.manager, .administrator])
        add(StaffPaths.feedback, "Phản ánh", [.manager, .leader, .specialist, .administrator])
        add(StaffPaths.administration, "Quản trị", [.administrator])
        return links
    }
}

extension SiteLayout {
    /// A staff page: the staff navigation for the officer's role, their name and a sign-out button.
    static func staffPage(_ frame: StaffFrame, title: String, current: String? = nil,
                          _ content: Node<HTML.BodyContext>...) -> HTML {
        document(title: title, bodyClass: "staff",
                 header: .header(
                    .class("site"),
                    .p(.class("brand"), .a(.href("/"), .text("MotCua")), .span(.text(" · Cán bộ"))),
                    .nav(
                        .attribute(named: "aria-label", value: "Điều hướng cán bộ"),
                        .ul(.forEach(frame.navigation) { link in
                            .li(.a(.escaped("href", link.path),
                                   .if(link.path == current, .attribute(named: "aria-current", value: "page")),
                                   .text(link.title)))
                        })
                    ),
                    .form(.class("signout"), .method(.post), .action(LoginController.logoutPath),
                          frame.csrfField,
                          .span(.class("who"), .text("\(frame.principal.displayName) (\(frame.principal.role.vietnameseLabel))")),
                          .button(.type(.submit), .text("Đăng xuất")))
                 ),
                 content: .group(content))
    }
}
