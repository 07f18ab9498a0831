import Foundation
import Hummingbird
import MotCuaCore
import MotCuaReports
import MotCuaStore
import Plot
import WorkCalendar

/// `/tra-cuu`: a citizen looks up a dossier by its code and the last 4 digits of the applicant's phone.
/// Shows the status, the appointment and the steps — nothing personal. A wrong code and a wrong phone
/// get the same answer (no way to probe which codes exist), and each address gets a few tries a minute.
struct StatusLookupController: Sendable {
    static let ratingPath = PublicPaths.lookup + "/danh-gia"
    /// The `officer` of a rating the citizen gives through the lookup (not at a counter's tablet).
    static let citizenRater = "cong-dan-tra-cuu"

    let dossiers: DossierStore
    let ratings: ServiceLogStore
    let limiter: PublicRateLimiter
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(PublicPaths.lookup)) { _, context in
            HTMLResponse.make(StatusLookupView(model: .init(csrfToken: context.csrfToken)).document)
        }
        router.post(RouterPath(PublicPaths.lookup), use: lookup)
        router.post(RouterPath(Self.ratingPath), use: rate)
    }

    /// The dossier the citizen proved is theirs, or the page that says why not.
    enum Verification {
        case verified(Dossier, StatusLookupView.Model)
        case refused(Response)
    }

    /// Limits before work: the address's lookups per minute (before the body is read), then the code's
    /// wrong phone digits — after `PublicLimits.wrongDigitsPerCode` of them the code answers nothing for a
    /// while, whoever asks, so 10,000 four-digit endings cannot be walked through from many addresses.
    /// A wrong code and a wrong phone get the same answer (no way to probe which codes exist).
    func verify(_ request: Request, context: AppRequestContext, at instant: Date) async throws -> (Verification, FormFields) {
        let allowed = try await limiter.allow(limiter.lookups, context.clientKey, at: instant)
        guard allowed else {
            let model = StatusLookupView.Model(csrfToken: context.csrfToken)
            return (.refused(Self.tooMany(model, "Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau một phút.", retryAfter: 60)), FormFields())
        }
        var request = request
        let form = try await FormFields.read(from: &request, limit: BodyLimit.bytes(forPath: PublicPaths.lookup))
        let code = String((form["ma"] ?? "").trimmingCharacters(in: .whitespaces).prefix(60))
        let digits = String((form["so"] ?? "").filter(\.isNumber).suffix(4))
        var model = StatusLookupView.Model(csrfToken: context.csrfToken, code: code)
        guard digits.count == 4 else {
            model.message = "Vui lòng nhập đủ 4 số cuối của số điện thoại người nộp hồ sơ."
            return (.refused(HTMLResponse.make(StatusLookupView(model: model).document, status: .unprocessableContent)), form)
        }
        let codeKey = code.uppercased()
        let locked = try await limiter.isOver(limiter.wrongDigits, codeKey, at: instant)
        guard !locked else {
            return (.refused(Self.tooMany(model, "Mã hồ sơ này đã bị tạm khóa tra cứu do nhập sai số điện thoại nhiều lần. Vui lòng thử lại sau hoặc liên hệ Trung tâm.",
                                          retryAfter: limiter.wrongDigits.windowSeconds)), form)
        }
        let parsed = try? DossierCode(parsing: code)
        var found: Dossier?
        if let parsed { found = try await ifFound { try await dossiers.dossier(parsed) } }
        guard let dossier = found, let phone = dossier.applicant?.phone, phone.hasSuffix(digits) else {
            try await limiter.record(limiter.wrongDigits, codeKey, at: instant)
            model.message = "Không tìm thấy hồ sơ với mã và số điện thoại đã nhập. Vui lòng kiểm tra lại mã trên giấy tiếp nhận."
            return (.refused(HTMLResponse.make(StatusLookupView(model: model).document, status: .notFound)), form)
        }
        model.digits = digits
        return (.verified(dossier, model), form)
    }

    @Sendable func lookup(_ request: Request, context: AppRequestContext) async throws -> Response {
        let instant = now()
        let (verification, _) = try await verify(request, context: context, at: instant)
        let dossier: Dossier
        var model: StatusLookupView.Model
        switch verification {
        case .refused(let response): return response
        case .verified(let proved, let shown): (dossier, model) = (proved, shown)
        }
        let rated = try await ratings.isRated(dossier.code)
        model.result = .init(dossier: dossier, now: instant, mayRate: Self.mayRate(dossier, alreadyRated: rated))
        return HTMLResponse.make(StatusLookupView(model: model).document)
    }

    /// The citizen rates their returned dossier from the lookup, proving it is theirs again (code and phone
    /// digits, under the same limits); `RatingRule` decides, as at the counter's tablet.
    @Sendable func rate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let instant = now()
        let (verification, form) = try await verify(request, context: context, at: instant)
        let dossier: Dossier
        var model: StatusLookupView.Model
        switch verification {
        case .refused(let response): return response
        case .verified(let proved, let shown): (dossier, model) = (proved, shown)
        }
        guard let rating = SatisfactionRating.Rating(rawValue: form["danh_gia"] ?? "") else {
            model.message = "Vui lòng chọn một mức đánh giá."
            model.result = .init(dossier: dossier, now: instant, mayRate: true)
            return HTMLResponse.make(StatusLookupView(model: model).document, status: .unprocessableContent)
        }
        let rated = try await ratings.isRated(dossier.code)
        do {
            try RatingRule.check(dossier, alreadyRated: rated, through: .citizenLookup)
            try await ratings.record(SatisfactionRating(at: instant, dossierCode: dossier.code, officer: Self.citizenRater, rating: rating))
            model.message = "Cảm ơn Ông/Bà đã đánh giá mức độ hài lòng."
            model.result = .init(dossier: dossier, now: instant, mayRate: false)
            return HTMLResponse.make(StatusLookupView(model: model).document)
        } catch let refusal as RatingRule.Refusal {
            model.message = refusal.message
        } catch StoreError.duplicate {
            model.message = "Hồ sơ \(dossier.code) đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần."
        }
        model.result = .init(dossier: dossier, now: instant, mayRate: false)
        return HTMLResponse.make(StatusLookupView(model: model).document, status: .conflict)
    }

    static func mayRate(_ dossier: Dossier, alreadyRated: Bool) -> Bool {
        (try? RatingRule.check(dossier, alreadyRated: alreadyRated, through: .citizenLookup)) != nil
    }

    static func tooMany(_ model: StatusLookupView.Model, _ message: String, retryAfter: Int) -> Response {
        var model = model
        model.message = message
        return HTMLResponse.make(StatusLookupView(model: model).document, status: .tooManyRequests,
                                 headers: [.retryAfter: String(retryAfter)])
    }
}

struct StatusLookupView {
    struct Result: Sendable {
        let code: String
        let status: String
        let receivedAt: Date?
        let citizenDueAt: Date?
        let completedAt: Date?
        let returnedAt: Date?
        let steps: [(name: String, state: String)]
        let progress: String?
        /// Returned and not yet rated: the citizen may rate it here.
        let mayRate: Bool

        init(dossier: Dossier, now: Date, mayRate: Bool = false) {
            self.mayRate = mayRate
            code = dossier.code.rawValue
            status = dossier.status.vietnameseLabel
            receivedAt = dossier.receivedAt
            citizenDueAt = dossier.citizenDueAt
            completedAt = dossier.completedAt
            returnedAt = dossier.returnedAt
            steps = dossier.visits.map { visit in
                (visit.name, visit.endedAt == nil ? "Đang xử lý" : "Đã xong")
            }
            progress = dossier.progress(at: now).map { $0 == .overdue ? "Quá hạn" : "Trong hạn" }
        }
    }

    struct Model: Sendable {
        var csrfToken: String?
        var code = ""
        /// The phone digits the citizen proved the dossier with, carried by the rating form.
        var digits = ""
        var message: String?
        var result: Result?
    }

    let model: Model

    /// Three buttons, as on the counter's tablet; the code and digits go along to prove the dossier again.
    func ratingForm(code: String) -> Node<HTML.BodyContext> {
        .form(.id("danh-gia-tra-cuu"), .method(.post), .action(StatusLookupController.ratingPath),
              .h2(.text("Ông/Bà hài lòng với việc giải quyết hồ sơ?")),
              .unwrap(model.csrfToken) { .input(.type(.hidden), .name(CSRFMiddleware.formField), .escaped("value", $0)) },
              .input(.type(.hidden), .name("ma"), .escaped("value", code)),
              .input(.type(.hidden), .name("so"), .escaped("value", model.digits)),
              .forEach(RatingTabletView.choices) { rating, id in
                  .button(.type(.submit), .escaped("id", "tra-cuu-" + id), .name("danh_gia"), .value(rating.rawValue),
                          .text(rating.vietnameseLabel))
              })
    }

    static func instant(_ date: Date?) -> String {
        date.map { VietnameseFormat.slipInstant($0) } ?? "—"
    }

    var document: HTML {
        SiteLayout.page(title: "Tra cứu hồ sơ", current: PublicPaths.lookup,
            .h1(.text("Tra cứu tình trạng hồ sơ")),
            .form(.class("inline"), .method(.post), .action(PublicPaths.lookup),
                  .unwrap(model.csrfToken) { .input(.type(.hidden), .name(CSRFMiddleware.formField), .escaped("value", $0)) },
                  .div(.label(.attribute(named: "for", value: "ma"), .text("Mã hồ sơ")),
                       .input(.id("ma"), .name("ma"), .type(.text), .escaped("value", model.code), .required(true),
                              .attribute(named: "placeholder", value: "000.00.15.H56-210712-0007"))),
                  .div(.label(.attribute(named: "for", value: "so"), .text("4 số cuối điện thoại")),
                       .input(.id("so"), .name("so"), .type(.text), .attribute(named: "inputmode", value: "numeric"),
                              .attribute(named: "maxlength", value: "4"), .attribute(named: "autocomplete", value: "off"),
                              .required(true))),
                  .button(.type(.submit), .text("Tra cứu"))),
            .unwrap(model.message) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            .unwrap(model.result) { result in
                .div(.class("card"), .id("ket-qua"),
                     .h2(.text("Hồ sơ \(result.code)")),
                     .table(
                        .tr(.th(.text("Tình trạng")), .td(.strong(.text(result.status)))),
                        .tr(.th(.text("Ngày tiếp nhận")), .td(.text(Self.instant(result.receivedAt)))),
                        .tr(.th(.text("Hẹn trả kết quả")), .td(.text(Self.instant(result.citizenDueAt)),
                            .unwrap(result.progress) { .span(.class($0 == "Quá hạn" ? "overdue" : "within"), .text(" (\($0))")) })),
                        .tr(.th(.text("Có kết quả")), .td(.text(Self.instant(result.completedAt)))),
                        .tr(.th(.text("Đã trả kết quả")), .td(.text(Self.instant(result.returnedAt))))
                     ),
                     .if(!result.steps.isEmpty, .group(
                        .h2(.text("Các bước xử lý")),
                        .ol(.forEach(result.steps) { step in .li(.text("\(step.name): \(step.state)")) })
                     )),
                     .if(result.mayRate, ratingForm(code: result.code)))
            }
        )
    }
}
