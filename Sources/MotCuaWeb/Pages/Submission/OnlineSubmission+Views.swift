import MotCuaCore
import MotCuaReports
import Plot

/// The online submission form: the procedure's papers as a list, the applicant, the files.
struct OnlineSubmissionView {
    struct Model: Sendable {
        let procedure: Procedure
        var fields: ApplicantFields
        var error: String?
    }

    let model: Model
    let csrfToken: String?
    let policy: AttachmentPolicy

    var document: HTML {
        let p = model.procedure
        return SiteLayout.page(title: "Nộp hồ sơ trực tuyến: \(p.name)", current: PublicPaths.procedures,
            .p(.a(.escaped("href", "\(PublicPaths.procedures)/\(p.code.rawValue)"), .text("← Thông tin thủ tục"))),
            .h1(.text("Nộp hồ sơ trực tuyến")),
            .p(.strong(.text(p.name))),
            .p(.class("muted"), .text("Thời hạn giải quyết: \(VietnameseFormat.duration(p.localTime)), tính từ khi cán bộ tiếp nhận hồ sơ đầy đủ.")),
            .unwrap(model.error) { message in
                .div(.class("alert"), .id("loi-nop-ho-so"), .attribute(named: "role", value: "alert"),
                     .p(.text(message)),
                     .p(.text("Các thông tin đã nhập được giữ lại; vui lòng chọn lại các tệp đính kèm.")))
            },
            .form(.id("form-nop-ho-so"), .class("submission-form"), .method(.post),
                  // The token rides in the query: the server checks it before it reads the files.
                  .escaped("action", OnlineSubmissionController.formPath(p.code.rawValue)
                      + (csrfToken.map { "?\(CSRFMiddleware.formField)=\($0)" } ?? "")),
                  .attribute(named: "enctype", value: "multipart/form-data"),
                  .unwrap(csrfToken) { .input(.type(.hidden), .name(CSRFMiddleware.formField), .escaped("value", $0)) },
                  .h2(.text("Người nộp hồ sơ")),
                  model.fields.inputs,
                  .h2(.id("giay-to"), .text("Giấy tờ cần đính kèm")),
                  .if(p.documents.isEmpty, .p(.class("muted"), .text("Thủ tục chưa cập nhật thành phần hồ sơ."))),
                  .ol(.forEach(p.documents) { doc in .li(.text("\(doc.name) (\(doc.form.vietnameseLabel))")) }),
                  .p(.label(.attribute(named: "for", value: "tep"), .text("Tệp đính kèm")),
                     .input(.id("tep"), .name("tep"), .type(.file), .attribute(named: "multiple", value: "multiple"),
                            .attribute(named: "accept", value: ".pdf,.jpg,.jpeg,.png,.docx"),
                            .attribute(named: "aria-describedby", value: "tep-gioi-han"), .required(true)),
                     .span(.id("tep-gioi-han"), .class("muted hint"),
                           .text("\(AttachmentKind.vietnameseList); tối đa \(policy.maximumFiles) tệp, mỗi tệp không quá \(AttachmentPolicy.megabytesLabel(policy.maximumFileBytes)), tổng không quá \(AttachmentPolicy.megabytesLabel(policy.maximumTotalBytes))."))),
                  .p(.button(.id("nut-nop-ho-so"), .type(.submit), .text("Nộp hồ sơ"))))
        )
    }
}

/// After a submission: the code and what happens next.
struct OnlineSubmissionDoneView {
    let code: String

    var document: HTML {
        SiteLayout.page(title: "Đã nộp hồ sơ trực tuyến",
            .h1(.text("Đã nộp hồ sơ trực tuyến")),
            .div(.class("card"), .attribute(named: "role", value: "status"),
                 .p(.text("Mã hồ sơ của Ông/Bà: "), .strong(.id("ma-ho-so"), .text(code))),
                 .p(.text("Vui lòng ghi lại mã hồ sơ này."))),
            .h2(.text("Các bước tiếp theo")),
            .ol(.li(.text("Cán bộ Bộ phận tiếp nhận và trả kết quả kiểm tra hồ sơ và các tệp đính kèm.")),
                .li(.text("Nếu hồ sơ đầy đủ, hồ sơ được tiếp nhận; thời hạn giải quyết tính từ lúc tiếp nhận. Nếu cần bổ sung, cán bộ sẽ liên hệ theo số điện thoại Ông/Bà đã cung cấp.")),
                .li(.text("Ông/Bà theo dõi tình trạng hồ sơ tại trang Tra cứu hồ sơ, bằng mã hồ sơ và 4 số cuối điện thoại của người nộp."))),
            .p(.a(.id("tra-cuu-ho-so"), .href(PublicPaths.lookup), .text("Tra cứu tình trạng hồ sơ")))
        )
    }
}
