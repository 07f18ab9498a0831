import SQLKit

/// One numbered, append-only schema change, written with SQLKit so the same code runs on SQLite and
/// PostgreSQL. Once a migration has shipped it is never edited: a later migration changes it.
public protocol Migration: Sendable {
    /// Increasing along `Migrations.all`, starting at 1 (gaps allowed).
    var version: Int { get }
    var name: String { get }
    func prepare(on database: any SQLDatabase) async throws
}

/// The one ordered list of migrations. Append new ones at the end.
public enum Migrations {
    public static let all: [any Migration] = [
        M0001_CreateCalendarDays(),
        M0002_CreateAgencies(),
        M0003_CreateProcedures(),
        M0004_CreateDossiers(),
        M0005_CreateUsers(),
        M0006_IndexDossierListing(),
        M0007_CreateGuidanceAndRatings(),
        M0008_IndexPeriodStatistics(),
        M0009_CreateReportRecords(),
        M0010_CreateFeedback(),
        M0011_CreateDossierAttachments(),
        M0012_IndexReturnedAt(),
        M0013_ProjectPaymentChannel(),
        M0014_CreateAbuseCountersAndUniqueRatings(),
        M0015_CreateAuditEvents(),
        M0016_AddTokenExpiry(),
        M0017_AddAgencyKinds(),
        M0018_AddSitesAndTwoInstants(),
        M0019_CreateNotices(),
    ]

    public static var latestVersion: Int { all.last?.version ?? 0 }
}
