import Foundation

/// A wall-clock time in Vietnam, to the minute. 24:00 is allowed as the end of a working period.
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init(hour: Int, minute: Int = 0) throws {
        guard (0...23).contains(hour) && (0...59).contains(minute) || (hour == 24 && minute == 0) else {
            throw CalendarError.invalidTimeOfDay("\(hour):\(minute)")
        }
        self.hour = hour
        self.minute = minute
    }

    /// Parses "15:00", "7:30" or the Vietnamese "15h", "15h30".
    public init(parsing text: String) throws {
        let t = Array(text.trimmingCharacters(in: .whitespaces).lowercased())
        guard let sep = t.firstIndex(where: { $0 == ":" || $0 == "h" }) else {
            throw CalendarError.invalidTimeOfDay(text)
        }
        let hourPart = t[..<sep], minutePart = t[(sep + 1)...]
        let minuteOK = minutePart.count == 2 || (t[sep] == "h" && minutePart.isEmpty)
        guard (1...2).contains(hourPart.count), minuteOK,
              (hourPart + minutePart).allSatisfy({ $0.isASCII && $0.isNumber }),
              let h = Int(String(hourPart))
        else { throw CalendarError.invalidTimeOfDay(text) }
        let m = minutePart.isEmpty ? 0 : Int(String(minutePart)) ?? -1
        do { try self.init(hour: h, minute: m) } catch { throw CalendarError.invalidTimeOfDay(text) }
    }

    /// Only for constants known to be valid.
    init(unchecked hour: Int, _ minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    public var minutesSinceMidnight: Int { hour * 60 + minute }
    var secondsSinceMidnight: Int { minutesSinceMidnight * 60 }

    /// "07:30"
    public var description: String { LocalDate.pad(hour, 2) + ":" + LocalDate.pad(minute, 2) }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }

    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The daily opening periods of an agency, applied to every working day of the calendar.
/// Default (`standard`): 07:30–11:30 and 13:30–17:00, 7.5 hours a day.
public struct OfficeHours: Sendable, Hashable, Codable, CustomStringConvertible {
    public struct Period: Sendable, Hashable {
        public let start: TimeOfDay
        public let end: TimeOfDay
    }

    /// Sorted, non-overlapping, each of positive length.
    public let periods: [Period]
    /// Office seconds before the start of each period (prefix sums), and the day's total.
    let secondsBeforePeriod: [Int]
    /// Office seconds in one working day.
    let dailySeconds: Int

    public static let standard = OfficeHours(checked: [
        Period(start: TimeOfDay(unchecked: 7, 30), end: TimeOfDay(unchecked: 11, 30)),
        Period(start: TimeOfDay(unchecked: 13, 30), end: TimeOfDay(unchecked: 17, 0)),
    ])

    /// Periods as (start, end) pairs; they must be non-empty, each start before its end, and sorted
    /// without overlap (touching periods are merged).
    public init(intervals: [(TimeOfDay, TimeOfDay)]) throws {
        guard !intervals.isEmpty else { throw CalendarError.invalidOfficeHours("no opening period given") }
        var periods: [Period] = []
        for (start, end) in intervals {
            guard start < end else {
                throw CalendarError.invalidOfficeHours("period \(start)–\(end) does not end after it starts")
            }
            if let last = periods.last {
                guard last.end <= start else {
                    throw CalendarError.invalidOfficeHours("period \(start)–\(end) overlaps or precedes \(last.start)–\(last.end); list periods in order without overlap")
                }
                if last.end == start {
                    periods[periods.count - 1] = Period(start: last.start, end: end)
                    continue
                }
            }
            periods.append(Period(start: start, end: end))
        }
        self.init(checked: periods)
    }

    /// Parses "07:30-11:30,13:30-17:00" (also with "–" or spaces).
    public init(parsing text: String) throws {
        var intervals: [(TimeOfDay, TimeOfDay)] = []
        for part in text.split(separator: ",") {
            let bounds = part.split(whereSeparator: { $0 == "-" || $0 == "–" })
            guard bounds.count == 2 else {
                throw CalendarError.invalidOfficeHours("\"\(part)\" is not a period HH:MM-HH:MM")
            }
            intervals.append((try TimeOfDay(parsing: String(bounds[0])), try TimeOfDay(parsing: String(bounds[1]))))
        }
        try self.init(intervals: intervals)
    }

    init(checked periods: [Period]) {
        self.periods = periods
        var before: [Int] = []
        var total = 0
        for p in periods {
            before.append(total)
            total += p.end.secondsSinceMidnight - p.start.secondsSinceMidnight
        }
        self.secondsBeforePeriod = before
        self.dailySeconds = total
    }

    public var intervals: [(TimeOfDay, TimeOfDay)] { periods.map { ($0.start, $0.end) } }

    /// Office minutes in one working day (450 for the standard hours).
    public var dailyMinutes: Int { dailySeconds / 60 }

    /// The first opening time of the day.
    public var opening: TimeOfDay { periods[0].start }

    /// "07:30-11:30,13:30-17:00"
    public var description: String {
        periods.map { "\($0.start)-\($0.end)" }.joined(separator: ",")
    }

    /// Codable as its text form, "07:30-11:30,13:30-17:00".
    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func == (lhs: OfficeHours, rhs: OfficeHours) -> Bool { lhs.periods == rhs.periods }
    public func hash(into hasher: inout Hasher) { hasher.combine(periods) }

    // MARK: Office time within one day (seconds)

    /// Whether the office is open at `second` of the day (periods are half-open [start, end)).
    func isOpen(atSecond second: Int) -> Bool {
        periods.contains { $0.start.secondsSinceMidnight <= second && second < $0.end.secondsSinceMidnight }
    }

    /// Office seconds elapsed in the day before `second` of the day.
    func officeSeconds(before second: Int) -> Int {
        var total = 0
        for p in periods {
            let s = p.start.secondsSinceMidnight, e = p.end.secondsSinceMidnight
            if second <= s { break }
            total += min(second, e) - s
        }
        return total
    }

    /// The second of the day at which `elapsed` (0 ≤ elapsed < daily) office seconds have passed and the
    /// office is open: at a period boundary, the start of the next period (07:30 for 0, 13:30 for 4 h).
    func secondOfDay(atOpenOffset elapsed: Int) -> Int {
        var i = periods.count - 1
        while i > 0 && secondsBeforePeriod[i] > elapsed { i -= 1 }
        return periods[i].start.secondsSinceMidnight + elapsed - secondsBeforePeriod[i]
    }

    /// The second of the day at which `elapsed` (0 < elapsed ≤ daily) office seconds have passed, as early
    /// as possible: at a boundary, the end of the period (11:30 for 4 h, 17:00 for the whole day).
    func secondOfDay(atClosingOffset elapsed: Int) -> Int {
        var i = 0
        while i < periods.count - 1 && secondsBeforePeriod[i + 1] < elapsed { i += 1 }
        return periods[i].start.secondsSinceMidnight + elapsed - secondsBeforePeriod[i]
    }
}
