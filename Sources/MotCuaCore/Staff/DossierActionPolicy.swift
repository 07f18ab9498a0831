import Foundation

/// Who may perform which lifecycle action on a dossier, for which agency — the one-stop division of work
/// (Decree 61/2018/NĐ-CP Art. 15–20, Decree 107/2021/NĐ-CP, Decision 468/QĐ-VPCP):
///
/// - the reception desk of the receiving agency receives, asks for supplements before receipt, refuses at the
///   desk, hands the dossier to the first step, takes supplements and payments brought to the desk, records
///   the result the agencies send back and returns it (counter or post); withdrawals are filed there too;
/// - specialists of the agency holding the step in progress take, complete or send back that step, and ask
///   for supplements or payment while processing; a step whose role names a leader ("Lãnh đạo …") is an
///   approval, completed only by a leader of that agency;
/// - leaders of the step's agency (or of the owning agency while no step is open) extend the due date with
///   an apology letter, refuse and stop, and may do their specialists' work;
/// - the center's managers and administrators read everything and act on nothing.
///
/// The policy judges role and agency only; whether the dossier's state allows the action is the
/// lifecycle's decision (`DossierLifecycle.decide`), so a refused transition keeps its own message.
public enum DossierActionPolicy {
    /// Why an action is refused to an officer, said to them.
    public struct Refusal: Error, Sendable, Equatable {
        public let message: String
    }

    /// Whether `principal` may perform `action` on `dossier` as it stands now.
    public static func permits(_ principal: Principal, _ action: DossierAction, on dossier: Dossier) -> Bool {
        refusal(principal, action, on: dossier) == nil
    }

    /// Throws the refusal, if any.
    public static func require(_ principal: Principal, _ action: DossierAction, on dossier: Dossier) throws(Refusal) {
        if let refusal = refusal(principal, action, on: dossier) { throw refusal }
    }

    /// The actions the officer may take now: those the dossier's status allows and this policy permits.
    public static func available(to principal: Principal, on dossier: Dossier) -> [DossierAction] {
        DossierAction.allowed(from: dossier.status).filter { permits(principal, $0, on: dossier) }
    }

    /// Nil when permitted; otherwise why not.
    public static func refusal(_ principal: Principal, _ action: DossierAction, on dossier: Dossier) -> Refusal? {
        let actor = Actor(principal: principal, dossier: dossier)
        let allowed: Bool
        switch action {
        case .register, .receive, .refuseAtDesk, .transfer:
            allowed = actor.isReceptionDesk
        case .reassign:
            // A merger's consequence, recorded by the command that merges agencies, never an officer's action.
            allowed = false
        case .acceptOnBehalf:
            // Never asked for: registering (or receiving) at a site that does not serve the procedure is the
            // acceptance on behalf (`DossierStore`), so it is offered to nobody.
            allowed = false
        case .forward:
            allowed = actor.isAcceptingDesk && dossier.forwarding != nil && dossier.forwarding?.sentAt == nil
        case .withdraw, .returnResult:
            // The citizen may go back to the site where they filed (Decree 118/2025: results returned where
            // the dossier was accepted, if the applicant asks).
            allowed = actor.isReceptionDesk || actor.isAcceptingDesk
        case .requestSupplement:
            // Before receipt the desk checks completeness; once received, whoever holds the dossier asks.
            switch dossier.status {
            case .newlyRegistered: allowed = actor.isReceptionDesk || (actor.isAcceptingDesk && dossier.forwarding?.sentAt == nil)
            case .received: allowed = actor.isReceptionDesk || actor.worksOwningAgency
            default: allowed = actor.worksOpenStep
            }
        case .receiveSupplement:
            allowed = actor.isReceptionDesk
                || (dossier.pendingSupplement?.phase == .processing && (actor.worksOpenStep || actor.worksOwningAgency))
        case .acceptStep, .completeStep, .sendBack:
            allowed = actor.mayWorkOpenStep
        case .requestPayment:
            allowed = actor.worksOpenStep
        case .confirmPayment:
            allowed = actor.isReceptionDesk || actor.worksOpenStep
        case .extend, .refuse, .stop:
            allowed = actor.leadsResponsibleAgency
        case .recordResult:
            // With a step open, only those who may complete it may close it with the result (the lifecycle
            // checks it is the last step; an approval step stays the leader's); once the process finished, the
            // result goes back through the desk.
            allowed = dossier.openVisit == nil ? actor.isReceptionDesk || actor.worksLastStep : actor.mayWorkOpenStep
        case .recordLateness:
            allowed = actor.worksAnyAgencyOfTheDossier
        }
        return allowed ? nil : Refusal(message: Self.message(for: action, principal: principal, dossier: dossier))
    }

    public static func message(for action: DossierAction, principal: Principal, dossier: Dossier) -> String {
        if principal.role.actsForEveryAgency {
            return "\(principal.role.vietnameseLabel) chỉ được xem hồ sơ, không thực hiện thao tác \"\(action.vietnameseName)\"."
        }
        return "\(principal.role.vietnameseLabel) không được \(action.vietnameseName) đối với hồ sơ \(dossier.code) ở bước hiện tại."
    }

    /// The officer seen against one dossier: which of its agencies they work for, in which role.
    private struct Actor {
        let principal: Principal
        let dossier: Dossier

        private var role: Principal.Role { principal.role }
        private var isAgencyStaff: Bool { role == .specialist || role == .leader }
        private func worksFor(_ agency: AgencyCode) -> Bool { principal.agencies.contains(agency) }

        /// A reception officer of the desk that receives the dossier (for one accepted on behalf, the
        /// competent agency's site).
        var isReceptionDesk: Bool { role == .reception && worksFor(dossier.deskAgencyCode) }

        /// A reception officer of the site that issued the dossier's code (accepted it).
        var isAcceptingDesk: Bool { role == .reception && worksFor(dossier.code.agencyCode) }

        /// A specialist or leader of the agency holding the step in progress.
        var worksOpenStep: Bool {
            guard isAgencyStaff, let visit = dossier.openVisit else { return false }
            return worksFor(visit.agencyCode)
        }

        /// Like `worksOpenStep`, but an approval step (its role names a leader) is the leader's alone.
        var mayWorkOpenStep: Bool {
            guard worksOpenStep, let visit = dossier.openVisit else { return false }
            return role == .leader || !DossierActionPolicy.isLeaderStep(visit.role)
        }

        var worksOwningAgency: Bool { isAgencyStaff && worksFor(dossier.owningAgencyCode) }

        /// The agency of the step that finished last sends its result to the desk (or records it itself);
        /// without an internal process, the owning agency does.
        var worksLastStep: Bool {
            guard isAgencyStaff else { return false }
            if let last = dossier.visits.last { return worksFor(last.agencyCode) }
            return worksFor(dossier.owningAgencyCode)
        }

        /// A leader of the agency answerable for the dossier now: the open step's, else the owning agency's.
        var leadsResponsibleAgency: Bool {
            guard role == .leader else { return false }
            return worksFor(dossier.openVisit?.agencyCode ?? dossier.owningAgencyCode)
        }

        var worksAnyAgencyOfTheDossier: Bool {
            isAgencyStaff && (worksFor(dossier.owningAgencyCode) || dossier.visits.contains { worksFor($0.agencyCode) })
        }
    }

    /// Whether a process step's role names a leader ("Lãnh đạo UBND tỉnh", "Lãnh đạo phòng").
    public static func isLeaderStep(_ role: String) -> Bool {
        role.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d").contains("lanh dao")
    }
}
