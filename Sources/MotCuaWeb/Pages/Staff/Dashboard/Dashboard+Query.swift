import Foundation
import MotCuaCore
import MotCuaReports
import MotCuaStore
import WorkCalendar

/// Fills the dashboard from the stores: the period figures of `StatisticsStore` (the same SQL as the
/// quarterly report and `motcua report`), the weekly receipts, the day and the late list of `DashboardStore`.
struct DashboardQuery: Sendable {
    let database: Database

    /// The owning agencies a principal sees: every agency for the center's manager and the administrator,
    /// their own agencies for a leader.
    static func scope(of principal: Principal) -> StatisticsScope {
        principal.listRestriction.map { StatisticsScope(owningAgencies: $0.sorted()) } ?? .all
    }

    /// - Parameter site: limit to the dossiers one site (with its branches) receives.
    func load(for principal: Principal, input: ReportingPeriodInput, period: StatisticsPeriod, now: Date,
              latePage: Int, site: AgencyCode? = nil) async throws -> DashboardModel {
        let today = VietnamTime.localDate(of: now)
        let shown = period.to > today && period.from <= today ? try StatisticsPeriod(from: period.from, to: today) : period
        let directory = try await AgencyStore(database: database).directory()
        var scope = Self.scope(of: principal)
        if let site { scope.sites = directory.siteGroup(of: site) }
        let statistics = StatisticsStore(database: database)
        let dashboard = DashboardStore(database: database)
        let page = max(1, latePage)
        async let dayResult = dashboard.dayActivity(at: now, scope: scope)
        async let weeksResult = dashboard.weeklyReceipts(shown, scope: scope)
        async let byAgencyResult = statistics.dossierFiguresByOwningAgency(shown, scope: scope)
        async let lateResult = dashboard.lateDossiers(shown, scope: scope, limit: DashboardModel.latePageSize,
                                                      offset: (page - 1) * DashboardModel.latePageSize)
        let (day, weeks, byAgency, late) = try await (dayResult, weeksResult, byAgencyResult, lateResult)
        // Every dossier has one owning agency: the per-agency rows add up to the period's figures (one
        // aggregate query instead of two).
        let figures = byAgency.map(\.1).reduce(into: DossierFigures()) { $0.add($1) }

        func name(_ code: AgencyCode) -> String { directory[code]?.name(on: shown.to) ?? code.rawValue }
        let agencies = byAgency.map { code, f in
            DashboardModel.AgencyFigures(code: code, name: name(code),
                                         shortName: directory[code]?.shortName(on: shown.to) ?? code.rawValue, figures: f)
        }
        var lateRows: [DashboardModel.LateRow] = []
        for row in late {
            lateRows.append(DashboardModel.LateRow(
                code: row.code.rawValue, agencyName: name(row.lateAgency ?? row.owningAgency),
                step: try await step(of: row), daysLate: row.daysLate, reason: row.reason ?? "",
                systemOnly: row.lateKind == LatenessRecord.Kind.systemOnly.rawValue))
        }
        var scopeLabel = scope.owningAgencies.map { $0.map(name).joined(separator: "; ") } ?? "Tất cả cơ quan, đơn vị"
        if let site { scopeLabel += " — hồ sơ tiếp nhận tại \(name(site))" }
        let sites = directory.sites.filter { !$0.hasEnded(before: today) }.map { (code: $0.code.rawValue, name: $0.name(on: today)) }
        return DashboardModel(input: input, period: period, shown: shown, today: today, scopeLabel: scopeLabel,
                              sites: sites.count > 1 ? sites : [], site: site?.rawValue ?? "",
                              day: day, figures: figures, weeks: weeks, agencies: agencies, lateTotal: figures.late,
                              lateRows: lateRows, latePage: page)
    }

    /// The step an officer named; else the first step that overran its allotted time (`LateAttribution`,
    /// read from the dossier's state only for the rows on the page).
    private func step(of row: LateDossierRow) async throws -> String {
        if let step = row.lateStep, !step.isEmpty { return step }
        let dossier = try await ifFound { try await DossierStore(database: database).dossier(row.code) }
        return dossier?.lateAttribution?.overruns.first?.stepName ?? "Chưa xác định"
    }
}

extension DossierFigures {
    /// Adds another group's counts (agencies are disjoint, so sums are exact).
    mutating func add(_ other: DossierFigures) {
        received += other.received; receivedOnline += other.receivedOnline; receivedCounter += other.receivedCounter
        receivedPostal += other.receivedPostal; carriedOver += other.carriedOver; resolved += other.resolved
        early += other.early; onTime += other.onTime; late += other.late; returnedByPostal += other.returnedByPostal
        inProgress += other.inProgress; withinDeadline += other.withinDeadline; overdue += other.overdue
        withdrawn += other.withdrawn
    }
}
