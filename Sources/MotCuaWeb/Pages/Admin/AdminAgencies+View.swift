import Foundation
import MotCuaCore
import Plot
import WorkCalendar

/// The agencies with their names in force today, a rename and a stop form for each, and the add form.
struct AdminAgenciesView {
    /// The add form as typed, kept when it comes back with an error.
    struct NewAgency: Sendable {
        var code = "", level = AgencyLevel.department.rawValue, parent = "", name = "", shortName = "", validFrom = ""
        /// Empty: the kind the level suggests (`AgencyKind.inferred(from:)`).
        var kind = ""

        /// The agency the form describes; a Vietnamese reason when it cannot be.
        func agency(known: Set<AgencyCode>) throws(ValidationError) -> Agency {
            guard let code = try? AgencyCode(parsing: self.code.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError(field: "code", reason: "bad code", vietnamese: "Mã cơ quan không đúng định dạng (ví dụ 000.00.15.H56).")
            }
            guard !known.contains(code) else {
                throw ValidationError(field: "code", reason: "taken", vietnamese: "Mã cơ quan \(code) đã tồn tại.")
            }
            guard let level = AgencyLevel(rawValue: self.level) else {
                throw ValidationError(field: "level", reason: "unknown level", vietnamese: "Vui lòng chọn cấp cơ quan.")
            }
            var agencyKind: AgencyKind?
            if !kind.isEmpty {
                guard let chosen = AgencyKind(rawValue: kind) else {
                    throw ValidationError(field: "kind", reason: "unknown kind", vietnamese: "Vui lòng chọn loại cơ quan.")
                }
                agencyKind = chosen
            }
            var parentCode: AgencyCode?
            if !parent.isEmpty {
                guard let parsed = try? AgencyCode(parsing: parent), known.contains(parsed) else {
                    throw ValidationError(field: "parent", reason: "unknown parent", vietnamese: "Cơ quan cấp trên không tồn tại.")
                }
                parentCode = parsed
            }
            let name = self.name.trimmingCharacters(in: .whitespacesAndNewlines)
            let short = shortName.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...300).contains(name.count), (1...100).contains(short.count) else {
                throw ValidationError(field: "name", reason: "empty name", vietnamese: "Vui lòng nhập tên và tên viết tắt của cơ quan.")
            }
            return try Agency(code: code, parentCode: parentCode, level: level, kind: agencyKind,
                              names: [AgencyName(validFrom: try AdminAgenciesView.date(validFrom), name: name, shortName: short)])
        }
    }

    /// A rename or stop form of one agency as typed, kept (and shown open) when it comes back with an error.
    struct Change: Sendable {
        var code: AgencyCode
        var name = "", shortName = "", date = "", stopDate = ""
    }

    static func date(_ text: String) throws(ValidationError) -> LocalDate {
        guard let date = try? LocalDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError(field: "date", value: text, reason: "not an ISO date",
                                  vietnamese: "Vui lòng nhập ngày hợp lệ (ví dụ 2026-12-01).")
        }
        return date
    }

    let frame: StaffFrame
    let agencies: [Agency]
    let today: LocalDate
    let form: NewAgency
    let change: Change?
    let error: String?
    let notice: String?

    static func slug(_ code: AgencyCode) -> String { code.rawValue.replacingOccurrences(of: ".", with: "-") }

    /// The rename and stop forms of one agency, folded away unless they came back with an error.
    func changeForms(_ code: AgencyCode) -> Node<HTML.BodyContext> {
        let slug = Self.slug(code)
        let draft = change?.code == code ? change : nil
        func field(_ name: String, _ label: String, _ value: String, type: HTMLInputType = .text) -> Node<HTML.FormContext> {
            .p(.label(.escaped("for", "\(name)-\(slug)"), .text(label)),
               .input(.escaped("id", "\(name)-\(slug)"), .name(name), .type(type), .escaped("value", value), .required(true)))
        }
        return .details(.if(draft != nil, .attribute(named: "open", value: "open")),
            .summary(.text("Đổi tên, ngừng hoạt động")),
            .form(.class("compact"), .method(.post), .escaped("action", AdminAgenciesController.agencyPath(code.rawValue) + "/doi-ten"),
                  frame.csrfField,
                  field("ten_moi", "Tên mới", draft?.name ?? ""),
                  field("ten_viet_tat_moi", "Tên viết tắt mới", draft?.shortName ?? ""),
                  field("tu_ngay", "Tên mới dùng từ ngày", draft?.date ?? "", type: .date),
                  .button(.escaped("id", "doi-ten-\(slug)"), .type(.submit), .text("Đổi tên"))),
            .form(.class("compact"), .method(.post), .escaped("action", AdminAgenciesController.agencyPath(code.rawValue) + "/ngung"),
                  .attribute(named: "data-confirm", value: "Ngừng hoạt động cơ quan này?"),
                  frame.csrfField,
                  .p(.label(.escaped("for", "ngung-tu-ngay-\(slug)"), .text("Ngừng hoạt động từ ngày")),
                     .input(.escaped("id", "ngung-tu-ngay-\(slug)"), .name("tu_ngay"), .type(.date),
                            .escaped("value", draft?.stopDate ?? ""), .required(true))),
                  .button(.escaped("id", "ngung-\(slug)"), .class("danger"), .type(.submit), .text("Ngừng hoạt động"))))
    }

    var document: HTML {
        SiteLayout.staffPage(frame, title: "Cơ quan, đơn vị", current: StaffPaths.administration,
            .p(.a(.href(StaffPaths.administration), .text("← Quản trị hệ thống"))),
            .h1(.text("Cơ quan, đơn vị")),
            AdminForm.notice(notice),
            AdminForm.error(error),
            .table(.id("danh-sach-co-quan"),
                .thead(.tr(.th(.text("Mã")), .th(.text("Tên hiện nay")), .th(.text("Cấp")), .th(.text("Loại")), .th(.text("Tên qua các thời kỳ")),
                           .th(.text("Đổi tên / ngừng hoạt động")))),
                .tbody(.forEach(agencies) { agency -> Node<HTML.TableContext> in
                    let naming = agency.naming(on: today)
                    return .tr(.escaped("id", "co-quan-\(Self.slug(agency.code))"),
                        .td(.text(agency.code.rawValue)),
                        .td(.text(naming?.name ?? "Đã ngừng hoạt động")),
                        .td(.text(agency.level.vietnameseLabel)),
                        .td(.text(agency.kind.vietnameseLabel)),
                        .td(.ul(.forEach(agency.names) { name in
                            .li(.text("\(name.name) (\(name.shortName)): từ \(name.validFrom.vietnameseNumeric)"
                                      + (name.validUntil.map { " đến \($0.vietnameseNumeric)" } ?? "")))
                        })),
                        .td(.if(naming != nil, changeForms(agency.code))))
                })),
            .h2(.id("them-co-quan"), .text("Thêm cơ quan")),
            .form(.id("form-them-co-quan"), .method(.post), .action(AdminAgenciesController.path),
                  .attribute(named: "aria-labelledby", value: "them-co-quan"),
                  frame.csrfField,
                  AdminForm.field("ma", "Mã cơ quan (QCVN 102:2016, ví dụ 000.00.15.H56)", value: form.code),
                  .p(.label(.attribute(named: "for", value: "cap"), .text("Cấp")),
                     .select(.id("cap"), .attribute(named: "name", value: "cap"), .forEach(AgencyLevel.allCases) { level in
                         AdminForm.option(level.rawValue, level.vietnameseLabel, selected: level.rawValue == form.level)
                     })),
                  .p(.label(.attribute(named: "for", value: "loai"), .text("Loại (nơi tiếp nhận hay cơ quan giải quyết)")),
                     .select(.id("loai"), .attribute(named: "name", value: "loai"),
                             AdminForm.option("", "— Theo cấp —", selected: form.kind.isEmpty),
                             .forEach(AgencyKind.allCases) { kind in
                                 AdminForm.option(kind.rawValue, kind.vietnameseLabel, selected: kind.rawValue == form.kind)
                             })),
                  .p(.label(.attribute(named: "for", value: "cap_tren"), .text("Cơ quan cấp trên")),
                     .select(.id("cap_tren"), .attribute(named: "name", value: "cap_tren"),
                             AdminForm.option("", "— Không có —"),
                             .forEach(agencies) { agency in
                                 AdminForm.option(agency.code.rawValue, "\(agency.name(on: today)) (\(agency.code.rawValue))",
                                                  selected: agency.code.rawValue == form.parent)
                             })),
                  AdminForm.field("ten", "Tên đầy đủ", value: form.name),
                  AdminForm.field("ten_viet_tat", "Tên viết tắt", value: form.shortName),
                  AdminForm.field("tu_ngay", "Tên có hiệu lực từ ngày", value: form.validFrom, type: .date),
                  .p(.button(.id("nut-them-co-quan"), .type(.submit), .text("Thêm cơ quan"))))
        )
    }
}
