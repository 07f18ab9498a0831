import Foundation
import MotCuaCore
import MotCuaReports
import Plot

/// `/tiep-nhan/bien-nhan/{dossier}`: the slip the desk hands over — Mẫu 01 (receipt and appointment),
/// or Mẫu 02 / Mẫu 03 for papers not received — on screen and ready to print: printing shows only the sheet.
struct ReceptionSlipView {
    let frame: StaffFrame
    let dossier: Dossier
    let form: SlipForm
    let sheet: SlipDocument

    var heading: String {
        switch form {
        case .receipt: "Đã tiếp nhận hồ sơ"
        case .acceptanceOnBehalf: "Đã tiếp nhận hồ sơ không phụ thuộc địa giới hành chính"
        case .refusal: "Đã từ chối tiếp nhận hồ sơ"
        default: "Hồ sơ cần bổ sung, hoàn thiện"
        }
    }

    var document: HTML {
        let code = dossier.code.rawValue
        return SiteLayout.staffPage(frame, title: "\(sheet.name) — \(code)", current: StaffPaths.reception,
            .div(.class("slip-toolbar"),
                 .h1(.text(heading)),
                 .p(.text("Mã hồ sơ: "), .strong(.id("ma-ho-so"), .text(code))),
                 .unwrap(form == .receipt ? dossier.citizenDueAt : nil) { due in
                    .p(.text("Hẹn trả kết quả: "),
                       .element(named: "time", nodes: [.attribute(named: "id", value: "hen-tra"), .escaped("datetime", ISO8601DateFormatter().string(from: due)),
                                                      .text(VietnameseFormat.slipInstant(due))]))
                 },
                 .unwrap(dossier.isAwaitingReceipt ? dossier.forwarding : nil) { forwarding in
                    .p(.id("chuyen-den"), .text("Hồ sơ sẽ được chuyển đến cơ quan có thẩm quyền trước \(VietnameseFormat.slipInstant(forwarding.dueAt)); "),
                       .a(.escaped("href", StaffPaths.dossier(code) + "#hanh-dong-" + DossierPageAction.forward.rawValue), .text("chuyển hồ sơ ngay")))
                 },
                 .p(.class("actions"),
                    .button(.type(.button), .class("primary"), .attribute(named: "data-print", value: "data-print"),
                            .id("nut-in-phieu"), .text("In \(sheet.label.lowercased())")),
                    .a(.class("button-link"), .id("tai-docx"),
                       .escaped("href", "\(JSONAPI.basePath)/dossiers/\(code)/slips/\(form.rawValue).docx"),
                       .text("Tải \(sheet.label) (DOCX)")),
                    .a(.class("button-link"), .id("xem-ho-so"), .escaped("href", StaffPaths.dossier(code)), .text("Xem hồ sơ")),
                    .a(.class("button-link"), .href(ReceptionController.path), .text("Tiếp nhận hồ sơ khác")))),
            .div(.class("slip-sheet"), SlipHTMLRenderer.sheet(sheet))
        )
    }
}
