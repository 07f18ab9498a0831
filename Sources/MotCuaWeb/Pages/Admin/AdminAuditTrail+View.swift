import Foundation
import MotCuaCore
import MotCuaReports
import Plot
import WorkCalendar

/// The audit trail's page: the filter form, the rows (newest first) and the link to older rows. Every value
/// goes through Plot's escaping (`.text`, `.escaped`): actors, ids and before/after values are data.
struct AdminAuditTrailView {
    let frame: StaffFrame
    let query: AdminAuditTrailController.Query
    let actors: [String]
    let objectKinds: [String]
    var entries: [AuditEntry] = []
    var nextBeforeID: Int64?
    var error: String?

    init(frame: StaffFrame, query: AdminAuditTrailController.Query, actors: [String], objectKinds: [String]) {
        self.frame = frame
        self.query = query
        self.actors = actors
        self.objectKinds = objectKinds
    }

    /// Object kinds as the administrator reads them.
    static let objectKindLabels: [String: String] = [
        "user": "Người dùng", "calendar_day": "Ngày trong lịch", "agency": "Cơ quan", "procedure": "Thủ tục",
        "report": "Báo cáo", "issued_document": "Văn bản đã ban hành", "report_entry": "Mục ghi nhận báo cáo",
        "feedback": "Phản ánh, kiến nghị", "import": "Nhập dữ liệu", "dossier": "Hồ sơ",
    ]

    static func label(ofKind kind: String) -> String { objectKindLabels[kind] ?? kind }

    /// "12/7/2021 14:30:05" in Vietnamese local time.
    static func instant(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + 7 * 3600
        let inDay = ((seconds % 86_400) + 86_400) % 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(VietnameseFormat.date(of: date)) \(two(inDay / 3600)):\(two(inDay % 3600 / 60)):\(two(inDay % 60))"
    }

    var document: HTML {
        SiteLayout.staffPage(frame, title: "Nhật ký thao tác", current: StaffPaths.administration,
            .p(.a(.href(StaffPaths.administration), .text("← Quản trị hệ thống"))),
            .h1(.text("Nhật ký thao tác")),
            .p(.class("muted"), .text("Mọi thay đổi quản trị, sửa và ban hành báo cáo, xóa dữ liệu báo cáo, nhập dữ liệu, "
                + "xử lý phản ánh và mỗi lần cán bộ xem thông tin cá nhân của người nộp hồ sơ. Nhật ký chỉ được ghi thêm, "
                + "không sửa, không xóa; mỗi dòng mang mã băm của dòng trước (kiểm tra bằng lệnh motcua audit verify).")),
            filterForm,
            AdminForm.error(error),
            .if(error == nil, results)
        )
    }

    private var filterForm: Node<HTML.BodyContext> {
        .form(.id("loc-nhat-ky"), .class("inline"), .method(.get), .action(AdminAuditTrailController.path),
              .attribute(named: "role", value: "search"),
              .div(.label(.attribute(named: "for", value: "nguoi"), .text("Người thực hiện")),
                   .select(.id("nguoi"), .attribute(named: "name", value: "nguoi"),
                           AdminForm.option("", "Tất cả", selected: query.actor.isEmpty),
                           .forEach(actors) { AdminForm.option($0, $0, selected: $0 == query.actor) })),
              .div(.label(.attribute(named: "for", value: "thao-tac"), .text("Thao tác")),
                   .select(.id("thao-tac"), .attribute(named: "name", value: "thao-tac"),
                           AdminForm.option("", "Tất cả", selected: query.action.isEmpty),
                           .forEach(AuditAction.known) {
                               AdminForm.option($0.rawValue, $0.vietnameseLabel, selected: $0.rawValue == query.action)
                           })),
              .div(.label(.attribute(named: "for", value: "doi-tuong"), .text("Đối tượng")),
                   .select(.id("doi-tuong"), .attribute(named: "name", value: "doi-tuong"),
                           AdminForm.option("", "Tất cả", selected: query.objectKind.isEmpty),
                           .forEach(objectKinds) {
                               AdminForm.option($0, Self.label(ofKind: $0), selected: $0 == query.objectKind)
                           })),
              .div(.label(.attribute(named: "for", value: "ma"), .text("Mã đối tượng")),
                   .input(.id("ma"), .name("ma"), .type(.text), .escaped("value", query.objectID))),
              .div(.label(.attribute(named: "for", value: "tu"), .text("Từ ngày")),
                   .input(.id("tu"), .name("tu"), .type(.date), .escaped("value", query.from))),
              .div(.label(.attribute(named: "for", value: "den"), .text("Đến ngày")),
                   .input(.id("den"), .name("den"), .type(.date), .escaped("value", query.to))),
              .button(.type(.submit), .text("Lọc")))
    }

    private var results: Node<HTML.BodyContext> {
        .group(
            .if(entries.isEmpty, .p(.id("khong-co-dong"), .text("Không có dòng nhật ký nào khớp với bộ lọc."))),
            .if(!entries.isEmpty,
                .table(.id("nhat-ky"),
                       .caption(.text("Nhật ký, mới nhất trước")),
                       .thead(.tr(.th(.text("Số")), .th(.text("Thời điểm")), .th(.text("Người thực hiện")),
                                  .th(.text("Thao tác")), .th(.text("Đối tượng")), .th(.text("Trước")), .th(.text("Sau")))),
                       .tbody(.forEach(entries) { entry in
                           .tr(.td(.text(String(entry.id))),
                               .td(.text(Self.instant(entry.event.at))),
                               .td(.text(entry.event.actor)),
                               .td(.attribute(named: "data-action", value: entry.event.action.rawValue),
                                   .text(entry.event.action.vietnameseLabel)),
                               .td(.text("\(Self.label(ofKind: entry.event.objectKind)) \(entry.event.objectID)")),
                               .td(.code(.text(entry.event.before ?? ""))),
                               .td(.code(.text(entry.event.after ?? ""))))
                       }))),
            .p(.class("pager"),
               .if(query.beforeID != nil,
                   .a(.id("trang-dau"), .escaped("href", link(beforeID: nil)), .text("« Mới nhất"))),
               .if(query.beforeID != nil && nextBeforeID != nil, .text(" · ")),
               .unwrap(nextBeforeID) { cursor in
                   .a(.id("trang-sau"), .escaped("href", link(beforeID: cursor)), .text("Cũ hơn »"))
               })
        )
    }

    private func link(beforeID: Int64?) -> String {
        let query = query.queryString(beforeID: beforeID)
        return AdminAuditTrailController.path + (query.isEmpty ? "" : "?" + query)
    }
}
