import Foundation
import Hummingbird
import MotCuaCore
import MotCuaReports
import MotCuaStore
import Plot
import WorkCalendar

/// `/thu-tuc` and `/thu-tuc/{code}`: the public procedure catalogue, searchable without diacritics.
struct ProcedureCatalogueController: Sendable {
    let procedures: ProcedureStore
    let agencies: AgencyStore

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(PublicPaths.procedures), use: list)
        router.get(RouterPath(PublicPaths.procedures + "/{code}"), use: show)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        // A GET form sends spaces as "+" (application/x-www-form-urlencoded).
        let query = String((request.uri.queryParameters["q"].map(String.init) ?? "")
            .replacingOccurrences(of: "+", with: " ").prefix(200))
        let found = try await procedures.current(matching: query, limit: 100)
        let directory = try await agencies.directory()
        let today = VietnamTime.localDate(of: Date())
        return HTMLResponse.make(ProcedureListView(
            query: query,
            rows: found.map { ($0, directory[$0.agencyCode]?.name(on: today) ?? $0.agencyCode.rawValue) }).document)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let raw = try context.parameters.require("code")
        let code = try? ProcedureCode(parsing: raw)
        var found: Procedure?
        if let code { found = try await ifFound { try await procedures.procedure(code, at: Date()) } }
        guard let procedure = found else {
            return HTMLResponse.make(SimplePage.document(title: "Không tìm thấy thủ tục",
                                                         message: "Không có thủ tục mã \"\(raw)\" đang được áp dụng."),
                                     status: .notFound)
        }
        let agency = try await agencies.directory()[procedure.agencyCode]?.name(on: VietnamTime.localDate(of: Date()))
        return HTMLResponse.make(ProcedureDetailView(procedure: procedure, agencyName: agency ?? procedure.agencyCode.rawValue).document)
    }
}

struct ProcedureListView {
    let query: String
    let rows: [(Procedure, String)]

    var document: HTML {
        SiteLayout.page(title: "Thủ tục hành chính", current: PublicPaths.procedures,
            .h1(.text("Thủ tục hành chính")),
            .form(.class("inline"), .method(.get), .action(PublicPaths.procedures),
                  .attribute(named: "role", value: "search"),
                  .div(.label(.attribute(named: "for", value: "q"), .text("Tên thủ tục (có dấu hoặc không dấu)")),
                       .input(.id("q"), .name("q"), .type(.search), .escaped("value", query),
                              .attribute(named: "placeholder", value: "vd: cap phieu ly lich tu phap"))),
                  .button(.type(.submit), .text("Tìm"))),
            .p(.class("muted"), .text(rows.isEmpty ? "Không tìm thấy thủ tục phù hợp." : "\(rows.count) thủ tục")),
            .if(!rows.isEmpty, .table(
                .thead(.tr(.th(.text("Mã")), .th(.text("Tên thủ tục")), .th(.text("Cơ quan giải quyết")),
                           .th(.text("Thời hạn")), .th(.text("Trực tuyến")))),
                .tbody(.forEach(rows) { procedure, agency in
                    .tr(.td(.text(procedure.code.rawValue)),
                        .td(.a(.escaped("href", "\(PublicPaths.procedures)/\(procedure.code.rawValue)"), .text(procedure.name))),
                        .td(.text(agency)),
                        .td(.text(VietnameseFormat.duration(procedure.localTime))),
                        .td(.text(OnlineLevelLabel.text(procedure.onlineLevel))))
                })
            ))
        )
    }
}

struct ProcedureDetailView {
    let procedure: Procedure
    let agencyName: String

    var document: HTML {
        let p = procedure
        return SiteLayout.page(title: p.name, current: PublicPaths.procedures,
            .p(.a(.href(PublicPaths.procedures), .text("← Danh sách thủ tục"))),
            .h1(.text(p.name)),
            .if(p.onlineLevel != .none, .p(.a(.id("nop-truc-tuyen"), .class("button-link primary"),
                                              .escaped("href", OnlineSubmissionController.formPath(p.code.rawValue)),
                                              .text("Nộp hồ sơ trực tuyến")))),
            .table(
                .tr(.th(.text("Mã thủ tục")), .td(.text(p.code.rawValue))),
                .tr(.th(.text("Lĩnh vực")), .td(.text(p.field))),
                .tr(.th(.text("Cơ quan giải quyết")), .td(.text(agencyName))),
                .tr(.th(.text("Thời hạn giải quyết")),
                    .td(.text(VietnameseFormat.duration(p.localTime)),
                        .if(p.localTime != p.legalTime,
                            .span(.class("muted"), .text(" (theo quy định: \(VietnameseFormat.duration(p.legalTime)))"))))),
                .tr(.th(.text("Dịch vụ công trực tuyến")), .td(.text(OnlineLevelLabel.text(p.onlineLevel)))),
                .tr(.th(.text("Phí, lệ phí")),
                    .td(.text(p.fees.isEmpty ? "Không" : p.fees.map { "\(VietnameseFormat.money($0.amountVND)) — \($0.description)" }
                        .joined(separator: "; ")))),
                .tr(.th(.text("Kết quả")), .td(.text(p.resultType.isEmpty ? "—" : p.resultType)))
            ),
            .h2(.text("Thành phần hồ sơ")),
            .if(p.documents.isEmpty, .p(.class("muted"), .text("Chưa cập nhật."))),
            .ol(.forEach(p.documents) { document in
                .li(.text("\(document.name) (\(document.copies) bộ)"))
            }),
            .if(!p.steps.isEmpty, .group(
                .h2(.text("Quy trình giải quyết")),
                .ol(.forEach(p.steps) { step in
                    .li(.text("\(step.name) — \(VietnameseFormat.duration(step.allotted))"))
                })
            ))
        )
    }
}

enum OnlineLevelLabel {
    static func text(_ level: OnlineLevel) -> String {
        switch level {
        case .full: "Toàn trình"
        case .partial: "Một phần"
        case .none: "Không"
        }
    }
}
