import Foundation
import Testing
@testable import WorkCalendar

/// Properties over random inputs (fixed seeds, so a failure is reproducible).
@Suite("Properties of deadlines")
struct PropertyTests {
    let cal = WorkingCalendar.vietnam
    static let cutoffs: [TimeOfDay?] = [nil, try? TimeOfDay(parsing: "15:00")]

    /// Random instants 2014–2029, to the second.
    func randomInstant(_ rng: inout SeededGenerator) -> Date {
        Date(timeIntervalSince1970: Double(Int.random(in: 1_388_534_400...1_893_456_000, using: &rng)))
    }

    @Test("adding N working days then measuring gives N office days", arguments: cutoffs)
    func daysRoundTrip(cutoff: TimeOfDay?) throws {
        var rng = SeededGenerator(seed: 31)
        for _ in 0..<3_000 {
            let start = randomInstant(&rng)
            let n = Int.random(in: 0...60, using: &rng)
            let d = try cal.deadline(addingWorkingDays: n, to: start, cutoff: cutoff)
            #expect(try cal.workingMinutes(from: d.countedFrom, to: d.due) == n * 450)
            #expect(d.countedFrom >= start.addingTimeInterval(-1) && d.due >= d.countedFrom)
            #expect(try cal.isOpen(at: d.due) && cal.isOpen(at: d.countedFrom))
            // The due date is the date-level result from the counted-from day.
            #expect(VietnamTime.localDate(of: d.due) == (try cal.addingWorkingDays(n, to: VietnamTime.localDate(of: d.countedFrom))))
            if cutoff == nil {
                #expect(try cal.workingMinutes(from: start, to: d.due) == n * 450)
            }
        }
    }

    @Test("adding H working hours then measuring gives H hours", arguments: cutoffs)
    func hoursRoundTrip(cutoff: TimeOfDay?) throws {
        var rng = SeededGenerator(seed: 32)
        for _ in 0..<3_000 {
            let start = randomInstant(&rng)
            let h = Int.random(in: 0...120, using: &rng)
            let d = try cal.deadline(addingWorkingHours: h, to: start, cutoff: cutoff)
            #expect(try cal.workingMinutes(from: d.countedFrom, to: d.due) == h * 60)
            // Due inside office time or exactly at the end of a period.
            let second = VietnamTime.split(VietnamTime.seconds(of: d.due)).second
            let atPeriodEnd = OfficeHours.standard.periods.contains { $0.end.secondsSinceMidnight == second }
            #expect(try cal.isOpen(at: d.due) || (atPeriodEnd && cal.isWorkingDay(VietnamTime.localDate(of: d.due))))
        }
    }

    @Test("a later start never gives an earlier due instant", arguments: cutoffs)
    func monotone(cutoff: TimeOfDay?) throws {
        var rng = SeededGenerator(seed: 33)
        for _ in 0..<2_000 {
            let a = randomInstant(&rng)
            let b = a.addingTimeInterval(Double(Int.random(in: 0...(10 * 86_400), using: &rng)))
            let n = Int.random(in: 0...30, using: &rng)
            let h = Int.random(in: 0...50, using: &rng)
            #expect(try cal.deadline(addingWorkingDays: n, to: a, cutoff: cutoff).due
                <= cal.deadline(addingWorkingDays: n, to: b, cutoff: cutoff).due)
            #expect(try cal.deadline(addingWorkingHours: h, to: a, cutoff: cutoff).due
                <= cal.deadline(addingWorkingHours: h, to: b, cutoff: cutoff).due)
            #expect(try cal.workingMinutes(from: a, to: b) >= 0)
        }
    }

    @Test("more working time never gives an earlier due instant; working time is additive")
    func additive() throws {
        var rng = SeededGenerator(seed: 34)
        for _ in 0..<2_000 {
            let a = randomInstant(&rng), b = randomInstant(&rng), c = randomInstant(&rng)
            let ab = try cal.workingSeconds(from: a, to: b), bc = try cal.workingSeconds(from: b, to: c)
            #expect(try cal.workingSeconds(from: a, to: c) == ab + bc)
            let m = Int.random(in: 0...5_000, using: &rng)
            #expect(try cal.deadline(addingWorkingMinutes: m, to: a).due <= cal.deadline(addingWorkingMinutes: m + 1, to: a).due)
        }
    }
}
