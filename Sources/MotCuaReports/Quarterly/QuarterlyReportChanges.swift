import Foundation
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// What an officer asks of a period's report — paragraph edits, the statistics window of section III,
/// issuing — from the command line (`motcua report --edit …`) or the report page alike.
public struct QuarterlyReportChanges: Sendable, Hashable {
    public struct Issue: Sendable, Hashable {
        public var number: String
        public var issuedOn: LocalDate

        public init(number: String, issuedOn: LocalDate) {
            self.number = number
            self.issuedOn = issuedOn
        }
    }

    public var statisticsWindow: StatisticsPeriod?
    /// Paragraph id → new text; an empty text gives the generated paragraph back.
    public var overrides: [String: String]
    public var issue: Issue?

    public init(statisticsWindow: StatisticsPeriod? = nil, overrides: [String: String] = [:], issue: Issue? = nil) {
        self.statisticsWindow = statisticsWindow
        self.overrides = overrides
        self.issue = issue
    }

    public var isEmpty: Bool { statisticsWindow == nil && overrides.isEmpty && issue == nil }
}

public enum QuarterlyReportError: Error, Equatable, CustomStringConvertible {
    /// The period's report was issued: it is printed as issued and changes no more.
    case frozen(period: String, number: String)

    public var description: String {
        switch self {
        case .frozen(let period, let number): "the report of \(period) was issued as \(number) and is frozen"
        }
    }

    public var vietnameseMessage: String {
        switch self {
        case .frozen(_, let number): "Báo cáo của kỳ này đã ban hành (số \(number)) nên không thể sửa nữa."
        }
    }
}

extension QuarterlyReports {
    /// The stored state of the period's report (draft or issued), if any.
    public func stored(_ period: StatisticsPeriod, agency: AgencyCode? = nil) async throws -> StoredReport? {
        try await ReportStore(database: database)
            .report(periodFrom: period.from, periodTo: period.to, agencyCode: agency?.rawValue ?? "")
    }

    /// The report of the period after `changes`: an issued report as it was issued (changes are refused);
    /// else the draft with the changes saved, and issued first when asked. Each saved change writes its audit
    /// row, naming `actor` (the officer, or `AuditActor.commandLine` for `motcua report`).
    public func prepare(_ period: StatisticsPeriod, agency: AgencyCode? = nil,
                        changes: QuarterlyReportChanges = QuarterlyReportChanges(),
                        by actor: String = AuditActor.system) async throws -> QuarterlyReport {
        let existing = try await stored(period, agency: agency)
        if let existing, existing.status == .issued {
            if !changes.isEmpty {
                throw QuarterlyReportError.frozen(period: "\(period.from)–\(period.to)", number: existing.number ?? "?")
            }
            return try await report(period, agency: agency)
        }
        if changes.statisticsWindow != nil || !changes.overrides.isEmpty {
            try await saveDraft(period, agency: agency, statisticsWindow: changes.statisticsWindow, overrides: changes.overrides,
                                by: actor)
        }
        if let issue = changes.issue {
            return try await self.issue(period, agency: agency, number: issue.number, issuedOn: issue.issuedOn, by: actor)
        }
        return try await report(period, agency: agency)
    }
}
