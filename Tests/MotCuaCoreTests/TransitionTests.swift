import Foundation
import Testing
import WorkCalendar
@testable import MotCuaCore

@Suite("Transitions: every illegal one is refused with its reason")
struct TransitionTests {
    static let context = LifecycleContext(procedure: investmentProcedure())

    /// A dossier in each status (5 twice: at the desk and in processing), built through the lifecycle.
    static func fixtures() throws -> [(name: String, dossier: Dossier)] {
        let c = context
        func registered() throws -> Dossier {
            try Dossier.register(draft(on: "2021-03-01", channel: .online), at: t("2021-03-01 07:30"), actor: "portal", context: c).dossier
        }
        func received() throws -> Dossier { var d = try registered(); try d.execute(.receive, at: t("2021-03-01 08:00"), actor: "a", context: c); return d }
        func processing() throws -> Dossier { var d = try received(); try d.execute(.transfer, at: t("2021-03-01 08:00"), actor: "a", context: c); return d }
        func processed() throws -> Dossier {
            var d = try processing()
            try d.execute(.completeStep(note: nil), at: t("2021-03-02 08:00"), actor: "a", context: c)
            try d.execute(.completeStep(note: nil), at: t("2021-03-03 08:00"), actor: "a", context: c)
            try d.execute(.recordResult(outcome: .approved, note: nil), at: t("2021-03-04 08:00"), actor: "a", context: c)
            return d
        }
        var deskSupplement = try registered()
        try deskSupplement.execute(.requestSupplement(reason: "Thiếu", documents: []), at: t("2021-03-01 09:00"), actor: "a", context: c)
        var notAccepted = try registered()
        try notAccepted.execute(.refuseAtDesk(reason: "Sai thẩm quyền"), at: t("2021-03-01 09:00"), actor: "a", context: c)
        var supplement = try processing()
        try supplement.execute(.requestSupplement(reason: "Thiếu", documents: []), at: t("2021-03-01 09:00"), actor: "a", context: c)
        var payment = try processing()
        try payment.execute(.requestPayment(amountVND: 100_000, description: "Lệ phí"), at: t("2021-03-01 09:00"), actor: "a", context: c)
        var withdrawn = try processing()
        try withdrawn.execute(.withdraw(reason: nil), at: t("2021-03-01 09:00"), actor: "a", context: c)
        var stopped = try processing()
        try stopped.execute(.stop(reason: "Tranh chấp"), at: t("2021-03-01 09:00"), actor: "a", context: c)
        var returned = try processed()
        try returned.execute(.returnResult(channel: .postal), at: t("2021-03-05 08:00"), actor: "a", context: c)
        return [("newly registered", try registered()), ("received", try received()), ("not accepted", notAccepted),
                ("processing", try processing()), ("supplement at the desk", deskSupplement),
                ("supplement in processing", supplement), ("payment requested", payment), ("withdrawn", withdrawn),
                ("stopped", stopped), ("processed", try processed()), ("returned", returned)]
    }

    /// One command of each action.
    static func sample(_ action: DossierAction) -> DossierCommand {
        switch action {
        case .register: return .register(draft(on: "2021-03-06", sequence: 2))
        case .receive: return .receive
        case .acceptOnBehalf: return .acceptOnBehalf(destination: Agencies.center)
        case .forward: return .forward(channel: .electronic, note: nil)
        case .reassign: return .reassign(from: Agencies.planning, to: Agencies.justice, reason: "Sáp nhập")
        case .requestSupplement: return .requestSupplement(reason: "Thiếu", documents: [])
        case .receiveSupplement: return .receiveSupplement(note: nil)
        case .refuseAtDesk: return .refuseAtDesk(reason: "Sai")
        case .transfer: return .transfer
        case .acceptStep: return .acceptStep(assignee: nil)
        case .completeStep: return .completeStep(note: nil)
        case .sendBack: return .sendBack(reason: "Sai")
        case .requestPayment: return .requestPayment(amountVND: 1000, description: "Phí")
        case .confirmPayment: return .confirmPayment(reference: nil)
        case .extend: return .extend(newDueAt: t("2021-04-30 17:00"), reason: "Xác minh", apologyLetter: nil)
        case .refuse: return .refuse(reason: "Không đủ điều kiện")
        case .withdraw: return .withdraw(reason: nil)
        case .stop: return .stop(reason: "Dừng")
        case .recordResult: return .recordResult(outcome: .approved, note: nil)
        case .returnResult: return .returnResult(channel: .counter)
        case .recordLateness: return .recordLateness(LatenessRecord(kind: .actual, reason: "Chậm", apologySent: false))
        }
    }

    @Test func theTransitionTable() {
        let expected: [DossierStatus: Set<DossierAction>] = [
            .newlyRegistered: [.receive, .acceptOnBehalf, .forward, .reassign, .requestSupplement, .refuseAtDesk, .withdraw],
            .received: [.requestSupplement, .transfer, .extend, .refuse, .withdraw, .stop, .recordResult, .reassign],
            .notAccepted: [],
            .processing: [.requestSupplement, .acceptStep, .completeStep, .sendBack, .requestPayment, .extend, .refuse, .withdraw, .stop, .recordResult, .reassign],
            .supplementRequested: [.receiveSupplement, .refuseAtDesk, .withdraw, .stop, .reassign],
            .paymentRequested: [.confirmPayment, .withdraw, .stop, .reassign],
            .withdrawn: [],
            .stopped: [],
            .processed: [.returnResult, .recordLateness],
            .returned: [.recordLateness],
        ]
        for status in DossierStatus.allCases {
            #expect(Set(DossierAction.allowed(from: status)) == expected[status], "\(status)")
        }
    }

    @Test func everyActionOutsideTheTableIsRefusedAndChangesNothing() throws {
        var refused = 0
        for (name, dossier) in try Self.fixtures() {
            for action in DossierAction.allCases where action != .register && !action.allowedFrom.contains(dossier.status) {
                let error = lifecycleError {
                    _ = try dossier.decide(Self.sample(action), at: t("2021-03-10 08:00"), actor: "a", context: Self.context)
                }
                #expect(error == .notAllowed(action: action, status: dossier.status), "\(name): \(action)")
                #expect(error?.description.contains("the dossier is \(dossier.status)") == true)
                #expect(error?.vietnameseMessage.contains(dossier.status.vietnameseLabel) == true)
                refused += 1
            }
            #expect(lifecycleError { _ = try dossier.decide(Self.sample(.register), at: t("2021-03-10 08:00"), actor: "a", context: Self.context) }
                    == .alreadyRegistered(dossier.code))
        }
        #expect(refused > 100)
    }

    @Test func nothingButRegistrationWorksBeforeADossierExists() {
        for action in DossierAction.allCases where action != .register {
            let error = lifecycleError { _ = try DossierLifecycle.decide(nil, Self.sample(action), at: t("2021-03-01 08:00"), actor: "a", context: Self.context) }
            #expect(error == .notRegistered(action: action))
        }
    }

    @Test func exampleMessageSaysWhy() throws {
        let withdrawn = try #require(try Self.fixtures().first { $0.name == "withdrawn" }).dossier
        let error = try #require(lifecycleError { _ = try withdrawn.decide(.transfer, at: t("2021-03-10 08:00"), actor: "a", context: Self.context) })
        #expect(error.description == "Cannot transfer the dossier to the first step: the dossier is withdrawn (7); this is allowed only when it is received (2).")
        #expect(error.vietnameseMessage == "Không thể chuyển xử lý: hồ sơ đang ở trạng thái \"Công dân yêu cầu rút hồ sơ\"; chỉ thực hiện được khi hồ sơ ở trạng thái \"Đã tiếp nhận\".")
    }

    @Test func finerRulesWithinAllowedStatuses() throws {
        let c = Self.context
        let all = try Self.fixtures()
        func fixture(_ name: String) -> Dossier { all.first { $0.name == name }!.dossier }
        let at = t("2021-03-10 08:00")

        // Refusing at the desk once the dossier was received.
        #expect(lifecycleError { _ = try fixture("supplement in processing").decide(.refuseAtDesk(reason: "x"), at: at, actor: "a", context: c) }
                == .alreadyReceived(action: .refuseAtDesk))
        // Recording the result before transferring a dossier whose procedure has steps.
        #expect(lifecycleError { _ = try fixture("received").decide(.recordResult(outcome: .approved, note: nil), at: at, actor: "a", context: c) }
                == .notTransferred)
        // Accepting a step twice.
        var d = fixture("processing")
        try d.execute(.acceptStep(assignee: "cv"), at: t("2021-03-01 09:00"), actor: "cv", context: c)
        #expect(lifecycleError { _ = try d.decide(.acceptStep(assignee: "cv2"), at: at, actor: "a", context: c) }
                == .stepAlreadyAccepted(step: "Thẩm định hồ sơ", at: t("2021-03-01 09:00")))
        // Completing a step after the last one finished.
        for _ in 0..<3 { try d.execute(.completeStep(note: nil), at: t("2021-03-02 09:00"), actor: "a", context: c) }
        #expect(d.status == .processing && d.openVisit == nil)
        #expect(lifecycleError { _ = try d.decide(.completeStep(note: nil), at: at, actor: "a", context: c) } == .noOpenStep)
        #expect(lifecycleError { _ = try d.decide(.sendBack(reason: "x"), at: at, actor: "a", context: c) } == .noOpenStep)
        try d.execute(.recordResult(outcome: .refused, note: "Không đủ điều kiện"), at: t("2021-03-02 10:00"), actor: "a", context: c)
        #expect(d.outcome == .refused)
        // Lateness on a dossier that is not late.
        #expect(lifecycleError { _ = try d.decide(.recordLateness(LatenessRecord(kind: .actual, reason: "x", apologySent: false)), at: at, actor: "a", context: c) }
                == .notLate(completedAt: t("2021-03-02 10:00"), dueAt: t("2021-03-15 08:00")))
        // Time never goes backwards.
        #expect(lifecycleError { _ = try d.decide(.returnResult(channel: .counter), at: t("2021-03-02 09:59"), actor: "a", context: c) }
                == .timeWentBackwards(at: t("2021-03-02 09:59"), lastEventAt: t("2021-03-02 10:00")))
        // Every change names its actor.
        #expect(lifecycleError { _ = try d.decide(.returnResult(channel: .counter), at: at, actor: "  ", context: c) } == .missingActor)
        // The context must be the dossier's procedure version once received.
        let v2 = LifecycleContext(procedure: investmentProcedure(version: 2, validFrom: t("2021-03-03 00:00")))
        #expect(lifecycleError { _ = try d.decide(.returnResult(channel: .counter), at: at, actor: "a", context: v2) }
                == .procedureMismatch(expected: ProcedureReference(code: investmentCode, version: 1), given: ProcedureReference(code: investmentCode, version: 2)))
    }

    @Test func systemOnlyLatenessNeedsAPaperResultOnTime() throws {
        let c = Self.context
        var (d, _) = try receivedDossier(at: "2021-03-01 08:00", context: c)   // due 15 March 08:00
        try d.execute(.transfer, at: t("2021-03-01 08:00"), actor: "a", context: c)
        for _ in 0..<2 { try d.execute(.completeStep(note: nil), at: t("2021-03-05 08:00"), actor: "a", context: c) }
        // Closed in the system on 16 March although the paper result was signed on 12 March.
        try d.execute(.recordResult(outcome: .approved, note: nil), at: t("2021-03-16 09:00"), actor: "a", context: c)
        #expect(d.verdict == .late)
        let attribution = try #require(d.lateAttribution)
        #expect(attribution.overruns.map(\.stepName) == ["Cập nhật thông tin đất đai"])
        #expect(attribution.agencies == [Agencies.environment])
        #expect(!attribution.apologySent)
        let tooLate = LatenessRecord(kind: .systemOnly, reason: "Chậm chuyển trả trên hệ thống", apologySent: false, paperResultAt: t("2021-03-15 08:01"))
        #expect(lifecycleError { try d.execute(.recordLateness(tooLate), at: t("2021-03-16 10:00"), actor: "a", context: c) }
                == .paperResultLate(paperResultAt: t("2021-03-15 08:01"), dueAt: t("2021-03-15 08:00")))
        let record = LatenessRecord(kind: .systemOnly, reason: "Chuyên viên chậm chuyển trả kết quả trên hệ thống", apologySent: false,
                                    agencyCode: Agencies.province, stepName: "UBND tỉnh", paperResultAt: t("2021-03-12 15:00"))
        try d.execute(.recordLateness(record), at: t("2021-03-16 10:00"), actor: "a", context: c)
        #expect(d.lateAttribution?.kind == .systemOnly)
        #expect(d.lateAttribution?.record?.stepName == "UBND tỉnh")
        // An officer may correct the record: a later event replaces it.
        var corrected = record
        corrected.apologySent = true
        try d.execute(.recordLateness(corrected), at: t("2021-03-17 10:00"), actor: "a", context: c)
        #expect(d.lateness?.apologySent == true)
    }

    @Test func procedureVersionsAtRegistrationAndReceipt() throws {
        let v1 = investmentProcedure(version: 1, validFrom: t("2020-01-01 00:00"))
        let v2 = investmentProcedure(version: 2, validFrom: t("2021-03-02 00:00"), local: .workingDays(7),
                                     steps: investmentProcedure().steps.map { var s = $0; s.allotted.amount = min(s.allotted.amount, 2); return s })
        let c1 = LifecycleContext(procedure: v1), c2 = LifecycleContext(procedure: v2)
        // Registering under a version not yet in force, or with a code of another day, is refused.
        #expect(lifecycleError { _ = try Dossier.register(draft(on: "2021-03-01"), at: t("2021-03-01 20:00"), actor: "p", context: c2) }
                == .procedureNotInForce(v2.reference, at: t("2021-03-01 20:00")))
        #expect(lifecycleError { _ = try Dossier.register(draft(on: "2021-02-28"), at: t("2021-03-01 20:00"), actor: "p", context: c1) }
                == .codeDateMismatch(code: draft(on: "2021-02-28").code, date: date("2021-03-01")))
        let other = LifecycleContext(procedure: try Procedure(code: ProcedureCode(parsing: "2.000001"), validFrom: t("2020-01-01 00:00"), name: "Khác",
                                                              field: "Khác", agencyCode: Agencies.justice, legalTime: .workingDays(1),
                                                              localTime: .workingDays(1), onlineLevel: .none))
        #expect(lifecycleError { _ = try Dossier.register(draft(on: "2021-03-01"), at: t("2021-03-01 20:00"), actor: "p", context: other) }
                == .procedureMismatch(expected: ProcedureReference(code: investmentCode, version: 1), given: ProcedureReference(code: try ProcedureCode(parsing: "2.000001"), version: 1)))
        // Registered online on Monday night under v1; received on Tuesday when v2 is in force: the dossier keeps v2.
        var (d, _) = try Dossier.register(draft(on: "2021-03-01", channel: .online), at: t("2021-03-01 20:00"), actor: "p", context: c1)
        #expect(d.procedure.version == 1)
        #expect(lifecycleError { try d.execute(.receive, at: t("2021-03-02 08:00"), actor: "a", context: LifecycleContext(procedure: investmentProcedure(version: 3, validFrom: t("2021-04-01 00:00")))) }
                == .procedureNotInForce(ProcedureReference(code: investmentCode, version: 3), at: t("2021-03-02 08:00")))
        try d.execute(.receive, at: t("2021-03-02 08:00"), actor: "a", context: c2)
        #expect(d.procedure.version == 2)
        #expect(d.dueAt == t("2021-03-11 08:00"))   // 7 working days
        #expect(lifecycleError { try d.execute(.transfer, at: t("2021-03-02 09:00"), actor: "a", context: c1) }
                == .procedureMismatch(expected: v2.reference, given: v1.reference))
    }

    @Test func aProcedureWithoutInternalProcessGoesStraightToTheResult() throws {
        let p = try Procedure(code: ProcedureCode(parsing: "2.000815"), validFrom: t("2020-01-01 00:00"), name: "Chứng thực bản sao",
                              field: "Chứng thực", agencyCode: Agencies.justice, legalTime: .workingDays(1), localTime: .workingDays(1),
                              onlineLevel: .none)
        let c = LifecycleContext(procedure: p)
        var (d, _) = try Dossier.register(draft(on: "2021-03-01", procedure: p.code), at: t("2021-03-01 08:00"), actor: "a", context: c)
        try d.execute(.receive, at: t("2021-03-01 08:00"), actor: "a", context: c)
        #expect(lifecycleError { _ = try d.decide(.transfer, at: t("2021-03-01 09:00"), actor: "a", context: c) } == .noInternalProcess(p.reference))
        try d.execute(.recordResult(outcome: .approved, note: nil), at: t("2021-03-01 10:00"), actor: "a", context: c)
        #expect(d.status == .processed)
        #expect(d.verdict == .early)
        #expect(d.visits.isEmpty)
    }
}
