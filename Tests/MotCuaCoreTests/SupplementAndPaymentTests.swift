import Foundation
import Testing
import WorkCalendar
@testable import MotCuaCore

@Suite("Supplement rounds and payments")
struct SupplementAndPaymentTests {
    /// Received Friday 5 February 2021 09:00 (due 26 February 09:00), transferred, supplement asked Tuesday 9
    /// at 10:00, complete dossier back Thursday 18 at 14:00 (1 020 working minutes waited).
    func afterSupplement(_ policy: SupplementPolicy) throws -> Dossier {
        let context = LifecycleContext(procedure: investmentProcedure(policy: policy))
        var (d, _) = try receivedDossier(at: "2021-02-05 09:00", context: context)
        try d.execute(.transfer, at: t("2021-02-05 09:00"), actor: "a", context: context)
        try d.execute(.requestSupplement(reason: "Thiếu giấy tờ", documents: ["Bản sao GCN", "  "]), at: t("2021-02-09 10:00"), actor: "a", context: context)
        #expect(d.supplementRounds.last?.documents == ["Bản sao GCN"])
        try d.execute(.receiveSupplement(note: nil), at: t("2021-02-18 14:00"), actor: "a", context: context)
        return d
    }

    @Test func restartCountsTheWholePeriodAgainFromTheArrival() throws {
        let d = try afterSupplement(.restart)
        // 10 working days from Thursday 18 February 14:00: 19, 22, 23, 24, 25, 26, 1, 2, 3, 4 March → 4 March 14:00.
        #expect(d.dueAt == t("2021-03-04 14:00"))
        #expect(d.citizenDueAt == t("2021-03-04 14:00"))
        #expect(d.supplementRounds[0].policy == .restart)
        #expect(d.supplementRounds[0].waitedMinutes == 1020)
        // The step in progress always pauses: 19 February 09:00 + 1 020 minutes.
        #expect(d.visits[0].dueAt == t("2021-02-23 11:00"))
        #expect(d.status == .processing)
    }

    @Test(arguments: [("2021-04-30 17:00", "2021-04-30 17:00"),   // the extension promised later: kept
                      ("2021-03-01 17:00", "2021-03-04 14:00")])  // promised earlier than the new period: the new period
    func restartAfterAnExtensionNeverShortensTheCitizensDate(extended: String, citizen: String) throws {
        let context = LifecycleContext(procedure: investmentProcedure(policy: .restart))
        var (d, _) = try receivedDossier(at: "2021-02-05 09:00", context: context)
        try d.execute(.transfer, at: t("2021-02-05 09:00"), actor: "a", context: context)
        try d.execute(.extend(newDueAt: t(extended), reason: "Xác minh", apologyLetter: nil), at: t("2021-02-08 09:00"), actor: "a", context: context)
        try d.execute(.requestSupplement(reason: "Thiếu", documents: []), at: t("2021-02-09 10:00"), actor: "a", context: context)
        try d.execute(.receiveSupplement(note: nil), at: t("2021-02-18 14:00"), actor: "a", context: context)
        #expect(d.dueAt == t("2021-03-04 14:00"))
        #expect(d.citizenDueAt == t(citizen))
        #expect(d.dueExtension?.newDueAt == t(extended))
    }

    @Test func pauseMovesTheDueInstantByTheWorkingTimeWaited() throws {
        let d = try afterSupplement(.pause)
        #expect(d.dueAt == t("2021-03-02 11:00"))
        #expect(d.supplementRounds[0].policy == .pause)
        #expect(d.visits[0].dueAt == t("2021-02-23 11:00"))
    }

    @Test func restartAppliesTheProcedureCutoff() throws {
        let context = LifecycleContext(procedure: investmentProcedure(policy: .restart, cutoff: try TimeOfDay(hour: 15)))
        var (d, _) = try receivedDossier(at: "2021-03-01 09:00", context: context)
        try d.execute(.requestSupplement(reason: "Thiếu", documents: []), at: t("2021-03-01 10:00"), actor: "a", context: context)
        // Arrives Tuesday 2 March at 16:00, after the 15:00 cutoff: counting starts Wednesday 3 at 07:30.
        try d.execute(.receiveSupplement(note: nil), at: t("2021-03-02 16:00"), actor: "a", context: context)
        #expect(d.status == .received)   // asked before transfer: back to received
        #expect(d.dueAt == t("2021-03-17 07:30"))
    }

    @Test func deskSupplementBeforeReceiptDoesNotStartThePeriod() throws {
        let context = LifecycleContext(procedure: investmentProcedure())
        // Submitted online on Friday night.
        var (d, _) = try Dossier.register(draft(on: "2021-02-05", channel: .online), at: t("2021-02-05 20:00"), actor: "portal", context: context)
        #expect(d.status == .newlyRegistered)
        #expect(d.dueAt == nil)
        try d.execute(.requestSupplement(reason: "Thiếu văn bản đề nghị", documents: ["Văn bản đề nghị"]), at: t("2021-02-08 08:00"), actor: "tiepnhan", context: context)
        #expect(d.status == .supplementRequested)
        #expect(d.supplementRounds[0].phase == .reception)
        #expect(lifecycleError { try d.execute(.stop(reason: "x"), at: t("2021-02-08 09:00"), actor: "a", context: context) } == .receptionPhase(action: .stop))
        try d.execute(.receiveSupplement(note: nil), at: t("2021-02-09 09:00"), actor: "portal", context: context)
        #expect(d.status == .newlyRegistered)
        #expect(d.receivedAt == nil)
        try d.execute(.receive, at: t("2021-02-09 10:00"), actor: "tiepnhan", context: context)
        // 10 working days from Tuesday 9 February 10:00 over Tết: 17, 18, 19, 22, 23, 24, 25, 26, 1, 2 March.
        #expect(d.dueAt == t("2021-03-02 10:00"))
        #expect(d.registeredAt == t("2021-02-05 20:00"))
    }

    @Test func deskRefusalEndsTheDossier() throws {
        let context = LifecycleContext(procedure: investmentProcedure())
        var (d, _) = try Dossier.register(draft(on: "2021-07-12", channel: .online), at: t("2021-07-12 08:00"), actor: "portal", context: context)
        #expect(lifecycleError { try d.execute(.refuseAtDesk(reason: "  "), at: t("2021-07-12 09:00"), actor: "a", context: context) } == .missingReason(action: .refuseAtDesk))
        try d.execute(.refuseAtDesk(reason: "Không thuộc thẩm quyền"), at: t("2021-07-12 09:00"), actor: "a", context: context)
        #expect(d.status == .notAccepted)
        #expect(d.closedAt == t("2021-07-12 09:00"))
        #expect(d.closingReason == "Không thuộc thẩm quyền")
    }

    @Test func paymentPausesTheDossierAndTheStep() throws {
        let context = LifecycleContext(procedure: investmentProcedure(policy: .restart))
        var (d, _) = try receivedDossier(at: "2021-03-01 07:30", context: context)   // due 15 March 07:30
        #expect(d.dueAt == t("2021-03-15 07:30"))
        try d.execute(.transfer, at: t("2021-03-01 07:30"), actor: "a", context: context)  // step due 8 March 07:30
        #expect(d.visits[0].dueAt == t("2021-03-08 07:30"))
        #expect(lifecycleError { try d.execute(.requestPayment(amountVND: 0, description: "Lệ phí"), at: t("2021-03-02 07:30"), actor: "a", context: context) } == .invalidAmount(0))
        try d.execute(.requestPayment(amountVND: 500_000, description: "Lệ phí trước bạ"), at: t("2021-03-02 07:30"), actor: "a", context: context)
        #expect(d.status == .paymentRequested)
        // Paid a full working day later (even with restart policy, payment only pauses).
        try d.execute(.confirmPayment(reference: "BL-001"), at: t("2021-03-03 07:30"), actor: "a", context: context)
        #expect(d.status == .processing)
        #expect(d.payments[0].waitedMinutes == 450)
        #expect(d.dueAt == t("2021-03-15 17:00"))   // 07:30 + a full day of office time = the close of that day
        #expect(d.visits[0].dueAt == t("2021-03-08 17:00"))
        #expect(d.visits[0].pausedMinutes == 450)
        try d.execute(.completeStep(note: nil), at: t("2021-03-08 16:00"), actor: "a", context: context)
        #expect(d.visits[0].usedMinutes == 5 * 450 + 390 - 450)  // 1–5 March, 8 March 07:30→16:00, minus the paused day
        #expect(d.visits[0].verdict == .onTime)
    }

    @Test func sendBackOpensThePreviousStepWithAFreshAllotment() throws {
        let context = LifecycleContext(procedure: investmentProcedure())
        var (d, _) = try receivedDossier(at: "2021-03-01 07:30", context: context)
        try d.execute(.transfer, at: t("2021-03-01 07:30"), actor: "a", context: context)
        #expect(lifecycleError { try d.execute(.sendBack(reason: "Sai"), at: t("2021-03-01 08:00"), actor: "a", context: context) } == .noPreviousStep(step: "Thẩm định hồ sơ"))
        try d.execute(.completeStep(note: nil), at: t("2021-03-03 07:30"), actor: "a", context: context)
        #expect(lifecycleError { try d.execute(.sendBack(reason: " "), at: t("2021-03-03 09:00"), actor: "a", context: context) } == .missingReason(action: .sendBack))
        try d.execute(.sendBack(reason: "Bổ sung ý kiến thẩm định"), at: t("2021-03-04 07:30"), actor: "ld.ubnd", context: context)
        #expect(d.visits.count == 3)
        #expect(d.visits[1].exit == .sentBack)
        #expect(d.visits[1].note == "Bổ sung ý kiến thẩm định")
        #expect(d.visits[1].usedMinutes == 450)
        #expect(d.visits[2].stepIndex == 0)
        #expect(d.visits[2].number == 3)
        #expect(d.visits[2].handedOverAt == t("2021-03-04 07:30"))
        #expect(d.visits[2].dueAt == t("2021-03-11 07:30"))
        #expect(lifecycleError { try d.execute(.recordResult(outcome: .approved, note: nil), at: t("2021-03-04 08:00"), actor: "a", context: context) }
                == .stepsRemaining(current: "Thẩm định hồ sơ", remaining: 2))
    }

    @Test func refusalWithdrawalAndStopCloseTheOpenStep() throws {
        let context = LifecycleContext(procedure: investmentProcedure())
        for (command, status, exit) in [(DossierCommand.refuse(reason: "Không đủ điều kiện"), DossierStatus.processed, StepExit.refused),
                                        (.withdraw(reason: "Công dân xin rút"), .withdrawn, .withdrawn),
                                        (.stop(reason: "Có tranh chấp"), .stopped, .stopped)] {
            var (d, _) = try receivedDossier(at: "2021-03-01 07:30", context: context)
            try d.execute(.transfer, at: t("2021-03-01 07:30"), actor: "a", context: context)
            try d.execute(command, at: t("2021-03-02 07:30"), actor: "a", context: context)
            #expect(d.status == status)
            #expect(d.visits[0].exit == exit)
            #expect(d.visits[0].usedMinutes == 450)
            #expect(d.openVisit == nil)
            if status == .processed {
                #expect(d.outcome == .refused)
                #expect(d.completedAt == t("2021-03-02 07:30"))
                #expect(d.verdict == .early)
                #expect(d.visits[0].verdict == .early)
            } else {
                #expect(d.closedAt == t("2021-03-02 07:30"))
                #expect(d.completedAt == nil)
                #expect(d.visits[0].verdict == nil)
                #expect(!d.isInProgress)
            }
        }
    }

    @Test func withdrawalWhileWaitingDoesNotCountTheWaitAgainstTheStep() throws {
        let context = LifecycleContext(procedure: investmentProcedure())
        var (d, _) = try receivedDossier(at: "2021-03-01 07:30", context: context)
        try d.execute(.transfer, at: t("2021-03-01 07:30"), actor: "a", context: context)
        try d.execute(.requestSupplement(reason: "Thiếu", documents: []), at: t("2021-03-02 07:30"), actor: "a", context: context)
        try d.execute(.withdraw(reason: nil), at: t("2021-03-09 07:30"), actor: "a", context: context)
        #expect(d.visits[0].usedMinutes == 450)
        #expect(d.status == .withdrawn)
        #expect(d.supplementRounds[0].arrivedAt == nil)
    }

    @Test func hoursProceduresCountOfficeTime() throws {
        let steps = [ProcessStep(name: "Chứng thực", agencyCode: Agencies.justice, role: "Chuyên viên", allotted: .workingHours(4))]
        let p = try Procedure(code: ProcedureCode(parsing: "2.000815"), validFrom: t("2020-01-01 00:00"), name: "Chứng thực bản sao",
                              field: "Chứng thực", agencyCode: Agencies.justice, legalTime: .workingDays(1), localTime: .workingHours(4),
                              onlineLevel: .none, steps: steps)
        let context = LifecycleContext(procedure: p)
        var (d, _) = try Dossier.register(draft(on: "2021-03-01", procedure: p.code), at: t("2021-03-01 10:00"), actor: "a", context: context)
        try d.execute(.receive, at: t("2021-03-01 10:00"), actor: "a", context: context)
        // 10:00 + 4 office hours: 1h30 to 11:30, then 13:30 + 2h30 = 16:00.
        #expect(d.dueAt == t("2021-03-01 16:00"))
        try d.execute(.transfer, at: t("2021-03-01 10:00"), actor: "a", context: context)
        #expect(d.visits[0].allottedMinutes == 240)
        try d.execute(.recordResult(outcome: .approved, note: nil), at: t("2021-03-01 16:00"), actor: "a", context: context)
        #expect(d.visits[0].exit == .finished)
        #expect(d.visits[0].usedMinutes == 240)
        #expect(d.verdict == .onTime)
    }
}
