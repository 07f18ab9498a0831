import Foundation
import MotCuaCore
import MotCuaStore
import WorkCalendar

/// Loads, drafts and issues quarterly reports: a draft is written from the live records and statistics, with
/// the officer's edits; an issued report is read back from its frozen content and never regenerated.
public struct QuarterlyReports: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The report of a period: the issued one if it exists, else a draft built now. `statisticsWindow`
    /// overrides the window stored with the draft (default: the period itself).
    public func report(_ period: StatisticsPeriod, agency: AgencyCode? = nil,
                       statisticsWindow: StatisticsPeriod? = nil) async throws -> QuarterlyReport {
        let stored = try await ReportStore(database: database)
            .report(periodFrom: period.from, periodTo: period.to, agencyCode: agency?.rawValue ?? "")
        if let stored, stored.status == .issued, let content = stored.content {
            return try QuarterlyReport.thawed(content)
        }
        let window = try statisticsWindow
            ?? stored.map { try StatisticsPeriod(from: $0.statisticsFrom, to: $0.statisticsTo) }
            ?? period
        return try await build(period, window: window, agency: agency).applying(stored?.overrides ?? [:])
    }

    /// The report built from live data, without edits.
    // Not optimised: the Swift 6.3.1 release compiler crashes (signal 11, LLVM coro-split, "While splitting
    // coroutine …QuarterlyReports…build…", seen in `swift build -c release`) since it reads the directory and the
    // sites' exchange; the same workaround as `issue` below.
    @_optimize(none)
    public func build(_ period: StatisticsPeriod, window: StatisticsPeriod, agency: AgencyCode? = nil,
                      number: String? = nil, issuedOn: LocalDate? = nil) async throws -> QuarterlyReport {
        let statistics = try await StatisticsReporter(database: database).report(window, agency: agency)
        let records = ReportRecordStore(database: database)
        let documents = try await records.documents(from: period.from, to: period.to)
        let entries = try await records.entries(from: period.from, to: period.to)
        let feedbackReceived = try await FeedbackStore(database: database).count(period)
        var builder = QuarterlyReportBuilder(period: period, statisticsWindow: window, statistics: statistics, documents: documents,
                                             entries: entries, number: number, issuedOn: issuedOn, feedbackReceived: feedbackReceived)
        let directory = try await AgencyStore(database: database).directory()
        let place = SlipLoader.place(in: directory, on: period.to)
        if !place.isEmpty { builder.defaults["place"] = place }
        var sites: [AgencyCode]?
        if let agency, let site = directory[agency], site.kind.isSite {
            builder.defaults["center_name"] = site.name(on: period.to)
            sites = directory.siteGroup(of: agency)
        }
        builder.siteExchange = try await Self.siteExchange(window, sites: sites, directory: directory, database: database)
        return builder.build()
    }

    /// Each site's acceptances for others and receipts from others in the window (of `sites` only, if given).
    static func siteExchange(_ window: StatisticsPeriod, sites: [AgencyCode]?, directory: AgencyDirectory,
                             database: Database) async throws -> [QuarterlyReportBuilder.SiteExchangeRow] {
        let statistics = StatisticsStore(database: database)
        let scope = StatisticsScope(sites: sites)
        let accepted = Dictionary(uniqueKeysWithValues: try await statistics.acceptedOnBehalf(window, scope: scope))
        let received = Dictionary(uniqueKeysWithValues: try await statistics.receivedFromOtherSites(window, scope: scope))
        return Set(accepted.keys).union(received.keys).sorted().map { code in
            QuarterlyReportBuilder.SiteExchangeRow(siteName: directory[code]?.name(on: window.to) ?? code.rawValue,
                                                   acceptedForOthers: accepted[code] ?? 0, receivedFromOthers: received[code] ?? 0)
        }
    }

    /// Saves the draft's statistics window and edited paragraphs (merged into those already saved; an empty
    /// text removes the edit, giving the generated paragraph back). The audit row (`report.edited`, the
    /// edited paragraphs and window before and after) commits with the draft.
    public func saveDraft(_ period: StatisticsPeriod, agency: AgencyCode? = nil, statisticsWindow: StatisticsPeriod? = nil,
                          overrides: [String: String] = [:], by actor: String = AuditActor.system,
                          at instant: Date = Date()) async throws {
        let store = ReportStore(database: database)
        let agencyCode = agency?.rawValue ?? ""
        let existing = try await store.report(periodFrom: period.from, periodTo: period.to, agencyCode: agencyCode)
        var window = period
        if let statisticsWindow {
            window = statisticsWindow
        } else if let existing {
            window = try StatisticsPeriod(from: existing.statisticsFrom, to: existing.statisticsTo)
        }
        var before: [String: String?] = [:], after: [String: String?] = [:]
        if statisticsWindow != nil {
            before["statistics_window"] = existing.map { "\($0.statisticsFrom)..\($0.statisticsTo)" }
            after["statistics_window"] = "\(window.from)..\(window.to)"
        }
        for (id, text) in overrides {
            before["paragraph." + id] = existing?.overrides[id]
            after["paragraph." + id] = text.isEmpty ? nil : text
        }
        let audit = AuditEvent(at: instant, actor: actor, action: .reportEdited, objectKind: "report",
                               objectID: Self.auditID(period, agency: agency),
                               before: AuditEvent.values(before), after: AuditEvent.values(after))
        try await store.saveDraft(StoredReport(
            periodFrom: period.from, periodTo: period.to, agencyCode: agencyCode,
            statisticsFrom: window.from, statisticsTo: window.to,
            overrides: (existing?.overrides ?? [:]).merging(overrides) { $1 }.filter { !$0.value.isEmpty }),
            audit: audit)
    }

    /// Issues the report: builds it with its number and date and the draft's edits, and freezes it.
    @discardableResult
    // Not optimised: the Swift 6.3.1 release compiler crashes (signal 11, LLVM coro-split, "While splitting
    // coroutine …QuarterlyReports…issue…") on this function since it took the audit row; the same workaround as
    // SlipLoader.context. Remove when `swift build -c release` compiles it without the attribute.
    @_optimize(none)
    public func issue(_ period: StatisticsPeriod, agency: AgencyCode? = nil, number: String, issuedOn: LocalDate,
                      statisticsWindow: StatisticsPeriod? = nil, by actor: String = AuditActor.system,
                      at instant: Date = Date()) async throws -> QuarterlyReport {
        let store = ReportStore(database: database)
        let agencyCode = agency?.rawValue ?? ""
        let existing = try await store.report(periodFrom: period.from, periodTo: period.to, agencyCode: agencyCode)
        if let existing, existing.status == .issued {
            throw ReportStoreError.alreadyIssued(period: "\(period.from)–\(period.to)")
        }
        let window = try statisticsWindow
            ?? existing.map { try StatisticsPeriod(from: $0.statisticsFrom, to: $0.statisticsTo) }
            ?? period
        let overrides = existing?.overrides ?? [:]
        var report = try await build(period, window: window, agency: agency, number: number, issuedOn: issuedOn)
            .applying(overrides)
        let directory = try await AgencyStore(database: database).directory()
        let scope = agency.map { StatisticsScope.of($0, in: directory, on: window.to) } ?? StatisticsScope()
        report.form06Rows = try await Form06Workbook.load(window, database: database, scope: scope).rows
        try await store.issue(StoredReport(
            periodFrom: period.from, periodTo: period.to, agencyCode: agencyCode, statisticsFrom: window.from,
            statisticsTo: window.to, status: .issued, number: number, issuedOn: issuedOn, overrides: overrides,
            content: try report.frozen()),
            audit: AuditEvent(at: instant, actor: actor, action: .reportIssued, objectKind: "report",
                              objectID: Self.auditID(period, agency: agency),
                              after: AuditEvent.values(["number": number, "issued_on": issuedOn.description,
                                                        "statistics_window": "\(window.from)..\(window.to)",
                                                        "edited_paragraphs": overrides.keys.sorted().joined(separator: ",")])))
        return report
    }

    /// The audit trail's name of a period's report: "2021-06-15..2021-09-14", then the agency code if any.
    public static func auditID(_ period: StatisticsPeriod, agency: AgencyCode?) -> String {
        "\(period.from)..\(period.to)" + (agency.map { " " + $0.rawValue } ?? "")
    }
}
