import MotCuaCore
import MotCuaReports
import Plot

/// `/tiep-nhan`: the procedure search of the desk, and the guidance buttons at hand.
struct ReceptionSearchView {
    let frame: StaffFrame
    let query: String
    let procedures: [Procedure]
    let guidance: GuidancePanel

    var document: HTML {
        SiteLayout.staffPage(frame, title: "Tiếp nhận hồ sơ", current: StaffPaths.reception,
            .h1(.text("Tiếp nhận hồ sơ")),
            .form(.class("inline reception-search"), .method(.get), .action(ReceptionController.path),
                  .attribute(named: "role", value: "search"),
                  .div(.label(.attribute(named: "for", value: "tim-thu-tuc"), .text("Tìm thủ tục (có dấu hoặc không dấu)")),
                       .input(.id("tim-thu-tuc"), .name("q"), .type(.search), .escaped("value", query),
                              .attribute(named: "autofocus", value: "autofocus"),
                              .attribute(named: "placeholder", value: "vd: cap phieu ly lich tu phap"))),
                  .button(.type(.submit), .text("Tìm"))),
            .p(.class("muted"), .attribute(named: "role", value: "status"),
               .text(procedures.isEmpty ? "Không tìm thấy thủ tục phù hợp." : "\(procedures.count) thủ tục")),
            .if(!procedures.isEmpty, .table(.class("reception-results"),
                .thead(.tr(.th(.text("Mã")), .th(.text("Tên thủ tục")), .th(.text("Lĩnh vực")), .th(.text("Thời hạn")))),
                .tbody(.forEach(procedures) { procedure in
                    .tr(.td(.text(procedure.code.rawValue)),
                        .td(.a(.class("chon-thu-tuc"), .escaped("href", ReceptionController.procedurePath(procedure.code.rawValue)),
                               .text(procedure.name))),
                        .td(.text(procedure.field)),
                        .td(.text(VietnameseFormat.duration(procedure.localTime))))
                })
            )),
            .section(.class("guidance-compact"), .attribute(named: "aria-labelledby", value: "ghi-huong-dan"),
                     .h2(.id("ghi-huong-dan"), .text("Ghi nhận lượt hướng dẫn")),
                     guidance.node(compact: true, frame: frame))
        )
    }
}
