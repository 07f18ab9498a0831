import Foundation

/// A computed due instant and why it is what it is.
public struct Deadline: Sendable, Hashable {
    /// The due instant.
    public var due: Date
    /// The instant counting started from: the start itself when the office was open (and the cutoff had
    /// not passed), otherwise the next office-open instant.
    public var countedFrom: Date
    /// The named non-working days between the start's local date and the due date, both included:
    /// holidays (also those that fall on a weekend), compensatory days and swapped days off. Ordinary
    /// Saturdays and Sundays are not listed, only counted in `weekendDaysSkipped`, so that an explanation
    /// shows what makes this deadline differ from a plain Monday–Friday count.
    public var skipped: [DayEntry]
    /// Ordinary Saturdays and Sundays (not worked, no holiday) in the same span.
    public var weekendDaysSkipped: Int
    /// Saturdays or Sundays in the span that were worked (make-up workdays) and so were counted.
    public var workedWeekendDays: [DayEntry]

    /// One line per named day: "2024-04-29 swapped_off Hoán đổi: nghỉ thay cho thứ Bảy 04/05/2024".
    public var explanation: [String] {
        let worked = workedWeekendDays.map { "\($0.date) \($0.kind.rawValue) \($0.name) (counted as a working day)" }
        let skipped = skipped.map { "\($0.date) \($0.kind.rawValue) \($0.name)" }
        return (skipped + worked).sorted()
    }
}

extension WorkingCalendar {
    /// N working days from an instant (DESIGN, "Working time"): if the office is closed at `start`
    /// (outside `hours`, a non-working day) or `start` is after the procedure's `cutoff` on a working day,
    /// counting starts at the next office-open instant (for the cutoff, the opening of the next working day);
    /// the due instant is at the same office-time offset N working days later. A start at 07:30 on Monday with
    /// N = 1 is due 07:30 on Tuesday; a start at 16:00 is due at 16:00.
    public func deadline(addingWorkingDays n: Int, to start: Date, hours: OfficeHours = .standard,
                         cutoff: TimeOfDay? = nil) throws -> Deadline {
        guard n >= 0 else { throw CalendarError.negativeAmount(n, unit: "days") }
        let begin = try startPosition(of: start, hours: hours, cutoff: cutoff)
        let daily = hours.dailySeconds
        let (rank, offset) = begin.quotientAndRemainder(dividingBy: daily)
        let (dueRank, overflow) = rank.addingReportingOverflow(n)
        guard !overflow, dueRank < index.totalWorkingDays else {
            throw CalendarError.resultOutOfRange("Adding \(n) working days to \(VietnamTime.iso8601(start))")
        }
        let due = try instant(atPosition: dueRank * daily + offset, hours: hours, closing: false)
        return try explain(start: start, countedFrom: instant(atPosition: begin, hours: hours, closing: false), due: due)
    }

    /// H working hours from an instant: the same start rule as for days, then H hours of office time.
    /// A due time on a period boundary is the end of the period (4 h from 07:30 is 11:30, not 13:30).
    public func deadline(addingWorkingHours h: Int, to start: Date, hours: OfficeHours = .standard,
                         cutoff: TimeOfDay? = nil) throws -> Deadline {
        guard h >= 0 else { throw CalendarError.negativeAmount(h, unit: "hours") }
        let (minutes, overflow) = h.multipliedReportingOverflow(by: 60)
        guard !overflow else { throw CalendarError.resultOutOfRange("Adding \(h) working hours") }
        return try deadline(addingWorkingMinutes: minutes, to: start, hours: hours, cutoff: cutoff, unit: "hours", amount: h)
    }

    /// M working minutes from an instant (half-days, 90-minute procedures …); rules as for hours.
    public func deadline(addingWorkingMinutes m: Int, to start: Date, hours: OfficeHours = .standard,
                         cutoff: TimeOfDay? = nil) throws -> Deadline {
        try deadline(addingWorkingMinutes: m, to: start, hours: hours, cutoff: cutoff, unit: "minutes", amount: m)
    }

    /// Office time between two instants, in whole minutes (negative when `to` is before `from`).
    public func workingMinutes(from: Date, to: Date, hours: OfficeHours = .standard) throws -> Int {
        try workingSeconds(from: from, to: to, hours: hours) / 60
    }

    /// Office time between two instants, in seconds (negative when `to` is before `from`).
    public func workingSeconds(from: Date, to: Date, hours: OfficeHours = .standard) throws -> Int {
        let a = try position(of: VietnamTime.seconds(of: from), hours: hours)
        let b = try position(of: VietnamTime.seconds(of: to), hours: hours)
        return b - a
    }

    /// The first instant at or after `after` when the office is open: `after` itself during office hours
    /// of a working day, else the next opening (13:30 after the lunch break, 07:30 of the next working day).
    public func nextOpenInstant(after: Date, hours: OfficeHours = .standard) throws -> Date {
        let seconds = VietnamTime.seconds(of: after)
        let p = try position(of: seconds, hours: hours)
        let open = try instant(atPosition: p, hours: hours, closing: false)
        return VietnamTime.seconds(of: open) == seconds ? after : open
    }

    /// Whether the office is open at `instant` (a working day, inside one of the periods).
    public func isOpen(at instant: Date, hours: OfficeHours = .standard) throws -> Bool {
        let (day, second) = VietnamTime.split(VietnamTime.seconds(of: instant))
        let offset = try offset(of: LocalDate(daysSince1970: day))
        return index.isWorking(offset) && hours.isOpen(atSecond: second)
    }

    // MARK: - Office-time positions
    //
    // The position of an instant is the office time (seconds) between 1800-01-01 and the instant, counting
    // `hours.dailySeconds` for each working day: rank × daily + office seconds elapsed that day. It never
    // decreases with time, is constant while the office is closed, and turns every working-time question
    // into integer arithmetic on the precomputed working-day ranks.

    func position(of utcSeconds: Int, hours: OfficeHours) throws -> Int {
        let (day, second) = VietnamTime.split(utcSeconds)
        let offset = try offset(of: LocalDate(daysSince1970: day))
        let rank = index.workingCount(before: offset)
        let elapsed = index.isWorking(offset) ? hours.officeSeconds(before: second) : 0
        return rank * hours.dailySeconds + elapsed
    }

    /// Position counting starts from, with the cutoff rule applied.
    func startPosition(of start: Date, hours: OfficeHours, cutoff: TimeOfDay?) throws -> Int {
        let seconds = VietnamTime.seconds(of: start)
        var p = try position(of: seconds, hours: hours)
        let (day, second) = VietnamTime.split(seconds)
        let offset = day - WorkingDayIndex.firstDay
        if let cutoff, index.isWorking(offset), second > cutoff.secondsSinceMidnight {
            p = max(p, (index.workingCount(before: offset) + 1) * hours.dailySeconds)
        }
        return p
    }

    /// The instant at `position`. `closing: false` gives the open instant (the start of the next period
    /// at a boundary); `closing: true` the earliest instant (the end of the period at a boundary).
    func instant(atPosition p: Int, hours: OfficeHours, closing: Bool) throws -> Date {
        let daily = hours.dailySeconds
        let rank: Int, second: Int
        if closing && p > 0 {
            rank = (p - 1) / daily
            second = hours.secondOfDay(atClosingOffset: p - rank * daily)
        } else {
            rank = p / daily
            second = hours.secondOfDay(atOpenOffset: p - rank * daily)
        }
        guard let offset = index.workingDay(rank: rank) else {
            throw CalendarError.resultOutOfRange("The computed instant")
        }
        return VietnamTime.instant(day: offset + WorkingDayIndex.firstDay, second: second)
    }

    private func deadline(addingWorkingMinutes m: Int, to start: Date, hours: OfficeHours, cutoff: TimeOfDay?,
                          unit: String, amount: Int) throws -> Deadline {
        guard m >= 0 else { throw CalendarError.negativeAmount(amount, unit: unit) }
        let begin = try startPosition(of: start, hours: hours, cutoff: cutoff)
        let (seconds, o1) = m.multipliedReportingOverflow(by: 60)
        let (end, o2) = begin.addingReportingOverflow(seconds)
        guard !o1, !o2, end <= index.totalWorkingDays * hours.dailySeconds else {
            throw CalendarError.resultOutOfRange("Adding \(amount) working \(unit) to \(VietnamTime.iso8601(start))")
        }
        let countedFrom = try instant(atPosition: begin, hours: hours, closing: false)
        let due = m == 0 ? countedFrom : try instant(atPosition: end, hours: hours, closing: true)
        return try explain(start: start, countedFrom: countedFrom, due: due)
    }

    private func explain(start: Date, countedFrom: Date, due: Date) throws -> Deadline {
        let first = try offset(of: VietnamTime.localDate(of: start))
        let last = try offset(of: VietnamTime.localDate(of: due))
        let named = index.specialNonWorking(from: first, through: last)
        let daysOff = (last - first + 1) - (index.workingCount(before: last + 1) - index.workingCount(before: first))
        var worked: [DayEntry] = []
        for o in index.specialDays(from: first, through: last) where index.isWorking(o) {
            if LocalDate.weekday(ofDayNumber: o + WorkingDayIndex.firstDay) >= 6, let e = entry(atOffset: o) {
                worked.append(e)
            }
        }
        return Deadline(due: due, countedFrom: countedFrom, skipped: named.compactMap { entry(atOffset: $0) },
                        weekendDaysSkipped: daysOff - named.count, workedWeekendDays: worked)
    }
}
