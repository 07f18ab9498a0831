import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// A report of a period: a draft (its statistics window and the officer's edited paragraphs) or, once
/// issued, its number, date and frozen content, which is never regenerated from live data.
public struct StoredReport: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable { case draft, issued }

    public var periodFrom: LocalDate
    public var periodTo: LocalDate
    /// Empty for the whole center.
    public var agencyCode: String
    public var statisticsFrom: LocalDate
    public var statisticsTo: LocalDate
    public var status: Status
    public var number: String?
    public var issuedOn: LocalDate?
    /// Paragraph id → the officer's text.
    public var overrides: [String: String]
    /// The issued report model as JSON (MotCuaReports' `QuarterlyReport`), byte for byte as issued.
    public var content: Data?

    public init(periodFrom: LocalDate, periodTo: LocalDate, agencyCode: String = "", statisticsFrom: LocalDate,
                statisticsTo: LocalDate, status: Status = .draft, number: String? = nil, issuedOn: LocalDate? = nil,
                overrides: [String: String] = [:], content: Data? = nil) {
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.agencyCode = agencyCode
        self.statisticsFrom = statisticsFrom
        self.statisticsTo = statisticsTo
        self.status = status
        self.number = number
        self.issuedOn = issuedOn
        self.overrides = overrides
        self.content = content
    }
}

public struct ReportStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func report(periodFrom: LocalDate, periodTo: LocalDate, agencyCode: String = "") async throws -> StoredReport? {
        guard let row = try await database.sql.select().column("*").from("reports")
            .where("period_from", .equal, periodFrom.description)
            .where("period_to", .equal, periodTo.description)
            .where("agency_code", .equal, agencyCode)
            .first() else { return nil }
        return StoredReport(
            periodFrom: periodFrom, periodTo: periodTo, agencyCode: agencyCode,
            statisticsFrom: try LocalDate(iso: row.decode(column: "statistics_from", as: String.self)),
            statisticsTo: try LocalDate(iso: row.decode(column: "statistics_to", as: String.self)),
            status: StoredReport.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            number: try row.optional("number", as: String.self),
            issuedOn: try row.optional("issued_on", as: String.self).map { try LocalDate(iso: $0) },
            overrides: try row.json("overrides", as: [String: String].self),
            content: try row.optional("content", as: String.self).map { Data($0.utf8) })
    }

    /// Saves a draft. An issued report of the same period is never overwritten.
    public func saveDraft(_ report: StoredReport, audit: AuditEvent? = nil) async throws {
        var draft = report
        draft.status = .draft
        draft.number = nil
        draft.issuedOn = nil
        draft.content = nil
        try await write(draft, replacingIssued: false, audit: audit)
    }

    /// Freezes the report: its content is what every later rendering prints.
    public func issue(_ report: StoredReport, audit: AuditEvent? = nil) async throws {
        guard report.content != nil, report.number != nil, report.issuedOn != nil else {
            throw ReportStoreError.incompleteIssue
        }
        var issued = report
        issued.status = .issued
        try await write(issued, replacingIssued: false, audit: audit)
    }

    /// `audit`, when given, is appended in the same transaction.
    private func write(_ report: StoredReport, replacingIssued: Bool, audit: AuditEvent?) async throws {
        let overrides = try JSONText.encode(report.overrides)
        try await database.transaction { sql in
            let existing = try await sql.select().column("status").from("reports")
                .where("period_from", .equal, report.periodFrom.description)
                .where("period_to", .equal, report.periodTo.description)
                .where("agency_code", .equal, report.agencyCode)
                .first()
            if let existing {
                if try existing.decode(column: "status", as: String.self) == StoredReport.Status.issued.rawValue, !replacingIssued {
                    throw ReportStoreError.alreadyIssued(period: "\(report.periodFrom)–\(report.periodTo)")
                }
                try await sql.delete(from: "reports")
                    .where("period_from", .equal, report.periodFrom.description)
                    .where("period_to", .equal, report.periodTo.description)
                    .where("agency_code", .equal, report.agencyCode)
                    .run()
            }
            try await sql.insert(into: "reports")
                .columns("id", "period_from", "period_to", "agency_code", "statistics_from", "statistics_to", "status",
                         "number", "issued_on", "overrides", "content", "updated_at")
                .values(SQLBind(UUID().uuidString), SQLBind(report.periodFrom.description), SQLBind(report.periodTo.description),
                        SQLBind(report.agencyCode), SQLBind(report.statisticsFrom.description),
                        SQLBind(report.statisticsTo.description), SQLBind(report.status.rawValue), SQLBind(report.number),
                        SQLBind(report.issuedOn?.description), SQLBind(overrides),
                        SQLBind(report.content.map { String(decoding: $0, as: UTF8.self) }),
                        SQLBind(Instant.seconds(Date())))
                .run()
            try await AuditStore.append(audit, on: sql)
        }
    }
}

public enum ReportStoreError: Error, Equatable, CustomStringConvertible {
    case incompleteIssue
    case alreadyIssued(period: String)

    public var description: String {
        switch self {
        case .incompleteIssue: "an issued report needs its number, date and content"
        case .alreadyIssued(let period): "the report of \(period) is already issued and frozen"
        }
    }
}
