import Foundation
import Testing
@testable import WorkCalendar

@Suite("LocalDate")
struct LocalDateTests {
    @Test("ISO text round-trips and components are right")
    func isoRoundTrip() throws {
        let d = try LocalDate(iso: "2024-04-29")
        #expect(d.year == 2024 && d.month == 4 && d.day == 29)
        #expect(d.description == "2024-04-29")
        #expect(d.vietnameseNumeric == "29/04/2024")
        #expect(try LocalDate(year: 2024, month: 4, day: 29) == d)
        #expect(try LocalDate(iso: "1800-01-01").daysSince1970 == WorkingDayIndex.firstDay)
        #expect(try LocalDate(iso: "1970-01-01").daysSince1970 == 0)
        #expect(try LocalDate(iso: "0987-06-05").description == "0987-06-05")
    }

    @Test("weekday: 1 = Monday … 7 = Sunday", arguments: [
        ("2024-04-29", 1), ("2024-04-30", 2), ("1970-01-01", 4), ("2000-02-29", 2),
        ("2024-05-04", 6), ("2025-01-26", 7), ("1800-01-01", 3), ("2199-12-31", 2), ("1969-12-31", 3),
    ])
    func weekday(iso: String, expected: Int) throws {
        #expect(try LocalDate(iso: iso).weekday == expected)
    }

    @Test("nonexistent days throw invalidDate", arguments: [
        (2024, 2, 30), (2023, 2, 29), (1900, 2, 29), (2024, 4, 31), (2024, 13, 1), (2024, 0, 10), (2024, 1, 0),
    ])
    func invalidDates(year: Int, month: Int, day: Int) {
        #expect(throws: CalendarError.invalidDate(year: year, month: month, day: day)) {
            try LocalDate(year: year, month: month, day: day)
        }
    }

    @Test("leap days exist in leap years only")
    func leapDays() throws {
        #expect(try LocalDate(year: 2000, month: 2, day: 29).description == "2000-02-29")
        #expect(try LocalDate(year: 2024, month: 2, day: 29).adding(days: 1).description == "2024-03-01")
    }

    @Test("malformed ISO text throws invalidISODate", arguments: [
        "2024-4-29", "2024/04/29", "24-04-29", "2024-02-30", "abcd-ef-gh", "", "2024-04-29T00:00", " 2024-04-29",
    ])
    func malformed(text: String) {
        #expect(throws: CalendarError.invalidISODate(text)) { try LocalDate(iso: text) }
    }

    @Test("day numbers agree with Foundation's Gregorian calendar over 1800–2199")
    func agreesWithFoundation() throws {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(secondsFromGMT: 0)!
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<2_000 {
            let n = Int.random(in: WorkingDayIndex.firstDay...(WorkingDayIndex.firstDay + WorkingDayIndex.dayCount - 1),
                               using: &rng)
            let d = LocalDate(daysSince1970: n)
            let c = gregorian.dateComponents([.year, .month, .day, .weekday],
                                             from: Date(timeIntervalSince1970: Double(n) * 86_400))
            #expect(c.year == d.year && c.month == d.month && c.day == d.day)
            #expect(((c.weekday! + 5) % 7) + 1 == d.weekday)
            #expect(try LocalDate(year: d.year, month: d.month, day: d.day) == d)
        }
    }

    @Test("ordering, arithmetic and Codable as an ISO string")
    func orderingAndCodable() throws {
        let a = try day("2024-12-31"), b = try day("2025-01-01")
        #expect(a < b && a.adding(days: 1) == b && a.days(to: b) == 1 && b.adding(days: -1) == a)
        let json = try JSONEncoder().encode([a])
        #expect(String(decoding: json, as: UTF8.self) == "[\"2024-12-31\"]")
        #expect(try JSONDecoder().decode([LocalDate].self, from: json) == [a])
        #expect(throws: CalendarError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data("[\"2024-02-30\"]".utf8))
        }
    }
}
