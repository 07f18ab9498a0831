import Foundation

/// Every way the calendar refuses input. The messages are meant to be printed as they are
/// (the CLI shows them to administrators), so each one says what was wrong and what is allowed.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// A solar date that does not exist, e.g. 30/2.
    case invalidDate(year: Int, month: Int, day: Int)
    /// Text that is not an ISO date `YYYY-MM-DD` or names a day that does not exist.
    case invalidISODate(String)
    /// A year outside the range the calendar computes (1800–2199).
    case yearOutOfRange(Int)
    /// A lunar date with day outside 1…29/30 for that month, or a month outside 1…12.
    case invalidLunarDate(day: Int, month: Int, year: Int, isLeapMonth: Bool, monthLength: Int?)
    /// A leap month that the lunar year does not have (each lunar year has at most one).
    case nonexistentLeapMonth(month: Int, year: Int, actualLeapMonth: Int?)
    /// Text that is not a lunar date `D/M/YYYY` with an optional `L` for a leap month.
    case invalidLunarText(String)
    /// A negative number of working days, hours or minutes.
    case negativeAmount(Int, unit: String)
    /// The result of an addition would fall after the last supported day (2199-12-31).
    case resultOutOfRange(String)
    /// An hour/minute that is not a time of day.
    case invalidTimeOfDay(String)
    /// Office hours that are empty, overlapping, unordered or zero-length.
    case invalidOfficeHours(String)
    /// Text that is not an ISO 8601 instant.
    case invalidInstant(String)
    /// A line of a schedule file that cannot be read.
    case invalidScheduleLine(line: Int, text: String, reason: String)
    /// A schedule resource missing from the bundle.
    case missingResource(String)

    public var description: String {
        switch self {
        case let .invalidDate(year, month, day):
            return "Invalid date \(day)/\(month)/\(year): that day does not exist in the Gregorian calendar."
        case let .invalidISODate(text):
            return "Invalid date \"\(text)\": expected an existing day written as YYYY-MM-DD, e.g. 2024-04-29."
        case let .yearOutOfRange(year):
            return "Year \(year) is outside the supported range \(WorkingCalendar.supportedYears.lowerBound)–\(WorkingCalendar.supportedYears.upperBound)."
        case let .invalidLunarDate(day, month, year, leap, length):
            let which = "lunar \(leap ? "leap " : "")month \(month) of \(year)"
            if let length {
                return "Invalid lunar date \(day)/\(month)\(leap ? "L" : "")/\(year): \(which) has \(length) days."
            }
            return "Invalid lunar date \(day)/\(month)\(leap ? "L" : "")/\(year): lunar months are numbered 1–12 and days 1–30."
        case let .nonexistentLeapMonth(month, year, actual):
            if let actual {
                return "Lunar year \(year) has no leap month \(month): its leap month is \(actual)."
            }
            return "Lunar year \(year) has no leap month \(month): it has no leap month at all."
        case let .invalidLunarText(text):
            return "Invalid lunar date \"\(text)\": expected D/M/YYYY, with L after the month for a leap month (e.g. 15/4L/2020)."
        case let .negativeAmount(value, unit):
            return "The number of working \(unit) must not be negative (got \(value))."
        case let .resultOutOfRange(what):
            return "\(what) falls after \(WorkingCalendar.supportedYears.upperBound)-12-31, the last day the calendar covers."
        case let .invalidTimeOfDay(text):
            return "Invalid time of day \"\(text)\": expected HH:MM between 00:00 and 24:00."
        case let .invalidOfficeHours(reason):
            return "Invalid office hours: \(reason)."
        case let .invalidInstant(text):
            return "Invalid instant \"\(text)\": expected ISO 8601 like 2024-05-06T07:30:00+07:00, 2024-05-06T00:30:00Z or local 2024-05-06 07:30."
        case let .invalidScheduleLine(line, text, reason):
            return "Schedule line \(line) \"\(text)\": \(reason)."
        case let .missingResource(name):
            return "The calendar resource \(name) is missing from the WorkCalendar bundle."
        }
    }

    public var errorDescription: String? { description }
}
