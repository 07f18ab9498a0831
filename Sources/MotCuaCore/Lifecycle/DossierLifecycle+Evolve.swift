import Foundation

extension DossierLifecycle {
    /// The state after `event`. Checks that the event continues the history: its sequence follows the
    /// state's version, its `fromStatus` is the state's status, its instant is not earlier than the last
    /// event's, the event applies to the state, and the status reached is its `toStatus`.
    public static func evolve(_ state: Dossier?, _ event: DossierEvent) throws(LifecycleError) -> Dossier {
        let expected = (state?.version ?? 0) + 1
        guard event.sequence == expected else {
            throw .corruptHistory(sequence: event.sequence, reason: "expected event \(expected)")
        }
        guard event.fromStatus == state?.status else {
            throw .corruptHistory(sequence: event.sequence,
                                  reason: "it starts from status \(event.fromStatus.map(\.description) ?? "none") but the dossier is \(state.map(\.status.description) ?? "not registered")")
        }
        if let last = state?.lastEventAt, event.at < last {
            throw .corruptHistory(sequence: event.sequence, reason: "its instant is before the previous event's")
        }
        let next = try apply(event.kind, at: event.at, to: state, sequence: event.sequence)
        guard next.status == event.toStatus else {
            throw .corruptHistory(sequence: event.sequence,
                                  reason: "it leads to \(next.status), not to the recorded \(event.toStatus)")
        }
        return next
    }

    /// Applies an event's kind. The only place where a dossier's state changes.
    static func apply(_ kind: DossierEventKind, at: Date, to state: Dossier?, sequence: Int) throws(LifecycleError) -> Dossier {
        func corrupt(_ reason: String) -> LifecycleError { .corruptHistory(sequence: sequence, reason: reason) }
        if state == nil {
            switch kind {
            case .registered(let r):
                return Dossier(code: r.draft.code, procedure: r.procedure, owningAgencyCode: r.owningAgencyCode,
                               applicant: r.draft.applicant, channel: r.draft.channel, registeredAt: at,
                               status: .newlyRegistered, at: at, version: sequence)
            case .imported(let row):
                var d = Dossier(code: row.code, procedure: row.procedure, owningAgencyCode: row.owningAgencyCode,
                                applicant: nil, channel: row.channel, registeredAt: row.receivedAt,
                                status: .received, at: at, version: sequence)
                d.receivedAt = row.receivedAt
                d.acceptedAt = row.acceptedAt ?? row.receivedAt
                d.dueAt = row.dueAt
                d.citizenDueAt = row.dueAt
                switch row.outcome {
                case nil:
                    break
                case .withdrawn?:
                    d.status = .withdrawn
                    d.closedAt = row.completedAt
                case .approved?, .refused?:
                    d.status = row.returnedAt == nil ? .processed : .returned
                    d.outcome = row.outcome == .approved ? .approved : .refused
                    d.completedAt = row.completedAt
                    d.returnedAt = row.returnedAt
                    d.returnChannel = row.returnChannel
                }
                d.lateness = row.lateness
                return d
            default:
                throw corrupt("the first event must be registered or imported, not \(kind.type)")
            }
        }
        var d = state!
        d.version = sequence
        d.lastEventAt = at

        /// Ends the open visit, if any.
        func closeVisit(_ exit: StepExit, used: Int?, note: String?) throws(LifecycleError) {
            guard let i = d.visits.indices.last, d.visits[i].isOpen else { return }
            guard let used else { throw corrupt("\(kind.type) does not say how long the open step took") }
            d.visits[i].endedAt = at
            d.visits[i].exit = exit
            d.visits[i].usedMinutes = used
            d.visits[i].suspendedAt = nil
            if let note { d.visits[i].note = note }
        }
        func open(_ o: StepOpening) {
            d.visits.append(StepVisit(number: d.visits.count + 1, stepIndex: o.stepIndex, name: o.name,
                                      agencyCode: o.agencyCode, role: o.role, allotted: o.allotted,
                                      allottedMinutes: o.allottedMinutes, handedOverAt: at, dueAt: o.dueAt,
                                      acceptedAt: nil, assignee: nil, pausedMinutes: 0, suspendedAt: nil,
                                      endedAt: nil, exit: nil, usedMinutes: nil, note: nil))
        }
        func suspendVisit() {
            if let i = d.visits.indices.last, d.visits[i].isOpen { d.visits[i].suspendedAt = at }
        }
        func resumeClocks(_ r: Resumption) {
            if let due = r.dueAt {
                d.dueAt = due
                d.scoringDueAt = r.pausedDueAt
            }
            if let citizen = r.citizenDueAt { d.citizenDueAt = citizen }
            if let i = d.visits.indices.last, d.visits[i].isOpen, d.visits[i].suspendedAt != nil {
                d.visits[i].pausedMinutes += r.stepWaitedMinutes ?? 0
                if let stepDue = r.stepDueAt { d.visits[i].dueAt = stepDue }
                d.visits[i].suspendedAt = nil
            }
        }

        switch kind {
        case .registered, .imported:
            throw corrupt("\(kind.type) can only be the first event")

        case .received(let r):
            d.procedure = r.procedure
            d.owningAgencyCode = r.owningAgencyCode
            d.receivedAt = at
            if d.acceptedAt == nil { d.acceptedAt = at }
            if d.forwarding != nil { d.forwarding?.deliveredAt = at }
            d.dueAt = r.dueAt
            d.citizenDueAt = r.dueAt
            d.status = .received

        case .acceptedOnBehalf(let a):
            guard d.forwarding == nil, d.receivedAt == nil else { throw corrupt("accepted on behalf twice, or after receipt") }
            d.acceptedAt = at
            d.forwarding = Forwarding(acceptingSite: d.code.agencyCode, destination: a.destination, acceptedAt: at,
                                      dueAt: a.forwardingDueAt)

        case .reassigned(let r):
            if d.owningAgencyCode == r.from { d.owningAgencyCode = r.to }
            if let i = d.visits.indices.last, d.visits[i].isOpen, d.visits[i].agencyCode == r.from { d.visits[i].agencyCode = r.to }

        case .forwarded(let f):
            guard d.forwarding != nil else { throw corrupt("forwarded without an acceptance on behalf") }
            d.forwarding?.sentAt = at
            d.forwarding?.channel = f.channel
            d.forwarding?.note = f.note

        case .supplementRequested(let r):
            let resume: DossierStatus = r.phase == .reception ? .newlyRegistered : d.status
            d.supplementRounds.append(SupplementRound(number: d.supplementRounds.count + 1, phase: r.phase,
                                                      requestedAt: at, reason: r.reason, documents: r.documents,
                                                      resumeStatus: resume, arrivedAt: nil, waitedMinutes: nil, policy: nil))
            suspendVisit()
            d.status = .supplementRequested

        case .supplementReceived(let a):
            guard let i = d.supplementRounds.indices.last, d.supplementRounds[i].arrivedAt == nil else {
                throw corrupt("no supplement round is pending")
            }
            d.supplementRounds[i].arrivedAt = at
            d.supplementRounds[i].waitedMinutes = a.resumption.waitedMinutes
            d.supplementRounds[i].policy = a.policy
            resumeClocks(a.resumption)
            d.status = d.supplementRounds[i].resumeStatus

        case .refusedAtDesk(let c):
            d.closedAt = at
            d.closingReason = c.reason
            d.status = .notAccepted

        case .transferred(let o):
            open(o)
            d.status = .processing

        case .stepAccepted(let assignee):
            guard let i = d.visits.indices.last, d.visits[i].isOpen else { throw corrupt("no step is open") }
            d.visits[i].acceptedAt = at
            d.visits[i].assignee = assignee

        case .stepCompleted(let c):
            guard d.openVisit != nil else { throw corrupt("no step is open") }
            try closeVisit(c.next == nil ? .finished : .forwarded, used: c.usedMinutes, note: c.note)
            if let next = c.next { open(next) }

        case .sentBack(let b):
            guard d.openVisit != nil else { throw corrupt("no step is open") }
            try closeVisit(.sentBack, used: b.usedMinutes, note: b.reason)
            open(b.previous)

        case .paymentRequested(let r):
            d.payments.append(PaymentRound(number: d.payments.count + 1, requestedAt: at, amountVND: r.amountVND,
                                           description: r.description, paidAt: nil, reference: nil, waitedMinutes: nil))
            suspendVisit()
            d.status = .paymentRequested

        case .paymentConfirmed(let c):
            guard let i = d.payments.indices.last, d.payments[i].paidAt == nil else { throw corrupt("no payment is pending") }
            d.payments[i].paidAt = at
            d.payments[i].reference = c.reference
            d.payments[i].waitedMinutes = c.resumption.waitedMinutes
            d.payments[i].channel = c.channel
            resumeClocks(c.resumption)
            d.status = .processing

        case .extended(let e):
            guard let previous = d.citizenDueAt else { throw corrupt("extension of a dossier without a due instant") }
            d.dueExtension = DueExtension(requestedAt: at, previousDueAt: previous, newDueAt: e.newDueAt,
                                          reason: e.reason, apologyLetter: e.apologyLetter)
            d.citizenDueAt = e.newDueAt

        case .refused(let c):
            try closeVisit(.refused, used: c.usedMinutes, note: c.reason)
            d.outcome = .refused
            d.completedAt = at
            d.closingReason = c.reason
            d.status = .processed

        case .withdrawn(let c):
            try closeVisit(.withdrawn, used: c.usedMinutes, note: c.reason)
            d.closedAt = at
            d.closingReason = c.reason
            d.status = .withdrawn

        case .stopped(let c):
            try closeVisit(.stopped, used: c.usedMinutes, note: c.reason)
            d.closedAt = at
            d.closingReason = c.reason
            d.status = .stopped

        case .resultReady(let r):
            try closeVisit(.finished, used: r.usedMinutes, note: nil)
            d.outcome = r.outcome
            d.completedAt = at
            d.status = .processed

        case .resultReturned(let channel):
            d.returnedAt = at
            d.returnChannel = channel
            d.status = .returned

        case .latenessRecorded(let record):
            d.lateness = record
        }
        return d
    }
}

extension Dossier {
    /// A new dossier's state before any event beyond its first.
    init(code: DossierCode, procedure: ProcedureReference, owningAgencyCode: AgencyCode, applicant: Applicant?,
         channel: Channel, registeredAt: Date, status: DossierStatus, at: Date, version: Int) {
        self.code = code
        self.procedure = procedure
        self.owningAgencyCode = owningAgencyCode
        self.applicant = applicant
        self.channel = channel
        self.registeredAt = registeredAt
        self.receivedAt = nil
        self.acceptedAt = nil
        self.forwarding = nil
        self.dueAt = nil
        self.citizenDueAt = nil
        self.scoringDueAt = nil
        self.status = status
        self.visits = []
        self.supplementRounds = []
        self.payments = []
        self.dueExtension = nil
        self.outcome = nil
        self.completedAt = nil
        self.closedAt = nil
        self.closingReason = nil
        self.returnedAt = nil
        self.returnChannel = nil
        self.lateness = nil
        self.lastEventAt = at
        self.version = version
    }

    /// Rebuilds a dossier from its whole history.
    public static func replay<S: Sequence<DossierEvent>>(_ events: S) throws(LifecycleError) -> Dossier {
        var state: Dossier?
        for event in events { state = try DossierLifecycle.evolve(state, event) }
        guard let state else { throw .corruptHistory(sequence: 0, reason: "no events") }
        return state
    }

    /// This dossier after further events.
    public func applying<S: Sequence<DossierEvent>>(_ events: S) throws(LifecycleError) -> Dossier {
        var state = self
        for event in events { state = try DossierLifecycle.evolve(state, event) }
        return state
    }

    /// The event `command` would produce (the dossier is unchanged).
    public func decide(_ command: DossierCommand, at: Date, actor: String,
                       context: LifecycleContext) throws(LifecycleError) -> DossierEvent {
        try DossierLifecycle.decide(self, command, at: at, actor: actor, context: context)
    }

    /// Decides and applies a command; returns the event to store (expected stored version: `version - 1`).
    @discardableResult
    public mutating func execute(_ command: DossierCommand, at: Date, actor: String,
                                 context: LifecycleContext) throws(LifecycleError) -> DossierEvent {
        let event = try decide(command, at: at, actor: actor, context: context)
        self = try DossierLifecycle.evolve(self, event)
        return event
    }

    /// Registers a new dossier: its first event and its state.
    public static func register(_ draft: DossierDraft, at: Date, actor: String,
                                context: LifecycleContext) throws(LifecycleError) -> (dossier: Dossier, event: DossierEvent) {
        let event = try DossierLifecycle.decide(nil, .register(draft), at: at, actor: actor, context: context)
        return (try DossierLifecycle.evolve(nil, event), event)
    }
}
