import Foundation

/// A date of the Vietnamese lunisolar calendar (âm lịch).
public struct LunarDate: Sendable, Hashable, CustomStringConvertible {
    public var day: Int
    public var month: Int
    public var year: Int
    /// True for the intercalary month (tháng nhuận) that repeats `month`.
    public var isLeapMonth: Bool

    public init(day: Int, month: Int, year: Int, isLeapMonth: Bool = false) {
        self.day = day
        self.month = month
        self.year = year
        self.isLeapMonth = isLeapMonth
    }

    /// Parses `D/M/YYYY` with an `L` marking a leap month, either after the year (`15/4/2020L`,
    /// the CLI form) or after the month (`15/4L/2020`).
    public init(parsing text: String) throws {
        var body = text.trimmingCharacters(in: .whitespaces)
        var leap = false
        if body.hasSuffix("L") || body.hasSuffix("l") {
            leap = true
            body.removeLast()
        }
        var parts = body.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { throw CalendarError.invalidLunarText(text) }
        if parts[1].hasSuffix("L") || parts[1].hasSuffix("l") {
            guard !leap else { throw CalendarError.invalidLunarText(text) }
            leap = true
            parts[1].removeLast()
        }
        guard let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { throw CalendarError.invalidLunarText(text) }
        self.init(day: d, month: m, year: y, isLeapMonth: leap)
    }

    /// "15/4/2020L" for the 15th of leap month 4 of 2020, "1/1/2024" otherwise (the CLI's form).
    public var description: String {
        "\(day)/\(month)/\(year)\(isLeapMonth ? "L" : "")"
    }
}

/// The Vietnamese lunar calendar, computed (not copied from tables) from astronomical new moons and
/// the sun's longitude, at the meridian of UTC+7.
///
/// The rules are the ones of the Chinese calendar (a month starts on the day of a new moon; the month
/// holding the winter solstice is month 11; in a year with 13 months, the first month without a major
/// solar term is the leap month), evaluated at Hanoi's time zone. That is why Vietnam's Tết sometimes
/// falls a day or a month away from China's: 21/1/1985 (China 20/2/1985), 17/2/2007 (China 18/2/2007).
/// Vietnam adopted UTC+7 for its calendar in 1968; this calendar uses UTC+7 for every year, so before 1968
/// it gives the calendar of the North (Tết Mậu Thân = 29/1/1968), as Hồ Ngọc Đức's published algorithm does.
///
/// All months from late 1798 to early 2202 are computed once, on first use, into an immutable table;
/// every conversion is then a binary search or an index lookup.
public enum LunarCalendar {
    /// Hours east of UTC of the meridian the calendar is computed for.
    public static let timeZoneHours = 7.0

    /// Solar years accepted by `lunar(from:)` and lunar years accepted by `solar(from:)`.
    public static let supportedYears: ClosedRange<Int> = 1800...2199

    /// The lunar date of a solar date. Solar dates before Tết 1800 belong to lunar year 1799.
    public static func lunar(from date: LocalDate) throws -> LunarDate {
        guard supportedYears.contains(date.year) else { throw CalendarError.yearOutOfRange(date.year) }
        return table.lunar(dayNumber: date.daysSince1970)
    }

    /// The solar date of a lunar date; validates the month length and the leap month.
    /// Lunar year 1799 is accepted for the days that fall in solar 1800.
    public static func solar(from lunar: LunarDate) throws -> LocalDate {
        let first = supportedYears.lowerBound
        guard (first - 1)...supportedYears.upperBound ~= lunar.year else {
            throw CalendarError.yearOutOfRange(lunar.year)
        }
        let dayNumber = try table.dayNumber(of: lunar)
        let date = LocalDate(daysSince1970: dayNumber)
        if lunar.year < first, date.year < first { throw CalendarError.yearOutOfRange(lunar.year) }
        return date
    }

    /// The leap month of a lunar year, or nil when the year has 12 months.
    public static func leapMonth(ofLunarYear year: Int) throws -> Int? {
        guard supportedYears.contains(year) else { throw CalendarError.yearOutOfRange(year) }
        return table.months(ofYear: year).first(where: \.isLeap).map { Int($0.month) }
    }

    /// 29 or 30.
    public static func monthLength(month: Int, year: Int, isLeapMonth: Bool = false) throws -> Int {
        guard supportedYears.contains(year) else { throw CalendarError.yearOutOfRange(year) }
        let index = try table.monthIndex(month: month, year: year, isLeap: isLeapMonth, dayForErrors: 1)
        return table.length(ofMonthAt: index)
    }

    /// Tết Nguyên đán (1/1 lunar) of a solar year.
    public static func tet(ofYear year: Int) throws -> LocalDate {
        try solar(from: LunarDate(day: 1, month: 1, year: year))
    }

    /// The last day of a lunar year (29 or 30 tháng Chạp), the eve of Tết `year + 1`.
    static func lunarNewYearsEve(beforeTetOf year: Int) throws -> LocalDate {
        try tet(ofYear: year).adding(days: -1)
    }

    // MARK: - The precomputed month table

    struct MonthRecord: Sendable {
        var start: Int   // day number of the first day (days since 1970-01-01)
        var year: Int
        var month: Int8
        var isLeap: Bool
    }

    /// Built once, thread-safely (Swift initialises a global/static `let` exactly once).
    static let table = MonthTable()

    final class MonthTable: Sendable {
        let months: [MonthRecord]
        /// months index of month 1 (non-leap) of lunar year `firstYear + i`.
        let yearStart: [Int]
        let firstYear: Int

        init() {
            var months: [MonthRecord] = []
            months.reserveCapacity(5_000)
            let tz = LunarCalendar.timeZoneHours
            // Month-11 segments starting in December of 1797 … 2201, so that lunar years 1798…2201 are complete.
            for s in 1797...2201 {
                let a11 = Astronomy.lunarMonth11(year: s, timeZone: tz)
                let b11 = Astronomy.lunarMonth11(year: s + 1, timeZone: tz)
                let k = Int(((Double(a11) - 2_415_021.076998695) / 29.530588853 + 0.5).rounded(.down))
                let count = b11 - a11 > 365 ? 13 : 12
                let leapOffset = count == 13 ? Astronomy.leapMonthOffset(a11: a11, timeZone: tz) : Int.max
                for i in 0..<count {
                    let jd = i == 0 ? a11 : Astronomy.newMoonDay(k: k + i, timeZone: tz)
                    var number = i >= leapOffset ? i + 10 : i + 11
                    if number > 12 { number -= 12 }
                    let year = (number >= 11 && i < 4) ? s : s + 1
                    months.append(MonthRecord(start: jd - Astronomy.julianDayOf1970, year: year,
                                              month: Int8(number), isLeap: i == leapOffset))
                }
            }
            self.months = months
            let firstYear = 1798
            var yearStart: [Int] = []
            for (i, m) in months.enumerated() where m.month == 1 && !m.isLeap && m.year >= firstYear {
                precondition(m.year == firstYear + yearStart.count, "lunar table: years out of order")
                yearStart.append(i)
            }
            self.yearStart = yearStart
            self.firstYear = firstYear
        }

        func length(ofMonthAt i: Int) -> Int {
            months[i + 1].start - months[i].start
        }

        func lunar(dayNumber: Int) -> LunarDate {
            // Last month whose start <= dayNumber.
            var lo = 0, hi = months.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if months[mid].start <= dayNumber { lo = mid } else { hi = mid - 1 }
            }
            let m = months[lo]
            return LunarDate(day: dayNumber - m.start + 1, month: Int(m.month), year: m.year, isLeapMonth: m.isLeap)
        }

        func months(ofYear year: Int) -> ArraySlice<MonthRecord> {
            let i = year - firstYear
            return months[yearStart[i]..<yearStart[i + 1]]
        }

        func monthIndex(month: Int, year: Int, isLeap: Bool, dayForErrors: Int) throws -> Int {
            guard (1...12).contains(month) else {
                throw CalendarError.invalidLunarDate(day: dayForErrors, month: month, year: year,
                                                     isLeapMonth: isLeap, monthLength: nil)
            }
            let i = year - firstYear
            for index in yearStart[i]..<yearStart[i + 1]
            where Int(months[index].month) == month && months[index].isLeap == isLeap {
                return index
            }
            let actual = months(ofYear: year).first(where: \.isLeap).map { Int($0.month) }
            throw CalendarError.nonexistentLeapMonth(month: month, year: year, actualLeapMonth: actual)
        }

        func dayNumber(of lunar: LunarDate) throws -> Int {
            let index = try monthIndex(month: lunar.month, year: lunar.year, isLeap: lunar.isLeapMonth,
                                       dayForErrors: lunar.day)
            let length = length(ofMonthAt: index)
            guard lunar.day >= 1, lunar.day <= length else {
                throw CalendarError.invalidLunarDate(day: lunar.day, month: lunar.month, year: lunar.year,
                                                     isLeapMonth: lunar.isLeapMonth, monthLength: length)
            }
            return months[index].start + lunar.day - 1
        }
    }
}

/// Astronomical formulas of Hồ Ngọc Đức's "Âm lịch Việt Nam" algorithm (after Meeus, "Astronomical
/// Algorithms"): mean new moon with the main periodic terms, and the sun's apparent longitude.
/// Accurate to minutes over 1800–2200, which is what deciding "which local day" needs.
enum Astronomy {
    /// Julian day number of 1970-01-01.
    static let julianDayOf1970 = 2_440_588

    /// Julian day (fractional, UT) of the k-th new moon after 1900-01-01.
    static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
        let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 = c1 - 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT: Double
        if t < -11 {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2
        }
        return jd1 + c1 - deltaT
    }

    /// Sun's apparent longitude in radians, normalised to [0, 2π), at Julian day `jdn` (UT).
    static func sunLongitude(_ jdn: Double) -> Double {
        let t = (jdn - 2_451_545.0) / 36525
        let t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl = dl + (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= Double.pi * 2 * (l / (Double.pi * 2)).rounded(.down)
        return l
    }

    /// Julian day number of the local day holding the k-th new moon.
    static func newMoonDay(k: Int, timeZone: Double) -> Int {
        Int((newMoon(k) + 0.5 + timeZone / 24).rounded(.down))
    }

    /// Index 0…11 of the 30° sector of the sun's longitude at local midnight starting day `jdn`
    /// (the major solar term, trung khí, in force).
    static func sunLongitudeSector(dayNumber jdn: Int, timeZone: Double) -> Int {
        Int((sunLongitude(Double(jdn) - 0.5 - timeZone / 24) / Double.pi * 6).rounded(.down))
    }

    /// Julian day number of the first day of lunar month 11 (the month holding the winter solstice)
    /// that begins in solar `year`.
    static func lunarMonth11(year: Int, timeZone: Double) -> Int {
        let off = LocalDate.dayNumber(year: year, month: 12, day: 31) + julianDayOf1970 - 2_415_021
        let k = Int((Double(off) / 29.530588853).rounded(.down))
        var nm = newMoonDay(k: k, timeZone: timeZone)
        if sunLongitudeSector(dayNumber: nm, timeZone: timeZone) >= 9 {
            nm = newMoonDay(k: k - 1, timeZone: timeZone)
        }
        return nm
    }

    /// In a 13-month year starting at month 11 `a11`, the offset (1…12) of the leap month:
    /// the first month during which the sun enters no new sector.
    static func leapMonthOffset(a11: Int, timeZone: Double) -> Int {
        let k = Int(((Double(a11) - 2_415_021.076998695) / 29.530588853 + 0.5).rounded(.down))
        var i = 1
        var arc = sunLongitudeSector(dayNumber: newMoonDay(k: k + i, timeZone: timeZone), timeZone: timeZone)
        var last = 0
        repeat {
            last = arc
            i += 1
            arc = sunLongitudeSector(dayNumber: newMoonDay(k: k + i, timeZone: timeZone), timeZone: timeZone)
        } while arc != last && i < 14
        return i - 1
    }
}
