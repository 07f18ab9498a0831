import Foundation
import Testing
@testable import WorkCalendar

@Suite("Lunar calendar")
struct LunarCalendarTests {
    /// Tết Nguyên đán 1995–2035 as published in an independent table (the Vietnamese calendar of the
    /// `holidays` Python package), plus years where Vietnam differs from China and historic years.
    static let tet: [(Int, String)] = [
        (1968, "1968-01-29"), // Tết Mậu Thân: Vietnam's UTC+7 calendar (the South, still on UTC+8, had 30/1)
        (1985, "1985-01-21"), // China: 20/2/1985
        (1901, "1901-02-19"), (1945, "1945-02-13"), (1954, "1954-02-03"), (1975, "1975-02-11"), (2100, "2100-02-09"),
        (1995, "1995-01-31"), (1996, "1996-02-19"), (1997, "1997-02-07"), (1998, "1998-01-28"), (1999, "1999-02-16"),
        (2000, "2000-02-05"), (2001, "2001-01-24"), (2002, "2002-02-12"), (2003, "2003-02-01"), (2004, "2004-01-22"),
        (2005, "2005-02-09"), (2006, "2006-01-29"), (2007, "2007-02-17"), (2008, "2008-02-07"), (2009, "2009-01-26"),
        (2010, "2010-02-14"), (2011, "2011-02-03"), (2012, "2012-01-23"), (2013, "2013-02-10"), (2014, "2014-01-31"),
        (2015, "2015-02-19"), (2016, "2016-02-08"), (2017, "2017-01-28"), (2018, "2018-02-16"), (2019, "2019-02-05"),
        (2020, "2020-01-25"), (2021, "2021-02-12"), (2022, "2022-02-01"), (2023, "2023-01-22"), (2024, "2024-02-10"),
        (2025, "2025-01-29"), (2026, "2026-02-17"), (2027, "2027-02-06"), (2028, "2028-01-26"), (2029, "2029-02-13"),
        (2030, "2030-02-02"), (2031, "2031-01-23"), (2032, "2032-02-11"), (2033, "2033-01-31"), (2034, "2034-02-19"),
        (2035, "2035-02-08"),
    ]

    @Test("Tết Nguyên đán falls on the published day", arguments: tet)
    func tetDate(year: Int, expected: String) throws {
        let tet = try LunarCalendar.tet(ofYear: year)
        #expect(tet.description == expected)
        #expect(try LunarCalendar.lunar(from: tet) == LunarDate(day: 1, month: 1, year: year))
        #expect(try LunarCalendar.lunar(from: tet.adding(days: -1)).month == 12)
    }

    /// Giỗ Tổ Hùng Vương (10/3 lunar), same independent table.
    @Test("Hùng Kings' day (10/3 lunar) 2000–2030", arguments: [
        (2000, "2000-04-14"), (2001, "2001-04-03"), (2002, "2002-04-22"), (2003, "2003-04-11"), (2004, "2004-04-28"),
        (2005, "2005-04-18"), (2006, "2006-04-07"), (2007, "2007-04-26"), (2008, "2008-04-15"), (2009, "2009-04-04"),
        (2010, "2010-04-23"), (2011, "2011-04-12"), (2012, "2012-03-31"), (2013, "2013-04-19"), (2014, "2014-04-09"),
        (2015, "2015-04-28"), (2016, "2016-04-16"), (2017, "2017-04-06"), (2018, "2018-04-25"), (2019, "2019-04-14"),
        (2020, "2020-04-02"), (2021, "2021-04-21"), (2022, "2022-04-10"), (2023, "2023-04-29"), (2024, "2024-04-18"),
        (2025, "2025-04-07"), (2026, "2026-04-26"), (2027, "2027-04-16"), (2028, "2028-04-04"), (2029, "2029-04-23"),
        (2030, "2030-04-12"),
    ])
    func hungKings(year: Int, expected: String) throws {
        #expect(try LunarCalendar.solar(from: LunarDate(day: 10, month: 3, year: year)).description == expected)
    }

    @Test("Tết is always between 21 January and 20 February", arguments: [1800, 1900, 2000, 2100])
    func tetWindow(century: Int) throws {
        for year in century..<min(century + 100, 2200) {
            let tet = try LunarCalendar.tet(ofYear: year)
            #expect(tet >= (try LocalDate(year: year, month: 1, day: 21)))
            #expect(tet <= (try LocalDate(year: year, month: 2, day: 20)))
        }
    }

    @Test("leap months", arguments: [
        (2001, 4), (2004, 2), (2006, 7), (2009, 5), (2012, 4), (2014, 9), (2017, 6), (2020, 4), (2023, 2), (2025, 6),
        (2028, 5), (1985, 2),
    ])
    func leapMonth(year: Int, month: Int) throws {
        #expect(try LunarCalendar.leapMonth(ofLunarYear: year) == month)
    }

    @Test("years without a leap month", arguments: [1984, 2000, 2019, 2021, 2022, 2024, 2026])
    func noLeapMonth(year: Int) throws {
        #expect(try LunarCalendar.leapMonth(ofLunarYear: year) == nil)
    }

    @Test("known solar ↔ lunar pairs, leap months included", arguments: [
        ("2020-05-23", LunarDate(day: 1, month: 4, year: 2020, isLeapMonth: true)),
        ("2020-05-22", LunarDate(day: 30, month: 4, year: 2020)),
        ("2023-03-22", LunarDate(day: 1, month: 2, year: 2023, isLeapMonth: true)),
        ("2025-07-25", LunarDate(day: 1, month: 6, year: 2025, isLeapMonth: true)),
        ("2017-07-23", LunarDate(day: 1, month: 6, year: 2017, isLeapMonth: true)),
        ("2024-09-17", LunarDate(day: 15, month: 8, year: 2024)),  // Tết Trung thu 2024
        ("2025-01-28", LunarDate(day: 29, month: 12, year: 2024)), // 29 Tết, the eve of Tết 2025
        ("2024-04-18", LunarDate(day: 10, month: 3, year: 2024)),
    ])
    func knownPairs(solar: String, lunar: LunarDate) throws {
        #expect(try LunarCalendar.lunar(from: day(solar)) == lunar)
        #expect(try LunarCalendar.solar(from: lunar) == day(solar))
    }

    @Test("solar → lunar → solar is the identity for every day of 1800–2199")
    func roundTripEveryDay() throws {
        var previous: LunarDate?
        for n in WorkingDayIndex.firstDay..<(WorkingDayIndex.firstDay + WorkingDayIndex.dayCount) {
            let solar = LocalDate(daysSince1970: n)
            let lunar = try LunarCalendar.lunar(from: solar)
            #expect(try LunarCalendar.solar(from: lunar) == solar)
            // Consecutive days: the lunar day goes up by one, or a new month starts after day 29 or 30.
            if let p = previous, lunar.day != p.day + 1 {
                #expect(lunar.day == 1 && (p.day == 29 || p.day == 30))
            }
            previous = lunar
        }
    }

    @Test("lunar → solar → lunar for every lunar day of 2000–2040; years have 12 or 13 months of 29 or 30 days")
    func roundTripLunar() throws {
        for year in 2000...2040 {
            let leap = try LunarCalendar.leapMonth(ofLunarYear: year)
            var months: [(Int, Bool)] = (1...12).map { ($0, false) }
            if let leap { months.insert((leap, true), at: leap) }
            var expectedNext = try LunarCalendar.tet(ofYear: year)
            for (month, isLeap) in months {
                let length = try LunarCalendar.monthLength(month: month, year: year, isLeapMonth: isLeap)
                #expect(length == 29 || length == 30)
                for d in 1...length {
                    let lunar = LunarDate(day: d, month: month, year: year, isLeapMonth: isLeap)
                    let solar = try LunarCalendar.solar(from: lunar)
                    #expect(solar == expectedNext)
                    #expect(try LunarCalendar.lunar(from: solar) == lunar)
                    expectedNext = expectedNext.adding(days: 1)
                }
            }
            #expect(expectedNext == (try LunarCalendar.tet(ofYear: year + 1)))
        }
    }

    @Test("the month table is continuous: every month has 29 or 30 days")
    func tableContinuity() {
        let months = LunarCalendar.table.months
        for i in 1..<months.count {
            let length = months[i].start - months[i - 1].start
            #expect(length == 29 || length == 30)
        }
    }

    @Test("day 30 of a 29-day month is rejected")
    func dayThirtyOfShortMonth() throws {
        // Tháng Chạp of Giáp Thìn (2024) has 29 days: Tết 2025 came the day after 29/12.
        #expect(try LunarCalendar.monthLength(month: 12, year: 2024) == 29)
        #expect(throws: CalendarError.invalidLunarDate(day: 30, month: 12, year: 2024, isLeapMonth: false, monthLength: 29)) {
            try LunarCalendar.solar(from: LunarDate(day: 30, month: 12, year: 2024))
        }
        #expect(throws: CalendarError.self) { try LunarCalendar.solar(from: LunarDate(day: 0, month: 1, year: 2024)) }
        #expect(throws: CalendarError.self) { try LunarCalendar.solar(from: LunarDate(day: 1, month: 13, year: 2024)) }
    }

    @Test("a leap month the year does not have is rejected")
    func nonexistentLeapMonth() {
        #expect(throws: CalendarError.nonexistentLeapMonth(month: 5, year: 2020, actualLeapMonth: 4)) {
            try LunarCalendar.solar(from: LunarDate(day: 1, month: 5, year: 2020, isLeapMonth: true))
        }
        #expect(throws: CalendarError.nonexistentLeapMonth(month: 3, year: 2024, actualLeapMonth: nil)) {
            try LunarCalendar.solar(from: LunarDate(day: 1, month: 3, year: 2024, isLeapMonth: true))
        }
        #expect(CalendarError.nonexistentLeapMonth(month: 5, year: 2020, actualLeapMonth: 4).description
            == "Lunar year 2020 has no leap month 5: its leap month is 4.")
    }

    @Test("years outside 1800–2199 are rejected")
    func outOfRange() throws {
        #expect(throws: CalendarError.yearOutOfRange(1799)) { try LunarCalendar.lunar(from: day("1799-12-31")) }
        #expect(throws: CalendarError.yearOutOfRange(2200)) { try LunarCalendar.lunar(from: day("2200-01-01")) }
        #expect(throws: CalendarError.yearOutOfRange(2200)) { try LunarCalendar.solar(from: LunarDate(day: 1, month: 1, year: 2200)) }
        #expect(throws: CalendarError.yearOutOfRange(1798)) { try LunarCalendar.tet(ofYear: 1798) }
        // Days of lunar 1799 that are in solar 1800 convert; earlier ones do not.
        let jan1800 = try LunarCalendar.lunar(from: day("1800-01-01"))
        #expect(jan1800.year == 1799)
        #expect(try LunarCalendar.solar(from: jan1800) == day("1800-01-01"))
        #expect(throws: CalendarError.yearOutOfRange(1799)) { try LunarCalendar.solar(from: LunarDate(day: 1, month: 1, year: 1799)) }
        // The last lunar months of 2199 run into solar 2200, which a LocalDate can still hold.
        #expect(try LunarCalendar.solar(from: LunarDate(day: 1, month: 12, year: 2199)).year == 2200)
    }

    @Test("lunar dates parse in the CLI's D/M/YYYY[L] form", arguments: [
        ("15/4/2020L", LunarDate(day: 15, month: 4, year: 2020, isLeapMonth: true)),
        ("15/4L/2020", LunarDate(day: 15, month: 4, year: 2020, isLeapMonth: true)),
        ("1/1/2024", LunarDate(day: 1, month: 1, year: 2024)),
        (" 10/03/2024 ", LunarDate(day: 10, month: 3, year: 2024)),
    ])
    func parsing(text: String, expected: LunarDate) throws {
        #expect(try LunarDate(parsing: text) == expected)
    }

    @Test("malformed lunar text is rejected", arguments: ["1/1", "a/b/c", "1/1/2024LL", "1/4L/2020L", "1//2024", "1/1/2024X"])
    func badParsing(text: String) {
        #expect(throws: CalendarError.invalidLunarText(text)) { try LunarDate(parsing: text) }
    }

    @Test("description is the CLI form")
    func description() {
        #expect(LunarDate(day: 15, month: 4, year: 2020, isLeapMonth: true).description == "15/4/2020L")
        #expect(LunarDate(day: 1, month: 1, year: 2024).description == "1/1/2024")
    }
}
