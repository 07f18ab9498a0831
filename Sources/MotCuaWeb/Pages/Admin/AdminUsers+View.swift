import MotCuaCore
import Foundation
import MotCuaStore
import Plot

/// The list of accounts and the form that adds one.
struct AdminUsersView {
    struct AgencyChoice: Sendable { let code: String; let name: String }

    /// What the administrator typed, kept when the form comes back with an error (never the passwords).
    struct NewUser: Sendable {
        var username = "", displayName = "", role = Principal.Role.specialist.rawValue
        var agencies: [String] = []
    }

    let frame: StaffFrame
    let users: [UserRecord]
    let agencies: [AgencyChoice]
    let form: NewUser
    let error: String?

    var document: HTML {
        SiteLayout.staffPage(frame, title: "Người dùng và vai trò", current: StaffPaths.administration,
            .p(.a(.href(StaffPaths.administration), .text("← Quản trị hệ thống"))),
            .h1(.text("Người dùng và vai trò")),
            .table(.id("danh-sach-nguoi-dung"),
                .thead(.tr(.th(.text("Tên đăng nhập")), .th(.text("Họ tên")), .th(.text("Vai trò")),
                           .th(.text("Cơ quan")), .th(.text("Trạng thái")))),
                .tbody(.forEach(users) { user in
                    .tr(.td(.a(.escaped("href", AdminUsersController.userPath(user.username)), .text(user.username))),
                        .td(.text(user.displayName)),
                        .td(.text(Principal.Role(rawValue: user.role)?.vietnameseLabel ?? user.role)),
                        .td(.text(user.agencyCodes.isEmpty ? "Tất cả" : user.agencyCodes.joined(separator: ", "))),
                        .td(.text(user.active ? "Đang hoạt động" : "Đã khóa")))
                })),
            .h2(.id("them-nguoi-dung"), .text("Thêm người dùng")),
            AdminForm.error(error),
            .form(.id("form-them-nguoi-dung"), .method(.post), .action(AdminUsersController.path),
                  .attribute(named: "aria-labelledby", value: "them-nguoi-dung"),
                  frame.csrfField,
                  AdminForm.field("ten_dang_nhap", "Tên đăng nhập (a–z, 0–9, dấu chấm, gạch dưới, gạch ngang)", value: form.username),
                  AdminForm.field("ho_ten", "Họ và tên", value: form.displayName),
                  Self.roleAndAgencies(role: form.role, selected: Set(form.agencies), agencies: agencies),
                  .p(.label(.attribute(named: "for", value: "mat_khau"), .text("Mật khẩu (ít nhất \(PasswordPolicy.minimumCharacters) ký tự)")),
                     .input(.id("mat_khau"), .name("mat_khau"), .type(.password), .required(true),
                            .attribute(named: "autocomplete", value: "new-password"))),
                  .p(.label(.attribute(named: "for", value: "nhap_lai_mat_khau"), .text("Nhập lại mật khẩu")),
                     .input(.id("nhap_lai_mat_khau"), .name("nhap_lai_mat_khau"), .type(.password), .required(true),
                            .attribute(named: "autocomplete", value: "new-password"))),
                  .p(.button(.id("nut-them-nguoi-dung"), .type(.submit), .text("Thêm người dùng"))))
        )
    }

    /// The role select and the agency checkboxes (a manager or administrator needs none).
    static func roleAndAgencies(role: String, selected: Set<String>, agencies: [AgencyChoice]) -> Node<HTML.FormContext> {
        .group(
            .p(.label(.attribute(named: "for", value: "vai_tro"), .text("Vai trò")),
               .select(.id("vai_tro"), .attribute(named: "name", value: "vai_tro"),
                       .forEach(Principal.Role.allCases) { option in
                           AdminForm.option(option.rawValue, option.vietnameseLabel, selected: option.rawValue == role)
                       })),
            .fieldset(.class("agency-choices"),
                .element(named: "legend", text: "Cơ quan (bắt buộc với cán bộ tiếp nhận, chuyên viên, lãnh đạo)"),
                .forEach(agencies) { agency in
                    .label(.class("check"),
                           .input(.type(.checkbox), .name("co_quan"), .escaped("id", checkboxID(agency.code)),
                                  .escaped("value", agency.code), .checked(selected.contains(agency.code))),
                           .text(" \(agency.name) (\(agency.code))"))
                })
        )
    }

    /// `co-quan-000-00-15-H56`: an id without dots, easy to select from CSS and browser tests.
    static func checkboxID(_ code: String) -> String {
        "co-quan-" + code.replacingOccurrences(of: ".", with: "-")
    }
}

/// One account: change role and agencies, disable or enable, set a new password.
struct AdminUserView {
    static let notices = [
        "them": "Đã thêm người dùng.", "vai-tro": "Đã đổi vai trò và cơ quan; người dùng cần đăng nhập lại.",
        "khoa": "Đã khóa tài khoản và đăng xuất mọi phiên.", "mo-khoa": "Đã mở khóa tài khoản.",
        "mat-khau": "Đã đặt lại mật khẩu; mọi phiên đăng nhập cũ đã kết thúc.",
    ]

    let frame: StaffFrame
    let user: UserRecord
    let agencies: [AdminUsersView.AgencyChoice]
    let role: String
    let selectedAgencies: Set<String>
    let error: String?
    let notice: String?

    var document: HTML {
        let path = AdminUsersController.userPath(user.username)
        return SiteLayout.staffPage(frame, title: "Người dùng \(user.username)", current: StaffPaths.administration,
            .p(.a(.href(AdminUsersController.path), .text("← Người dùng và vai trò"))),
            .h1(.text("\(user.displayName) (\(user.username))")),
            AdminForm.notice(notice),
            AdminForm.error(error),
            .p(.text("Trạng thái: "), .strong(.id("trang-thai-tai-khoan"), .text(user.active ? "Đang hoạt động" : "Đã khóa"))),
            .h2(.text("Vai trò và cơ quan")),
            .form(.id("form-vai-tro"), .method(.post), .escaped("action", path + "/vai-tro"),
                  frame.csrfField,
                  AdminUsersView.roleAndAgencies(role: role, selected: selectedAgencies, agencies: agencies),
                  .p(.button(.id("nut-luu-vai-tro"), .type(.submit), .text("Lưu vai trò")))),
            .h2(.text("Đặt lại mật khẩu")),
            .form(.id("form-dat-lai-mat-khau"), .method(.post), .escaped("action", path + "/mat-khau"),
                  frame.csrfField,
                  .p(.label(.attribute(named: "for", value: "mat_khau_moi"), .text("Mật khẩu mới (ít nhất \(PasswordPolicy.minimumCharacters) ký tự)")),
                     .input(.id("mat_khau_moi"), .name("mat_khau_moi"), .type(.password), .required(true),
                            .attribute(named: "autocomplete", value: "new-password"))),
                  .p(.label(.attribute(named: "for", value: "nhap_lai_mat_khau_moi"), .text("Nhập lại mật khẩu mới")),
                     .input(.id("nhap_lai_mat_khau_moi"), .name("nhap_lai_mat_khau_moi"), .type(.password), .required(true),
                            .attribute(named: "autocomplete", value: "new-password"))),
                  .p(.button(.id("nut-dat-lai-mat-khau"), .type(.submit), .text("Đặt lại mật khẩu")))),
            .h2(.text(user.active ? "Khóa tài khoản" : "Mở khóa tài khoản")),
            .if(user.active,
                .form(.id("form-khoa"), .method(.post), .escaped("action", path + "/khoa"),
                      .attribute(named: "data-confirm", value: "Khóa tài khoản này và đăng xuất mọi phiên?"),
                      frame.csrfField,
                      .p(.button(.id("nut-khoa"), .class("danger"), .type(.submit), .text("Khóa tài khoản")))),
                else: .form(.id("form-mo-khoa"), .method(.post), .escaped("action", path + "/mo-khoa"),
                            frame.csrfField,
                            .p(.button(.id("nut-mo-khoa"), .type(.submit), .text("Mở khóa tài khoản")))))
        )
    }
}
