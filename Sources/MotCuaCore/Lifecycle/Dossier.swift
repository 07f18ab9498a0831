import Foundation
import WorkCalendar

/// A dossier's current state: the fold of its events (`Dossier.replay`). It changes only by applying events,
/// which `DossierLifecycle.decide` produces from commands; `version` is the number of events applied, for
/// the store's optimistic concurrency check.
public struct Dossier: Sendable, Hashable, Codable {
    public internal(set) var code: DossierCode
    /// The procedure version the dossier is processed under (fixed at receipt).
    public internal(set) var procedure: ProcedureReference
    /// The procedure's owning agency (reports group late dossiers by it).
    public internal(set) var owningAgencyCode: AgencyCode
    /// Nil only for dossiers imported from an older system without applicant data.
    public internal(set) var applicant: Applicant?
    public internal(set) var channel: Channel
    /// When the dossier was registered (submitted online, or entered at the desk).
    public internal(set) var registeredAt: Date
    /// Receipt of the complete dossier by the competent agency's desk; the processing period counts from it.
    public internal(set) var receivedAt: Date?
    /// When the site that issued the code accepted the dossier: its receipt for a dossier received directly,
    /// earlier for one accepted on behalf of another agency (then `forwarding` tells the rest).
    public internal(set) var acceptedAt: Date?
    /// The way from the accepting site to the competent desk, for a dossier accepted on behalf.
    public internal(set) var forwarding: Forwarding?
    /// The legal due instant, used for statistics and verdicts: from receipt (or from the arrival of a
    /// supplement, restart policy), moved by paused time; never moved by an extension.
    public internal(set) var dueAt: Date?
    /// The due instant shown to the citizen: `dueAt`, or the extension's new date.
    public internal(set) var citizenDueAt: Date?
    /// The due instant of the Decision 766/QĐ-TTg scoring when it differs from `dueAt`: every wait for the
    /// applicant pauses the period (a supplement under the restart policy included). Nil means `dueAt`.
    public internal(set) var scoringDueAt: Date?
    public internal(set) var status: DossierStatus
    /// Step visits in order of handover.
    public internal(set) var visits: [StepVisit]
    public internal(set) var supplementRounds: [SupplementRound]
    public internal(set) var payments: [PaymentRound]
    public internal(set) var dueExtension: DueExtension?
    public internal(set) var outcome: DossierOutcome?
    /// When the result (approval or refusal) was ready.
    public internal(set) var completedAt: Date?
    /// When the dossier left without a result: not accepted, withdrawn or stopped.
    public internal(set) var closedAt: Date?
    /// The reason given for a refusal (at the desk or in processing), a withdrawal or a stop.
    public internal(set) var closingReason: String?
    public internal(set) var returnedAt: Date?
    public internal(set) var returnChannel: Channel?
    /// The officer's account of a late dossier.
    public internal(set) var lateness: LatenessRecord?
    /// Instant of the last event (a new event may not be earlier).
    public internal(set) var lastEventAt: Date
    /// Number of events applied.
    public internal(set) var version: Int

    enum CodingKeys: String, CodingKey {
        case code, procedure, owningAgencyCode = "owning_agency_code", applicant, channel
        case registeredAt = "registered_at", receivedAt = "received_at", acceptedAt = "accepted_at", forwarding
        case dueAt = "due_at"
        case citizenDueAt = "citizen_due_at", scoringDueAt = "scoring_due_at", status, visits, supplementRounds = "supplement_rounds", payments
        case dueExtension = "due_extension", outcome, completedAt = "completed_at", closedAt = "closed_at"
        case closingReason = "closing_reason", returnedAt = "returned_at", returnChannel = "return_channel"
        case lateness, lastEventAt = "last_event_at", version
    }

    // MARK: Derived views

    /// The step visit in progress (possibly suspended while waiting for the applicant).
    public var openVisit: StepVisit? {
        guard let last = visits.last, last.isOpen else { return nil }
        return last
    }

    /// The supplement round waiting for the applicant.
    public var pendingSupplement: SupplementRound? {
        guard let last = supplementRounds.last, last.arrivedAt == nil else { return nil }
        return last
    }

    public var pendingPayment: PaymentRound? {
        guard let last = payments.last, last.paidAt == nil else { return nil }
        return last
    }

    /// The site whose desk receives, hands over and returns the dossier: the forwarding's destination for a
    /// dossier accepted on behalf, else the site that issued the code.
    public var deskAgencyCode: AgencyCode { forwarding?.destination ?? code.agencyCode }

    /// Accepted at one site and waiting for the competent desk's receipt.
    public var isAwaitingReceipt: Bool { forwarding != nil && receivedAt == nil && closedAt == nil }

    /// Received and not yet resolved, withdrawn or stopped.
    public var isInProgress: Bool {
        receivedAt != nil && completedAt == nil && closedAt == nil
    }

    /// The legal verdict (statistics): completion against `dueAt`.
    public var verdict: Verdict? {
        guard let completedAt, let dueAt else { return nil }
        return Verdict(completedAt: completedAt, dueAt: dueAt)
    }

    /// Completion against the date the citizen was given (after an extension).
    public var citizenVerdict: Verdict? {
        guard let completedAt, let citizenDueAt else { return nil }
        return Verdict(completedAt: completedAt, dueAt: citizenDueAt)
    }

    /// Within deadline or overdue at `instant`, for a dossier in progress.
    public func progress(at instant: Date) -> ProgressVerdict? {
        guard isInProgress, let dueAt else { return nil }
        return ProgressVerdict(at: instant, dueAt: dueAt)
    }

    public var isLate: Bool { verdict == .late }
}
