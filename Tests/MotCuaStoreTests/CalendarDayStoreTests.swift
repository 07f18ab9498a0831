import Foundation
import MotCuaStore
import MotCuaTestSupport
import Testing
import WorkCalendar

@Suite("Administrator calendar corrections on SQLite and PostgreSQL")
struct CalendarDayStoreTests {
    @Test("set, replace and unset a day; the working calendar follows", arguments: TestBackend.available)
    func setReplaceUnset(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let store = CalendarDayStore(database: database)
            // 2027 has no shipped schedule: 2027-06-07 (Monday) is an ordinary working day by the rules.
            let monday = try LocalDate(iso: "2027-06-07")
            #expect(try await store.workingCalendar().isWorkingDay(monday))

            try await store.set(DayEntry(date: monday, kind: .swappedOff, name: "Hoán đổi: nghỉ thay cho thứ Bảy 12/06/2027"))
            try await store.set(DayEntry(date: try LocalDate(iso: "2027-06-12"), kind: .makeupWorkday, name: "Làm bù"))
            var calendar = try await store.workingCalendar()
            #expect(try !calendar.isWorkingDay(monday))
            #expect(try calendar.isWorkingDay(LocalDate(iso: "2027-06-12")))
            // From Friday, +1 working day skips the weekend and the swapped Monday.
            let start = VietnamTime.instant(date: try LocalDate(iso: "2027-06-04"), time: try TimeOfDay(hour: 9))
            let deadline = try calendar.deadline(addingWorkingDays: 1, to: start)
            #expect(VietnamTime.localDate(of: deadline.due).description == "2027-06-08")
            #expect(deadline.skipped.contains { $0.date == monday && $0.kind == .swappedOff })

            try await store.set(DayEntry(date: monday, kind: .workday, name: "Đi làm bình thường"))
            #expect(try await store.all().count == 2)
            calendar = try await store.workingCalendar()
            #expect(try calendar.isWorkingDay(monday))

            #expect(try await store.unset(monday))
            #expect(try await !store.unset(monday))
            #expect(try await store.all().map(\.date.description) == ["2027-06-12"])
        }
    }

    @Test("a correction can cancel a shipped official day off", arguments: TestBackend.available)
    func cancelShippedDay(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let store = CalendarDayStore(database: database)
            let swapped = try LocalDate(iso: "2024-04-29")  // shipped: swapped off for Saturday 4/5/2024
            #expect(try await !store.workingCalendar().isWorkingDay(swapped))
            try await store.set(DayEntry(date: swapped, kind: .workday, name: "Hủy hoán đổi"))
            #expect(try await store.workingCalendar().isWorkingDay(swapped))
            #expect(try await store.workingCalendar().nonStandardDays(in: 2024).allSatisfy { $0.date != swapped })
        }
    }

    @Test("names keep their Vietnamese diacritics", arguments: TestBackend.available)
    func diacritics(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let store = CalendarDayStore(database: database)
            let name = "Ngày Văn hóa Việt Nam — nghỉ lễ, \"đặc biệt\""
            try await store.set(DayEntry(date: try LocalDate(iso: "2026-11-24"), kind: .holiday, name: name))
            #expect(try await store.all().first?.name == name)
        }
    }
}
