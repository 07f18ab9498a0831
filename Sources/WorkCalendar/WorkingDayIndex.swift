import Foundation

/// The precomputed answer to "is this day worked, and how many working days come before it", for every
/// day from 1800-01-01 to 2199-12-31 (146,097 days, exactly 400 Gregorian years).
///
/// - `cumulative[i]` = working days strictly before day `i` (day offsets count from 1800-01-01);
/// - `workingDays[k]` = offset of the k-th working day.
///
/// "Roll forward, then add n working days" is then `workingDays[cumulative[i] + n]`: whether day `i` is
/// worked or not, `cumulative[i]` is the rank of the first working day on or after it. Building the arrays
/// is one linear pass (about 1 MB of Int32s); it happens once per calendar, when the calendar is created,
/// so queries never lock and never scan.
@usableFromInline
final class WorkingDayIndex: Sendable {
    /// Day number (days since 1970-01-01) of 1800-01-01.
    @usableFromInline static let firstDay = -62_091
    /// Days from 1800-01-01 through 2199-12-31.
    @usableFromInline static let dayCount = 146_097

    /// Effective entry code per day (0 = none), after the administrator's overrides.
    let codes: [UInt8]
    @usableFromInline let cumulative: [Int32]
    @usableFromInline let workingDays: [Int32]
    /// Offsets of days with any entry, sorted.
    let specialDays: [Int32]
    /// Offsets of days off that have an entry (holiday, compensatory, swapped), sorted.
    let specialNonWorkingDays: [Int32]

    init(base: BaseLayer, overrides: [Int: DayEntry]) {
        var codes = base.codes
        for (offset, entry) in overrides { codes[offset] = WorkingDayIndex.code(of: entry.kind) }
        let n = WorkingDayIndex.dayCount
        var cumulative = [Int32](repeating: 0, count: n + 1)
        var workingDays: [Int32] = []
        workingDays.reserveCapacity(n * 5 / 7 + 8)
        var special: [Int32] = []
        var specialOff: [Int32] = []
        var weekday = LocalDate.weekday(ofDayNumber: WorkingDayIndex.firstDay)
        var count: Int32 = 0
        for offset in 0..<n {
            let code = codes[offset]
            let working: Bool
            if code == 0 {
                working = weekday <= 5
            } else {
                working = WorkingDayIndex.kinds[Int(code)]?.isWorking ?? (weekday <= 5)
                special.append(Int32(offset))
                if !working { specialOff.append(Int32(offset)) }
            }
            cumulative[offset] = count
            if working {
                workingDays.append(Int32(offset))
                count += 1
            }
            weekday = weekday == 7 ? 1 : weekday + 1
        }
        cumulative[n] = count
        self.codes = codes
        self.cumulative = cumulative
        self.workingDays = workingDays
        self.specialDays = special
        self.specialNonWorkingDays = specialOff
    }

    // MARK: Codes (one byte per day)

    /// Indexed by code; must match `code(of:)` (a test checks the round trip).
    static let kinds: [DayKind?] = [nil, .holiday, .compensatory, .swappedOff, .makeupWorkday, .workday]

    static func code(of kind: DayKind) -> UInt8 {
        switch kind {
        case .holiday: return 1
        case .compensatory: return 2
        case .swappedOff: return 3
        case .makeupWorkday: return 4
        case .workday: return 5
        }
    }

    func kind(at offset: Int) -> DayKind? {
        WorkingDayIndex.kinds[Int(codes[offset])]
    }

    // MARK: Queries

    @inlinable
    func adding(_ n: Int, toDayNumber day: Int) throws -> LocalDate {
        let offset = day - WorkingDayIndex.firstDay
        guard offset >= 0, offset < WorkingDayIndex.dayCount else {
            throw CalendarError.yearOutOfRange(LocalDate(daysSince1970: day).year)
        }
        guard n >= 0 else { throw CalendarError.negativeAmount(n, unit: "days") }
        let (rank, overflow) = Int(cumulative[offset]).addingReportingOverflow(n)
        guard !overflow, rank < workingDays.count else {
            throw CalendarError.resultOutOfRange("Adding \(n) working days to \(LocalDate(daysSince1970: day))")
        }
        return LocalDate(daysSince1970: Int(workingDays[rank]) + WorkingDayIndex.firstDay)
    }

    @inline(__always)
    func isWorking(_ offset: Int) -> Bool {
        cumulative[offset + 1] != cumulative[offset]
    }

    /// Working days strictly before day `offset` (also valid for `offset == dayCount`).
    @inline(__always)
    func workingCount(before offset: Int) -> Int {
        Int(cumulative[offset])
    }

    var totalWorkingDays: Int { workingDays.count }

    /// Offset of the working day of rank `rank`, or nil past the end.
    func workingDay(rank: Int) -> Int? {
        rank >= 0 && rank < workingDays.count ? Int(workingDays[rank]) : nil
    }

    func specialDays(from a: Int, through b: Int) -> [Int] {
        WorkingDayIndex.slice(specialDays, from: a, through: b)
    }

    func specialNonWorking(from a: Int, through b: Int) -> [Int] {
        WorkingDayIndex.slice(specialNonWorkingDays, from: a, through: b)
    }

    /// Elements of a sorted array within [a, b], by binary search.
    static func slice(_ sorted: [Int32], from a: Int, through b: Int) -> [Int] {
        guard a <= b else { return [] }
        let lo = lowerBound(sorted, Int32(clamping: a))
        let hi = lowerBound(sorted, Int32(clamping: b) &+ 1)
        return sorted[lo..<hi].map(Int.init)
    }

    static func lowerBound(_ sorted: [Int32], _ value: Int32) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
