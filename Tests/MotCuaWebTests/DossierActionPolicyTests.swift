import Foundation
import MotCuaCore
import MotCuaTestSupport
@testable import MotCuaWeb
import Testing
import WorkCalendar

/// The policy on dossiers walked through the lifecycle in memory: who is offered what at each stage.
@Suite("Dossier action policy: role and agency per action")
struct DossierActionPolicyTests {
    static func officer(_ role: Principal.Role, _ agencies: AgencyCode...) -> Principal {
        Principal(username: role.rawValue, displayName: role.rawValue, role: role, agencies: Set(agencies))
    }

    let desk = officer(.reception, Fixtures.center)
    let otherDesk = officer(.reception, Fixtures.environment)
    let planningSpecialist = officer(.specialist, Fixtures.planning)
    let planningLeader = officer(.leader, Fixtures.planning)
    let provinceSpecialist = officer(.specialist, Fixtures.province)
    let provinceLeader = officer(.leader, Fixtures.province)
    let environmentSpecialist = officer(.specialist, Fixtures.environment)
    let manager = officer(.manager)
    let administrator = officer(.administrator)

    /// An online dossier of the fixture procedure after `commands`, one hour apart from 2021-07-12 08:00.
    func dossier(after commands: [DossierCommand]) throws -> Dossier {
        let context = LifecycleContext(procedure: try Fixtures.investmentProcedure())
        let start = Fixtures.instant("2021-07-12 08:00")
        let code = try DossierCode(agencyCode: Fixtures.center, date: VietnamTime.localDate(of: start), sequence: 1)
        let draft = DossierDraft(code: code, procedureCode: Fixtures.investmentCode, applicant: try Fixtures.applicant(), channel: .online)
        var (dossier, _) = try Dossier.register(draft, at: start, actor: "cong-dvc", context: context)
        for (hour, command) in commands.enumerated() {
            _ = try dossier.execute(command, at: start.addingTimeInterval(Double(hour + 1) * 3_600), actor: "test", context: context)
        }
        return dossier
    }

    func offered(_ principal: Principal, _ dossier: Dossier) -> Set<DossierAction> {
        Set(DossierActionPolicy.available(to: principal, on: dossier))
    }

    @Test("at the desk: the receiving desk receives, asks for papers, refuses or takes a withdrawal; nobody else acts")
    func atTheDesk() throws {
        let d = try dossier(after: [])
        #expect(offered(desk, d) == [.receive, .requestSupplement, .refuseAtDesk, .withdraw])
        for other in [otherDesk, planningSpecialist, planningLeader, manager, administrator] {
            #expect(offered(other, d).isEmpty, "\(other.role)")
        }
    }

    @Test("at a specialist's step: its agency works it, its leader decides; the desk, others and overseers do not")
    func atTheFirstStep() throws {
        let d = try dossier(after: [.receive, .transfer])
        #expect(offered(planningSpecialist, d) == [.requestSupplement, .acceptStep, .completeStep, .sendBack, .requestPayment, .recordResult])
        let leader = offered(planningLeader, d)
        #expect(leader.isSuperset(of: [.completeStep, .extend, .refuse, .stop]))
        #expect(!offered(planningSpecialist, d).contains(.extend) && !offered(planningSpecialist, d).contains(.refuse))
        #expect(offered(desk, d) == [.withdraw])
        for other in [environmentSpecialist, provinceLeader, manager, administrator] {
            #expect(offered(other, d).isEmpty, "\(other.role) \(other.agencies)")
        }
        #expect(DossierActionPolicy.refusal(manager, .completeStep, on: d)?.message.contains("chỉ được xem") == true)
    }

    @Test("an approval step (its role names a leader) is completed by the leader only")
    func atTheApprovalStep() throws {
        let d = try dossier(after: [.receive, .transfer, .completeStep(note: nil)])
        #expect(!DossierActionPolicy.permits(provinceSpecialist, .completeStep, on: d))
        #expect(DossierActionPolicy.permits(provinceLeader, .completeStep, on: d))
        #expect(!DossierActionPolicy.permits(planningSpecialist, .completeStep, on: d))  // their step is over
        #expect(DossierActionPolicy.permits(provinceSpecialist, .requestSupplement, on: d))
        // Nor may the specialist close the approval step by recording the result (its leader may).
        #expect(!DossierActionPolicy.permits(provinceSpecialist, .recordResult, on: d))
        #expect(DossierActionPolicy.permits(provinceLeader, .recordResult, on: d))
    }

    @Test("a finished process: the desk or the last step's agency records the result; only the desk returns it")
    func atTheResult() throws {
        let finished = try dossier(after: [.receive, .transfer, .completeStep(note: nil), .completeStep(note: nil), .completeStep(note: nil)])
        #expect(DossierActionPolicy.permits(desk, .recordResult, on: finished))
        #expect(DossierActionPolicy.permits(environmentSpecialist, .recordResult, on: finished))
        #expect(!DossierActionPolicy.permits(planningSpecialist, .recordResult, on: finished))
        let processed = try dossier(after: [.receive, .transfer, .completeStep(note: nil), .completeStep(note: nil),
                                            .completeStep(note: nil), .recordResult(outcome: .approved, note: nil)])
        #expect(offered(desk, processed) == [.returnResult])
        for other in [environmentSpecialist, planningLeader, otherDesk, manager, administrator] {
            #expect(!DossierActionPolicy.permits(other, .returnResult, on: processed), "\(other.role)")
        }
    }

    @Test("a step's role names a leader with or without diacritics, in any case")
    func leaderSteps() {
        #expect(DossierActionPolicy.isLeaderStep("Lãnh đạo UBND tỉnh"))
        #expect(DossierActionPolicy.isLeaderStep("LÃNH ĐẠO PHÒNG"))
        #expect(DossierActionPolicy.isLeaderStep("Lanh dao So"))
        #expect(!DossierActionPolicy.isLeaderStep("Chuyên viên thụ lý"))
    }
}
