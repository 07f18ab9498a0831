import Foundation
import MotCuaCore
import MotCuaReports
import Plot
import WorkCalendar

/// The procedures in force, searchable with or without diacritics.
struct AdminProceduresView {
    let frame: StaffFrame
    let search: String
    let procedures: [Procedure]

    var document: HTML {
        SiteLayout.staffPage(frame, title: "Thủ tục hành chính", current: StaffPaths.administration,
            .p(.a(.href(StaffPaths.administration), .text("← Quản trị hệ thống"))),
            .h1(.text("Thủ tục hành chính")),
            .form(.id("form-tim-thu-tuc"), .class("inline"), .method(.get), .action(AdminProceduresController.path),
                  .attribute(named: "role", value: "search"),
                  .div(.label(.attribute(named: "for", value: "q"), .text("Tìm theo tên, lĩnh vực hoặc mã")),
                       .input(.id("q"), .name("q"), .type(.search), .escaped("value", search))),
                  .button(.type(.submit), .text("Tìm"))),
            .p(.class("muted"), .text("\(procedures.count) thủ tục đang áp dụng.")),
            .table(.id("danh-sach-thu-tuc"),
                .thead(.tr(.th(.text("Mã")), .th(.text("Tên thủ tục")), .th(.text("Phiên bản")),
                           .th(.text("Thời hạn (quy định / cắt giảm)")), .th(.text("Mức độ trực tuyến")))),
                .tbody(.forEach(procedures) { procedure in
                    .tr(.td(.a(.escaped("href", AdminProceduresController.procedurePath(procedure.code.rawValue)),
                               .text(procedure.code.rawValue))),
                        .td(.text(procedure.name)),
                        .td(.text("\(procedure.version)")),
                        .td(.text("\(procedure.legalTime.vietnameseDescription) / \(procedure.localTime.vietnameseDescription)")),
                        .td(.text(procedure.onlineLevel.vietnameseLabel)))
                }))
        )
    }
}

/// One procedure: the version in force, the history of versions, and the form of a new version.
struct AdminProcedureView {
    let frame: StaffFrame
    let current: Procedure
    let versions: [Procedure]
    let form: ProcedureVersionForm
    let error: String?
    let notice: String?

    static let units: [(ProcessingTime.Unit, String)] = [(.workingDays, "ngày làm việc"), (.workingHours, "giờ làm việc")]

    var document: HTML {
        let code = current.code.rawValue
        return SiteLayout.staffPage(frame, title: "Thủ tục \(code)", current: StaffPaths.administration,
            .p(.a(.href(AdminProceduresController.path), .text("← Thủ tục hành chính"))),
            .h1(.text(current.name)),
            AdminForm.notice(notice),
            .dl(.class("facts"),
                .dt(.text("Mã thủ tục")), .dd(.text(code)),
                .dt(.text("Lĩnh vực")), .dd(.text(current.field)),
                .dt(.text("Phiên bản đang áp dụng")), .dd(.id("phien-ban-hien-hanh"), .text("\(current.version)")),
                .dt(.text("Hiệu lực từ")), .dd(.text(VietnameseFormat.date(of: current.validFrom))),
                .dt(.text("Thời hạn theo quy định")), .dd(.text(current.legalTime.vietnameseDescription)),
                .dt(.text("Thời hạn cắt giảm")), .dd(.text(current.localTime.vietnameseDescription)),
                .dt(.text("Mức độ trực tuyến")), .dd(.text(current.onlineLevel.vietnameseLabel)),
                .dt(.text("Tiếp nhận không phụ thuộc địa giới hành chính")),
                .dd(.id("moi-noi-tiep-nhan"), .text(current.acceptedAtAnySite ? "Có — mọi Trung tâm, Chi nhánh tiếp nhận và chuyển đến cơ quan có thẩm quyền" : "Không"))),
            .h2(.text("Quy trình nội bộ")),
            .table(.thead(.tr(.th(.text("Bước")), .th(.text("Cơ quan")), .th(.text("Vai trò")), .th(.text("Thời gian")))),
                   .tbody(.forEach(current.steps) { step in
                       .tr(.td(.text(step.name)), .td(.text(step.agencyCode.rawValue)), .td(.text(step.role)),
                           .td(.text(step.allotted.vietnameseDescription)))
                   })),
            .h2(.text("Các phiên bản")),
            .table(.id("cac-phien-ban"),
                .thead(.tr(.th(.text("Phiên bản")), .th(.text("Hiệu lực từ")), .th(.text("Thời hạn cắt giảm")))),
                .tbody(.forEach(versions) { version in
                    .tr(.td(.text("\(version.version)")), .td(.text(VietnameseFormat.date(of: version.validFrom))),
                        .td(.text(version.localTime.vietnameseDescription)))
                })),
            .h2(.id("phien-ban-moi"), .text("Tạo phiên bản mới")),
            .p(.class("muted"), .text("Phiên bản mới áp dụng cho hồ sơ tiếp nhận từ ngày hiệu lực; hồ sơ đã tiếp nhận giữ nguyên thời hạn.")),
            AdminForm.error(error),
            .form(.id("form-phien-ban-moi"), .method(.post), .escaped("action", AdminProceduresController.newVersionPath(code)),
                  .attribute(named: "aria-labelledby", value: "phien-ban-moi"),
                  frame.csrfField,
                  .p(.label(.attribute(named: "for", value: "hieu_luc_tu"), .text("Hiệu lực từ ngày")),
                     .input(.id("hieu_luc_tu"), .name("hieu_luc_tu"), .type(.date), .escaped("value", form.validFrom), .required(true))),
                  timeField("thoi_han_quy_dinh", "don_vi_quy_dinh", "Thời hạn giải quyết theo quy định", form.legalAmount, form.legalUnit),
                  timeField("thoi_han_cat_giam", "don_vi_cat_giam", "Thời hạn giải quyết cắt giảm (áp dụng)", form.localAmount, form.localUnit),
                  .p(.label(.attribute(named: "for", value: "muc_do_truc_tuyen"), .text("Mức độ trực tuyến")),
                     .select(.id("muc_do_truc_tuyen"), .attribute(named: "name", value: "muc_do_truc_tuyen"), .forEach(OnlineLevel.allCases) { level in
                         AdminForm.option(level.rawValue, level.vietnameseLabel, selected: level.rawValue == form.onlineLevel)
                     })),
                  .p(.input(.id("moi_noi_tiep_nhan"), .name("moi_noi_tiep_nhan"), .type(.checkbox), .value("1"),
                            .checked(form.anySite)),
                     .label(.attribute(named: "for", value: "moi_noi_tiep_nhan"),
                            .text(" Tiếp nhận không phụ thuộc địa giới hành chính (Nghị định 118/2025/NĐ-CP, sửa đổi bởi Nghị định 309/2026/NĐ-CP)"))),
                  textArea("phi_le_phi", "Phí, lệ phí — mỗi dòng: số tiền | mô tả", form.fees, rows: 3),
                  textArea("thanh_phan_ho_so", "Thành phần hồ sơ — mỗi dòng: tên | số bản | original, copy hoặc certified_copy", form.documents, rows: 5),
                  textArea("cac_buoc", "Các bước xử lý — mỗi dòng: tên bước | mã cơ quan | vai trò | số ngày (hoặc \"4 giờ\")", form.steps, rows: 5),
                  .p(.button(.id("nut-tao-phien-ban"), .type(.submit), .text("Tạo phiên bản mới"))))
        )
    }

    func timeField(_ amountID: String, _ unitID: String, _ label: String, _ amount: String, _ unit: String) -> Node<HTML.FormContext> {
        .div(.class("time-field"),
             .div(.label(.attribute(named: "for", value: amountID), .text(label)),
                  .input(.id(amountID), .name(amountID), .type(.number), .attribute(named: "min", value: "1"),
                         .escaped("value", amount), .required(true))),
             .div(.label(.attribute(named: "for", value: unitID), .text("Đơn vị"),
                         .span(.class("sr-only"), .text(" của " + label.lowercased()))),
                  .select(.id(unitID), .attribute(named: "name", value: unitID), .forEach(Self.units) { value, text in
                      AdminForm.option(value.rawValue, text, selected: value.rawValue == unit)
                  })))
    }

    func textArea(_ id: String, _ label: String, _ value: String, rows: Int) -> Node<HTML.FormContext> {
        .p(.label(.attribute(named: "for", value: id), .text(label)),
           .textarea(.id(id), .name(id), .attribute(named: "rows", value: "\(rows)"), .text(value)))
    }
}
