import Foundation
import WorkCalendar

/// A reporting quarter written as "2021-Q3" (case-insensitive, spaces around ignored): the one parser and
/// namer of that form, for the CLI's `--quarter`, the pages' period fields and the API's `quarter=`. Its
/// period is Decree 09/2019's (`StatisticsPeriod.quarter`).
public struct ReportingQuarter: Sendable, Hashable, CustomStringConvertible {
    public let year: Int
    /// 1…4.
    public let number: Int

    public static let years = 2000...2100

    public init(year: Int, number: Int) throws(ValidationError) {
        guard Self.years.contains(year), (1...4).contains(number) else {
            throw ValidationError(field: "quarter", value: "\(year)-Q\(number)", reason: "a quarter is YYYY-Q1 … YYYY-Q4, years 2000–2100",
                                  vietnamese: "Quý \"\(year)-Q\(number)\" không hợp lệ: nhập dạng năm-Q số quý, ví dụ 2021-Q3.")
        }
        self.year = year
        self.number = number
    }

    /// Parses "2021-Q3".
    public init(parsing text: String) throws(ValidationError) {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let number = Int(parts[1]) else {
            throw ValidationError(field: "quarter", value: text, reason: "expected a quarter such as 2021-Q3",
                                  vietnamese: "Quý \"\(text)\" không hợp lệ: nhập dạng năm-Q số quý, ví dụ 2021-Q3.")
        }
        try self.init(year: year, number: number)
    }

    /// The calendar quarter holding `date` (October–December 2026 → 2026-Q4).
    public init(containing date: LocalDate) {
        year = date.year
        number = (date.month - 1) / 3 + 1
    }

    /// The quarter whose Decree 09/2019 period is exactly `period`, if any.
    public init?(exactly period: StatisticsPeriod) {
        let candidate = ReportingQuarter(containing: period.to)
        guard let quarterPeriod = try? candidate.period, quarterPeriod == period else { return nil }
        self = candidate
    }

    /// 15th of the quarter's month before to the 14th of its last month (Decree 09/2019/NĐ-CP).
    public var period: StatisticsPeriod {
        get throws { try StatisticsPeriod.quarter(number, of: year) }
    }

    /// "2021-Q3"
    public var description: String { "\(year)-Q\(number)" }
}
