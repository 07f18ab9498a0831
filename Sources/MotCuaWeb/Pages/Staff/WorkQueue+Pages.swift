import Foundation
import Hummingbird
import MotCuaCore
import MotCuaReports
import MotCuaStore
import Plot
import WorkCalendar

/// `/hang-doi`: the work queue of the signed-in officer's agencies — dossiers at their steps, the most
/// urgent first, marked overdue, due within one working day, or within the deadline.
struct WorkQueueController: Sendable {
    static let path = StaffPaths.workQueue
    let dossiers: DossierStore
    let calendar: CalendarDayStore
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path), use: show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, .specialist, .leader, .reception)
        let queue = try await dossiers.workQueue(of: principal.agencies)
        let now = now()
        let soon = try await calendar.workingCalendar().deadline(addingWorkingDays: 1, to: now).due
        // The row's quick "complete step" button: only where the policy lets this officer complete that step.
        let states = principal.role == .reception ? [:] : try await dossiers.dossiers(queue.map(\.code))
        let rows = queue.map { item in
            WorkQueueView.Row(item: item, urgency: WorkQueueView.Urgency(due: item.stepDueAt, now: now, soon: soon),
                              completable: states[item.code].flatMap { state in
                                  DossierActionPolicy.permits(principal, .completeStep, on: state) ? state.version : nil
                              })
        }
        let toReturn = principal.role == .reception ? try await resultsToReturn(at: principal.agencies) : []
        let forwarding: (incoming: [Dossier], outgoing: [Dossier]) = principal.role == .reception
            ? try await dossiers.forwardingQueue(of: principal.agencies) : ([], [])
        let view = WorkQueueView(frame: StaffFrame(principal, context), rows: rows, toReturn: toReturn,
                                 incoming: forwarding.incoming, outgoing: forwarding.outgoing, now: now)
        return HTMLResponse.make(view.document,
                                 headers: [.cacheControl: "no-store"])
    }

    /// The reception desk's own queue: dossiers it received whose result is ready to hand back.
    private func resultsToReturn(at desks: Set<AgencyCode>) async throws -> [DossierSummary] {
        let page = try await dossiers.list(DossierFilter(statuses: [.processed], visibleTo: desks), limit: 200)
        // The accepting site's desk or the competent site's may hand the result over.
        return page.items.filter { desks.contains($0.receivingAgency) || desks.contains($0.siteCode) }
            .sorted { ($0.citizenDueAt ?? .distantFuture, $0.code.rawValue) < ($1.citizenDueAt ?? .distantFuture, $1.code.rawValue) }
    }
}

struct WorkQueueView {
    enum Urgency: String {
        case overdue, dueSoon, within

        init(due: Date?, now: Date, soon: Date) {
            guard let due else { self = .within; return }
            self = due < now ? .overdue : (due <= soon ? .dueSoon : .within)
        }

        var label: String {
            switch self {
            case .overdue: "Quá hạn"
            case .dueSoon: "Đến hạn trong 1 ngày làm việc"
            case .within: "Trong hạn"
            }
        }

        var cssClass: String {
            switch self {
            case .overdue: "overdue"
            case .dueSoon: "alert"
            case .within: "within"
            }
        }
    }

    struct Row {
        let item: QueuedDossier
        let urgency: Urgency
        /// The version to complete the step at, when this officer may complete it from the queue.
        var completable: Int? = nil
    }

    let frame: StaffFrame
    let rows: [Row]
    /// Reception only: results ready to return at the desk.
    var toReturn: [DossierSummary] = []
    /// Reception only: dossiers other sites accepted for this desk, to receive; and those this desk
    /// accepted for another site, to forward or waiting for its receipt.
    var incoming: [Dossier] = []
    var outgoing: [Dossier] = []
    var now = Date()

    var document: HTML {
        let overdue = rows.filter { $0.urgency == .overdue }.count
        let soon = rows.filter { $0.urgency == .dueSoon }.count
        return SiteLayout.staffPage(frame, title: "Hồ sơ cần xử lý", current: StaffPaths.workQueue,
            .h1(.text("Hồ sơ cần xử lý")),
            .p(.class("muted"), .text("\(frame.principal.displayName): \(rows.count) hồ sơ — \(overdue) quá hạn, \(soon) đến hạn trong 1 ngày làm việc.")),
            .if(rows.isEmpty, .p(.text("Không có hồ sơ nào đang chờ ở bước của đơn vị."))),
            .if(!rows.isEmpty, .div(.class("table-scroll"), .table(
                .thead(.tr(.th(.text("Mã hồ sơ")), .th(.text("Bước xử lý")), .th(.text("Hạn của bước")),
                           .th(.text("Hẹn trả công dân")), .th(.text("Tình trạng")), .th(.text("Thao tác")))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.class("code"), .a(.escaped("href", StaffPaths.dossier(row.item.code.rawValue)), .text(row.item.code.rawValue))),
                        .td(.text(row.item.step)),
                        .td(.text(row.item.stepDueAt.map(VietnameseFormat.slipInstant) ?? "—")),
                        .td(.text(row.item.citizenDueAt.map(VietnameseFormat.slipInstant) ?? "—")),
                        .td(.span(.class(row.urgency.cssClass), .text(row.urgency.label))),
                        .td(quickComplete(row)))
                })
            ))),
            .if(frame.principal.role == .reception, .group(
                .h2(.id("tieu-de-cho-tra"), .text("Hồ sơ có kết quả, chờ trả")),
                .if(toReturn.isEmpty, .p(.text("Không có hồ sơ nào chờ trả kết quả."))),
                .if(!toReturn.isEmpty, .div(.class("table-scroll"), .table(.id("cho-tra-ket-qua"),
                    .thead(.tr(.th(.text("Mã hồ sơ")), .th(.text("Người nộp")), .th(.text("Kết quả")),
                               .th(.text("Có kết quả lúc")), .th(.text("Hẹn trả công dân")))),
                    .tbody(.forEach(toReturn) { summary in
                        .tr(.td(.a(.escaped("href", StaffPaths.dossier(summary.code.rawValue)), .text(summary.code.rawValue))),
                            .td(.text(summary.applicant?.name ?? "—")),
                            .td(.text(summary.outcome?.vietnameseLabel ?? "—")),
                            .td(.text(summary.completedAt.map(VietnameseFormat.slipInstant) ?? "—")),
                            .td(.text(summary.citizenDueAt.map(VietnameseFormat.slipInstant) ?? "—")))
                    })
                ))),
                forwardingTable(id: "chuyen-den", heading: "Hồ sơ nơi khác tiếp nhận, chuyển đến (chờ tiếp nhận)", incoming,
                                empty: "Không có hồ sơ nào được chuyển đến."),
                forwardingTable(id: "tiep-nhan-ho", heading: "Hồ sơ đã tiếp nhận không phụ thuộc địa giới hành chính (chờ chuyển, chờ nơi có thẩm quyền tiếp nhận)",
                                outgoing, empty: "Không có hồ sơ nào đang chờ chuyển.")
            ))
        )
    }

    /// Forwarded dossiers with both sites, the forwarding deadline and where they stand.
    func forwardingTable(id: String, heading: String, _ dossiers: [Dossier], empty: String) -> Node<HTML.BodyContext> {
        .group(
            .h2(.id("tieu-de-\(id)"), .text(heading)),
            .if(dossiers.isEmpty, .p(.text(empty))),
            .if(!dossiers.isEmpty, .div(.class("table-scroll"), .table(.id(id),
                .thead(.tr(.th(.text("Mã hồ sơ")), .th(.text("Tiếp nhận lúc")), .th(.text("Hạn chuyển")), .th(.text("Tình trạng")))),
                .tbody(.forEach(dossiers) { d in
                    let f = d.forwarding
                    let state = f?.sentAt == nil ? "Chưa chuyển" : "Đã chuyển, chờ tiếp nhận"
                    let overdue = f?.isOverdue(at: now) == true
                    return .tr(.td(.class("code"), .a(.escaped("href", StaffPaths.dossier(d.code.rawValue)), .text(d.code.rawValue))),
                               .td(.text(f.map { VietnameseFormat.slipInstant($0.acceptedAt) } ?? "—")),
                               .td(.text(f.map { VietnameseFormat.slipInstant($0.dueAt) } ?? "—")),
                               .td(.span(.class(overdue ? "overdue" : "within"), .text(state + (overdue ? " — quá hạn chuyển" : "")))))
                })
            )))
        )
    }
}

extension WorkQueueView {
    /// A one-click "complete step" for a row the officer may complete: the same form as the dossier page's
    /// `#hanh-dong-hoan-thanh-buoc`, without a note; it asks first and comes back to the dossier page.
    func quickComplete(_ row: Row) -> Node<HTML.BodyContext> {
        guard let version = row.completable else { return .empty }
        let action = DossierPageAction.completeStep
        return .form(.class("quick"), .method(.post),
                     .escaped("action", DossierPageController.actionPath(row.item.code.rawValue, action)),
                     .unwrap(action.confirmation) { .escaped("data-confirm", $0) },
                     frame.csrfField,
                     .input(.type(.hidden), .name(DossierPageAction.Field.version), .escaped("value", "\(version)")),
                     .button(.type(.submit), .escaped("aria-label", "\(action.buttonLabel) hồ sơ \(row.item.code.rawValue)"),
                             .text(action.buttonLabel)))
    }
}
