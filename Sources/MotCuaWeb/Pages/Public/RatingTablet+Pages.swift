import Foundation
import Hummingbird
import MotCuaCore
import MotCuaStore
import Plot

/// `/danh-gia`: the satisfaction tablet at a counter. The tablet is signed in as the counter's reception
/// officer; it shows the dossier that officer has just handed back (within two hours, not yet rated) and
/// three large buttons. The rating is recorded against the dossier and the officer; one per dossier.
struct RatingTabletController: Sendable {
    static let path = "/danh-gia"
    let log: ServiceLogStore
    let dossiers: DossierStore
    let procedures: ProcedureStore
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path), use: show)
        router.post(RouterPath(Self.path), use: rate)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireRole(request, .reception)
        guard let dossier = try await log.lastUnratedReturn(by: officer.username, since: now().addingTimeInterval(-7200)) else {
            return HTMLResponse.make(RatingTabletView.waiting)
        }
        let code = try? ProcedureCode(parsing: dossier.procedureCode)
        var procedure: Procedure?
        if let code { procedure = try await ifFound { try await procedures.procedure(code, at: now()) } }
        let name = procedure?.name
        return HTMLResponse.make(RatingTabletView(code: dossier.code.rawValue, procedureName: name ?? "",
                                                  csrfToken: context.csrfToken ?? "").document)
    }

    @Sendable func rate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let officer = try context.requireRole(request, .reception)
        var request = request
        let form = try await FormFields.read(from: &request, limit: 8 * 1024)
        guard let code = try? DossierCode(parsing: form["ma"] ?? ""),
              let rating = SatisfactionRating.Rating(rawValue: form["danh_gia"] ?? "") else {
            return HTMLResponse.make(SimplePage.document(title: "Đánh giá không hợp lệ", message: "Vui lòng chọn lại."),
                                     status: .unprocessableContent)
        }
        // Only the dossier this officer just returned, and only as `RatingRule` allows.
        let expected = try await log.lastUnratedReturn(by: officer.username, since: now().addingTimeInterval(-7200))
        guard expected?.code == code else { return HTMLResponse.make(RatingTabletView.waiting, status: .conflict) }
        // Awaited apart from any condition: the Swift 6.3 release compiler crashes on `try await` after a
        // condition clause (see ifFound).
        let dossier = try await dossiers.dossier(code)
        let alreadyRated = try await log.isRated(code)
        do {
            try RatingRule.check(dossier, alreadyRated: alreadyRated, through: .counterTablet(officer))
            try await log.record(SatisfactionRating(at: now(), dossierCode: code, officer: officer.username, rating: rating))
        } catch is RatingRule.Refusal {
            return HTMLResponse.make(RatingTabletView.waiting, status: .conflict)
        } catch StoreError.duplicate {
            return HTMLResponse.make(RatingTabletView.waiting, status: .conflict)
        }
        return HTMLResponse.make(RatingTabletView.thanks)
    }
}

struct RatingTabletView {
    let code: String
    let procedureName: String
    let csrfToken: String

    static let choices: [(SatisfactionRating.Rating, String)] = [
        (.verySatisfied, "rat-hai-long"), (.satisfied, "hai-long"), (.unsatisfied, "khong-hai-long"),
    ]

    static func frame(_ title: String, refreshSeconds: Int?, _ content: Node<HTML.BodyContext>...) -> HTML {
        HTML(
            .lang(.vietnamese),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice),
                .element(named: "title", text: "\(title) — MotCua"),
                .unwrap(refreshSeconds) { .meta(.attribute(named: "http-equiv", value: "refresh"),
                                                .attribute(named: "content", value: "\($0);url=\(RatingTabletController.path)")) },
                .stylesheet(SiteStyleSheet.path),
                .link(.rel(.icon), .href(SiteIcon.path), .type("image/svg+xml"))
            ),
            .body(.class("tablet"), .main(.id("noi-dung"), .group(content)))
        )
    }

    var document: HTML {
        Self.frame("Đánh giá mức độ hài lòng", refreshSeconds: nil,
            .h1(.text("Ông/Bà hài lòng với việc giải quyết hồ sơ?")),
            .p(.class("muted"), .text("Hồ sơ \(code)")),
            .p(.text(procedureName)),
            .div(.class("choices"), .forEach(Self.choices) { rating, id in
                .form(.method(.post), .action(RatingTabletController.path),
                      .input(.type(.hidden), .name(CSRFMiddleware.formField), .escaped("value", csrfToken)),
                      .input(.type(.hidden), .name("ma"), .escaped("value", code)),
                      .input(.type(.hidden), .name("danh_gia"), .value(rating.rawValue)),
                      .button(.type(.submit), .id(id), .class("choice \(id)"), .text(rating.vietnameseLabel)))
            })
        )
    }

    static var waiting: HTML {
        frame("Đánh giá mức độ hài lòng", refreshSeconds: 10,
              .h1(.text("Xin mời Ông/Bà đánh giá sau khi nhận kết quả")),
              .p(.class("muted"), .text("Màn hình sẽ hiện hồ sơ ngay khi cán bộ trả kết quả.")))
    }

    static var thanks: HTML {
        frame("Cảm ơn", refreshSeconds: 5,
              .h1(.text("Cảm ơn Ông/Bà đã đánh giá!")),
              .p(.text("Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn.")))
    }
}
