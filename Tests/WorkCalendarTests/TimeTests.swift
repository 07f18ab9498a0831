import Foundation
import Testing
@testable import WorkCalendar

@Suite("Vietnam time, times of day, office hours")
struct TimeTests {
    @Test("ISO 8601 instants parse with or without an offset", arguments: [
        ("2024-05-06T07:30:00+07:00", "2024-05-06T07:30:00+07:00"),
        ("2024-05-06T00:30:00Z", "2024-05-06T07:30:00+07:00"),
        ("2024-05-06T00:30Z", "2024-05-06T07:30:00+07:00"),
        ("2024-05-06 07:30", "2024-05-06T07:30:00+07:00"),
        ("2024-05-06T07:30:15", "2024-05-06T07:30:15+07:00"),
        ("2024-05-06T07:30:15.999+0700", "2024-05-06T07:30:15+07:00"),
        ("2024-05-05T20:30:00-05:00", "2024-05-06T08:30:00+07:00"),
        ("2024-05-06T09:30:00+09", "2024-05-06T07:30:00+07:00"),
        ("2024-05-06", "2024-05-06T00:00:00+07:00"),
        ("2024-05-05T17:30:00Z", "2024-05-06T00:30:00+07:00"),
        ("1969-12-31T20:00:00Z", "1970-01-01T03:00:00+07:00"),
        ("1800-01-01T00:00:00+07:00", "1800-01-01T00:00:00+07:00"),
    ])
    func parse(text: String, expected: String) throws {
        #expect(iso(try VietnamTime.parse(text)) == expected)
    }

    @Test("malformed instants are rejected", arguments: [
        "", "garbage", "2024-05-06T25:00", "2024-13-01T00:00", "2024-05-06T07:60", "2024-05-06T07:30+07:0",
        "2024-05-06T07:30+7", "2024-05-06T07", "2024-05-06X07:30", "2024-05-06T07:30:00.", "2024-05-06T07:30Zjunk",
    ])
    func malformed(text: String) {
        #expect(throws: CalendarError.invalidInstant(text)) { try VietnamTime.parse(text) }
    }

    @Test("local dates and times use UTC+7 whatever the process time zone")
    func fixedOffset() throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
        var rng = SeededGenerator(seed: 1)
        for _ in 0..<1_000 {
            let t = Date(timeIntervalSince1970: Double(Int.random(in: -5_000_000_000...7_000_000_000, using: &rng)))
            #expect(VietnamTime.iso8601(t) == formatter.string(from: t))
            #expect(try VietnamTime.parse(VietnamTime.iso8601(t)) == t)
            #expect(VietnamTime.localDate(of: t).description == String(formatter.string(from: t).prefix(10)))
        }
        let t = try at("2024-05-06T23:59:59")
        #expect(VietnamTime.localDate(of: t).description == "2024-05-06")
        #expect(VietnamTime.timeOfDay(of: t).description == "23:59")
        #expect(VietnamTime.instant(date: try day("2024-05-06"), time: try TimeOfDay(hour: 7, minute: 30)) == (try at("2024-05-06T00:30:00Z")))
    }

    @Test("times of day parse", arguments: [
        ("15:00", 15, 0), ("7:30", 7, 30), ("07:30", 7, 30), ("15h", 15, 0), ("15h30", 15, 30), ("24:00", 24, 0), ("0:00", 0, 0),
    ])
    func timeOfDay(text: String, hour: Int, minute: Int) throws {
        let t = try TimeOfDay(parsing: text)
        #expect(t.hour == hour && t.minute == minute)
    }

    @Test("bad times of day are rejected", arguments: ["25:00", "15:60", "1500", "", "15:0", "ab:cd", "24:30", "-1:00", "15:00:00", "h30"])
    func badTimeOfDay(text: String) {
        #expect(throws: CalendarError.invalidTimeOfDay(text)) { try TimeOfDay(parsing: text) }
    }

    @Test("office hours: standard, parsing, merging, validation")
    func officeHours() throws {
        #expect(OfficeHours.standard.description == "07:30-11:30,13:30-17:00")
        #expect(OfficeHours.standard.dailyMinutes == 450)
        #expect(try OfficeHours(parsing: "07:30-11:30, 13:30-17:00") == .standard)
        let merged = try OfficeHours(parsing: "08:00-10:00,10:00-12:00")
        #expect(merged.description == "08:00-12:00")
        let t = { (s: String) throws -> TimeOfDay in try TimeOfDay(parsing: s) }
        #expect(throws: CalendarError.self) { try OfficeHours(intervals: []) }
        #expect(throws: CalendarError.self) { try OfficeHours(intervals: [(t("11:00"), t("10:00"))]) }
        #expect(throws: CalendarError.self) { try OfficeHours(intervals: [(t("08:00"), t("12:00")), (t("11:00"), t("17:00"))]) }
        #expect(throws: CalendarError.self) { try OfficeHours(intervals: [(t("13:00"), t("17:00")), (t("08:00"), t("12:00"))]) }
        #expect(throws: CalendarError.self) { try OfficeHours(parsing: "08:00") }
        let json = try JSONEncoder().encode(OfficeHours.standard)
        #expect(String(decoding: json, as: UTF8.self) == "\"07:30-11:30,13:30-17:00\"")
        #expect(try JSONDecoder().decode(OfficeHours.self, from: json) == .standard)
        #expect(try JSONDecoder().decode(TimeOfDay.self, from: Data("\"15:00\"".utf8)) == TimeOfDay(hour: 15))
        let allDay = try OfficeHours(parsing: "00:00-24:00")
        #expect(allDay.dailyMinutes == 1440)
    }

    @Test("office-time offsets map to clock times with the right convention at boundaries")
    func offsets() {
        let h = OfficeHours.standard
        #expect(h.secondOfDay(atOpenOffset: 0) == 7 * 3600 + 1800)
        #expect(h.secondOfDay(atOpenOffset: 4 * 3600) == 13 * 3600 + 1800)
        #expect(h.secondOfDay(atClosingOffset: 4 * 3600) == 11 * 3600 + 1800)
        #expect(h.secondOfDay(atClosingOffset: 450 * 60) == 17 * 3600)
        #expect(h.officeSeconds(before: 12 * 3600) == 4 * 3600)
        #expect(h.officeSeconds(before: 20 * 3600) == 450 * 60)
        #expect(h.officeSeconds(before: 0) == 0)
    }
}
