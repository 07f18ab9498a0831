import Foundation

/// Statutory holidays of state agencies as rules with effective dates, for the years that have no
/// official schedule (before 2015, after 2026, or any year an administrator has not entered).
///
/// The rule in force on the day of a holiday decides it:
/// - Labour Code 1994 (Art. 73, in force 1995-01-01): 1/1; Tết 4 days (the last day of the lunar year
///   and the first three days of the new one); 30/4; 1/5; 2/9; a holiday falling on the weekly day off is
///   compensated on the following working day. MotCua extends this earliest rule set to every earlier year
///   of the calendar (1800–1994): nothing in the system needs an earlier working calendar.
/// - Law 84/2007/QH11 amending Art. 73 (2007-04-02): adds Giỗ Tổ Hùng Vương, 10/3 lunar.
/// - Labour Code 2012 (Art. 115, in force 2013-05-01): Tết 5 days, which the Prime Minister places each
///   year; so Tết 2013 still had 4 days and Tết 2014 the first 5. The rule places them as the official
///   schedules did: the two days before Tết and the first three days of the new year, the weekend ones
///   compensated after. This gives exactly the weekdays off of every official schedule 2015–2026 (when
///   Tết is on a Tuesday the government names 29/30 Chạp–mùng 4 instead; the days off are the same).
/// - Labour Code 2019 (Art. 112, in force 2021-01-01): National Day 2 days, 2/9 and one adjacent day.
///   The Prime Minister picks the adjacent day each year; the rule uses the choice made for every year
///   from 2021 to 2026, generalised by weekday (the day that joins the break to the weekend): Monday → 3/9,
///   Tuesday → 1/9, Wednesday → 1/9, Thursday → 3/9, Friday → 1/9, Saturday → 1/9, Sunday → 3/9.
/// - Compensatory days (Art. 111.3 of the 2019 Code, the same rule since 1995): each holiday on a Saturday
///   or Sunday gives the next weekday that is neither a holiday nor already a compensatory day.
///
/// Weekends are Saturday and Sunday for every year (state agencies' five-day week, Decision 188/1999/QĐ-TTg);
/// make-up Saturdays and swapped days exist only in official schedules, never in computed years.
public enum HolidayRules {
    /// A dated change of the holiday law.
    public struct Amendment: Sendable, Hashable {
        public var effective: LocalDate
        public var source: String
        public var summary: String
    }

    static let labourCode1994 = date(1995, 1, 1)
    static let hungKingsLaw2007 = date(2007, 4, 2)
    static let labourCode2012 = date(2013, 5, 1)
    static let labourCode2019 = date(2021, 1, 1)

    /// The history the rules follow, oldest first (for documentation and `motcua calendar` help).
    public static let amendments: [Amendment] = [
        Amendment(effective: labourCode1994, source: "Bộ luật Lao động 1994, Điều 73",
                  summary: "1/1, Tết 4 days, 30/4, 1/5, 2/9; compensatory day when a holiday falls on the weekly rest day"),
        Amendment(effective: hungKingsLaw2007, source: "Luật 84/2007/QH11 sửa đổi Điều 73",
                  summary: "adds Giỗ Tổ Hùng Vương (10/3 lunar)"),
        Amendment(effective: labourCode2012, source: "Bộ luật Lao động 2012, Điều 115",
                  summary: "Tết 5 days"),
        Amendment(effective: labourCode2019, source: "Bộ luật Lao động 2019, Điều 112",
                  summary: "National Day 2 days (2/9 and one adjacent day)"),
    ]

    public enum Name {
        public static let newYear = "Tết Dương lịch"
        public static let tet = "Tết Nguyên đán"
        public static let hungKings = "Giỗ Tổ Hùng Vương"
        public static let victoryDay = "Ngày Chiến thắng"
        public static let labourDay = "Ngày Quốc tế Lao động"
        public static let nationalDay = "Quốc khánh"
        public static func compensatory(for holiday: String) -> String { "Nghỉ bù \(holiday)" }
    }

    /// Holidays and compensatory days of a solar year by the rules alone, sorted by date.
    public static func entries(forYear year: Int) throws -> [DayEntry] {
        guard WorkingCalendar.supportedYears.contains(year) else { throw CalendarError.yearOutOfRange(year) }
        var holidays: [DayEntry] = []
        func add(_ d: LocalDate, _ name: String) {
            holidays.append(DayEntry(date: d, kind: .holiday, name: name))
        }

        add(date(year, 1, 1), Name.newYear)

        let tet = try LunarCalendar.tet(ofYear: year)
        // 5 days: Tết-2 … Tết+2; 4 days: the last day of the old year and mùng 1–3.
        let tetOffsets = tet >= labourCode2012 ? -2...2 : -1...2
        for offset in tetOffsets { add(tet.adding(days: offset), Name.tet) }

        let hungKings = try LunarCalendar.solar(from: LunarDate(day: 10, month: 3, year: year))
        if hungKings >= hungKingsLaw2007 { add(hungKings, Name.hungKings) }

        add(date(year, 4, 30), Name.victoryDay)
        add(date(year, 5, 1), Name.labourDay)

        let nationalDay = date(year, 9, 2)
        add(nationalDay, Name.nationalDay)
        if nationalDay >= labourCode2019 {
            add(nationalDay.adding(days: adjacentNationalDayOffset(weekday: nationalDay.weekday)), Name.nationalDay)
        }

        holidays.sort { $0.date < $1.date }
        var taken = Set(holidays.map(\.date))
        var result = holidays
        for holiday in holidays where holiday.date.isWeekend {
            var d = holiday.date.adding(days: 1)
            while d.isWeekend || taken.contains(d) { d = d.adding(days: 1) }
            taken.insert(d)
            result.append(DayEntry(date: d, kind: .compensatory, name: Name.compensatory(for: holiday.name)))
        }
        return result.sorted { $0.date < $1.date }
    }

    /// Offset from 2/9 to the second National Day holiday (Labour Code 2019), by the weekday of 2/9.
    static func adjacentNationalDayOffset(weekday: Int) -> Int {
        switch weekday {
        case 1, 4, 7: return 1   // Monday → Tue 3/9, Thursday → Fri 3/9, Sunday → Mon 3/9
        default: return -1       // Tuesday, Wednesday, Friday, Saturday → 1/9
        }
    }

    /// Only for constant, known-valid dates.
    static func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate {
        LocalDate(daysSince1970: LocalDate.dayNumber(year: y, month: m, day: d))
    }
}
