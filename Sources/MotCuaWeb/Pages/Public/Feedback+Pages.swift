import Foundation
import Hummingbird
import MotCuaCore
import MotCuaReports
import MotCuaStore
import Plot

/// `/phan-anh`: a citizen sends feedback or a petition and gets a reference number.
struct FeedbackController: Sendable {
    static let path = "/phan-anh"
    let store: FeedbackStore
    /// Feedback per address per hour, counted before the body is read.
    let limiter: PublicRateLimiter
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path)) { _, context in
            var model = FeedbackView.Model(csrfToken: context.csrfToken)
            model.answers = try await store.publishedAnswers()
            return HTMLResponse.make(FeedbackView(model: model).document)
        }
        router.post(RouterPath(Self.path), use: submit)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let allowed = try await limiter.allow(limiter.feedback, context.clientKey, at: now())
        guard allowed else {
            var model = FeedbackView.Model(csrfToken: context.csrfToken)
            model.error = "Ông/Bà đã gửi quá nhiều phản ánh trong một giờ. Vui lòng thử lại sau."
            return HTMLResponse.make(FeedbackView(model: model).document, status: .tooManyRequests, headers: [.retryAfter: "3600"])
        }
        var request = request
        let form = try await FormFields.read(from: &request, limit: BodyLimit.bytes(forPath: Self.path))
        var model = FeedbackView.Model(csrfToken: context.csrfToken, name: form["ho_ten"] ?? "", contact: form["lien_he"] ?? "",
                                       content: form["noi_dung"] ?? "", dossierCode: form["ma_ho_so"] ?? "")
        do {
            let submission = try FeedbackSubmission(name: model.name, contact: model.contact, content: model.content,
                                                    dossierCode: model.dossierCode)
            model.reference = try await store.submit(submission, at: now())
            return HTMLResponse.make(FeedbackView(model: model).document, status: .created)
        } catch let error as ValidationError {
            model.error = error.vietnameseMessage
            model.answers = try await store.publishedAnswers()
            return HTMLResponse.make(FeedbackView(model: model).document, status: .unprocessableContent)
        }
    }
}

struct FeedbackView {
    struct Model: Sendable {
        var csrfToken: String?
        var name = "", contact = "", content = "", dossierCode = ""
        var error: String?
        var reference: String?
        /// Published questions and answers (never the citizen's name or contact).
        var answers: [PublishedFeedback] = []
    }

    let model: Model

    var document: HTML {
        SiteLayout.page(title: "Phản ánh, kiến nghị", current: FeedbackController.path,
            .h1(.text("Phản ánh, kiến nghị")),
            .unwrap(model.reference) { reference in
                .div(.class("card"), .attribute(named: "role", value: "status"),
                     .h2(.text("Đã nhận phản ánh của Ông/Bà")),
                     .p(.text("Số tham chiếu: "), .strong(.id("so-tham-chieu"), .text(reference))),
                     .p(.text("Cơ quan có thẩm quyền sẽ xem xét và trả lời theo thông tin liên hệ Ông/Bà đã cung cấp.")))
            },
            .if(model.reference == nil, .group(
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .form(.method(.post), .action(FeedbackController.path),
                      .unwrap(model.csrfToken) { .input(.type(.hidden), .name(CSRFMiddleware.formField), .escaped("value", $0)) },
                      .p(.label(.attribute(named: "for", value: "ho_ten"), .text("Họ và tên")),
                         .input(.id("ho_ten"), .name("ho_ten"), .type(.text), .escaped("value", model.name), .required(true))),
                      .p(.label(.attribute(named: "for", value: "lien_he"), .text("Số điện thoại hoặc email")),
                         .input(.id("lien_he"), .name("lien_he"), .type(.text), .escaped("value", model.contact), .required(true))),
                      .p(.label(.attribute(named: "for", value: "ma_ho_so"), .text("Mã hồ sơ (nếu có)")),
                         .input(.id("ma_ho_so"), .name("ma_ho_so"), .type(.text), .escaped("value", model.dossierCode))),
                      .p(.label(.attribute(named: "for", value: "noi_dung"), .text("Nội dung phản ánh, kiến nghị")),
                         .textarea(.id("noi_dung"), .name("noi_dung"), .attribute(named: "rows", value: "6"),
                                   .attribute(named: "maxlength", value: "\(FeedbackSubmission.maximumContentLength)"),
                                   .required(true), .text(model.content))),
                      .p(.button(.type(.submit), .text("Gửi phản ánh"))))
            )),
            .section(.id("phan-anh-da-tra-loi"), .attribute(named: "aria-labelledby", value: "tieu-de-da-tra-loi"),
                .h2(.id("tieu-de-da-tra-loi"), .text("Phản ánh, kiến nghị đã được trả lời")),
                .if(model.answers.isEmpty, .p(.class("muted"), .text("Chưa có câu trả lời nào được công khai."))),
                .forEach(model.answers) { item in
                    .article(.class("card qa"), .escaped("id", "pakn-\(item.reference)"),
                        .h3(.text("Phản ánh \(item.reference) — ngày \(VietnameseFormat.date(of: item.receivedAt))")),
                        .blockquote(.p(.text(item.content))),
                        .p(.strong(.text("Trả lời"
                                         + (item.agencyName.map { " của \($0)" } ?? "")
                                         + (item.answeredAt.map { " (ngày \(VietnameseFormat.date(of: $0)))" } ?? "") + ": ")),
                           .text(item.answer)))
                })
        )
    }
}
