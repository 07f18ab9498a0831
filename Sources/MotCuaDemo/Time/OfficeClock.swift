import Foundation
import WorkCalendar

/// Office time of the demo months as integer minutes, so that the generator can place instants by rule
/// ("a working day before the due date", "between the receipt and the due instant") with plain
/// arithmetic.
///
/// A *position* counts the office minutes (standard hours, 07:30–11:30 and 13:30–17:00, 450 a day) of
/// the working days of `WorkingCalendar.vietnam` from `firstDay`: the working day of rank r covers
/// positions r × 450 ..< (r + 1) × 450. `instant(_:)` turns a position into the instant the office is
/// open at (13:30 rather than 11:30 at the lunch boundary), so every instant made from a position is a
/// working-day office instant. `position(of:)` is constant while the office is closed, like the
/// calendar's own office-time positions; a days-based deadline counted from an office instant is
/// exactly `days × 450` positions later.
struct OfficeClock: Sendable {
    static let dailyMinutes = 450

    let firstDay: LocalDate
    /// Working days from `firstDay` on, in order.
    let workingDays: [LocalDate]
    /// Per day from `firstDay`: the number of working days before it, and whether it is one.
    private let rankBefore: [Int]
    private let isWorking: [Bool]
    /// Office periods as (start minute of the day, length in minutes).
    private let periods: [(start: Int, length: Int)]

    init(calendar: WorkingCalendar, from firstDay: LocalDate, through lastDay: LocalDate,
         hours: OfficeHours = .standard) throws {
        self.firstDay = firstDay
        var days: [LocalDate] = [], ranks: [Int] = [], working: [Bool] = []
        var day = firstDay
        while day <= lastDay {
            ranks.append(days.count)
            let open = try calendar.isWorkingDay(day)
            working.append(open)
            if open { days.append(day) }
            day = day.adding(days: 1)
        }
        workingDays = days
        rankBefore = ranks
        isWorking = working
        periods = hours.intervals.map { ($0.0.minutesSinceMidnight, $0.1.minutesSinceMidnight - $0.0.minutesSinceMidnight) }
        precondition(periods.reduce(0) { $0 + $1.length } == Self.dailyMinutes, "the demo assumes the standard office hours")
    }

    /// The open office instant at `position` (whole minutes).
    func instant(_ position: Int) -> Date {
        let rank = position / Self.dailyMinutes
        var minute = position - rank * Self.dailyMinutes
        let day = workingDays[rank]
        var minuteOfDay = periods[periods.count - 1].start
        for period in periods {
            if minute < period.length {
                minuteOfDay = period.start + minute
                break
            }
            minute -= period.length
        }
        return Date(timeIntervalSince1970: Double(day.daysSince1970 * 86_400 + minuteOfDay * 60 - VietnamTime.offsetSeconds))
    }

    /// Office minutes from the first day's midnight to `instant` (floored to the minute).
    func position(of instant: Date) -> Int {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + VietnamTime.offsetSeconds
        let dayNumber = Int((Double(local) / 86_400).rounded(.down))
        let minuteOfDay = (local - dayNumber * 86_400) / 60
        let offset = dayNumber - firstDay.daysSince1970
        precondition(offset >= 0 && offset < rankBefore.count, "instant outside the demo months")
        let rank = rankBefore[offset]
        guard isWorking[offset] else { return rank * Self.dailyMinutes }
        var elapsed = 0
        for period in periods {
            if minuteOfDay >= period.start + period.length { elapsed += period.length }
            else if minuteOfDay > period.start { elapsed += minuteOfDay - period.start }
        }
        return rank * Self.dailyMinutes + elapsed
    }

    /// The position of the opening of the first working day on or after `date`.
    func position(ofDayStart date: LocalDate) -> Int {
        rankBefore[date.daysSince1970 - firstDay.daysSince1970] * Self.dailyMinutes
    }

    /// The opening position of the working day of `position`.
    func dayStart(_ position: Int) -> Int { position - position % Self.dailyMinutes }

    func date(_ position: Int) -> LocalDate { workingDays[position / Self.dailyMinutes] }
}
