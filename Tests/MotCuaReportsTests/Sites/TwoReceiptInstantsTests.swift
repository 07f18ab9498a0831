import Foundation
import MotCuaCore
import MotCuaReports
import MotCuaStore
import MotCuaTestSupport
import Testing
import WorkCalendar

/// Issue 11, item 2: a dossier accepted at a commune center for a department's procedure, forwarded, and
/// received by the competent site two working days later.
@Suite("Nationwide receipt: two receipt instants (issue 11)")
struct TwoReceiptInstantsTests {
    static let province = SiteFixtures.province
    static let center = SiteFixtures.center
    static let justice = SiteFixtures.justice
    static let communeCenter = SiteFixtures.communeCenter
    static let anySiteCode = SiteFixtures.anySiteCode
    static let localOnlyCode = SiteFixtures.localOnlyCode

    static func seed(_ database: Database) async throws { try await SiteFixtures.seed(database) }

    static func request(_ procedure: ProcedureCode = anySiteCode, at site: AgencyCode = communeCenter) throws -> RegistrationRequest {
        RegistrationRequest(receivingAgency: site, procedureCode: procedure, applicant: try Fixtures.applicant(), channel: .counter)
    }

    static func period(_ from: String, _ to: String) throws -> StatisticsPeriod {
        try StatisticsPeriod(from: LocalDate(iso: from), to: LocalDate(iso: to))
    }

    @Test("accepted at a commune center, forwarded, received two working days later: due N working days after the receipt; statistics by received_at, accepted_on_behalf by accepted_at",
          arguments: TestBackend.available)
    func forwardedDossier(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Self.seed(database)
            let store = DossierStore(database: database)
            // Thursday 10 September 2026, 10:00 at the commune center.
            let accepted = try await store.register(try Self.request(), at: Fixtures.instant("2026-09-10 10:00"), actor: "tn.xa")
            #expect(accepted.code.agencyCode == Self.communeCenter)
            #expect(accepted.status == .newlyRegistered && accepted.receivedAt == nil && accepted.dueAt == nil)
            #expect(accepted.acceptedAt == Fixtures.instant("2026-09-10 10:00"))
            #expect(accepted.forwarding?.destination == Self.center)
            #expect(accepted.forwarding?.dueAt == Fixtures.instant("2026-09-11 10:00"))  // one working day (default)
            #expect(accepted.deskAgencyCode == Self.center)

            // The competent desk cannot receive before the commune center sends it.
            await #expect(throws: LifecycleError.notForwarded(site: Self.communeCenter)) {
                try await store.execute(.receive, on: accepted.code, at: Fixtures.instant("2026-09-10 11:00"), actor: "tn.tinh")
            }
            _ = try await store.execute(.forward(channel: .electronic, note: "Gửi qua hệ thống"), on: accepted.code,
                                        at: Fixtures.instant("2026-09-10 15:00"), actor: "tn.xa")
            // Received Monday 14 September 10:00, two working days after acceptance.
            let received = try await store.execute(.receive, on: accepted.code, at: Fixtures.instant("2026-09-14 10:00"), actor: "tn.tinh")
            #expect(received.receivedAt == Fixtures.instant("2026-09-14 10:00"))
            #expect(received.acceptedAt == Fixtures.instant("2026-09-10 10:00"))
            #expect(received.dueAt == Fixtures.instant("2026-09-21 10:00"))  // 5 working days from the receipt
            #expect(received.forwarding?.deliveredAt == received.receivedAt)
            #expect(received.forwarding?.verdict == .late)  // due Friday 11, delivered Monday 14
            #expect(try await store.rebuilt(accepted.code) == received)

            // A period that ends between the two instants: the dossier is only accepted on behalf.
            let statistics = StatisticsStore(database: database)
            let before = try Self.period("2026-09-01", "2026-09-11")
            let figuresBefore = try await statistics.dossierFigures(before)
            #expect(figuresBefore.received == 0 && figuresBefore.inProgress == 0 && figuresBefore.carriedOver == 0)
            let reportBefore = try await StatisticsReporter(database: database).report(before)
            #expect(reportBefore.acceptedOnBehalf?.total == 1)
            #expect(reportBefore.acceptedOnBehalf?.byAgency.map(\.agencyCode) == [Self.communeCenter.rawValue])
            let after = try Self.period("2026-09-12", "2026-09-30")
            let figuresAfter = try await statistics.dossierFigures(after)
            #expect(figuresAfter.received == 1 && figuresAfter.inProgress == 1 && figuresAfter.carriedOver == 0)
            #expect(try await StatisticsReporter(database: database).report(after).acceptedOnBehalf?.total == 0)
            #expect(try await statistics.receivedFromOtherSites(after).map { "\($0.0)=\($0.1)" } == ["\(Self.center)=1"])

            // Per site: the commune center accepted it, the provincial center received it.
            let communeReport = try await StatisticsReporter(database: database).report(after, agency: Self.communeCenter)
            #expect(communeReport.received.total == 0)
            let communeBefore = try await StatisticsReporter(database: database).report(before, agency: Self.communeCenter)
            #expect(communeBefore.acceptedOnBehalf?.total == 1)
            let centerReport = try await StatisticsReporter(database: database).report(after, agency: Self.center)
            #expect(centerReport.received.total == 1 && centerReport.acceptedOnBehalf?.total == 0)
        }
    }

    @Test("a procedure not listed for any site is refused at another site's desk, naming the field; the forwarding period is a dated setting",
          arguments: TestBackend.available)
    func notServedAndDatedSetting(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Self.seed(database)
            let store = DossierStore(database: database)
            await #expect { try await store.register(try Self.request(Self.localOnlyCode), at: Fixtures.instant("2026-09-10 10:00"), actor: "tn.xa") } throws: { error in
                (error as? ValidationError)?.field == "procedure_code"
            }
            // The provincial center receives it directly.
            let direct = try await store.register(try Self.request(Self.localOnlyCode, at: Self.center), at: Fixtures.instant("2026-09-10 10:00"), actor: "tn.tinh")
            #expect(direct.status == .received && direct.forwarding == nil && direct.acceptedAt == direct.receivedAt)

            try await DatedSettingStore(database: database).record(
                DatedSettingValue(setting: "forwarding_working_days", validFrom: LocalDate(iso: "2026-10-01"), value: 2),
                by: "admin", at: Fixtures.instant("2026-09-20 08:00"))
            let september = try await store.register(try Self.request(), at: Fixtures.instant("2026-09-30 10:00"), actor: "tn.xa")
            let october = try await store.register(try Self.request(), at: Fixtures.instant("2026-10-01 10:00"), actor: "tn.xa")
            #expect(september.forwarding?.dueAt == Fixtures.instant("2026-10-01 10:00"))
            #expect(october.forwarding?.dueAt == Fixtures.instant("2026-10-05 10:00"))  // Thu → Mon, two working days
            await #expect { try await DatedSettingStore(database: database).record(
                DatedSettingValue(setting: "forwarding_working_days", validFrom: LocalDate(iso: "2026-10-01"), value: 0),
                by: "admin", at: Date()) } throws: { ($0 as? ValidationError)?.field == "value" }
        }
    }

    @Test("import dossiers: optional accepted_at; an empty due_at counts from received_at, never from accepted_at",
          arguments: TestBackend.available)
    func importAcceptedAt(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await Self.seed(database)
            let csv = """
                code,procedure_code,channel,received_at,due_at,completed_at,returned_at,return_channel,outcome,late_agency_code,late_step,late_kind,late_reason,apology_sent,accepted_at
                000.01.21.H39-260910-0001,2.000635,counter,2026-09-14 10:00,,,,,,,,,,,2026-09-10 10:00
                000.00.15.H39-260914-0001,2.000635,counter,2026-09-14 10:00,,,,,,,,,,,

                """
            let result = try await DossierImporter(database: database).run(Data(csv.utf8))
            #expect(result.imported == 2)
            let store = DossierStore(database: database)
            let forwarded = try await store.dossier(try DossierCode(parsing: "000.01.21.H39-260910-0001"))
            #expect(forwarded.acceptedAt == Fixtures.instant("2026-09-10 10:00"))
            #expect(forwarded.dueAt == Fixtures.instant("2026-09-21 10:00"))
            let direct = try await store.dossier(try DossierCode(parsing: "000.00.15.H39-260914-0001"))
            #expect(direct.acceptedAt == direct.receivedAt)
            let report = try await StatisticsReporter(database: database).report(try Self.period("2026-09-01", "2026-09-11"))
            #expect(report.acceptedOnBehalf?.total == 1 && report.received.total == 0)

            let bad = """
                code,procedure_code,channel,received_at,due_at,completed_at,returned_at,return_channel,outcome,late_agency_code,late_step,late_kind,late_reason,apology_sent,accepted_at
                000.01.21.H39-260915-0001,2.000635,counter,2026-09-14 10:00,,,,,,,,,,,2026-09-15 10:00

                """
            await #expect { try await DossierImporter(database: database).run(Data(bad.utf8)) } throws: { error in
                guard case ImportError.rows(let problems) = error else { return false }
                return problems.first?.reason.contains("accepted_at") == true
            }
        }
    }
}
