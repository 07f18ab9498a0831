import Foundation
import Testing
@testable import WorkCalendar

@Suite("Official schedules 2015–2026")
struct OfficialSchedulesTests {
    static let shipped: [DayEntry] = (try? OfficialSchedules.shipped()) ?? []

    @Test("the shipped file loads and covers 2015–2026")
    func loads() throws {
        let entries = try OfficialSchedules.shipped()
        #expect(entries.count > 150)
        #expect(OfficialSchedules.years(in: entries) == Set(2015...2026))
        #expect(WorkingCalendar.vietnam.officialYears == Set(2015...2026))
        #expect(Set(entries.map(\.date)).count == entries.count, "one line per date")
    }

    @Test("each year has its statutory number of holiday days and consistent kinds", arguments: Array(2015...2026))
    func holidaysPerYear(year: Int) throws {
        let entries = Self.shipped.filter { $0.date.year == year }
        let holidays = entries.filter { $0.kind == .holiday }
        #expect(holidays.count == (year >= 2021 ? 11 : 10))
        // A compensatory day for each holiday on a weekend, on a weekday.
        let compensatory = entries.filter { $0.kind == .compensatory }
        #expect(compensatory.count == holidays.filter(\.date.isWeekend).count)
        #expect(compensatory.allSatisfy { !$0.date.isWeekend })
        #expect(entries.filter { $0.kind == .swappedOff }.allSatisfy { !$0.date.isWeekend })
        #expect(entries.filter { $0.kind == .makeupWorkday }.allSatisfy { $0.date.weekday == 6 })
        // The lunar holidays sit where the lunar calendar puts them.
        let tet = try LunarCalendar.tet(ofYear: year)
        #expect(holidays.filter { $0.name == "Tết Nguyên đán" }.contains { $0.date == tet })
        let hung = try LunarCalendar.solar(from: LunarDate(day: 10, month: 3, year: year))
        #expect(holidays.filter { $0.name == "Giỗ Tổ Hùng Vương" }.map(\.date) == [hung])
        for (m, d) in [(1, 1), (4, 30), (5, 1), (9, 2)] {
            let date = try LocalDate(year: year, month: m, day: d)
            #expect(holidays.contains { $0.date == date })
        }
    }

    @Test("every swapped weekday is paid for by one make-up Saturday")
    func swapsBalance() {
        #expect(Self.shipped.filter { $0.kind == .swappedOff }.count == Self.shipped.filter { $0.kind == .makeupWorkday }.count)
    }

    @Test("2024: Monday 29/4 swapped off, Saturday 4/5 worked, Tết 8/2–14/2, National Day 2/9–3/9")
    func year2024() throws {
        let lines = try WorkingCalendar.vietnam.nonStandardDays(in: 2024).map(\.description)
        #expect(lines == [
            "2024-01-01,holiday,Tết Dương lịch",
            "2024-02-08,holiday,Tết Nguyên đán",
            "2024-02-09,holiday,Tết Nguyên đán",
            "2024-02-12,holiday,Tết Nguyên đán",
            "2024-02-13,compensatory,Nghỉ bù Tết Nguyên đán",
            "2024-02-14,compensatory,Nghỉ bù Tết Nguyên đán",
            "2024-04-18,holiday,Giỗ Tổ Hùng Vương",
            "2024-04-29,swapped_off,Hoán đổi: nghỉ thay cho thứ Bảy 04/05/2024",
            "2024-04-30,holiday,Ngày Chiến thắng",
            "2024-05-01,holiday,Ngày Quốc tế Lao động",
            "2024-05-04,makeup_workday,Làm bù cho thứ Hai 29/04/2024",
            "2024-09-02,holiday,Quốc khánh",
            "2024-09-03,holiday,Quốc khánh",
        ])
        #expect(try !WorkingCalendar.vietnam.isWorkingDay(day("2024-04-29")))
        #expect(try WorkingCalendar.vietnam.isWorkingDay(day("2024-05-04")))
        #expect(try WorkingCalendar.rulesOnly.isWorkingDay(day("2024-04-29")))
        #expect(try !WorkingCalendar.rulesOnly.isWorkingDay(day("2024-05-04")))
    }

    @Test("Tết 2025: off from Saturday 25/1 to Sunday 2/2", arguments: zip(
        ["2025-01-24", "2025-01-25", "2025-01-27", "2025-01-29", "2025-01-31", "2025-02-02", "2025-02-03"],
        [true, false, false, false, false, false, true]))
    func tet2025(date: String, working: Bool) throws {
        #expect(try WorkingCalendar.vietnam.isWorkingDay(day(date)) == working)
    }

    @Test("a make-up Saturday in the year before the official schedule still applies (27/12/2014)")
    func crossYearMakeup() throws {
        #expect(try WorkingCalendar.vietnam.isWorkingDay(day("2014-12-27")))
        #expect(try WorkingCalendar.vietnam.nonStandardDays(in: 2014).last?.description
            == "2014-12-27,makeup_workday,Làm bù cho thứ Sáu 02/01/2015")
        #expect(try !WorkingCalendar.vietnam.isWorkingDay(day("2015-01-02")))
        // 2014 itself still follows the computed rules (Tết 2014: 31/1).
        #expect(try !WorkingCalendar.vietnam.isWorkingDay(day("2014-01-31")))
    }

    @Test("every kind of non-working and worked special day, with its name")
    func everyKind() throws {
        let cal = WorkingCalendar.vietnam
        #expect(try cal.entry(for: day("2025-04-07")) == DayEntry(date: day("2025-04-07"), kind: .holiday, name: "Giỗ Tổ Hùng Vương"))
        #expect(try cal.entry(for: day("2026-04-27"))?.kind == .compensatory)
        #expect(try cal.entry(for: day("2026-08-31"))?.kind == .swappedOff)
        #expect(try cal.entry(for: day("2026-08-22"))?.kind == .makeupWorkday)
        #expect(try cal.entry(for: day("2026-08-24")) == nil)
        #expect(try cal.entry(for: day("2026-08-23")) == nil)
        #expect(try !cal.isWorkingDay(day("2026-08-23")))  // an ordinary Sunday
    }

    @Test("CSV: header, comments, quoted names, and a round trip through csv()")
    func parseFormat() throws {
        let text = #"""
        # comment
        date,kind,name

        2030-01-02,holiday,"Ngày lễ, có dấu phẩy ""đặc biệt"""
        2030-01-05 , makeup_workday , Làm bù
        """#
        let entries = try OfficialSchedules.parse(text)
        #expect(entries.map(\.name) == ["Ngày lễ, có dấu phẩy \"đặc biệt\"", "Làm bù"])
        #expect(try OfficialSchedules.parse(OfficialSchedules.csv(entries)) == entries)
        #expect(OfficialSchedules.csv(entries).hasPrefix("date,kind,name\n2030-01-02,holiday,\"Ngày lễ, có dấu phẩy"))
    }

    @Test("CSV errors name the line and the problem", arguments: [
        ("date,kind,name\n2030-02-30,holiday,X", 2, "is not a date"),
        ("2030-01-02,vacation,X", 1, "unknown kind \"vacation\""),
        ("2030-01-02,holiday", 1, "expected 3 fields"),
        ("2030-01-02,holiday,", 1, "the name is empty"),
        ("# c\n2030-01-02,holiday,\"open", 2, "unterminated"),
    ])
    func parseErrors(text: String, line: Int, reason: String) {
        do {
            _ = try OfficialSchedules.parse(text)
            Issue.record("expected an error")
        } catch let CalendarError.invalidScheduleLine(l, _, r) {
            #expect(l == line)
            #expect(r.contains(reason))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
