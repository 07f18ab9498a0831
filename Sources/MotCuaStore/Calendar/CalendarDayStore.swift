import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// The administrator's corrections to the working calendar (`calendar_days`): a year the government
/// announced after this binary shipped, or a day changed at short notice. They override the shipped
/// official schedules and the computed rules date by date.
public struct CalendarDayStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Every stored day, sorted by date.
    public func all() async throws -> [DayEntry] {
        try await database.sql.select()
            .columns("date", "kind", "name")
            .from("calendar_days")
            .orderBy("date")
            .all()
            .map { row in
                let date = try row.decode(column: "date", as: String.self)
                let kind = try row.decode(column: "kind", as: String.self)
                guard let dayKind = DayKind(rawValue: kind) else {
                    throw CalendarDayStoreError.corruptRow(date: date, kind: kind)
                }
                return DayEntry(date: try LocalDate(iso: date), kind: dayKind,
                                name: try row.decode(column: "name", as: String.self))
            }
    }

    /// Adds or replaces the entry for its date.
    /// `audit`, when given, is appended in the same transaction.
    public func set(_ entry: DayEntry, at instant: Date = Date(), audit: AuditEvent? = nil) async throws {
        try await database.transaction { sql in
            try await sql.insert(into: "calendar_days")
                .columns("date", "kind", "name", "updated_at")
                .values(SQLBind(entry.date.description), SQLBind(entry.kind.rawValue), SQLBind(entry.name),
                        SQLBind(Int(instant.timeIntervalSince1970)))
                .onConflict(with: ["date"]) { update in
                    update.set(excludedValueOf: "kind").set(excludedValueOf: "name").set(excludedValueOf: "updated_at")
                }
                .run()
            try await AuditStore.append(audit, on: sql)
        }
    }

    /// The stored entry for `date`, if any.
    public func entry(_ date: LocalDate) async throws -> DayEntry? {
        try await all().first { $0.date == date }
    }

    /// Removes the entry for `date`; returns whether there was one.
    @discardableResult
    public func unset(_ date: LocalDate, audit: AuditEvent? = nil) async throws -> Bool {
        try await database.transaction { sql in
            let existing = try await sql.select().column("date").from("calendar_days")
                .where("date", .equal, date.description).first()
            guard existing != nil else { return false }
            try await sql.delete(from: "calendar_days").where("date", .equal, date.description).run()
            try await AuditStore.append(audit, on: sql)
            return true
        }
    }

    /// The calendar every deadline uses: shipped schedules and rules, then these corrections.
    public func workingCalendar(base: WorkingCalendar = .vietnam) async throws -> WorkingCalendar {
        let entries = try await all()
        return entries.isEmpty ? base : base.adjusted(by: entries)
    }
}

public enum CalendarDayStoreError: Error, CustomStringConvertible {
    case corruptRow(date: String, kind: String)

    public var description: String {
        switch self {
        case .corruptRow(let date, let kind): "calendar_days: the row for \(date) has an unknown kind '\(kind)'"
        }
    }
}

extension CalendarDayStore {
    /// A day's correction as its audit rows show it.
    public static func auditValues(_ entry: DayEntry?) -> String? {
        entry.flatMap { AuditEvent.values(["kind": $0.kind.rawValue, "name": $0.name]) }
    }

    /// Sets the day and writes its audit row (`calendar.day_set`, the correction before and after) with it.
    public func set(_ entry: DayEntry, at instant: Date = Date(), by actor: String) async throws {
        let before = try await self.entry(entry.date)
        try await set(entry, at: instant, audit: AuditEvent(
            at: instant, actor: actor, action: .calendarDaySet, objectKind: "calendar_day", objectID: entry.date.description,
            before: Self.auditValues(before), after: Self.auditValues(entry)))
    }

    /// Removes the day's correction and writes its audit row (`calendar.day_unset`); false when there was none.
    @discardableResult
    public func unset(_ date: LocalDate, at instant: Date = Date(), by actor: String) async throws -> Bool {
        let before = try await entry(date)
        return try await unset(date, audit: AuditEvent(
            at: instant, actor: actor, action: .calendarDayUnset, objectKind: "calendar_day", objectID: date.description,
            before: Self.auditValues(before)))
    }
}
