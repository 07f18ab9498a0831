import Foundation
import Testing
import WorkCalendar
@testable import MotCuaCore

@Suite("Dossiers imported from an older system")
struct ImportTests {
    let procedure = investmentProcedure()
    var reference: ProcedureReference { procedure.reference }

    func row(received: String = "2021-07-12 08:00", due: String = "2021-07-26 08:00", completed: String? = nil,
             returned: String? = nil, returnChannel: Channel? = nil, outcome: ImportedDossier.Outcome? = nil,
             lateness: LatenessRecord? = nil) throws -> ImportedDossier {
        ImportedDossier(code: try DossierCode(parsing: "000.00.15.H56-210712-0007"), procedure: reference,
                        owningAgencyCode: procedure.agencyCode, channel: .online, receivedAt: t(received), dueAt: t(due),
                        completedAt: completed.map(t), returnedAt: returned.map(t), returnChannel: returnChannel,
                        outcome: outcome, lateness: lateness)
    }

    @Test func dueIsComputedWhenTheRowHasNone() throws {
        let deadline = try DossierLifecycle.deadline(receivedAt: t("2021-07-12 08:00"), context: LifecycleContext(procedure: procedure))
        #expect(deadline.due == t("2021-07-26 08:00"))
    }

    @Test func aLateReturnedDossierWithItsOfficersRecord() throws {
        let record = LatenessRecord(kind: .systemOnly, reason: "Trễ hạn phần mềm bước UBND tỉnh", apologySent: false,
                                    agencyCode: Agencies.province, stepName: "UBND tỉnh", paperResultAt: t("2021-07-23 10:00"))
        let event = try DossierLifecycle.importEvent(row(completed: "2021-07-27 09:00", returned: "2021-07-28 09:00",
                                                         returnChannel: .postal, outcome: .approved, lateness: record),
                                                     at: t("2026-01-05 10:00"), actor: "import")
        #expect(event.type == "imported")
        #expect(event.fromStatus == nil)
        #expect(event.toStatus == .returned)
        let d = try Dossier.replay([event])
        #expect(d.status == .returned)
        #expect(d.applicant == nil)
        #expect(d.verdict == .late)
        #expect(d.returnChannel == .postal)
        let attribution = try #require(d.lateAttribution)
        #expect(attribution.overruns.isEmpty)
        #expect(attribution.kind == .systemOnly)
        #expect(attribution.record?.agencyCode == Agencies.province)
        #expect(try Dossier.replay(MotCuaJSON.decode([DossierEvent].self, from: MotCuaJSON.encode([event]))) == d)
    }

    @Test func withdrawnAndInProgressRows() throws {
        let withdrawn = try Dossier.replay([DossierLifecycle.importEvent(row(completed: "2021-07-13 08:00", outcome: .withdrawn), at: t("2026-01-05 10:00"), actor: "import")])
        #expect(withdrawn.status == .withdrawn)
        #expect(withdrawn.closedAt == t("2021-07-13 08:00"))
        #expect(withdrawn.completedAt == nil)
        #expect(withdrawn.outcome == nil)

        var open = try Dossier.replay([DossierLifecycle.importEvent(row(), at: t("2026-01-05 10:00"), actor: "import")])
        #expect(open.status == .received)
        #expect(open.isInProgress)
        #expect(open.progress(at: t("2021-07-26 08:01")) == .overdue)
        // Work continues in the new system, after the import.
        let c = LifecycleContext(procedure: procedure)
        #expect(lifecycleError { try open.execute(.transfer, at: t("2026-01-05 09:00"), actor: "a", context: c) }
                == .timeWentBackwards(at: t("2026-01-05 09:00"), lastEventAt: t("2026-01-05 10:00")))
        try open.execute(.transfer, at: t("2026-01-05 10:30"), actor: "a", context: c)
        #expect(open.status == .processing)
        #expect(open.version == 2)
    }

    @Test func contradictoryRowsAreRefused() throws {
        let bad: [ImportedDossier] = [
            try row(due: "2021-07-11 08:00"),
            try row(completed: "2021-07-13 08:00"),
            try row(outcome: .approved),
            try row(completed: "2021-07-11 08:00", outcome: .approved),
            try row(completed: "2021-07-13 08:00", returned: "2021-07-12 09:00", returnChannel: .counter, outcome: .approved),
            try row(completed: "2021-07-13 08:00", returned: "2021-07-14 09:00", outcome: .approved),
            try row(completed: "2021-07-13 08:00", returnChannel: .counter, outcome: .approved),
            try row(completed: "2021-07-13 08:00", returned: "2021-07-14 09:00", returnChannel: .counter, outcome: .withdrawn),
            try row(completed: "2021-07-13 08:00", outcome: .approved, lateness: LatenessRecord(kind: .actual, reason: "x", apologySent: false)),
        ]
        for r in bad {
            let error = lifecycleError { _ = try DossierLifecycle.importEvent(r, at: t("2026-01-05 10:00"), actor: "import") }
            if case .invalidImport? = error {} else { Issue.record("accepted \(r), error \(String(describing: error))") }
        }
        let paperLate = try row(completed: "2021-07-27 09:00", outcome: .approved,
                                lateness: LatenessRecord(kind: .systemOnly, reason: "x", apologySent: false, paperResultAt: t("2021-07-27 08:00")))
        #expect(lifecycleError { _ = try DossierLifecycle.importEvent(paperLate, at: t("2026-01-05 10:00"), actor: "import") }
                == .paperResultLate(paperResultAt: t("2021-07-27 08:00"), dueAt: t("2021-07-26 08:00")))
        #expect(lifecycleError { _ = try DossierLifecycle.importEvent(try row(), at: t("2026-01-05 10:00"), actor: "") } == .missingActor)
    }
}
