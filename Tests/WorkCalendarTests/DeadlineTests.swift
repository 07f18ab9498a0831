import Foundation
import Testing
@testable import WorkCalendar

@Suite("Deadlines (instant level)")
struct DeadlineTests {
    let cal = WorkingCalendar.vietnam

    @Test("3 working days across Tết 2025, with the skipped days named")
    func acrossTet() throws {
        let d = try cal.deadline(addingWorkingDays: 3, to: at("2025-01-24T09:00"))
        #expect(iso(d.due) == "2025-02-05T09:00:00+07:00")
        #expect(iso(d.countedFrom) == "2025-01-24T09:00:00+07:00")
        #expect(d.skipped.map(\.description) == [
            "2025-01-27,holiday,Tết Nguyên đán", "2025-01-28,holiday,Tết Nguyên đán", "2025-01-29,holiday,Tết Nguyên đán",
            "2025-01-30,holiday,Tết Nguyên đán", "2025-01-31,holiday,Tết Nguyên đán",
        ])
        #expect(d.weekendDaysSkipped == 4)
        #expect(d.workedWeekendDays.isEmpty)
        #expect(d.explanation.first == "2025-01-27 holiday Tết Nguyên đán")
    }

    @Test("across the 2024 swap and the make-up Saturday 4/5")
    func acrossMakeupSaturday() throws {
        let d = try cal.deadline(addingWorkingDays: 2, to: at("2024-04-26T08:00"))
        #expect(iso(d.due) == "2024-05-03T08:00:00+07:00")
        #expect(d.skipped.map(\.kind) == [.swappedOff, .holiday, .holiday])
        #expect(d.skipped.first?.name == "Hoán đổi: nghỉ thay cho thứ Bảy 04/05/2024")
        #expect(d.weekendDaysSkipped == 2)

        let e = try cal.deadline(addingWorkingDays: 1, to: at("2024-05-03T10:00"))
        #expect(iso(e.due) == "2024-05-04T10:00:00+07:00")   // the make-up Saturday is worked
        #expect(e.workedWeekendDays.map(\.description) == ["2024-05-04,makeup_workday,Làm bù cho thứ Hai 29/04/2024"])
        #expect(e.explanation == ["2024-05-04 makeup_workday Làm bù cho thứ Hai 29/04/2024 (counted as a working day)"])
    }

    @Test("computed compensatory days in a year without an official schedule (2027)")
    func computedYear() throws {
        let d = try cal.deadline(addingWorkingDays: 1, to: at("2027-04-29T14:00"))
        #expect(iso(d.due) == "2027-05-04T14:00:00+07:00")
        #expect(d.skipped.map(\.description) == [
            "2027-04-30,holiday,Ngày Chiến thắng", "2027-05-01,holiday,Ngày Quốc tế Lao động",
            "2027-05-03,compensatory,Nghỉ bù Ngày Quốc tế Lao động",
        ])
        #expect(d.weekendDaysSkipped == 1)
    }

    @Test("a start outside office hours counts from the next opening", arguments: [
        ("2024-05-06T18:00", "2024-05-07T07:30:00+07:00", "2024-05-08T07:30:00+07:00"),  // evening
        ("2024-05-06T06:00", "2024-05-06T07:30:00+07:00", "2024-05-07T07:30:00+07:00"),  // before opening
        ("2024-05-06T12:00", "2024-05-06T13:30:00+07:00", "2024-05-07T13:30:00+07:00"),  // lunch break
        ("2024-05-06T11:30", "2024-05-06T13:30:00+07:00", "2024-05-07T13:30:00+07:00"),  // closing minute
        ("2024-05-06T17:00", "2024-05-07T07:30:00+07:00", "2024-05-08T07:30:00+07:00"),
        ("2024-05-05T10:00", "2024-05-06T07:30:00+07:00", "2024-05-07T07:30:00+07:00"),  // Sunday
        ("2024-04-30T10:00", "2024-05-02T07:30:00+07:00", "2024-05-03T07:30:00+07:00"),  // holiday
        ("2024-05-06T07:30", "2024-05-06T07:30:00+07:00", "2024-05-07T07:30:00+07:00"),
        ("2024-05-06T16:59:59", "2024-05-06T16:59:59+07:00", "2024-05-07T16:59:59+07:00"),
    ])
    func outsideOfficeHours(start: String, counted: String, due: String) throws {
        let d = try cal.deadline(addingWorkingDays: 1, to: at(start))
        #expect(iso(d.countedFrom) == counted)
        #expect(iso(d.due) == due)
    }

    @Test("cutoff: received after 15:00 counts from the next working day's opening", arguments: [
        ("2024-05-06T15:30", "2024-05-08T07:30:00+07:00"),
        ("2024-05-06T15:00", "2024-05-07T15:00:00+07:00"),   // at the cutoff minute: still that day
        ("2024-05-06T15:00:01", "2024-05-08T07:30:00+07:00"),
        ("2024-05-06T14:59", "2024-05-07T14:59:00+07:00"),
        ("2024-05-03T16:00", "2024-05-06T07:30:00+07:00"),   // Friday → Saturday 4/5 is a make-up workday, due Monday
        ("2024-04-26T15:45", "2024-05-03T07:30:00+07:00"),   // Friday before the 29/4–1/5 break
        ("2024-05-05T16:00", "2024-05-07T07:30:00+07:00"),   // Sunday: the cutoff does not push further
        ("2024-05-06T18:00", "2024-05-08T07:30:00+07:00"),
    ])
    func cutoff(start: String, due: String) throws {
        let d = try cal.deadline(addingWorkingDays: 1, to: at(start), cutoff: TimeOfDay(parsing: "15:00"))
        #expect(iso(d.due) == due)
    }

    @Test("cutoff applies to hour deadlines too")
    func cutoffHours() throws {
        let d = try cal.deadline(addingWorkingHours: 2, to: at("2024-05-06T15:30"), cutoff: TimeOfDay(parsing: "15h"))
        #expect(iso(d.countedFrom) == "2024-05-07T07:30:00+07:00")
        #expect(iso(d.due) == "2024-05-07T09:30:00+07:00")
    }

    @Test("hour deadlines: lunch break, end of day, weekend, holidays", arguments: [
        ("2024-05-06T10:00", 2, "2024-05-06T14:00:00+07:00"),   // 1.5 h before lunch, 0.5 h after
        ("2024-05-06T07:30", 4, "2024-05-06T11:30:00+07:00"),   // ends at the closing of the morning
        ("2024-05-06T12:15", 1, "2024-05-06T14:30:00+07:00"),   // starts after lunch
        ("2024-05-06T07:30", 7, "2024-05-06T16:30:00+07:00"),
        ("2024-05-06T07:30", 8, "2024-05-07T08:00:00+07:00"),   // 7.5 h a day
        ("2024-05-10T16:00", 2, "2024-05-13T08:30:00+07:00"),   // Friday → Monday
        ("2024-04-26T16:30", 1, "2024-05-02T08:00:00+07:00"),   // across 27/4–1/5
        ("2024-05-03T16:30", 1, "2024-05-04T08:00:00+07:00"),   // into the make-up Saturday
        ("2024-05-06T13:30", 0, "2024-05-06T13:30:00+07:00"),
        ("2024-05-06T12:00", 0, "2024-05-06T13:30:00+07:00"),
    ])
    func hours(start: String, h: Int, due: String) throws {
        #expect(iso(try cal.deadline(addingWorkingHours: h, to: at(start)).due) == due)
    }

    @Test("a full office day in hours ends at 17:00, and a day later by days at the same clock time")
    func hoursVersusDays() throws {
        let start = try at("2024-05-06T07:30")
        #expect(iso(try cal.deadline(addingWorkingMinutes: 450, to: start).due) == "2024-05-06T17:00:00+07:00")
        #expect(iso(try cal.deadline(addingWorkingDays: 1, to: start).due) == "2024-05-07T07:30:00+07:00")
        #expect(iso(try cal.deadline(addingWorkingMinutes: 90, to: start).due) == "2024-05-06T09:00:00+07:00")
        #expect(iso(try cal.deadline(addingWorkingMinutes: 225, to: at("2024-05-06T13:30")).due) == "2024-05-07T07:45:00+07:00")
    }

    @Test("working time between instants")
    func workingTime() throws {
        #expect(try cal.workingMinutes(from: at("2024-05-06T07:30"), to: at("2024-05-06T17:00")) == 450)
        #expect(try cal.workingMinutes(from: at("2024-05-06T10:00"), to: at("2024-05-06T14:00")) == 120)
        #expect(try cal.workingMinutes(from: at("2024-05-10T16:00"), to: at("2024-05-13T08:30")) == 120)
        #expect(try cal.workingMinutes(from: at("2024-05-06T14:00"), to: at("2024-05-06T10:00")) == -120)
        #expect(try cal.workingMinutes(from: at("2024-05-05T09:00"), to: at("2024-05-05T15:00")) == 0)   // Sunday
        #expect(try cal.workingMinutes(from: at("2025-01-24T17:00"), to: at("2025-02-03T07:30")) == 0)   // all of Tết
        #expect(try cal.workingMinutes(from: at("2024-01-01T00:00"), to: at("2025-01-01T00:00")) == 251 * 450)
        #expect(try cal.workingSeconds(from: at("2024-05-06T07:30:00"), to: at("2024-05-06T07:30:30")) == 30)
    }

    @Test("next open instant", arguments: [
        ("2024-05-06T12:00", "2024-05-06T13:30:00+07:00"),
        ("2024-05-06T17:00", "2024-05-07T07:30:00+07:00"),
        ("2024-05-06T09:15", "2024-05-06T09:15:00+07:00"),
        ("2024-05-04T06:00", "2024-05-04T07:30:00+07:00"),   // make-up Saturday
        ("2024-05-05T06:00", "2024-05-06T07:30:00+07:00"),
        ("2025-01-25T10:00", "2025-02-03T07:30:00+07:00"),   // Tết
        ("2024-05-06T00:30:00Z", "2024-05-06T07:30:00+07:00"),
    ])
    func nextOpen(after: String, expected: String) throws {
        #expect(iso(try cal.nextOpenInstant(after: at(after))) == expected)
    }

    @Test("nextOpenInstant returns the very instant when the office is open")
    func nextOpenSameInstant() throws {
        let t = try at("2024-05-06T09:15:00.250+07:00")
        #expect(try cal.nextOpenInstant(after: t) == t)
        #expect(try cal.isOpen(at: t))
        #expect(try !cal.isOpen(at: at("2024-05-06T11:30")))
        #expect(try !cal.isOpen(at: at("2024-04-29T09:00")))
    }

    @Test("custom office hours of an agency")
    func customHours() throws {
        let hours = try OfficeHours(parsing: "08:00-12:00,13:00-17:00")
        #expect(hours.dailyMinutes == 480)
        let d = try cal.deadline(addingWorkingHours: 5, to: at("2024-05-06T10:00"), hours: hours)
        #expect(iso(d.due) == "2024-05-06T16:00:00+07:00")
        #expect(try cal.workingMinutes(from: at("2024-05-06T07:30"), to: at("2024-05-06T17:00"), hours: hours) == 480)
        let days = try cal.deadline(addingWorkingDays: 1, to: at("2024-05-06T12:30"), hours: hours)
        #expect(iso(days.due) == "2024-05-07T13:00:00+07:00")
    }

    @Test("explanation accounts for every day between start and due")
    func explanationAccounts() throws {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<500 {
            let start = Date(timeIntervalSince1970: Double(Int.random(in: 1_420_070_400...1_830_297_600, using: &rng)))
            let n = Int.random(in: 0...40, using: &rng)
            let d = try cal.deadline(addingWorkingDays: n, to: start)
            let first = VietnamTime.localDate(of: start), last = VietnamTime.localDate(of: d.due)
            let worked = try cal.workingDays(from: first, to: last.adding(days: 1))
            #expect(worked + d.skipped.count + d.weekendDaysSkipped == first.days(to: last) + 1)
            #expect(d.skipped.allSatisfy { !$0.kind.isWorking })
        }
    }

    @Test("bad input throws typed errors")
    func badInput() throws {
        let start = try at("2024-05-06T09:00")
        #expect(throws: CalendarError.negativeAmount(-2, unit: "days")) { try cal.deadline(addingWorkingDays: -2, to: start) }
        #expect(throws: CalendarError.negativeAmount(-1, unit: "hours")) { try cal.deadline(addingWorkingHours: -1, to: start) }
        #expect(throws: CalendarError.negativeAmount(-5, unit: "minutes")) { try cal.deadline(addingWorkingMinutes: -5, to: start) }
        #expect(throws: CalendarError.yearOutOfRange(2200)) { try cal.deadline(addingWorkingDays: 1, to: at("2200-01-02T09:00")) }
        #expect(throws: CalendarError.yearOutOfRange(1799)) { try cal.workingMinutes(from: at("1799-06-01T09:00"), to: start) }
        #expect(throws: CalendarError.self) { try cal.deadline(addingWorkingDays: 100_000, to: start) }
        #expect(throws: CalendarError.self) { try cal.deadline(addingWorkingHours: Int.max, to: start) }
        #expect(throws: CalendarError.self) { try cal.deadline(addingWorkingDays: Int.max, to: start) }
        #expect(throws: CalendarError.self) { try cal.nextOpenInstant(after: at("2199-12-31T18:00")) }
    }
}
