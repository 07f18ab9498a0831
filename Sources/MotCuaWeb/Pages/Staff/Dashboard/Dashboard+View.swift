import Foundation
import MotCuaCore
import MotCuaReports
import MotCuaStore
import Plot
import WorkCalendar

/// The dashboard page: the day, the period's figures, three server-drawn charts (each with its data table
/// for screen readers and for anyone who wants the numbers) and the late dossiers.
struct DashboardView {
    let frame: StaffFrame
    let model: DashboardModel

    var document: HTML {
        let f = model.figures
        return SiteLayout.staffPage(frame, title: "Tổng quan", current: StaffPaths.dashboard,
            .h1(.text("Tổng quan")),
            .p(.class("muted"), .text("Phạm vi: \(model.scopeLabel).")),
            model.input.pickerForm(action: StaffPaths.dashboard, id: "chon-ky", sites: model.sites, site: model.site),
            .section(.class("dashboard-day"), .attribute(named: "aria-labelledby", value: "hom-nay"),
                .h2(.id("hom-nay"), .text("Hôm nay, \(model.today.vietnameseNumeric)")),
                .ul(.class("tiles"),
                    tile("hom-nay-tiep-nhan", "Tiếp nhận", f: model.day.received),
                    tile("hom-nay-tra-ket-qua", "Trả kết quả", f: model.day.returned),
                    tile("hom-nay-qua-han", "Đang quá hạn", f: model.day.overdueOpen, alert: model.day.overdueOpen > 0))),
            .section(.class("dashboard-period"), .attribute(named: "aria-labelledby", value: "trong-ky"),
                .h2(.id("trong-ky"), .text("Trong kỳ \(model.shown.vietnameseRange)")),
                .if(model.shown != model.period,
                    .p(.class("muted"), .text("Kỳ \(model.period.vietnameseRange) chưa kết thúc: số liệu tính đến hôm nay."))),
                .ul(.class("tiles"),
                    tile("ky-tiep-nhan", "Tiếp nhận", f: f.received,
                         detail: "Trực tiếp \(n(f.receivedCounter)) · Trực tuyến \(n(f.receivedOnline)) · Bưu chính \(n(f.receivedPostal))"),
                    tile("ky-da-giai-quyet", "Đã giải quyết", f: f.resolved,
                         detail: "Trước và đúng hạn \(n(f.early + f.onTime)) · Trễ hạn \(n(f.late))"),
                    .li(.id("ky-ty-le-dung-han"), .class("tile"),
                        .span(.class("tile-label"), .text("Tỷ lệ đúng hạn")),
                        .span(.class("tile-value"), .text(DashboardModel.onTimeRate(f).map { VietnameseFormat.percent($0) } ?? "—"))),
                    tile("ky-dang-giai-quyet", "Đang giải quyết", f: f.inProgress,
                         detail: "Trong hạn \(n(f.withinDeadline)) · Quá hạn \(n(f.overdue))", alert: f.overdue > 0),
                    tile("ky-ton-ky-truoc", "Tồn kỳ trước", f: f.carriedOver, detail: "Rút, dừng: \(n(f.withdrawn))"))),
            receiptsChart,
            onTimeChart,
            overdueChart,
            lateSection
        )
    }

    private func n(_ value: Int) -> String { VietnameseFormat.integer(value) }

    private func tile(_ id: String, _ label: String, f value: Int, detail: String? = nil, alert: Bool = false) -> Node<HTML.ListContext> {
        .li(.id(id), .class(alert ? "tile tile-alert" : "tile"),
            .span(.class("tile-label"), .text(label)),
            .span(.class("tile-value"), .text(n(value))),
            .unwrap(detail) { .span(.class("tile-detail"), .text($0)) })
    }

    /// A chart with its caption and its numbers as a table.
    private func figure(_ svg: String, caption: String, table: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .element(named: "figure", nodes: [
            .class("chart-figure"),
            .raw(svg),
            .element(named: "figcaption", nodes: [.text(caption)]),
            .element(named: "details", nodes: [.element(named: "summary", nodes: [.text("Bảng số liệu")]),
                                               .div(.class("table-scroll"), table)]),
        ])
    }

    private var receiptsChart: Node<HTML.BodyContext> {
        let chart = StackedColumnChart(
            id: "bieu-do-tiep-nhan", title: "Hồ sơ tiếp nhận theo tuần và kênh nộp",
            series: [.init(name: "Trực tiếp", colour: .counter), .init(name: "Trực tuyến", colour: .online),
                     .init(name: "Bưu chính", colour: .postal)],
            columns: model.weeks.map { .init(label: Self.dayMonth($0.weekStart), values: [$0.counter, $0.online, $0.postal]) })
        return .section(.class("chart-section"), .h2(.text("Tiếp nhận theo tuần")),
            figure(chart.svg, caption: "Mỗi cột là một tuần (từ thứ Hai), chia theo kênh: trực tiếp, trực tuyến, bưu chính công ích; tuần đầu và tuần cuối của kỳ có thể không đủ 7 ngày.",
                   table: .table(.class("numbers"),
                    .thead(.tr(.th(.text("Tuần từ")), .th(.text("Trực tiếp")), .th(.text("Trực tuyến")), .th(.text("Bưu chính")), .th(.text("Tổng")))),
                    .tbody(.forEach(model.weeks) { w in
                        .tr(.td(.text(w.weekStart.vietnameseNumeric)), .td(.text(n(w.counter))), .td(.text(n(w.online))),
                            .td(.text(n(w.postal))), .td(.text(n(w.total))))
                    }))))
    }

    private var onTimeChart: Node<HTML.BodyContext> {
        let rated = model.agencies.filter { $0.figures.resolved > 0 }
        let chart = HorizontalBarChart(
            id: "bieu-do-dung-han", title: "Tỷ lệ giải quyết đúng hạn theo cơ quan",
            bars: rated.map { a in
                let rate = DashboardModel.onTimeRate(a.figures) ?? 0
                return .init(label: a.shortName, value: rate * 100, valueText: VietnameseFormat.percent(rate))
            }, maximum: 100, colour: .good)
        return .section(.class("chart-section"), .h2(.text("Tỷ lệ đúng hạn theo cơ quan")),
            figure(chart.svg, caption: "Hồ sơ giải quyết trước hạn và đúng hạn trên tổng số đã giải quyết trong kỳ (thang 0–100%).",
                   table: .table(.class("numbers"),
                    .thead(.tr(.th(.text("Cơ quan")), .th(.text("Đã giải quyết")), .th(.text("Trước, đúng hạn")),
                               .th(.text("Trễ hạn")), .th(.text("Tỷ lệ đúng hạn")))),
                    .tbody(.forEach(rated) { a in
                        .tr(.td(.text(a.name)), .td(.text(n(a.figures.resolved))), .td(.text(n(a.figures.early + a.figures.onTime))),
                            .td(.text(n(a.figures.late))),
                            .td(.text(DashboardModel.onTimeRate(a.figures).map { VietnameseFormat.percent($0) } ?? "—")))
                    }))))
    }

    private var overdueChart: Node<HTML.BodyContext> {
        let open = model.agencies.filter { $0.figures.inProgress > 0 }
            .sorted { ($0.figures.overdue, $1.name) > ($1.figures.overdue, $0.name) }
        let chart = HorizontalBarChart(
            id: "bieu-do-qua-han", title: "Hồ sơ đang giải quyết quá hạn theo cơ quan",
            bars: open.filter { $0.figures.overdue > 0 }.map { .init(label: $0.shortName, value: Double($0.figures.overdue),
                                                                      valueText: n($0.figures.overdue)) },
            colour: .bad)
        return .section(.class("chart-section"), .h2(.text("Hồ sơ quá hạn theo cơ quan")),
            figure(chart.svg, caption: "Hồ sơ chưa giải quyết xong đã quá hạn vào cuối ngày \(model.shown.to.vietnameseNumeric).",
                   table: .table(.class("numbers"),
                    .thead(.tr(.th(.text("Cơ quan")), .th(.text("Đang giải quyết")), .th(.text("Trong hạn")), .th(.text("Quá hạn")))),
                    .tbody(.forEach(open) { a in
                        .tr(.td(.text(a.name)), .td(.text(n(a.figures.inProgress))), .td(.text(n(a.figures.withinDeadline))),
                            .td(.text(n(a.figures.overdue))))
                    }))))
    }

    private var lateSection: Node<HTML.BodyContext> {
        let first = (model.latePage - 1) * DashboardModel.latePageSize
        let query = model.input.query
        func pageLink(_ page: Int) -> String {
            StaffPaths.dashboard + "?" + (query.isEmpty ? "" : query + "&") + "trang=\(page)#ho-so-tre-han"
        }
        return .section(.class("late"), .attribute(named: "aria-labelledby", value: "tre-han"),
            .h2(.id("tre-han"), .text("Hồ sơ giải quyết trễ hạn (\(n(model.lateTotal)))")),
            // The table is always there (an empty period says so in a row): scripts and readers find it.
            .div(.class("table-scroll"), .table(
                .id("ho-so-tre-han"),
                .caption(.text(model.lateRows.isEmpty ? (model.lateTotal == 0 ? "Không có hồ sơ trễ hạn trong kỳ."
                                                         : "Trang này không có hồ sơ: kỳ có \(n(model.lateTotal)) hồ sơ trễ hạn, xem từ trang 1.")
                    : "Từ hồ sơ \(n(first + 1)) đến \(n(first + model.lateRows.count)) trong \(n(model.lateTotal)) hồ sơ, trễ nhiều nhất trước.")),
                .thead(.tr(.th(.text("Mã hồ sơ")), .th(.text("Cơ quan")), .th(.text("Bước xử lý")),
                           .th(.text("Số ngày trễ")), .th(.text("Nguyên nhân")))),
                .tbody(
                    .if(model.lateRows.isEmpty, .tr(.td(.attribute(named: "colspan", value: "5"), .text("Không có hồ sơ trễ hạn trong kỳ.")))),
                    .forEach(model.lateRows) { row in
                    .tr(.td(.class("code"), .a(.escaped("href", StaffPaths.dossier(row.code)), .text(row.code))),
                        .td(.text(row.agencyName)), .td(.text(row.step)),
                        .td(.class("number"), .text(row.daysLate == 0 ? "Trong ngày hẹn" : n(row.daysLate))),
                        .td(.text(row.reason.isEmpty ? "Chưa ghi nhận" : row.reason),
                            .if(row.systemOnly, .span(.class("muted"), .text(" (trễ hạn phần mềm)")))))
                }))),
            .if(model.latePageCount > 1, .nav(.class("pager"), .attribute(named: "aria-label", value: "Trang hồ sơ trễ hạn"),
                .if(model.latePage > 1, .a(.escaped("href", pageLink(model.latePage - 1)), .attribute(named: "rel", value: "prev"), .text("‹ Trang trước"))),
                .span(.text(" Trang \(model.latePage)/\(model.latePageCount) ")),
                .if(model.latePage < model.latePageCount, .a(.escaped("href", pageLink(model.latePage + 1)), .attribute(named: "rel", value: "next"), .text("Trang sau ›")))))
        )
    }

    /// "05/7" — short enough under a week's column.
    static func dayMonth(_ date: LocalDate) -> String {
        (date.day < 10 ? "0" : "") + "\(date.day)/\(date.month)"
    }
}
