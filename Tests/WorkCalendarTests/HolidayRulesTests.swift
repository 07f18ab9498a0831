import Foundation
import Testing
@testable import WorkCalendar

@Suite("Computed holiday rules")
struct HolidayRulesTests {
    func lines(_ entries: [DayEntry]) -> [String] { entries.map(\.description) }

    @Test("2027: Tết on a Saturday gives two compensatory days; 1/5 on a Saturday gives Monday 3/5")
    func year2027() throws {
        #expect(try lines(HolidayRules.entries(forYear: 2027)) == [
            "2027-01-01,holiday,Tết Dương lịch",
            "2027-02-04,holiday,Tết Nguyên đán",
            "2027-02-05,holiday,Tết Nguyên đán",
            "2027-02-06,holiday,Tết Nguyên đán",
            "2027-02-07,holiday,Tết Nguyên đán",
            "2027-02-08,holiday,Tết Nguyên đán",
            "2027-02-09,compensatory,Nghỉ bù Tết Nguyên đán",
            "2027-02-10,compensatory,Nghỉ bù Tết Nguyên đán",
            "2027-04-16,holiday,Giỗ Tổ Hùng Vương",
            "2027-04-30,holiday,Ngày Chiến thắng",
            "2027-05-01,holiday,Ngày Quốc tế Lao động",
            "2027-05-03,compensatory,Nghỉ bù Ngày Quốc tế Lao động",
            "2027-09-02,holiday,Quốc khánh",
            "2027-09-03,holiday,Quốc khánh",
        ])
    }

    @Test("2028: 1/1, 30/4 and 2/9 on weekends are compensated; 1/9 is the adjacent National Day")
    func year2028() throws {
        #expect(try lines(WorkingCalendar.vietnam.nonStandardDays(in: 2028)) == [
            "2028-01-03,compensatory,Nghỉ bù Tết Dương lịch",
            "2028-01-24,holiday,Tết Nguyên đán",
            "2028-01-25,holiday,Tết Nguyên đán",
            "2028-01-26,holiday,Tết Nguyên đán",
            "2028-01-27,holiday,Tết Nguyên đán",
            "2028-01-28,holiday,Tết Nguyên đán",
            "2028-04-04,holiday,Giỗ Tổ Hùng Vương",
            "2028-05-01,holiday,Ngày Quốc tế Lao động",
            "2028-05-02,compensatory,Nghỉ bù Ngày Chiến thắng",
            "2028-09-01,holiday,Quốc khánh",
            "2028-09-04,compensatory,Nghỉ bù Quốc khánh",
        ])
    }

    @Test("a compensatory day skips over other holidays (2023-style: Sat 29/4, Sun 30/4, Mon 1/5)")
    func compensatorySkipsHolidays() throws {
        let entries = try HolidayRules.entries(forYear: 2023).filter { $0.kind == .compensatory }
        #expect(lines(entries).contains("2023-05-02,compensatory,Nghỉ bù Giỗ Tổ Hùng Vương"))
        #expect(lines(entries).contains("2023-05-03,compensatory,Nghỉ bù Ngày Chiến thắng"))
    }

    @Test("effective dates: National Day 1 day before 2021, 2 from 2021", arguments: [(2019, 1), (2020, 1), (2021, 2), (2030, 2)])
    func nationalDay(year: Int, days: Int) throws {
        let entries = try HolidayRules.entries(forYear: year)
        #expect(entries.filter { $0.kind == .holiday && $0.name == HolidayRules.Name.nationalDay }.count == days)
    }

    @Test("effective dates: Tết 4 days until the Labour Code 2012 (1/5/2013), then 5", arguments: [(2012, 4), (2013, 4), (2014, 5), (1996, 4), (2150, 5)])
    func tetLength(year: Int, days: Int) throws {
        let entries = try HolidayRules.entries(forYear: year)
        let tet = try LunarCalendar.tet(ofYear: year)
        let tetDays = entries.filter { $0.kind == .holiday && $0.name == HolidayRules.Name.tet }
        #expect(tetDays.count == days)
        #expect(tetDays.contains { $0.date == tet } && tetDays.contains { $0.date == tet.adding(days: -1) })
        #expect(tetDays.last?.date == tet.adding(days: 2))
    }

    @Test("effective dates: Giỗ Tổ Hùng Vương is a holiday from 2007", arguments: [(2006, false), (2007, true), (2024, true)])
    func hungKings(year: Int, isHoliday: Bool) throws {
        let entries = try HolidayRules.entries(forYear: year)
        #expect(entries.contains { $0.name == HolidayRules.Name.hungKings } == isHoliday)
    }

    @Test("every year 1800–2199: one compensatory weekday per weekend holiday, all dates in the year")
    func everyYear() throws {
        for year in WorkingCalendar.supportedYears {
            let entries = try HolidayRules.entries(forYear: year)
            let holidays = entries.filter { $0.kind == .holiday }
            let compensatory = entries.filter { $0.kind == .compensatory }
            #expect(compensatory.count == holidays.filter(\.date.isWeekend).count)
            #expect(compensatory.allSatisfy { !$0.date.isWeekend })
            #expect(Set(entries.map(\.date)).count == entries.count)
            #expect(entries.allSatisfy { $0.date.year == year })
            #expect(holidays.first?.description == "\(year)-01-01,holiday,Tết Dương lịch")
        }
    }

    @Test("the rules reproduce every official year's days off, except the swapped days", arguments: Array(2015...2026))
    func rulesMatchOfficialYears(year: Int) throws {
        func weekdaysOff(_ calendar: WorkingCalendar) throws -> Set<LocalDate> {
            Set(try calendar.nonStandardDays(in: year).filter { $0.kind == .holiday || $0.kind == .compensatory }.map(\.date))
        }
        #expect(try weekdaysOff(WorkingCalendar.rulesOnly) == weekdaysOff(WorkingCalendar.vietnam))
    }

    @Test("out-of-range years throw")
    func outOfRange() {
        #expect(throws: CalendarError.yearOutOfRange(1799)) { try HolidayRules.entries(forYear: 1799) }
        #expect(throws: CalendarError.yearOutOfRange(2200)) { try HolidayRules.entries(forYear: 2200) }
    }
}
