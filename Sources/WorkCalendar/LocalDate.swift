import Foundation

/// A calendar date (proleptic Gregorian) without a time or a time zone: "a day in Vietnam".
///
/// Stored as a single integer, the number of days since 1970-01-01, because every working-time
/// computation is integer arithmetic on day numbers; year, month and day are derived on demand
/// (Howard Hinnant's `civil_from_days`, no Foundation `Calendar` in the hot path).
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let daysSince1970: Int

    /// Years a `LocalDate` can hold. The working calendar itself is narrower (`WorkingCalendar.supportedYears`).
    public static let representableYears: ClosedRange<Int> = 1...9999

    /// A date from its day number (days since 1970-01-01). Not validated: every integer is a date.
    public init(daysSince1970: Int) {
        self.daysSince1970 = daysSince1970
    }

    /// A validated date; 30/2 or month 13 throws `CalendarError.invalidDate`.
    public init(year: Int, month: Int, day: Int) throws {
        guard LocalDate.representableYears.contains(year), (1...12).contains(month),
              day >= 1, day <= LocalDate.daysInMonth(year: year, month: month)
        else { throw CalendarError.invalidDate(year: year, month: month, day: day) }
        self.daysSince1970 = LocalDate.dayNumber(year: year, month: month, day: day)
    }

    /// Parses an ISO 8601 calendar date, exactly `YYYY-MM-DD` ("2024-04-29").
    public init(iso: String) throws {
        let bytes = Array(iso.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let y = LocalDate.digits(bytes, 0, 4), let m = LocalDate.digits(bytes, 5, 2),
              let d = LocalDate.digits(bytes, 8, 2)
        else { throw CalendarError.invalidISODate(iso) }
        do {
            try self.init(year: y, month: m, day: d)
        } catch {
            throw CalendarError.invalidISODate(iso)
        }
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday.
    public var weekday: Int {
        LocalDate.weekday(ofDayNumber: daysSince1970)
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    public func adding(days: Int) -> LocalDate {
        LocalDate(daysSince1970: daysSince1970 + days)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: LocalDate) -> Int {
        other.daysSince1970 - daysSince1970
    }

    /// "2024-04-29"
    public var description: String {
        let c = civil
        return LocalDate.pad(c.year, 4) + "-" + LocalDate.pad(c.month, 2) + "-" + LocalDate.pad(c.day, 2)
    }

    /// "29/04/2024", the form Vietnamese documents use.
    public var vietnameseNumeric: String {
        let c = civil
        return LocalDate.pad(c.day, 2) + "/" + LocalDate.pad(c.month, 2) + "/" + LocalDate.pad(c.year, 4)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.daysSince1970 < rhs.daysSince1970
    }

    // MARK: Codable as the ISO string, so JSON and database rows read naturally.

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        try self.init(iso: try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: Integer date arithmetic (Hinnant, "chrono-Compatible Low-Level Date Algorithms").

    struct Civil: Equatable {
        var year: Int
        var month: Int
        var day: Int
    }

    var civil: Civil { LocalDate.civil(fromDayNumber: daysSince1970) }

    @inline(__always)
    static func weekday(ofDayNumber z: Int) -> Int {
        // 1970-01-01 (z = 0) is Thursday = 4.
        let r = (z + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    @inline(__always)
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    @inline(__always)
    static func civil(fromDayNumber days: Int) -> Civil {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return Civil(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    static func isLeapYear(_ y: Int) -> Bool {
        (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for i in start..<(start + count) {
            let b = bytes[i]
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
