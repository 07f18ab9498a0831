import Foundation
import MotCuaCore
import Plot
import WorkCalendar

/// A year of the working calendar: twelve month grids (Monday first), days off and make-up working days
/// marked and named, the administrator's corrections listed with a button to remove each.
struct AdminCalendarView {
    /// The set-day form as typed, kept when it comes back with an error.
    struct DayForm: Sendable {
        var date = "", kind = DayKind.holiday.rawValue, note = ""

        /// The entry the form describes, or a Vietnamese reason why not.
        func entry() throws(ValidationError) -> DayEntry {
            let text = date.trimmingCharacters(in: .whitespaces)
            guard let day = try? LocalDate(iso: text), WorkingCalendar.supportedYears.contains(day.year) else {
                throw ValidationError(field: "date", value: text, reason: "not a date (YYYY-MM-DD) within the supported years",
                                      vietnamese: "Vui lòng nhập ngày hợp lệ (ví dụ 2026-09-01).")
            }
            guard let dayKind = DayKind(rawValue: kind) else {
                throw ValidationError(field: "kind", value: kind, reason: "unknown day kind",
                                      vietnamese: "Vui lòng chọn loại ngày.")
            }
            let name = note.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...200).contains(name.count), !name.contains(where: \.isNewline) else {
                throw ValidationError(field: "name", reason: "the note must be 1 to 200 characters on one line",
                                      vietnamese: "Vui lòng nhập ghi chú (tên ngày, tối đa 200 ký tự).")
            }
            return DayEntry(date: day, kind: dayKind, name: name)
        }
    }

    struct Day: Sendable {
        let date: LocalDate
        let working: Bool
        let entry: DayEntry?

        var cssClass: String {
            if let entry, entry.kind.isWorking, date.isWeekend { return "day makeup" }
            if !working { return entry == nil ? "day weekend" : "day off" }
            return "day"
        }

        var label: String {
            let state = working ? "ngày làm việc" : "ngày nghỉ"
            return "\(date.vietnameseNumeric): \(state)" + (entry.map { " — \($0.name)" } ?? "")
        }
    }

    struct Month: Sendable {
        let number: Int
        /// Weeks of seven cells, Monday first; nil pads the days of other months.
        let weeks: [[Day?]]
    }

    static func months(of year: Int, calendar: WorkingCalendar) throws -> [Month] {
        try (1...12).map { month -> Month in
            let first = try LocalDate(year: year, month: month, day: 1)
            var cells: [Day?] = Array(repeating: nil, count: first.weekday - 1)
            var date = first
            while date.month == month {
                cells.append(Day(date: date, working: try calendar.isWorkingDay(date), entry: try calendar.entry(for: date)))
                date = date.adding(days: 1)
            }
            cells += Array(repeating: nil, count: (7 - cells.count % 7) % 7)
            return Month(number: month, weeks: stride(from: 0, to: cells.count, by: 7).map { Array(cells[$0..<($0 + 7)]) })
        }
    }

    static let kindLabels: [(DayKind, String)] = [
        (.holiday, "Ngày nghỉ lễ, Tết"), (.compensatory, "Nghỉ bù"), (.swappedOff, "Nghỉ hoán đổi"),
        (.makeupWorkday, "Làm bù (thứ Bảy, Chủ nhật)"), (.workday, "Ngày làm việc bình thường (bỏ ngày nghỉ)"),
    ]

    static func label(of kind: DayKind) -> String { kindLabels.first { $0.0 == kind }?.1 ?? kind.rawValue }

    let frame: StaffFrame
    let year: Int
    let months: [Month]
    let corrections: [DayEntry]
    let form: DayForm
    let error: String?
    let notice: String?

    var document: HTML {
        SiteLayout.staffPage(frame, title: "Lịch làm việc năm \(year)", current: StaffPaths.administration,
            .p(.a(.href(StaffPaths.administration), .text("← Quản trị hệ thống"))),
            .h1(.text("Lịch làm việc năm \(year)")),
            .nav(.class("year-nav"), .attribute(named: "aria-label", value: "Chọn năm"),
                 .a(.id("nam-truoc"), .href(AdminCalendarController.yearPath(year - 1)), .text("← Năm \(year - 1)")),
                 .text(" · "),
                 .a(.id("nam-sau"), .href(AdminCalendarController.yearPath(year + 1)), .text("Năm \(year + 1) →"))),
            AdminForm.notice(notice),
            .h2(.id("dat-ngay"), .text("Đánh dấu ngày nghỉ hoặc ngày làm việc")),
            AdminForm.error(error),
            .form(.id("form-dat-ngay"), .class("inline"), .method(.post), .action(AdminCalendarController.path),
                  .attribute(named: "aria-labelledby", value: "dat-ngay"),
                  frame.csrfField,
                  .div(.label(.attribute(named: "for", value: "ngay"), .text("Ngày")),
                       .input(.id("ngay"), .name("ngay"), .type(.date), .escaped("value", form.date), .required(true))),
                  .div(.label(.attribute(named: "for", value: "loai"), .text("Loại ngày")),
                       .select(.id("loai"), .attribute(named: "name", value: "loai"), .forEach(Self.kindLabels) { kind, label in
                           AdminForm.option(kind.rawValue, label, selected: kind.rawValue == form.kind)
                       })),
                  .div(.label(.attribute(named: "for", value: "ghi_chu"), .text("Ghi chú (tên ngày)")),
                       .input(.id("ghi_chu"), .name("ghi_chu"), .type(.text), .escaped("value", form.note), .required(true),
                              .attribute(named: "maxlength", value: "200"))),
                  .button(.id("nut-luu-ngay"), .type(.submit), .text("Lưu"))),
            .h2(.text("Điều chỉnh của quản trị trong năm \(year)")),
            .if(corrections.isEmpty, .p(.class("muted"), .text("Chưa có điều chỉnh nào; lịch theo quy định và lịch nghỉ chính thức."))),
            .if(!corrections.isEmpty, .table(.id("dieu-chinh-lich"),
                .thead(.tr(.th(.text("Ngày")), .th(.text("Loại")), .th(.text("Ghi chú")), .th(.text("Bỏ điều chỉnh")))),
                .tbody(.forEach(corrections) { entry in
                    .tr(.td(.text(entry.date.vietnameseNumeric)), .td(.text(Self.label(of: entry.kind))), .td(.text(entry.name)),
                        .td(.form(.method(.post), .action(AdminCalendarController.removePath),
                                  .attribute(named: "data-confirm", value: "Bỏ điều chỉnh ngày \(entry.date.vietnameseNumeric)?"),
                                  frame.csrfField,
                                  .input(.type(.hidden), .name("ngay"), .escaped("value", entry.date.description)),
                                  .button(.escaped("id", "bo-\(entry.date)"), .type(.submit), .text("Bỏ")))))
                }))),
            .h2(.text("Các tháng")),
            .p(.class("legend muted"),
               .span(.class("day off"), .text("Nghỉ")), .text(" ngày nghỉ lễ, nghỉ bù, hoán đổi · "),
               .span(.class("day makeup"), .text("Làm bù")), .text(" thứ Bảy, Chủ nhật làm việc · "),
               .span(.class("day weekend"), .text("CN")), .text(" cuối tuần")),
            .div(.class("year-grid"), .forEach(months) { month in
                .table(.class("month"), .escaped("id", "thang-\(month.number)"),
                    .caption(.text("Tháng \(month.number)/\(year)")),
                    .thead(.tr(.forEach(["T2", "T3", "T4", "T5", "T6", "T7", "CN"]) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                    .tbody(.forEach(month.weeks) { week in
                        .tr(.forEach(week) { cell in
                            .unwrap(cell, { day in
                                .td(.class(day.cssClass), .escaped("id", "ngay-\(day.date)"), .escaped("title", day.label),
                                    .span(.class("num"), .text("\(day.date.day)")),
                                    .span(.class("sr-only"), .text(" " + day.label)))
                            }, else: .td(.class("pad")))
                        })
                    }))
            })
        )
    }
}
