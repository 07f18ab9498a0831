import Foundation
import MotCuaCore
import MotCuaReports
import MotCuaStore
import MotCuaTestSupport
import Testing
import WorkCalendar

/// Issue 11, item 4: a merger moves open dossiers to the successor with an event and keeps closed ones.
@Suite("Agency mergers")
struct AgencyMergerTests {
    static let successor = try! AgencyCode(parsing: "000.00.07.H39")

    @Test("open dossiers move to the successor (owner and open step), closed ones keep their agency; later steps open at the successor; reports after the date count under the successor",
          arguments: TestBackend.available)
    func merge(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Fixtures.seed(database)
            try await AgencyStore(database: database).save(try Agency(
                code: Self.successor, parentCode: Fixtures.province, level: .department,
                names: [AgencyName(validFrom: try LocalDate(iso: "2025-07-01"), name: "Sở Tài chính tỉnh Lâm Đồng", shortName: "Sở TC")]))
            let store = DossierStore(database: database)
            func register(_ at: String) async throws -> Dossier {
                try await store.register(RegistrationRequest(receivingAgency: Fixtures.center, procedureCode: Fixtures.investmentCode,
                                                             applicant: try Fixtures.applicant(), channel: .counter),
                                         at: Fixtures.instant(at), actor: "tn")
            }
            // Closed before the merger (late: received 2 June, result 30 June).
            let closed = try await register("2025-06-02 09:00")
            for (at, command) in [("2025-06-02 09:30", DossierCommand.transfer), ("2025-06-20 09:00", .completeStep(note: nil)),
                                  ("2025-06-25 09:00", .completeStep(note: nil)), ("2025-06-30 09:00", .completeStep(note: nil)),
                                  ("2025-06-30 10:00", .recordResult(outcome: .approved, note: nil))] {
                _ = try await store.execute(command, on: closed.code, at: Fixtures.instant(at), actor: "cv")
            }
            // Open on the day of the merger, its first step at the old department.
            let open = try await register("2025-06-26 09:00")
            _ = try await store.execute(.transfer, on: open.code, at: Fixtures.instant("2025-06-26 09:30"), actor: "cv")

            let result = try await AgencyMerger(database: database).merge(
                [MergerPlan(into: Self.successor, from: try LocalDate(iso: "2025-07-01"), olds: [Fixtures.planning])],
                at: Fixtures.instant("2025-07-01 08:00"), actor: "cli:admin")
            #expect(result.moved == [open.code] && result.keptClosed == 1)
            let moved = try await store.dossier(open.code)
            #expect(moved.owningAgencyCode == Self.successor && moved.openVisit?.agencyCode == Self.successor)
            #expect(try await store.events(of: open.code).last?.type == "reassigned")
            #expect(try await store.rebuilt(open.code) == moved)
            #expect(try await store.dossier(closed.code).owningAgencyCode == Fixtures.planning)
            let directory = try await AgencyStore(database: database).directory()
            #expect(directory[Fixtures.planning]?.successorCode == Self.successor)
            #expect(directory.agencyInCharge(of: Fixtures.planning, on: try LocalDate(iso: "2025-07-01")) == Self.successor)
            #expect(directory.agencyInCharge(of: Fixtures.planning, on: try LocalDate(iso: "2025-06-30")) == Fixtures.planning)

            // The steps to come open at the successor: the provincial step, then the environment one.
            _ = try await store.execute(.completeStep(note: nil), on: open.code, at: Fixtures.instant("2025-07-02 09:00"), actor: "cv")
            #expect(try await store.dossier(open.code).openVisit?.agencyCode == Fixtures.province)

            // Q3/2025 (15 June – 14 September) spans the merger: the late dossier counts under the successor,
            // with the old name beside it; the successor's own figures include the old agency's dossiers.
            let period = try ReportingQuarter(parsing: "2025-Q3").period
            let report = try await StatisticsReporter(database: database).report(period)
            #expect(report.lateByAgency.map(\.agencyCode) == [Self.successor.rawValue])
            #expect(report.lateByAgency.first?.agencyName.contains("Sở Kế hoạch và Đầu tư") == true)
            let successorReport = try await StatisticsReporter(database: database).report(period, agency: Self.successor)
            #expect(successorReport.resolved.total == 1 && successorReport.inProgress.total == 1)
            // Merging into itself, or an unknown agency, is refused with the field named.
            await #expect { try await AgencyMerger(database: database).merge(
                [MergerPlan(into: Self.successor, from: try LocalDate(iso: "2025-07-01"), olds: [Self.successor])],
                at: Date(), actor: "x") } throws: { ($0 as? ValidationError)?.field == "old" }
        }
    }
}
