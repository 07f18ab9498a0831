import Foundation

/// Which days Vietnamese state agencies work, 1800–2199, and date-level working-day arithmetic.
///
/// Layers, later ones winning per date:
/// 1. Monday–Friday;
/// 2. the computed statutory rules (`HolidayRules`) for every year without an official schedule;
/// 3. the shipped official schedules (`OfficialSchedules`), which replace layer 2 for their years;
/// 4. an administrator's entries (`adjusted(by:)`), which override any date.
///
/// Everything is resolved once into immutable per-day arrays (see `WorkingDayIndex`), so every query is an
/// array lookup: no day-by-day scanning, no locks, safe to share across threads.
public struct WorkingCalendar: Sendable {
    /// Solar years the working calendar covers.
    public static let supportedYears: ClosedRange<Int> = 1800...2199

    /// The shipped schedules (2015–2026) on top of the statutory rules. Built on first use (a few
    /// milliseconds in a release build), then shared; Swift initialises a static `let` exactly once.
    public static let vietnam: WorkingCalendar = {
        do {
            return WorkingCalendar(officialSchedule: try OfficialSchedules.shipped())
        } catch {
            // The CSV is part of the build and checked by the tests; a missing or corrupt copy is a
            // packaging defect, not bad input.
            fatalError("WorkCalendar: cannot load the shipped official schedules: \(error)")
        }
    }()

    /// The statutory rules alone, without any official schedule (what the rules would say for 2024, …).
    public static let rulesOnly = WorkingCalendar(officialSchedule: [])

    let base: BaseLayer
    let overrides: [Int: DayEntry]
    @usableFromInline let index: WorkingDayIndex

    /// A calendar from an official schedule (entries in the format of `OfficialSchedules`) on top of the rules.
    public init(officialSchedule: [DayEntry]) {
        let base = BaseLayer(officialSchedule: officialSchedule)
        self.init(base: base, overrides: [:])
    }

    init(base: BaseLayer, overrides: [Int: DayEntry]) {
        self.base = base
        self.overrides = overrides
        self.index = WorkingDayIndex(base: base, overrides: overrides)
    }

    /// This calendar with an administrator's entries on top: each entry decides its date, whatever the
    /// shipped schedule or the rules say (`.workday` makes the date an ordinary working day). Later entries
    /// for the same date win. Entries outside 1800–2199 cannot matter and are ignored.
    /// Cost: one linear pass over the 146,097 days (under a millisecond in a release build), so build the
    /// adjusted calendar when the entries change, not for every query.
    public func adjusted(by entries: [DayEntry]) -> WorkingCalendar {
        guard !entries.isEmpty else { return self }
        var merged = overrides
        for entry in entries {
            let offset = entry.date.daysSince1970 - WorkingDayIndex.firstDay
            guard offset >= 0, offset < WorkingDayIndex.dayCount else { continue }
            merged[offset] = entry
        }
        return WorkingCalendar(base: base, overrides: merged)
    }

    /// Years that follow an official schedule (shipped), as opposed to the computed rules.
    public var officialYears: Set<Int> { base.officialYears }

    // MARK: Day queries

    public func isWorkingDay(_ date: LocalDate) throws -> Bool {
        index.isWorking(try offset(of: date))
    }

    /// The named entry deciding a date (holiday, compensatory, swapped, make-up or administrator's
    /// workday), or nil for an ordinary weekday or weekend day.
    public func entry(for date: LocalDate) throws -> DayEntry? {
        entry(atOffset: try offset(of: date))
    }

    /// Every weekday that is not worked and every Saturday or Sunday that is worked in `year`, sorted
    /// (the content of `motcua calendar days YEAR`). Kinds are holiday, compensatory, swapped_off and
    /// makeup_workday: an administrator's `workday` on a weekend is reported as `makeup_workday`; a holiday
    /// on a weekend is not reported (the day is not worked anyway).
    public func nonStandardDays(in year: Int) throws -> [DayEntry] {
        guard WorkingCalendar.supportedYears.contains(year) else { throw CalendarError.yearOutOfRange(year) }
        let first = LocalDate.dayNumber(year: year, month: 1, day: 1) - WorkingDayIndex.firstDay
        let last = LocalDate.dayNumber(year: year, month: 12, day: 31) - WorkingDayIndex.firstDay
        var result: [DayEntry] = []
        for offset in index.specialDays(from: first, through: last) {
            let weekend = LocalDate.weekday(ofDayNumber: offset + WorkingDayIndex.firstDay) >= 6
            let working = index.isWorking(offset)
            guard weekend == working, var entry = entry(atOffset: offset) else { continue }
            if entry.kind == .workday { entry.kind = .makeupWorkday }
            result.append(entry)
        }
        return result
    }

    /// The special non-working days (holidays, compensatory and swapped days, including holidays that fall
    /// on a weekend) from `start` through `end`, sorted: what a deadline "skipped", by name.
    public func specialDaysOff(from start: LocalDate, through end: LocalDate) throws -> [DayEntry] {
        let a = try offset(of: start), b = try offset(of: end)
        guard a <= b else { return [] }
        return index.specialNonWorking(from: a, through: b).compactMap { entry(atOffset: $0) }
    }

    // MARK: Date-level arithmetic (the fast path)

    /// Rolls `date` forward to a working day if it is not one, then adds `n` working days
    /// (the semantics of `numpy.busday_offset(date, n, roll='forward')`). O(1): two array reads.
    @inlinable
    public func addingWorkingDays(_ n: Int, to date: LocalDate) throws -> LocalDate {
        try index.adding(n, toDayNumber: date.daysSince1970)
    }

    /// The first working day on or after `date`.
    public func nextWorkingDay(onOrAfter date: LocalDate) throws -> LocalDate {
        try addingWorkingDays(0, to: date)
    }

    /// Working days in the half-open range [`from`, `to`): the inverse of `addingWorkingDays` for a
    /// working `from` (adding n to it and counting back gives n). Negative when `to` is before `from`.
    public func workingDays(from: LocalDate, to: LocalDate) throws -> Int {
        let a = try offset(of: from), b = try offset(of: to)
        return index.workingCount(before: b) - index.workingCount(before: a)
    }

    // MARK: Internals

    func offset(of date: LocalDate) throws -> Int {
        let offset = date.daysSince1970 - WorkingDayIndex.firstDay
        guard offset >= 0, offset < WorkingDayIndex.dayCount else { throw CalendarError.yearOutOfRange(date.year) }
        return offset
    }

    func entry(atOffset offset: Int) -> DayEntry? {
        if let entry = overrides[offset] { return entry }
        guard let kind = index.kind(at: offset) else { return nil }
        let date = LocalDate(daysSince1970: offset + WorkingDayIndex.firstDay)
        return DayEntry(date: date, kind: kind, name: base.names[offset] ?? kind.rawValue)
    }
}

/// Layers 1–3 (weekends, computed rules, shipped schedules), resolved per day. Shared, immutable.
final class BaseLayer: Sendable {
    /// `WorkingDayIndex.code(of:)` per day offset, 0 = no entry.
    let codes: [UInt8]
    /// Names of the days that have an entry, by day offset.
    let names: [Int: String]
    let officialYears: Set<Int>

    init(officialSchedule: [DayEntry]) {
        let officialYears = OfficialSchedules.years(in: officialSchedule)
        var codes = [UInt8](repeating: 0, count: WorkingDayIndex.dayCount)
        var names: [Int: String] = [:]
        func set(_ entry: DayEntry) {
            let offset = entry.date.daysSince1970 - WorkingDayIndex.firstDay
            guard offset >= 0, offset < WorkingDayIndex.dayCount else { return }
            codes[offset] = WorkingDayIndex.code(of: entry.kind)
            names[offset] = entry.name
        }
        for year in WorkingCalendar.supportedYears where !officialYears.contains(year) {
            // Cannot throw for a supported year; an empty year would only drop holidays, never crash.
            for entry in (try? HolidayRules.entries(forYear: year)) ?? [] { set(entry) }
        }
        for entry in officialSchedule { set(entry) }
        self.codes = codes
        self.names = names
        self.officialYears = officialYears
    }
}
