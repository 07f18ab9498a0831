import Foundation
import Hummingbird
import MotCuaCore
import Plot
import WorkCalendar

/// The period a manager asks for, as typed: `?quy=2021-Q3` (the Decree 09/2019 period of that quarter) or
/// `?tu=YYYY-MM-DD&den=YYYY-MM-DD` (both inclusive); neither means the current quarter. Kept as text so
/// that a page re-rendered after a mistake shows what was typed.
struct ReportingPeriodInput: Sendable, Hashable {
    var quarter: String
    var from: String
    var to: String
    /// `?noi-tiep-nhan=CODE`: one site's figures and report (a center with its branches, a commune center).
    var site: String

    init(quarter: String = "", from: String = "", to: String = "", site: String = "") {
        self.quarter = quarter
        self.from = from
        self.to = to
        self.site = String(site.prefix(40))
    }

    init(query request: Request) {
        func value(_ name: String) -> String {
            (request.uri.queryParameters.get(name) ?? "").trimmingCharacters(in: .whitespaces)
        }
        self.init(quarter: value("quy"), from: value("tu"), to: value("den"), site: value("noi-tiep-nhan"))
    }

    /// The site asked for, checked against the directory: nil for none; a refusal for an unknown code.
    func siteCode(in directory: AgencyDirectory) throws(Invalid) -> AgencyCode? {
        guard !site.isEmpty else { return nil }
        guard let code = try? AgencyCode(parsing: site), directory[code]?.kind.isSite == true else {
            throw Invalid(message: "Không có nơi tiếp nhận mã “\(site)”.")
        }
        return code
    }

    /// The input that names `period` by its quarter when it is one, else by its dates.
    init(_ period: StatisticsPeriod) {
        if let quarter = Self.quarterName(of: period) { self.init(quarter: quarter) } else {
            self.init(from: period.from.description, to: period.to.description)
        }
    }

    /// A refusal with the sentence the page shows.
    struct Invalid: Error, Equatable { let message: String }

    /// The period asked for; dates win over a quarter when both are given.
    func period(today: LocalDate) throws(Invalid) -> StatisticsPeriod {
        if !from.isEmpty || !to.isEmpty {
            guard !from.isEmpty, !to.isEmpty else {
                throw Invalid(message: "Vui lòng nhập cả ngày bắt đầu và ngày kết thúc (dạng năm-tháng-ngày, ví dụ 2021-06-15).")
            }
            guard let start = try? LocalDate(iso: from) else { throw Invalid(message: "Ngày bắt đầu “\(from)” không hợp lệ (dạng năm-tháng-ngày, ví dụ 2021-06-15).") }
            guard let end = try? LocalDate(iso: to) else { throw Invalid(message: "Ngày kết thúc “\(to)” không hợp lệ (dạng năm-tháng-ngày, ví dụ 2021-09-14).") }
            guard start <= end else { throw Invalid(message: "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.") }
            guard start.days(to: end) <= 3 * 366 else { throw Invalid(message: "Kỳ thống kê dài tối đa 3 năm.") }
            do { return try StatisticsPeriod(from: start, to: end) } catch { throw Invalid(message: error.vietnameseMessage) }
        }
        let text = quarter.isEmpty ? ReportingQuarter(containing: today).description : quarter
        guard let period = try? ReportingQuarter(parsing: text).period else {
            throw Invalid(message: "Quý “\(quarter)” không hợp lệ: nhập dạng năm-Q số quý, ví dụ 2021-Q3.")
        }
        return period
    }

    /// "2021-Q3" when the period is exactly that quarter's Decree 09/2019 period.
    static func quarterName(of period: StatisticsPeriod) -> String? {
        ReportingQuarter(exactly: period)?.description
    }

    /// The query string that asks for this period again (links, downloads).
    var query: String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        var codeCharacters = allowed
        codeCharacters.insert(charactersIn: ".")
        let siteQuery = site.isEmpty ? "" : "noi-tiep-nhan=" + (site.addingPercentEncoding(withAllowedCharacters: codeCharacters) ?? "")
        let period = !from.isEmpty || !to.isEmpty ? "tu=\(encode(from))&den=\(encode(to))" : quarter.isEmpty ? "" : "quy=\(encode(quarter))"
        return [period, siteQuery].filter { !$0.isEmpty }.joined(separator: "&")
    }

    /// The picker: a quarter, or two dates. A GET form: choosing a period changes nothing, so it carries no
    /// CSRF token (a token in a URL would end up in logs and history).
    /// - Parameters: sites, site: the sites to filter by (code, name) and the one chosen; none: no filter.
    func pickerForm(action: String, id: String, sites: [(code: String, name: String)] = [], site: String = "") -> Node<HTML.BodyContext> {
        .form(.id(id), .class("inline period-picker"), .method(.get), .action(action),
              .if(!sites.isEmpty,
                  .div(.label(.for("\(id)-noi-tiep-nhan"), .text("Nơi tiếp nhận")),
                       .select(.id("\(id)-noi-tiep-nhan"), .attribute(named: "name", value: "noi-tiep-nhan"),
                               .choice("", "Tất cả", selected: site.isEmpty),
                               .forEach(sites) { .choice($0.code, $0.name, selected: $0.code == site) }))),
              .div(.label(.for("\(id)-quy"), .text("Quý")),
                   .input(.type(.text), .id("\(id)-quy"), .name("quy"), .escaped("value", quarter),
                          .attribute(named: "placeholder", value: "2021-Q3"), .attribute(named: "inputmode", value: "text"))),
              .p(.class("or"), .text("hoặc")),
              .div(.label(.for("\(id)-tu"), .text("Từ ngày")),
                   .input(.type(.date), .id("\(id)-tu"), .name("tu"), .escaped("value", from))),
              .div(.label(.for("\(id)-den"), .text("Đến ngày")),
                   .input(.type(.date), .id("\(id)-den"), .name("den"), .escaped("value", to))),
              .button(.type(.submit), .text("Xem")))
    }
}

extension StatisticsPeriod {
    /// "15/06/2021 – 14/09/2021".
    var vietnameseRange: String { "\(from.vietnameseNumeric) – \(to.vietnameseNumeric)" }
}
