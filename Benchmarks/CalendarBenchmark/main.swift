// Times 1,000,000 "add N working days" on random inputs with WorkingCalendar's date-level fast path,
// and writes the same inputs, the holiday list and the results for numpy.busday_offset to compare
// (Benchmarks/calendar_vs_numpy.py runs both in one go).
//
// usage: CalendarBenchmark OUTPUT_FOLDER [COUNT] [SEED]
import Foundation
import WorkCalendar

/// SplitMix64: a fixed seed gives the same inputs on every machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: CalendarBenchmark OUTPUT_FOLDER [COUNT] [SEED]\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1], isDirectory: true)
let count = arguments.count > 2 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000
let seed = arguments.count > 3 ? UInt64(arguments[3]) ?? 2021 : 2021
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

let calendar = WorkingCalendar.vietnam
let first = try LocalDate(year: 2015, month: 1, day: 1)
let span = 12 * 365  // start dates in 2015–2026 (the shipped official schedules)
var generator = SplitMix64(state: seed)
var starts: [LocalDate] = []
var offsets: [Int] = []
starts.reserveCapacity(count)
offsets.reserveCapacity(count)
for _ in 0..<count {
    starts.append(first.adding(days: Int(generator.next() % UInt64(span))))
    offsets.append(Int(generator.next() % 61))  // 0…60 working days, the range of real procedures
}

// Warm up (builds the per-year indexes once), then take the best of five timed runs.
var results = [LocalDate](repeating: first, count: count)
for i in 0..<min(count, 10_000) { results[i] = try calendar.addingWorkingDays(offsets[i], to: starts[i]) }
var best = Double.infinity
for _ in 0..<5 {
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
        for i in 0..<count { results[i] = try calendar.addingWorkingDays(offsets[i], to: starts[i]) }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    best = min(best, seconds)
}

// Inputs, results and the non-working weekdays (numpy's holiday list) for the comparison.
var inputs = "start,offset,swift_result\n"
inputs.reserveCapacity(count * 36)
for i in 0..<count { inputs += "\(starts[i]),\(offsets[i]),\(results[i])\n" }
try inputs.write(to: folder.appendingPathComponent("inputs.csv"), atomically: true, encoding: .utf8)
var holidays = ""
var makeupSaturdays = ""
for year in 2014...2028 {
    for day in try calendar.nonStandardDays(in: year) {
        if day.kind.isWorking { makeupSaturdays += "\(day.date)\n" } else { holidays += "\(day.date)\n" }
    }
}
try holidays.write(to: folder.appendingPathComponent("holidays.txt"), atomically: true, encoding: .utf8)
try makeupSaturdays.write(to: folder.appendingPathComponent("makeup_days.txt"), atomically: true, encoding: .utf8)
print("{\"count\": \(count), \"seconds\": \(best), \"ns_per_date\": \(best / Double(count) * 1e9)}")
