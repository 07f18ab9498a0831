import Foundation
import WorkCalendar

/// The dossier state machine, event-sourced: `decide` turns a command into an event (or refuses it), `evolve`
/// applies an event to the state. Both are pure: time, calendar and catalogue are passed in.
public enum DossierLifecycle {
    /// The event a command produces on `state` (nil: the dossier does not exist yet), at `at` (kept to the
    /// whole second), by `actor`. Throws why the command is not allowed.
    public static func decide(_ state: Dossier?, _ command: DossierCommand, at rawAt: Date, actor rawActor: String,
                              context: LifecycleContext) throws(LifecycleError) -> DossierEvent {
        let at = rawAt.wholeSeconds
        let actor = rawActor.trimmed
        guard !actor.isEmpty else { throw .missingActor }
        guard let s = state else {
            guard case .register(let draft) = command else { throw .notRegistered(action: command.action) }
            return try event(on: nil, kind: register(draft, at: at, context: context), at: at, actor: actor)
        }
        if case .register = command { throw .alreadyRegistered(s.code) }
        guard command.action.allowedFrom.contains(s.status) else {
            throw .notAllowed(action: command.action, status: s.status)
        }
        guard at >= s.lastEventAt else { throw .timeWentBackwards(at: at, lastEventAt: s.lastEventAt) }
        let p = context.procedure
        if s.receivedAt == nil {
            guard p.code == s.procedure.code else { throw .procedureMismatch(expected: s.procedure, given: p.reference) }
        } else if p.reference != s.procedure {
            throw .procedureMismatch(expected: s.procedure, given: p.reference)
        }
        let kind = try decideKind(s, command, at: at, context: context)
        return try event(on: s, kind: kind, at: at, actor: actor)
    }

    /// The `imported` event that creates a dossier migrated from an older system. Checks that the row does
    /// not contradict itself.
    public static func importEvent(_ row: ImportedDossier, at rawAt: Date, actor rawActor: String) throws(LifecycleError) -> DossierEvent {
        let actor = rawActor.trimmed
        guard !actor.isEmpty else { throw .missingActor }
        guard row.dueAt >= row.receivedAt else { throw .invalidImport("due_at is before received_at") }
        if let accepted = row.acceptedAt, accepted > row.receivedAt {
            throw .invalidImport("accepted_at is after received_at (a site accepts before, or when, the competent agency receives)")
        }
        if let c = row.completedAt {
            guard row.outcome != nil else { throw .invalidImport("completed_at is given but outcome is empty (an empty outcome means in progress)") }
            guard c >= row.receivedAt else { throw .invalidImport("completed_at is before received_at") }
        } else if row.outcome != nil {
            throw .invalidImport("outcome \(row.outcome!.rawValue) needs completed_at (for a withdrawn dossier: when it was withdrawn)")
        }
        if let r = row.returnedAt {
            guard let c = row.completedAt, row.outcome == .approved || row.outcome == .refused else {
                throw .invalidImport("returned_at needs an approved or refused outcome with completed_at")
            }
            guard r >= c else { throw .invalidImport("returned_at is before completed_at") }
            guard row.returnChannel != nil else { throw .invalidImport("returned_at needs return_channel") }
        } else if row.returnChannel != nil {
            throw .invalidImport("return_channel is given but returned_at is empty")
        }
        if let record = row.lateness {
            guard let c = row.completedAt, row.outcome == .approved || row.outcome == .refused, c > row.dueAt else {
                throw .invalidImport("late_kind/late_reason are given but the dossier was not completed after due_at")
            }
            if record.kind == .systemOnly, let paper = record.paperResultAt, paper > row.dueAt {
                throw .paperResultLate(paperResultAt: paper, dueAt: row.dueAt)
            }
        }
        return try event(on: nil, kind: .imported(row), at: rawAt.wholeSeconds, actor: actor)
    }

    /// The legal due instant of a dossier received at `receivedAt` under `context.procedure` (the owning
    /// agency's hours, the procedure's cutoff), with its explanation.
    public static func deadline(receivedAt: Date, context: LifecycleContext) throws(LifecycleError) -> Deadline {
        let p = context.procedure
        return try calendar { try p.localTime.deadline(from: receivedAt.wholeSeconds, calendar: context.calendar,
                                                       hours: context.owningHours, cutoff: p.cutoff) }
    }

    // MARK: - Per command

    static func register(_ draft: DossierDraft, at: Date, context: LifecycleContext) throws(LifecycleError) -> DossierEventKind {
        let p = context.procedure
        guard draft.procedureCode == p.code else {
            throw .procedureMismatch(expected: ProcedureReference(code: draft.procedureCode, version: p.version), given: p.reference)
        }
        guard p.validFrom <= at else { throw .procedureNotInForce(p.reference, at: at) }
        let date = VietnamTime.localDate(of: at)
        guard draft.code.date == date else { throw .codeDateMismatch(code: draft.code, date: date) }
        return .registered(Registration(draft: draft, procedure: p.reference, owningAgencyCode: p.agencyCode))
    }

    static func decideKind(_ s: Dossier, _ command: DossierCommand, at: Date,
                           context c: LifecycleContext) throws(LifecycleError) -> DossierEventKind {
        let p = c.procedure
        switch command {
        case .register:
            throw .alreadyRegistered(s.code)

        case .receive:
            guard p.version >= s.procedure.version else {
                throw .procedureVersionBackwards(registered: s.procedure, given: p.reference)
            }
            guard p.validFrom <= at else { throw .procedureNotInForce(p.reference, at: at) }
            if let forwarding = s.forwarding, forwarding.sentAt == nil { throw .notForwarded(site: forwarding.acceptingSite) }
            let d = try deadline(receivedAt: at, context: c)
            return .received(Reception(procedure: p.reference, owningAgencyCode: p.agencyCode, dueAt: d.due,
                                       countedFrom: d.countedFrom, skippedDays: d.skipped))

        case let .acceptOnBehalf(destination):
            guard s.forwarding == nil else { throw .alreadyAcceptedOnBehalf(destination: s.forwarding!.destination) }
            guard p.acceptedAtAnySite else { throw .notAcceptedAtAnySite(p.reference) }
            guard destination != s.code.agencyCode else { throw .forwardingToItself(destination) }
            let days = c.forwardingWorkingDays
            let due = try calendar { try c.calendar.deadline(addingWorkingDays: days, to: at, hours: c.hours(of: s.code.agencyCode)).due }
            return .acceptedOnBehalf(OnBehalfAcceptance(destination: destination, forwardingDueAt: due, forwardingWorkingDays: days))

        case let .forward(channel, note):
            guard let forwarding = s.forwarding else { throw .notAcceptedOnBehalf }
            if let sent = forwarding.sentAt { throw .alreadyForwarded(at: sent) }
            return .forwarded(ForwardingDispatch(channel: channel, note: optional(note)))

        case let .reassign(from, to, reason):
            guard from != to, s.owningAgencyCode == from || s.openVisit?.agencyCode == from else { throw .alreadyInCharge(to) }
            return .reassigned(Reassignment(from: from, to: to, reason: try required(reason, .reassign)))

        case let .requestSupplement(reason, documents):
            let reason = try required(reason, .requestSupplement)
            let phase: SupplementPhase = s.status == .newlyRegistered ? .reception : .processing
            return .supplementRequested(SupplementRequest(phase: phase, reason: reason,
                                                          documents: documents.map(\.trimmed).filter { !$0.isEmpty }))

        case let .receiveSupplement(note):
            guard let round = s.pendingSupplement else { throw .corruptHistory(sequence: s.version, reason: "status 5 without a pending supplement round") }
            let resumption = try resume(s, waitingSince: round.requestedAt, at: at, context: c,
                                        restart: round.phase == .processing && p.supplementPolicy == .restart)
            return .supplementReceived(SupplementArrival(phase: round.phase,
                                                         policy: round.phase == .processing ? p.supplementPolicy : nil,
                                                         resumption: resumption, note: optional(note)))

        case let .refuseAtDesk(reason):
            if s.status == .supplementRequested, s.pendingSupplement?.phase != .reception {
                throw .alreadyReceived(action: .refuseAtDesk)
            }
            return .refusedAtDesk(Closure(reason: try required(reason, .refuseAtDesk), usedMinutes: nil))

        case .transfer:
            guard !p.steps.isEmpty else { throw .noInternalProcess(p.reference) }
            return .transferred(try opening(0, at: at, context: c))

        case let .acceptStep(assignee):
            guard let visit = s.openVisit else { throw .noOpenStep }
            if let accepted = visit.acceptedAt { throw .stepAlreadyAccepted(step: visit.name, at: accepted) }
            return .stepAccepted(assignee: optional(assignee))

        case let .completeStep(note):
            guard let visit = s.openVisit else { throw .noOpenStep }
            let next = visit.stepIndex + 1 < p.steps.count ? try opening(visit.stepIndex + 1, at: at, context: c) : nil
            return .stepCompleted(StepCompletion(usedMinutes: try used(visit, at: at, context: c), note: optional(note), next: next))

        case let .sendBack(reason):
            guard let visit = s.openVisit else { throw .noOpenStep }
            let reason = try required(reason, .sendBack)
            guard visit.stepIndex > 0 else { throw .noPreviousStep(step: visit.name) }
            return .sentBack(StepSendBack(usedMinutes: try used(visit, at: at, context: c), reason: reason,
                                          previous: try opening(visit.stepIndex - 1, at: at, context: c)))

        case let .requestPayment(amount, description):
            guard amount > 0 else { throw .invalidAmount(amount) }
            return .paymentRequested(PaymentRequest(amountVND: amount, description: try required(description, .requestPayment)))

        case let .confirmPayment(reference, channel):
            guard let round = s.pendingPayment else { throw .corruptHistory(sequence: s.version, reason: "status 6 without a pending payment") }
            let resumption = try resume(s, waitingSince: round.requestedAt, at: at, context: c, restart: false)
            return .paymentConfirmed(PaymentConfirmation(reference: optional(reference), resumption: resumption, channel: channel))

        case let .extend(newDueAt, reason, letter):
            if let granted = s.dueExtension { throw .extensionAlreadyGranted(newDueAt: granted.newDueAt) }
            let reason = try required(reason, .extend)
            guard let current = s.citizenDueAt else { throw .corruptHistory(sequence: s.version, reason: "received without a due instant") }
            let oneDayLater = try calendar { try c.calendar.deadline(addingWorkingDays: 1, to: at, hours: c.owningHours).due }
            guard oneDayLater <= current else { throw .extensionTooLate(requestedAt: at, dueAt: current) }
            let newDue = newDueAt.wholeSeconds
            guard newDue > current else { throw .extensionNotLater(newDueAt: newDue, dueAt: current) }
            return .extended(ExtensionGrant(newDueAt: newDue, reason: reason, apologyLetter: optional(letter)))

        case let .refuse(reason):
            let reason = try required(reason, .refuse)
            return .refused(Closure(reason: reason, usedMinutes: try s.openVisit.map { v throws(LifecycleError) in try used(v, at: at, context: c) }))

        case let .withdraw(reason):
            return .withdrawn(Closure(reason: optional(reason), usedMinutes: try s.openVisit.map { v throws(LifecycleError) in try used(v, at: at, context: c) }))

        case let .stop(reason):
            if s.status == .supplementRequested, s.pendingSupplement?.phase == .reception {
                throw .receptionPhase(action: .stop)
            }
            let reason = try required(reason, .stop)
            return .stopped(Closure(reason: reason, usedMinutes: try s.openVisit.map { v throws(LifecycleError) in try used(v, at: at, context: c) }))

        case let .recordResult(outcome, note):
            var usedMinutes: Int?
            if s.status == .received {
                guard p.steps.isEmpty else { throw .notTransferred }
            } else if let visit = s.openVisit {
                let remaining = p.steps.count - 1 - visit.stepIndex
                guard remaining == 0 else { throw .stepsRemaining(current: visit.name, remaining: remaining) }
                usedMinutes = try used(visit, at: at, context: c)
            }
            return .resultReady(ResultRecord(outcome: outcome, note: optional(note), usedMinutes: usedMinutes))

        case let .returnResult(channel):
            return .resultReturned(channel: channel)

        case let .recordLateness(record):
            guard let completed = s.completedAt, let due = s.dueAt, completed > due else {
                throw .notLate(completedAt: s.completedAt, dueAt: s.dueAt)
            }
            var record = record
            record.reason = try required(record.reason, .recordLateness)
            record.stepName = optional(record.stepName)
            if record.kind == .systemOnly, let paper = record.paperResultAt, paper > due {
                throw .paperResultLate(paperResultAt: paper, dueAt: due)
            }
            return .latenessRecorded(record)
        }
    }

    // MARK: - Helpers

    /// Wraps the event with its sequence and statuses; the target status is the one `evolve` reaches, so the
    /// two can never disagree.
    static func event(on s: Dossier?, kind: DossierEventKind, at: Date, actor: String) throws(LifecycleError) -> DossierEvent {
        let sequence = (s?.version ?? 0) + 1
        let next = try apply(kind, at: at, to: s, sequence: sequence)
        return DossierEvent(sequence: sequence, at: at, actor: actor, fromStatus: s?.status, toStatus: next.status, kind: kind)
    }

    static func calendar<T>(_ body: () throws -> T) throws(LifecycleError) -> T {
        do { return try body() } catch { throw .calendar("\(error)") }
    }

    static func required(_ text: String, _ action: DossierAction) throws(LifecycleError) -> String {
        let t = text.trimmed
        guard !t.isEmpty else { throw .missingReason(action: action) }
        return t
    }

    static func optional(_ text: String?) -> String? {
        guard let t = text?.trimmed, !t.isEmpty else { return nil }
        return t
    }

    /// The handover into step `index` at `at`: its due instant is the allotted time later, in its agency's hours.
    static func opening(_ index: Int, at: Date, context c: LifecycleContext) throws(LifecycleError) -> StepOpening {
        let step = c.procedure.steps[index]
        // A step of an agency merged away opens at its successor (the procedure version may predate the merger).
        let agency = c.agencyInCharge(of: step.agencyCode, at: at)
        let hours = c.hours(of: agency)
        let due = try calendar { try step.allotted.deadline(from: at, calendar: c.calendar, hours: hours).due }
        return StepOpening(stepIndex: index, name: step.name, agencyCode: agency, role: step.role,
                           allotted: step.allotted, allottedMinutes: step.allotted.workingMinutes(in: hours), dueAt: due)
    }

    /// Working minutes a visit used from its handover to `at`, in its agency's hours, paused time excluded
    /// (including a pause still running).
    static func used(_ visit: StepVisit, at: Date, context c: LifecycleContext) throws(LifecycleError) -> Int {
        let hours = c.hours(of: visit.agencyCode)
        let total = try calendar { try c.calendar.workingMinutes(from: visit.handedOverAt, to: at, hours: hours) }
        let running = try visit.suspendedAt.map { since throws(LifecycleError) in
            try calendar { try c.calendar.workingMinutes(from: since, to: at, hours: hours) }
        } ?? 0
        return max(0, total - visit.pausedMinutes - running)
    }

    /// `due` moved later by `minutes` of office time (unchanged for 0).
    static func push(_ due: Date, by minutes: Int, hours: OfficeHours, context c: LifecycleContext) throws(LifecycleError) -> Date {
        guard minutes > 0 else { return due }
        return try calendar { try c.calendar.deadline(addingWorkingMinutes: minutes, to: due, hours: hours).due }
    }

    /// The clocks after waiting for the applicant since `since`: restart the period from `at` (supplement,
    /// restart policy) or push the due instants by the working time waited; the open step always pauses.
    static func resume(_ s: Dossier, waitingSince since: Date, at: Date, context c: LifecycleContext,
                       restart: Bool) throws(LifecycleError) -> Resumption {
        let hours = c.owningHours
        let waited = try calendar { try c.calendar.workingMinutes(from: since, to: at, hours: hours) }
        var result = Resumption(waitedMinutes: waited, dueAt: nil, citizenDueAt: nil, pausedDueAt: nil,
                                stepWaitedMinutes: nil, stepDueAt: nil)
        if s.receivedAt != nil, let due = s.dueAt, let citizen = s.citizenDueAt {
            if restart {
                let fresh = try deadline(receivedAt: at, context: c).due
                result.dueAt = fresh
                result.citizenDueAt = max(fresh, citizen)
            } else {
                result.dueAt = try push(due, by: waited, hours: hours, context: c)
                result.citizenDueAt = try push(citizen, by: waited, hours: hours, context: c)
            }
            if restart || s.scoringDueAt != nil {
                result.pausedDueAt = try push(s.scoringDueAt ?? due, by: waited, hours: hours, context: c)
            }
        }
        if let visit = s.openVisit, let suspended = visit.suspendedAt {
            let stepHours = c.hours(of: visit.agencyCode)
            let stepWaited = try calendar { try c.calendar.workingMinutes(from: suspended, to: at, hours: stepHours) }
            result.stepWaitedMinutes = stepWaited
            result.stepDueAt = try push(visit.dueAt, by: stepWaited, hours: stepHours, context: c)
        }
        return result
    }
}
