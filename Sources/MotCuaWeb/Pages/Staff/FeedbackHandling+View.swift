import Foundation
import MotCuaCore
import MotCuaReports
import MotCuaStore
import Plot

/// The list of feedback by state, newest first.
struct FeedbackListView {
    let frame: StaffFrame
    let state: FeedbackState?
    let items: [FeedbackRecord]
    let agencyNames: [AgencyCode: String]

    var document: HTML {
        SiteLayout.staffPage(frame, title: "Xử lý phản ánh, kiến nghị", current: StaffPaths.feedback,
            .h1(.text("Xử lý phản ánh, kiến nghị")),
            .nav(.class("filters"), .attribute(named: "aria-label", value: "Lọc theo trạng thái"),
                 .ul(
                    .li(.a(.id("loc-tat-ca"), .href(StaffPaths.feedback), .if(state == nil, .attribute(named: "aria-current", value: "page")),
                           .text("Tất cả"))),
                    .forEach(FeedbackState.allCases) { option in
                        .li(.a(.id("loc-\(option.rawValue)"),
                               .href("\(StaffPaths.feedback)?\(FeedbackHandlingController.stateQuery)=\(option.rawValue)"),
                               .if(state == option, .attribute(named: "aria-current", value: "page")),
                               .text(option.vietnameseLabel)))
                    })),
            .p(.class("muted"), .text("\(items.count) phản ánh" + (state.map { " — \($0.vietnameseLabel.lowercased())" } ?? "") + ".")),
            .if(items.isEmpty, .p(.text("Không có phản ánh nào."))),
            .if(!items.isEmpty, .table(.id("danh-sach-phan-anh"),
                .thead(.tr(.th(.text("Số tham chiếu")), .th(.text("Ngày nhận")), .th(.text("Nội dung")),
                           .th(.text("Cơ quan xử lý")), .th(.text("Trạng thái")))),
                .tbody(.forEach(items) { item in
                    .tr(.td(.a(.escaped("href", FeedbackHandlingController.detailPath(item.reference)), .text(item.reference))),
                        .td(.text(VietnameseFormat.slipInstant(item.receivedAt))),
                        .td(.text(Self.excerpt(item.content))),
                        .td(.text(item.agencyCode.map { agencyNames[$0] ?? $0.rawValue } ?? "—")),
                        .td(.span(.class("feedback-state state-\(item.state.rawValue)"), .text(item.state.vietnameseLabel))))
                })
            ))
        )
    }

    static func excerpt(_ text: String) -> String {
        text.count <= 120 ? text : String(text.prefix(117)) + "…"
    }
}

/// One feedback with the forms this officer may use: assign (manager), answer (the agency), publish.
struct FeedbackDetailView {
    struct Choice: Sendable { let code: AgencyCode; let name: String }

    let frame: StaffFrame
    let record: FeedbackRecord
    let agencyNames: [AgencyCode: String]
    let choices: [Choice]
    let error: String?
    let draft: String

    var role: Principal.Role { frame.principal.role }
    var canAssign: Bool { role.actsForEveryAgency && !record.published }
    var canAnswer: Bool { (role == .leader || role == .specialist) && record.agencyCode != nil && !record.published }
    var canPublish: Bool {
        record.state == .answered && (role.actsForEveryAgency || role == .leader)
    }

    var document: HTML {
        let reference = record.reference
        return SiteLayout.staffPage(frame, title: "Phản ánh \(reference)", current: StaffPaths.feedback,
            .p(.a(.href(StaffPaths.feedback), .text("← Danh sách phản ánh"))),
            .h1(.text("Phản ánh \(reference)")),
            .unwrap(error) { .p(.id("loi"), .class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            .dl(.class("facts"),
                .dt(.text("Trạng thái")), .dd(.span(.id("trang-thai-phan-anh"), .class("feedback-state state-\(record.state.rawValue)"),
                                                   .text(record.state.vietnameseLabel))),
                .dt(.text("Ngày nhận")), .dd(.text(VietnameseFormat.slipInstant(record.receivedAt))),
                .dt(.text("Người gửi")), .dd(.text(record.name)),
                .dt(.text("Liên hệ")), .dd(.text(record.contact)),
                .dt(.text("Mã hồ sơ liên quan")), .dd(.text(record.dossierCode ?? "—")),
                .dt(.text("Cơ quan xử lý")), .dd(.id("co-quan-xu-ly"), .text(record.agencyCode.map { agencyNames[$0] ?? $0.rawValue } ?? "Chưa giao"))),
            .h2(.text("Nội dung phản ánh")),
            .blockquote(.class("feedback-content"), .p(.text(record.content))),
            .unwrap(record.answer) { answer in
                .div(.class("card"),
                     .h2(.text("Trả lời")),
                     .p(.id("noi-dung-tra-loi"), .class("feedback-answer"), .text(answer)),
                     .p(.class("muted"), .text("Trả lời bởi \(record.answeredBy ?? "—")"
                        + (record.answeredAt.map { " lúc " + VietnameseFormat.slipInstant($0) } ?? ""))))
            },
            .if(canAssign, .form(.id("form-giao-xu-ly"), .class("inline"), .method(.post),
                                 .escaped("action", FeedbackHandlingController.assignPath(reference)),
                frame.csrfField,
                .div(.label(.attribute(named: "for", value: "co_quan"), .text("Giao cho cơ quan")),
                     .select(.id("co_quan"), .attribute(named: "name", value: "co_quan"), .attribute(named: "required", value: "required"),
                             AdminForm.option("", "— Chọn cơ quan —"),
                             .forEach(choices) { choice in
                                 AdminForm.option(choice.code.rawValue, "\(choice.name) (\(choice.code.rawValue))",
                                                  selected: choice.code == record.agencyCode)
                             })),
                .button(.id("nut-giao"), .type(.submit), .text(record.agencyCode == nil ? "Giao xử lý" : "Giao lại")))),
            .if(canAnswer, .form(.id("form-tra-loi"), .method(.post), .escaped("action", FeedbackHandlingController.answerPath(reference)),
                frame.csrfField,
                .p(.label(.attribute(named: "for", value: "tra_loi"), .text(record.answer == nil ? "Nội dung trả lời" : "Sửa nội dung trả lời")),
                   .textarea(.id("tra_loi"), .name("tra_loi"), .attribute(named: "rows", value: "6"),
                             .attribute(named: "maxlength", value: "\(FeedbackWorkflow.maximumAnswerLength)"), .required(true),
                             .text(draft))),
                .p(.button(.id("nut-tra-loi"), .type(.submit), .text("Lưu trả lời"))))),
            .if(canPublish, .form(.id("form-cong-bo"), .method(.post), .escaped("action", FeedbackHandlingController.publishPath(reference)),
                .attribute(named: "data-confirm", value: "Công khai câu trả lời trên trang Phản ánh, kiến nghị?"),
                frame.csrfField,
                .p(.button(.id("nut-cong-bo"), .type(.submit), .text("Công khai trả lời")))))
        )
    }
}
