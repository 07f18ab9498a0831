import Foundation
import Testing
import MotCuaCore
import WorkCalendar
@testable import MotCuaReports

@Suite("Vietnamese number, date and time style")
struct VietnameseFormatTests {
    typealias F = VietnameseFormat

    static func day(_ iso: String) -> LocalDate {
        do { return try LocalDate(iso: iso) } catch { fatalError("\(error)") }
    }

    static func instant(_ text: String) -> Date {
        do { return try VietnamTime.parse(text) } catch { fatalError("\(error)") }
    }

    @Test("integers group thousands with a dot", arguments: [
        (0, "0"), (7, "7"), (999, "999"), (1_000, "1.000"), (7_447, "7.447"), (12_345, "12.345"),
        (1_500_000, "1.500.000"), (1_000_000_000, "1.000.000.000"), (-12_000, "-12.000"), (-5, "-5"),
    ])
    func integers(value: Int, expected: String) {
        #expect(F.integer(value) == expected)
    }

    @Test("the smallest integer does not overflow")
    func minimumInteger() {
        #expect(F.integer(Int.min) == "-9.223.372.036.854.775.808")
    }

    @Test("decimals use a comma and round half away from zero", arguments: [
        (72.3, 1, "72,3"), (72.25, 1, "72,3"), (72.35, 1, "72,4"), (72.349, 1, "72,3"), (0.44, 1, "0,4"),
        (1_234.56, 1, "1.234,6"), (5.0, 1, "5,0"), (0.0, 1, "0,0"), (-0.04, 1, "0,0"), (-2.25, 1, "-2,3"),
        (3.14159, 2, "3,14"), (2.5, 0, "3"), (1_234_567.891, 2, "1.234.567,89"), (99.96, 1, "100,0"),
    ])
    func decimals(value: Double, digits: Int, expected: String) {
        #expect(F.decimal(value, fractionDigits: digits) == expected)
    }

    @Test("non-finite numbers print a dash")
    func nonFinite() {
        #expect(F.decimal(.nan) == "—")
        #expect(F.percent(.infinity) == "—")
    }

    @Test("percentages of a ratio")
    func ratioPercent() {
        #expect(F.percent(0.723) == "72,3%")
        #expect(F.percent(0.004) == "0,4%")
        #expect(F.percent(1) == "100,0%")
        #expect(F.percent(0.0045) == "0,5%")          // 0.45 after removing binary noise
        #expect(F.percent(0.7235, fractionDigits: 2) == "72,35%")
    }

    @Test("percentages of counts are exact", arguments: [
        (5_386, 7_447, "72,3%"), (33, 7_708, "0,4%"), (1, 3, "33,3%"), (2, 3, "66,7%"), (7_447, 7_447, "100,0%"),
        (0, 12, "0,0%"), (1, 8, "12,5%"), (1, 2_000, "0,1%"), (1, 20_000, "0,0%"), (123_456, 100, "123.456,0%"),
    ])
    func countPercent(part: Int, whole: Int, expected: String) {
        #expect(F.percent(part, of: whole) == expected)
    }

    @Test("a share of nothing is not a number")
    func percentOfZero() {
        #expect(F.percent(3, of: 0) == nil)
        #expect(F.percent(1, of: 3, fractionDigits: 0) == "33%")
        #expect(F.percent(1, of: 3, fractionDigits: 2) == "33,33%")
        #expect(F.percent(-1, of: 4) == "-25,0%")
    }

    @Test("counts under 10 take a leading zero", arguments: [
        (0, "0"), (1, "01"), (8, "08"), (9, "09"), (10, "10"), (33, "33"), (7_447, "7.447"), (-3, "-3"),
    ])
    func counts(value: Int, expected: String) {
        #expect(F.count(value) == expected)
    }

    @Test("counted things")
    func countedThings() {
        #expect(F.count(8, "hồ sơ") == "08 hồ sơ")
        #expect(F.count(4, "công chức") == "04 công chức")
        #expect(F.count(7_447, "hồ sơ") == "7.447 hồ sơ")
    }

    @Test("money in đồng")
    func money() {
        #expect(F.money(1_500_000) == "1.500.000 đồng")
        #expect(F.money(0) == "0 đồng")
        #expect(F.money(50_000) == "50.000 đồng")
    }

    @Test("numeric dates: leading zero for days under 10 and for January and February", arguments: [
        ("2026-02-05", "05/02/2026"), ("2021-07-12", "12/7/2021"), ("2021-09-15", "15/9/2021"), ("2021-12-14", "14/12/2021"),
        ("2021-01-31", "31/01/2021"), ("2021-03-01", "01/3/2021"), ("2021-10-09", "09/10/2021"),
    ])
    func numericDates(iso: String, expected: String) {
        #expect(F.date(Self.day(iso)) == expected)
    }

    @Test("long dates follow Decree 30", arguments: [
        ("2026-02-05", "ngày 05 tháng 02 năm 2026"), ("2021-09-15", "ngày 15 tháng 9 năm 2021"),
        ("2021-01-01", "ngày 01 tháng 01 năm 2021"), ("2021-12-31", "ngày 31 tháng 12 năm 2021"),
        ("2021-03-10", "ngày 10 tháng 3 năm 2021"),
    ])
    func longDates(iso: String, expected: String) {
        #expect(F.longDate(Self.day(iso)) == expected)
    }

    @Test("the place-and-date line")
    func placeAndDate() {
        #expect(F.placeAndDate("Đắk Nông", Self.day("2026-02-05")) == "Đắk Nông, ngày 05 tháng 02 năm 2026")
    }

    @Test("slip instants are local time, hours and minutes on two digits", arguments: [
        ("2021-07-12T14:30:00+07:00", "14 giờ 30 phút, ngày 12/7/2021"),
        ("2021-07-12T08:15:00+07:00", "08 giờ 15 phút, ngày 12/7/2021"),
        ("2021-07-12T01:15:00Z", "08 giờ 15 phút, ngày 12/7/2021"),     // UTC input, shown at UTC+7
        ("2021-02-04T17:05:00Z", "00 giờ 05 phút, ngày 05/02/2021"),    // the local date is the next day
        ("2021-02-05T09:00:59+07:00", "09 giờ 00 phút, ngày 05/02/2021"),
    ])
    func slipInstants(text: String, expected: String) {
        #expect(F.slipInstant(Self.instant(text)) == expected)
    }

    @Test("the local date of an instant")
    func dateOfInstant() {
        #expect(F.date(of: Self.instant("2021-02-28T23:30:00Z")) == "01/3/2021")
    }

    @Test("processing times")
    func durations() {
        #expect(F.duration(.workingDays(10)) == "10 ngày làm việc")
        #expect(F.duration(.workingHours(4)) == "4 giờ làm việc")
        #expect(F.duration(.workingHours(4), leadingZero: true) == "04 giờ làm việc")
        #expect(F.duration(.workingDays(5), leadingZero: true) == ProcessingTime.workingDays(5).vietnameseDescription)
    }

    @Test("working minutes in days, hours and minutes", arguments: [
        (390, 450, "6 giờ 30 phút làm việc"), (1_020, 450, "2 ngày 2 giờ làm việc"), (450, 450, "1 ngày làm việc"),
        (0, 450, "0 phút làm việc"), (45, 450, "45 phút làm việc"), (480, 480, "1 ngày làm việc"), (-10, 450, "0 phút làm việc"),
    ])
    func workingMinutes(minutes: Int, daily: Int, expected: String) {
        #expect(F.workingMinutes(minutes, dailyMinutes: daily) == expected)
    }
}
