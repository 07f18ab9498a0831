import Foundation
import Hummingbird
import MotCuaCore
import MotCuaReports
import MotCuaStore
import Plot
import Synchronization
import WorkCalendar

/// `/tra-cuu`: a citizen looks up a dossier by its code and the last 4 digits of the applicant's phone.
/// Shows the status, the appointment and the steps — nothing personal. A wrong code and a wrong phone
/// get the same answer (no way to probe which codes exist), and each address gets a few tries a minute.
struct StatusLookupController: Sendable {
    let dossiers: DossierStore
    let limiter: LookupRateLimiter

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(PublicPaths.lookup)) { _, context in
            HTMLResponse.make(StatusLookupView(model: .init(csrfToken: context.csrfToken)).document)
        }
        router.post(RouterPath(PublicPaths.lookup), use: lookup)
    }

    @Sendable func lookup(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(from: &request, limit: 16 * 1024)
        let code = String((form["ma"] ?? "").trimmingCharacters(in: .whitespaces).prefix(60))
        let digits = String((form["so"] ?? "").filter(\.isNumber).suffix(4))
        var model = StatusLookupView.Model(csrfToken: context.csrfToken, code: code)
        guard limiter.allow(context.remoteAddress?.ipAddress ?? "unknown", at: Date()) else {
            model.message = "Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau một phút."
            return HTMLResponse.make(StatusLookupView(model: model).document, status: .tooManyRequests,
                                     headers: [.retryAfter: "60"])
        }
        guard digits.count == 4 else {
            model.message = "Vui lòng nhập đủ 4 số cuối của số điện thoại người nộp hồ sơ."
            return HTMLResponse.make(StatusLookupView(model: model).document, status: .unprocessableContent)
        }
        let parsed = try? DossierCode(parsing: code)
        var found: Dossier?
        if let parsed { found = try await ifFound { try await dossiers.dossier(parsed) } }
        guard let dossier = found, let phone = dossier.applicant?.phone, phone.hasSuffix(digits) else {
            model.message = "Không tìm thấy hồ sơ với mã và số điện thoại đã nhập. Vui lòng kiểm tra lại mã trên giấy tiếp nhận."
            return HTMLResponse.make(StatusLookupView(model: model).document, status: .notFound)
        }
        model.result = .init(dossier: dossier, now: Date())
        return HTMLResponse.make(StatusLookupView(model: model).document)
    }
}

/// At most `limit` lookups per address per minute, counted in memory on each server.
final class LookupRateLimiter: Sendable {
    let limit: Int
    private let attempts = Mutex<[String: [Date]]>([:])

    init(limit: Int = 10) { self.limit = limit }

    func allow(_ key: String, at now: Date) -> Bool {
        attempts.withLock { table in
            let recent = (table[key] ?? []).filter { now.timeIntervalSince($0) < 60 }
            if table.count > 10_000 { table = table.filter { !$0.value.isEmpty } }
            guard recent.count < limit else { table[key] = recent; return false }
            table[key] = recent + [now]
            return true
        }
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

        init(dossier: Dossier, now: Date) {
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
        var message: String?
        var result: Result?
    }

    let model: Model

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
                     )))
            }
        )
    }
}
