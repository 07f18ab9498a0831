import Foundation
import Testing
@testable import WorkCalendar

/// `LocalDate` from "YYYY-MM-DD"; a typo in a test fails the test, it does not crash it.
func day(_ iso: String) throws -> LocalDate {
    try LocalDate(iso: iso)
}

/// An instant from ISO 8601 text (local Vietnamese time when no offset is given).
func at(_ text: String) throws -> Date {
    try VietnamTime.parse(text)
}

func iso(_ instant: Date) -> String {
    VietnamTime.iso8601(instant)
}

/// SplitMix64: a tiny deterministic generator, so "random" property tests fail reproducibly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The obvious, slow definition of "roll forward, then add n working days", one day at a time,
/// against which the precomputed index is checked.
func slowAddingWorkingDays(_ calendar: WorkingCalendar, _ n: Int, to date: LocalDate) throws -> LocalDate {
    var d = date
    while try !calendar.isWorkingDay(d) { d = d.adding(days: 1) }
    var left = n
    while left > 0 {
        d = d.adding(days: 1)
        if try calendar.isWorkingDay(d) { left -= 1 }
    }
    return d
}

/// Every date of a year.
func allDays(of year: Int) throws -> [LocalDate] {
    let first = try LocalDate(year: year, month: 1, day: 1)
    let next = try LocalDate(year: year + 1, month: 1, day: 1)
    return (0..<first.days(to: next)).map { first.adding(days: $0) }
}
