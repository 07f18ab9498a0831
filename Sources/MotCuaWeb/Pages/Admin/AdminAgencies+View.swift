import Foundation
import MotCuaCore
import Plot
import WorkCalendar

/// The agencies with their names in force today, a rename and a stop form for each, and the add form.
struct AdminAgenciesView {
    /// The add form as typed, kept when it comes back with an error.
    struct NewAgency: Sendable {
        var code = "", level = AgencyLevel.department.rawValue, parent = "", name = "", shortName = "", validFrom = ""

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
            return try Agency(code: code, parentCode: parentCode, level: level,
                              names: [AgencyName(validFrom: try AdminAgenciesView.date(validFrom), name: name, shortName: short)])
        }
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
    let error: String?
    let notice: String?

    static func slug(_ code: AgencyCode) -> String { code.rawValue.replacingOccurrences(of: ".", with: "-") }

    var document: HTML {
        SiteLayout.staffPage(frame, title: "Cơ quan, đơn vị", current: StaffPaths.administration,
            .p(.a(.href(StaffPaths.administration), .text("← Quản trị hệ thống"))),
            .h1(.text("Cơ quan, đơn vị")),
            AdminForm.notice(notice),
            AdminForm.error(error),
            .table(.id("danh-sach-co-quan"),
                .thead(.tr(.th(.text("Mã")), .th(.text("Tên hiện nay")), .th(.text("Cấp")), .th(.text("Tên qua các thời kỳ")),
                           .th(.text("Đổi tên / ngừng hoạt động")))),
                .tbody(.forEach(agencies) { agency -> Node<HTML.TableContext> in
                    let naming = agency.naming(on: today)
                    return .tr(.escaped("id", "co-quan-\(Self.slug(agency.code))"),
                        .td(.text(agency.code.rawValue)),
                        .td(.text(naming?.name ?? "Đã ngừng hoạt động")),
                        .td(.text(agency.level.vietnameseLabel)),
                        .td(.ul(.forEach(agency.names) { name in
                            .li(.text("\(name.name) (\(name.shortName)): từ \(name.validFrom.vietnameseNumeric)"
                                      + (name.validUntil.map { " đến \($0.vietnameseNumeric)" } ?? "")))
                        })),
                        .td(.if(naming != nil, .group(
                            .form(.class("rename"), .method(.post),
                                  .escaped("action", AdminAgenciesController.agencyPath(agency.code.rawValue) + "/doi-ten"),
                                  frame.csrfField,
                                  .label(.text("Tên mới"), .input(.name("ten_moi"), .type(.text), .required(true))),
                                  .label(.text("Tên viết tắt mới"), .input(.name("ten_viet_tat_moi"), .type(.text), .required(true))),
                                  .label(.text("Từ ngày"), .input(.name("tu_ngay"), .type(.date), .required(true))),
                                  .button(.escaped("id", "doi-ten-\(Self.slug(agency.code))"), .type(.submit), .text("Đổi tên"))),
                            .form(.class("stop"), .method(.post),
                                  .escaped("action", AdminAgenciesController.agencyPath(agency.code.rawValue) + "/ngung"),
                                  .attribute(named: "data-confirm", value: "Ngừng hoạt động cơ quan này?"),
                                  frame.csrfField,
                                  .label(.text("Ngừng từ ngày"), .input(.name("tu_ngay"), .type(.date), .required(true))),
                                  .button(.escaped("id", "ngung-\(Self.slug(agency.code))"), .class("danger"), .type(.submit),
                                          .text("Ngừng hoạt động")))))))
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
