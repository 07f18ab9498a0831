import Foundation
import Testing
@testable import WorkCalendar

@Suite("Working days (date level)")
struct WorkingDaysTests {
    let cal = WorkingCalendar.vietnam

    @Test("roll forward, then add n working days", arguments: [
        ("2025-01-24", 1, "2025-02-03"),   // Friday before Tết 2025 → Monday after it
        ("2025-01-25", 0, "2025-02-03"),   // a Tết Saturday rolls to the first working day
        ("2024-04-26", 1, "2024-05-02"),   // swapped Monday 29/4, 30/4, 1/5 skipped
        ("2024-05-03", 1, "2024-05-04"),   // the make-up Saturday is a working day
        ("2024-05-04", 1, "2024-05-06"),
        ("2024-05-06", 0, "2024-05-06"),
        ("2024-05-06", 5, "2024-05-13"),
        ("2027-02-03", 1, "2027-02-11"),   // computed year: Tết 4/2–8/2 and nghỉ bù 9/2, 10/2
        ("1800-01-01", 0, "1800-01-02"),   // 1/1 is a holiday under the rules extended backwards
        ("2199-12-30", 1, "2199-12-31"),
    ])
    func adding(start: String, n: Int, expected: String) throws {
        #expect(try cal.addingWorkingDays(n, to: day(start)).description == expected)
        #expect(try cal.addingWorkingDays(n, to: day(start)) == slowAddingWorkingDays(cal, n, to: day(start)))
    }

    @Test("the O(1) path agrees with a day-by-day reference on 20,000 random inputs")
    func fastMatchesSlow() throws {
        var rng = SeededGenerator(seed: 20_240_429)
        let adjusted = cal.adjusted(by: [
            DayEntry(date: try day("2030-03-05"), kind: .holiday, name: "Ngày lễ thử"),
            DayEntry(date: try day("2030-03-09"), kind: .workday, name: "Thứ Bảy làm việc"),
        ])
        for i in 0..<20_000 {
            let calendar = i % 2 == 0 ? cal : adjusted
            // Dense around the official years and 2030, sparse over the whole range.
            let start = i % 4 == 0
                ? try day("1800-01-01").adding(days: Int.random(in: 0..<(WorkingDayIndex.dayCount - 700), using: &rng))
                : try day("2013-01-01").adding(days: Int.random(in: 0..<(18 * 365), using: &rng))
            let n = Int.random(in: 0...(i % 10 == 0 ? 400 : 40), using: &rng)
            let fast = try calendar.addingWorkingDays(n, to: start)
            #expect(fast == (try slowAddingWorkingDays(calendar, n, to: start)), "\(start) + \(n)")
        }
    }

    @Test("counting back gives n: workingDays(from:to:) inverts addingWorkingDays")
    func countInverse() throws {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<5_000 {
            let start = try day("2000-01-01").adding(days: Int.random(in: 0..<(40 * 365), using: &rng))
            let n = Int.random(in: 0...300, using: &rng)
            let first = try cal.nextWorkingDay(onOrAfter: start)
            let end = try cal.addingWorkingDays(n, to: start)
            #expect(try cal.workingDays(from: first, to: end) == n)
            #expect(try cal.workingDays(from: end, to: first) == -n)
            #expect(try cal.isWorkingDay(end))
        }
    }

    @Test("a later date never gives an earlier result")
    func monotone() throws {
        var previous = try cal.addingWorkingDays(10, to: day("2023-12-01"))
        var d = try day("2023-12-01")
        for _ in 0..<800 {
            d = d.adding(days: 1)
            let r = try cal.addingWorkingDays(10, to: d)
            #expect(r >= previous)
            previous = r
        }
    }

    @Test("working days per year: 52 weeks minus holidays, plus make-up Saturdays")
    func workingDaysPerYear() throws {
        #expect(try cal.workingDays(from: day("2024-01-01"), to: day("2025-01-01")) == 262 - 11 + 0)
        // 2024: 262 weekdays; 8 weekday holidays + 2 compensatory + 1 swapped off; 1 make-up Saturday.
        let off = try cal.nonStandardDays(in: 2024)
        #expect(off.filter { !$0.kind.isWorking }.count == 12)
        #expect(off.filter { $0.kind.isWorking }.count == 1)
    }

    @Test("administrator entries override shipped and computed days, last one wins")
    func adjustments() throws {
        let adjusted = cal.adjusted(by: [
            DayEntry(date: try day("2024-04-29"), kind: .workday, name: "Làm việc bình thường"),     // cancel a swap
            DayEntry(date: try day("2027-11-24"), kind: .holiday, name: "Ngày Văn hóa Việt Nam"),    // a new holiday
            DayEntry(date: try day("2027-11-27"), kind: .workday, name: "Thứ Bảy làm việc"),         // a worked Saturday
            DayEntry(date: try day("2027-11-25"), kind: .holiday, name: "first"),
            DayEntry(date: try day("2027-11-25"), kind: .compensatory, name: "second wins"),
            DayEntry(date: try day("2300-01-01"), kind: .holiday, name: "ignored: out of range"),
        ])
        #expect(try adjusted.isWorkingDay(day("2024-04-29")))
        #expect(try !adjusted.isWorkingDay(day("2027-11-24")))
        #expect(try adjusted.isWorkingDay(day("2027-11-27")))
        #expect(try adjusted.entry(for: day("2027-11-25"))?.name == "second wins")
        #expect(try !adjusted.nonStandardDays(in: 2024).contains { $0.date == (try day("2024-04-29")) })
        #expect(try adjusted.nonStandardDays(in: 2027).map(\.description).suffix(3) == [
            "2027-11-24,holiday,Ngày Văn hóa Việt Nam",
            "2027-11-25,compensatory,second wins",
            "2027-11-27,makeup_workday,Thứ Bảy làm việc",
        ])
        #expect(try adjusted.addingWorkingDays(1, to: day("2027-11-23")).description == "2027-11-26")
        #expect(try adjusted.addingWorkingDays(2, to: day("2027-11-23")).description == "2027-11-27")
        // Value semantics: the shared calendar is untouched; adjustments stack.
        #expect(try !cal.isWorkingDay(day("2024-04-29")))
        let twice = adjusted.adjusted(by: [DayEntry(date: try day("2027-11-24"), kind: .workday, name: "undo")])
        #expect(try twice.isWorkingDay(day("2027-11-24")) && twice.isWorkingDay(day("2024-04-29")))
    }

    @Test("a holiday an administrator puts on a Sunday is not a non-standard day, but is named")
    func holidayOnWeekend() throws {
        let adjusted = cal.adjusted(by: [DayEntry(date: try day("2027-11-28"), kind: .holiday, name: "Chủ nhật lễ")])
        #expect(try adjusted.nonStandardDays(in: 2027) == cal.nonStandardDays(in: 2027))
        #expect(try adjusted.specialDaysOff(from: day("2027-11-01"), through: day("2027-11-30")).map(\.name) == ["Chủ nhật lễ"])
    }

    @Test("bad input throws instead of crashing")
    func badInput() throws {
        #expect(throws: CalendarError.negativeAmount(-1, unit: "days")) { try cal.addingWorkingDays(-1, to: day("2024-01-02")) }
        #expect(throws: CalendarError.yearOutOfRange(1799)) { try cal.addingWorkingDays(1, to: day("1799-12-31")) }
        #expect(throws: CalendarError.yearOutOfRange(2200)) { try cal.addingWorkingDays(1, to: day("2200-01-01")) }
        #expect(throws: CalendarError.yearOutOfRange(2200)) { try cal.isWorkingDay(day("2200-01-01")) }
        #expect(throws: CalendarError.yearOutOfRange(1799)) { try cal.nonStandardDays(in: 1799) }
        #expect(throws: CalendarError.self) { try cal.addingWorkingDays(5, to: day("2199-12-28")) }
        #expect(throws: CalendarError.self) { try cal.addingWorkingDays(Int.max, to: day("2024-01-02")) }
    }

    @Test("the per-day codes round-trip every kind")
    func codes() {
        for kind in DayKind.allCases {
            #expect(WorkingDayIndex.kinds[Int(WorkingDayIndex.code(of: kind))] == kind)
        }
    }

    @Test("the shared calendar is safe to use from many tasks at once")
    func concurrentUse() async throws {
        let start = try day("2025-01-20")
        let results = await withTaskGroup(of: String.self) { group in
            for n in 0..<64 {
                group.addTask {
                    (try? WorkingCalendar.vietnam.adjusted(by: []).addingWorkingDays(n % 8, to: start).description) ?? "error"
                }
            }
            var all: [String] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 64 && !results.contains("error"))
        #expect(Set(results).count == 8)
    }
}
