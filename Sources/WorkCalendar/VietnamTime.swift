import Foundation

/// Asia/Ho_Chi_Minh as a fixed offset, UTC+7 (Vietnam has had no daylight saving since 1975, and the
/// system time zone of a server must never leak into a deadline). Instants are `Date`s; everything local is
/// integer arithmetic on seconds.
public enum VietnamTime {
    public static let offsetSeconds = 7 * 3600
    static let secondsPerDay = 86_400

    /// UTC+7 as a Foundation time zone, for callers that format with Foundation.
    public static let timeZone: TimeZone = TimeZone(secondsFromGMT: offsetSeconds) ?? .gmt

    /// The local date of an instant.
    public static func localDate(of instant: Date) -> LocalDate {
        LocalDate(daysSince1970: split(seconds(of: instant)).day)
    }

    /// The local time of day of an instant, to the minute (seconds dropped).
    public static func timeOfDay(of instant: Date) -> TimeOfDay {
        let second = split(seconds(of: instant)).second
        return TimeOfDay(unchecked: second / 3600, (second % 3600) / 60)
    }

    /// The instant of a local date and time.
    public static func instant(date: LocalDate, time: TimeOfDay) -> Date {
        instant(day: date.daysSince1970, second: time.secondsSinceMidnight)
    }

    /// "2024-05-06T07:30:00+07:00" (seconds are truncated).
    public static func iso8601(_ instant: Date) -> String {
        let (day, second) = split(seconds(of: instant))
        let hh = LocalDate.pad(second / 3600, 2), mm = LocalDate.pad((second % 3600) / 60, 2)
        let ss = LocalDate.pad(second % 60, 2)
        return "\(LocalDate(daysSince1970: day))T\(hh):\(mm):\(ss)+07:00"
    }

    /// Parses an ISO 8601 instant: `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z`, `±HH:MM`, `±HHMM` or
    /// `±HH`; without an offset the time is Vietnamese local time. A space may replace the `T`, and a bare
    /// date `YYYY-MM-DD` means local midnight.
    public static func parse(_ text: String) throws -> Date {
        let b = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        func fail() -> CalendarError { .invalidInstant(text) }
        guard b.count >= 10, let date = try? LocalDate(iso: String(decoding: b[0..<10], as: UTF8.self)) else {
            throw fail()
        }
        if b.count == 10 { return instant(day: date.daysSince1970, second: 0) }
        guard b.count >= 16, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
              b[13] == UInt8(ascii: ":"),
              let hour = LocalDate.digits(b, 11, 2), let minute = LocalDate.digits(b, 14, 2)
        else { throw fail() }
        var i = 16
        var second = 0
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard b.count >= i + 3, let s = LocalDate.digits(b, i + 1, 2) else { throw fail() }
            second = s
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                var j = i + 1, scale = 0.1
                while j < b.count, b[j] >= 48, b[j] <= 57 {
                    fraction += Double(b[j] - 48) * scale
                    scale /= 10
                    j += 1
                }
                guard j > i + 1 else { throw fail() }
                i = j
            }
        }
        guard hour < 24 || (hour == 24 && minute == 0 && second == 0 && fraction == 0),
              minute < 60, second < 60 else { throw fail() }
        var offset = offsetSeconds
        if i < b.count {
            let sign = b[i]
            if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
                guard i + 1 == b.count else { throw fail() }
                offset = 0
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                let rest = b.count - i - 1
                guard let oh = rest >= 2 ? LocalDate.digits(b, i + 1, 2) : nil else { throw fail() }
                var om = 0
                if rest == 5, b[i + 3] == UInt8(ascii: ":"), let m = LocalDate.digits(b, i + 4, 2) {
                    om = m
                } else if rest == 4, let m = LocalDate.digits(b, i + 3, 2) {
                    om = m
                } else if rest != 2 {
                    throw fail()
                }
                guard oh <= 14, om < 60 else { throw fail() }
                offset = (oh * 3600 + om * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
            } else {
                throw fail()
            }
        }
        let local = date.daysSince1970 * secondsPerDay + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(local - offset) + fraction)
    }

    // MARK: Internals

    /// Whole seconds since 1970 (floored, so 07:29:59.9 is still before 07:30).
    static func seconds(of instant: Date) -> Int {
        Int(instant.timeIntervalSince1970.rounded(.down))
    }

    /// (local day number, second of the local day) of a UTC second count.
    static func split(_ utcSeconds: Int) -> (day: Int, second: Int) {
        let local = utcSeconds + offsetSeconds
        var day = local / secondsPerDay
        var second = local - day * secondsPerDay
        if second < 0 {
            day -= 1
            second += secondsPerDay
        }
        return (day, second)
    }

    static func instant(day: Int, second: Int) -> Date {
        Date(timeIntervalSince1970: Double(day * secondsPerDay + second - offsetSeconds))
    }
}
