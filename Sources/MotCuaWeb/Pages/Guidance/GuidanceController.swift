import Foundation
import Hummingbird
import MotCuaCore
import MotCuaReports
import MotCuaStore
import Plot
import WorkCalendar

/// `/huong-dan`: the guidance and call log in two clicks. Three large buttons (in person, incoming call,
/// outgoing call) each record one contact now, for the officer's agency, with an optional topic; the page
/// comes back with a confirmation and today's counts. The reception desk shows the same buttons, compact.
struct GuidanceController: Sendable {
    static let path = StaffPaths.guidance
    static let roles: Set<Principal.Role> = [.reception, .specialist, .manager]
    /// Where a recording may send the officer back to: this page or the reception desk (never a URL from
    /// the form, which would be an open redirect).
    static let returnPaths = [StaffPaths.guidance, StaffPaths.reception]

    let database: Database
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.path), use: show)
        router.post(RouterPath(Self.path), use: record)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, Self.roles)
        let panel = try await panel(for: principal, recorded: request.uri.queryParameters["da-ghi"].map(String.init),
                                    returnTo: Self.path)
        return HTMLResponse.make(GuidanceView(frame: StaffFrame(principal, context), panel: panel).document,
                                 headers: [.cacheControl: "no-store"])
    }

    @Sendable func record(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireRole(request, Self.roles)
        var request = request
        let form = try await FormFields.read(from: &request, limit: 16 * 1024)
        let back = Self.returnPaths.first { $0 == form["tro_ve"] } ?? Self.path
        guard let kind = GuidanceContact.Kind(rawValue: form["loai"] ?? "") else {
            var panel = try await panel(for: principal, recorded: nil, returnTo: back)
            panel.error = "Vui lòng chọn một trong ba nút: Hướng dẫn trực tiếp, Gọi đến, Gọi đi."
            return HTMLResponse.make(GuidanceView(frame: StaffFrame(principal, context), panel: panel).document,
                                     status: .unprocessableContent)
        }
        guard let agency = DeskAgency.of(principal, in: try await AgencyStore(database: database).directory()) else {
            throw AccessForbidden(request: request)
        }
        let topic = String((form["chu_de"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(1000))
        try await ServiceLogStore(database: database).record(
            GuidanceContact(at: now(), kind: kind, agencyCode: agency, note: topic), recordedBy: principal.username)
        return Response(status: .seeOther, headers: [.location: "\(back)?da-ghi=\(kind.rawValue)"])
    }

    /// The buttons with today's counts of the officer's agency, and the confirmation of what was just recorded.
    func panel(for principal: Principal, recorded: String?, returnTo: String) async throws -> GuidancePanel {
        let agency = DeskAgency.of(principal, in: try await AgencyStore(database: database).directory())
        let today = VietnamTime.localDate(of: now())
        var figures = GuidanceFigures()
        if let agency {
            figures = try await ServiceLogStore(database: database)
                .guidanceFigures(try StatisticsPeriod(from: today, to: today), agencies: [agency])
        }
        return GuidancePanel(today: figures, recorded: recorded.flatMap(GuidanceContact.Kind.init(rawValue:)),
                             returnTo: returnTo)
    }
}

/// The three buttons, the topic field and today's counts of the officer's agency.
struct GuidancePanel: Sendable {
    let today: GuidanceFigures
    let recorded: GuidanceContact.Kind?
    let returnTo: String
    var error: String?

    /// Button ids and labels, in the order of the desk's day.
    static let buttons: [(GuidanceContact.Kind, String, String)] = [
        (.inPerson, "nut-huong-dan-truc-tiep", "Hướng dẫn trực tiếp"),
        (.incomingCall, "nut-goi-den", "Gọi đến"),
        (.outgoingCall, "nut-goi-di", "Gọi đi"),
    ]

    static func label(_ kind: GuidanceContact.Kind) -> String {
        buttons.first { $0.0 == kind }?.2 ?? kind.vietnameseLabel
    }

    func node(compact: Bool, frame: StaffFrame) -> Node<HTML.BodyContext> {
        .div(.class(compact ? "guidance compact" : "guidance"),
             .unwrap(recorded) { kind in
                .p(.class("confirmation"), .id("da-ghi-nhan"), .attribute(named: "role", value: "status"),
                   .text("Đã ghi nhận 01 lượt \(Self.label(kind).lowercased())."))
             },
             .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
             .form(.class("guidance-form"), .method(.post), .action(GuidanceController.path),
                   frame.csrfField,
                   .input(.type(.hidden), .name("tro_ve"), .escaped("value", returnTo)),
                   .p(.label(.attribute(named: "for", value: compact ? "chu_de_nhanh" : "chu_de"), .text("Thủ tục / nội dung (không bắt buộc)")),
                      .input(.id(compact ? "chu_de_nhanh" : "chu_de"), .name("chu_de"), .type(.text),
                             .attribute(named: "maxlength", value: "1000"))),
                   .div(.class("guidance-buttons"),
                        .forEach(Self.buttons) { kind, id, label in
                            .button(.type(.submit), .id(compact ? id + "-nhanh" : id), .class("guidance-button"),
                                    .attribute(named: "name", value: "loai"), .attribute(named: "value", value: kind.rawValue), .text(label))
                        })),
             .p(.class("guidance-today"), .id(compact ? "hom-nay-nhanh" : "hom-nay"),
                .text("Hôm nay: "),
                .span(.class("count"), .text("\(VietnameseFormat.count(today.inPerson)) hướng dẫn trực tiếp")), .text(", "),
                .span(.class("count"), .text("\(VietnameseFormat.count(today.incomingCalls)) cuộc gọi đến")), .text(", "),
                .span(.class("count"), .text("\(VietnameseFormat.count(today.outgoingCalls)) cuộc gọi đi")),
                .text(" — tổng \(VietnameseFormat.count(today.total)) lượt.")))
    }
}

struct GuidanceView {
    let frame: StaffFrame
    let panel: GuidancePanel

    var document: HTML {
        SiteLayout.staffPage(frame, title: "Hướng dẫn, tổng đài", current: StaffPaths.guidance,
            .h1(.text("Ghi nhận hướng dẫn, cuộc gọi")),
            .p(.class("muted"), .text("Mỗi lần bấm ghi một lượt vào sổ hướng dẫn của đơn vị, tính vào báo cáo quý.")),
            panel.node(compact: false, frame: frame)
        )
    }
}
