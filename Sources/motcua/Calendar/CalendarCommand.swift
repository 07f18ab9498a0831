import ArgumentParser
import Foundation
import Logging
import MotCuaStore
import WorkCalendar

/// `motcua calendar …`: the working-time calendar. The output formats are contracts other tools read.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Vietnamese working calendar: non-working days, lunar dates, deadlines, official schedule corrections.",
        subcommands: [
            CalendarDaysCommand.self, CalendarLunarCommand.self, CalendarSolarCommand.self,
            CalendarAddCommand.self, CalendarSetDayCommand.self, CalendarUnsetDayCommand.self,
        ])
}

/// The calendar with the administrator's corrections from the database, when there is one.
///
/// Reading commands never create a database: a missing SQLite file or an unmigrated database simply
/// has no corrections.
enum CalendarLoader {
    static func load(_ options: DatabaseOptions) async throws -> WorkingCalendar {
        let location = try DatabaseLocation(parsing: options.rawValue)
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            return .vietnam
        }
        let logger = Logger(label: "motcua.calendar")
        return try await DatabaseOpener.withDatabase(options, logger: logger, migrate: false) { database in
            let hasTable = try await Migrator(database: database, logger: logger).currentVersion() >= 1
            return hasTable ? try await CalendarDayStore(database: database).workingCalendar() : .vietnam
        }
    }
}

struct CalendarDaysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "days",
        abstract: "Weekdays not worked and weekend days worked in YEAR (CSV: date,kind,name).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, table }

    @Argument(help: "The year, 1800–2199.") var year: Int
    @Option(help: "csv (default, for tools) or table (for people).") var format: Format = .csv
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let calendar = try await CalendarLoader.load(databaseOptions)
        let days = try calendar.nonStandardDays(in: year)
        switch format {
        case .csv:
            print("date,kind,name")
            for day in days { print(CSVOutput.line([day.date.description, day.kind.rawValue, day.name])) }
        case .table:
            let kindWidth = max(4, days.map(\.kind.rawValue.count).max() ?? 0)
            print("date        weekday   " + "kind".padding(toLength: kindWidth, withPad: " ", startingAt: 0) + "  name")
            for day in days {
                let weekday = VietnameseWeekday.name(day.date.weekday).padding(toLength: 8, withPad: " ", startingAt: 0)
                let kind = day.kind.rawValue.padding(toLength: kindWidth, withPad: " ", startingAt: 0)
                print("\(day.date)  \(weekday)  \(kind)  \(day.name)")
            }
            print("\(days.count) day(s)")
        }
    }
}

enum VietnameseWeekday {
    static func name(_ weekday: Int) -> String {
        ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"][(weekday - 1) % 7]
    }
}

/// Reads the command's values from its arguments, or one per line from standard input when there are
/// none; converts each, printing good lines and reporting bad ones (exit 1 if any was bad).
enum LineConverter {
    static func run(arguments: [String], header: String, convert: (String) throws -> [String]) throws {
        print(header)
        var failures = 0
        var lineNumber = 0
        func handle(_ raw: String, label: String) {
            let value = raw.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { return }
            do {
                print(CSVOutput.line(try convert(value)))
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("error: \(label) '\(value)': \(error)\n".utf8))
            }
        }
        if arguments.isEmpty {
            while let line = readLine() {
                lineNumber += 1
                handle(line, label: "line \(lineNumber)")
            }
        } else {
            for (index, argument) in arguments.enumerated() { handle(argument, label: "argument \(index + 1)") }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}

struct CalendarLunarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lunar",
        abstract: "Solar (ISO) dates to Vietnamese lunar dates (CSV: solar,lunar_day,lunar_month,lunar_year,leap).",
        discussion: "Dates as arguments, or one per line on standard input.")

    @Argument(help: "ISO dates, e.g. 2024-02-10.") var dates: [String] = []

    func run() throws {
        try LineConverter.run(arguments: dates, header: "solar,lunar_day,lunar_month,lunar_year,leap") { text in
            let date = try LocalDate(iso: text)
            let lunar = try LunarCalendar.lunar(from: date)
            return [date.description, "\(lunar.day)", "\(lunar.month)", "\(lunar.year)", lunar.isLeapMonth ? "1" : "0"]
        }
    }
}

struct CalendarSolarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solar",
        abstract: "Vietnamese lunar dates to solar dates (CSV: lunar,solar).",
        discussion: "Lunar dates as D/M/YYYY, with L after the year for a leap month (e.g. 1/4/2020L), as arguments or one per line on standard input.")

    @Argument(help: "Lunar dates D/M/YYYY[L].") var dates: [String] = []

    func run() throws {
        try LineConverter.run(arguments: dates, header: "lunar,solar") { text in
            let lunar = try LunarDate(parsing: text)
            return [text, try LunarCalendar.solar(from: lunar).description]
        }
    }
}

struct CalendarAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "The due instant N working days or H working hours after START (ISO 8601, +07:00).",
        discussion: "START is ISO 8601 with an offset, or local Vietnamese time without one. With --explain, one line per skipped non-working day follows: date,kind,name.")

    @Argument(help: "Start instant, e.g. 2024-02-07T15:30 or 2024-02-07T08:30:00Z.") var start: String
    @Option(name: .customLong("working-days"), parsing: .unconditional, help: "Working days to add.") var workingDays: Int?
    @Option(name: .customLong("working-hours"), parsing: .unconditional, help: "Working hours to add.") var workingHours: Int?
    @Option(help: "Receipts after this local time (HH:MM) count from the next working day.") var cutoff: String?
    @Flag(help: "Also list the non-working days skipped, with their names.") var explain = false
    @OptionGroup var databaseOptions: DatabaseOptions

    func validate() throws {
        switch (workingDays, workingHours) {
        case (nil, nil), (.some, .some):
            throw ValidationError("give exactly one of --working-days N or --working-hours H")
        case (let n?, nil) where n < 0:
            throw ValidationError("--working-days must not be negative, got \(n)")
        case (nil, let h?) where h < 0:
            throw ValidationError("--working-hours must not be negative, got \(h)")
        default:
            break
        }
    }

    func run() async throws {
        let startInstant = try VietnamTime.parse(start)
        let cutoffTime = try cutoff.map { try TimeOfDay(parsing: $0) }
        let calendar = try await CalendarLoader.load(databaseOptions)
        let deadline = if let days = workingDays {
            try calendar.deadline(addingWorkingDays: days, to: startInstant, cutoff: cutoffTime)
        } else {
            try calendar.deadline(addingWorkingHours: workingHours ?? 0, to: startInstant, cutoff: cutoffTime)
        }
        print(VietnamTime.iso8601(deadline.due))
        if explain {
            for day in deadline.skipped { print(CSVOutput.line([day.date.description, day.kind.rawValue, day.name])) }
        }
    }
}

struct CalendarSetDayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-day",
        abstract: "Add or correct one day of the official schedule in the database (no rebuild needed).",
        discussion: "KIND is one of: holiday, compensatory, swapped_off, makeup_workday, workday (an ordinary working day that cancels a day off).")

    @Argument(help: "The date, ISO (2027-02-05).") var date: String
    @Argument(help: "holiday | compensatory | swapped_off | makeup_workday | workday") var kind: String
    @Argument(help: "The day's name as people read it, e.g. \"Tết Nguyên đán\".") var name: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func validate() throws {
        guard DayKind(rawValue: kind) != nil else {
            throw ValidationError("KIND must be one of \(DayKind.allCases.map(\.rawValue).joined(separator: ", ")); got '\(kind)'")
        }
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("NAME must not be empty")
        }
    }

    func run() async throws {
        let day = try LocalDate(iso: date)
        let dayKind = DayKind(rawValue: kind) ?? .holiday  // checked in validate()
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard WorkingCalendar.supportedYears.contains(day.year) else {
            throw CommandFailure("set-day: DATE must be within \(WorkingCalendar.supportedYears.lowerBound)–\(WorkingCalendar.supportedYears.upperBound)")
        }
        let logger = Logger(label: "motcua.calendar")
        try await DatabaseOpener.withDatabase(databaseOptions, logger: logger) { database in
            try await CalendarDayStore(database: database).set(DayEntry(date: day, kind: dayKind, name: trimmed),
                                                               by: CommandActor.current)
        }
        print("\(day),\(dayKind.rawValue),\(CSVOutput.quote(trimmed))")
    }
}

struct CalendarUnsetDayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unset-day",
        abstract: "Remove a day set with set-day; the shipped schedule or the computed rules apply again.")

    @Argument(help: "The date, ISO (2027-02-05).") var date: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let day = try LocalDate(iso: date)
        let logger = Logger(label: "motcua.calendar")
        let removed = try await DatabaseOpener.withDatabase(databaseOptions, logger: logger) { database in
            try await CalendarDayStore(database: database).unset(day, by: CommandActor.current)
        }
        guard removed else { throw CommandFailure("calendar: no day set for \(day) in the database") }
        print("removed \(day)")
    }
}
