import Foundation
import Testing
@testable import WorkCalendar

@Suite("Error messages")
struct ErrorMessageTests {
    @Test("messages say what was wrong and what is allowed", arguments: [
        (CalendarError.invalidDate(year: 2024, month: 2, day: 30), "Invalid date 30/2/2024"),
        (.yearOutOfRange(1799), "Year 1799 is outside the supported range 1800–2199."),
        (.invalidLunarDate(day: 30, month: 12, year: 2024, isLeapMonth: false, monthLength: 29),
         "Invalid lunar date 30/12/2024: lunar month 12 of 2024 has 29 days."),
        (.nonexistentLeapMonth(month: 3, year: 2024, actualLeapMonth: nil), "Lunar year 2024 has no leap month 3: it has no leap month at all."),
        (.negativeAmount(-3, unit: "days"), "The number of working days must not be negative (got -3)."),
        (.invalidTimeOfDay("25:00"), "Invalid time of day \"25:00\""),
        (.invalidInstant("x"), "Invalid instant \"x\""),
        (.resultOutOfRange("Adding 5 working days to 2199-12-28"), "Adding 5 working days to 2199-12-28 falls after 2199-12-31"),
    ])
    func message(error: CalendarError, prefix: String) {
        #expect(error.description.hasPrefix(prefix))
        #expect(error.localizedDescription == error.description)
    }
}
