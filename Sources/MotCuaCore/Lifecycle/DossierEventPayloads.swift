import Foundation
import WorkCalendar

// Payloads of `DossierEventKind`. They carry every computed value (due instants, working minutes), so that
// replaying history never needs the calendar or the catalogue: a later change to holidays or procedures
// cannot rewrite the past.

/// What a new dossier is registered with.
public struct DossierDraft: Sendable, Hashable, Codable {
    /// Allocated by the store: `<receiving agency>-YYMMDD-XXXX`, the date being the registration's local date.
    public var code: DossierCode
    public var procedureCode: ProcedureCode
    public var applicant: Applicant
    public var channel: Channel
    public var note: String?

    public init(code: DossierCode, procedureCode: ProcedureCode, applicant: Applicant, channel: Channel, note: String? = nil) {
        self.code = code
        self.procedureCode = procedureCode
        self.applicant = applicant
        self.channel = channel
        self.note = note
    }

    enum CodingKeys: String, CodingKey { case code, procedureCode = "procedure_code", applicant, channel, note }
}

/// `registered`: the dossier exists (status 1).
public struct Registration: Sendable, Hashable, Codable {
    public var draft: DossierDraft
    /// The version in force at registration.
    public var procedure: ProcedureReference
    public var owningAgencyCode: AgencyCode

    enum CodingKeys: String, CodingKey { case draft, procedure, owningAgencyCode = "owning_agency_code" }
}

/// `received`: the complete dossier is received; the period starts.
public struct Reception: Sendable, Hashable, Codable {
    /// The version in force at receipt (kept by the dossier from now on).
    public var procedure: ProcedureReference
    public var owningAgencyCode: AgencyCode
    public var dueAt: Date
    /// Where counting started (the next office-open instant when received outside office hours or after the cutoff).
    public var countedFrom: Date
    /// Named non-working days the deadline skipped (for the receipt, Mẫu 01).
    public var skippedDays: [DayEntry]

    enum CodingKeys: String, CodingKey {
        case procedure, owningAgencyCode = "owning_agency_code", dueAt = "due_at", countedFrom = "counted_from"
        case skippedDays = "skipped_days"
    }
}

/// `supplement_requested` (Mẫu 02).
public struct SupplementRequest: Sendable, Hashable, Codable {
    public var phase: SupplementPhase
    public var reason: String
    public var documents: [String]

    public init(phase: SupplementPhase, reason: String, documents: [String]) {
        self.phase = phase
        self.reason = reason
        self.documents = documents
    }
}

/// Clocks moved when the dossier comes back from waiting for the applicant.
public struct Resumption: Sendable, Hashable, Codable {
    /// Working minutes waited, owning agency's hours.
    public var waitedMinutes: Int
    /// New legal and citizen due instants (nil before receipt).
    public var dueAt: Date?
    public var citizenDueAt: Date?
    /// The Decision 766 scoring's due instant when it differs from `dueAt` (a restart, or after one): the
    /// previous scoring due pushed by the time waited. Nil means `dueAt`.
    public var pausedDueAt: Date?
    /// Minutes waited in the open step's hours, and its new due instant (nil without an open step).
    public var stepWaitedMinutes: Int?
    public var stepDueAt: Date?

    enum CodingKeys: String, CodingKey {
        case waitedMinutes = "waited_minutes", dueAt = "due_at", citizenDueAt = "citizen_due_at", pausedDueAt = "paused_due_at"
        case stepWaitedMinutes = "step_waited_minutes", stepDueAt = "step_due_at"
    }
}

/// `supplement_received`: the complete dossier arrived.
public struct SupplementArrival: Sendable, Hashable, Codable {
    public var phase: SupplementPhase
    /// Processing phase only: restart or pause.
    public var policy: SupplementPolicy?
    public var resumption: Resumption
    public var note: String?
}

/// A handover into a step: the new visit's fixed data.
public struct StepOpening: Sendable, Hashable, Codable {
    public var stepIndex: Int
    public var name: String
    public var agencyCode: AgencyCode
    public var role: String
    public var allotted: ProcessingTime
    public var allottedMinutes: Int
    public var dueAt: Date

    enum CodingKeys: String, CodingKey {
        case stepIndex = "step_index", name, agencyCode = "agency_code", role, allotted
        case allottedMinutes = "allotted_minutes", dueAt = "due_at"
    }
}

/// `step_completed`: the open visit is done; the next one opens, or the process is finished.
public struct StepCompletion: Sendable, Hashable, Codable {
    public var usedMinutes: Int
    public var note: String?
    public var next: StepOpening?

    enum CodingKeys: String, CodingKey { case usedMinutes = "used_minutes", note, next }
}

/// `sent_back`: the open visit hands the dossier back to the previous step.
public struct StepSendBack: Sendable, Hashable, Codable {
    public var usedMinutes: Int
    public var reason: String
    public var previous: StepOpening

    enum CodingKeys: String, CodingKey { case usedMinutes = "used_minutes", reason, previous }
}

/// `payment_requested`.
public struct PaymentRequest: Sendable, Hashable, Codable {
    public var amountVND: Int
    public var description: String

    enum CodingKeys: String, CodingKey { case amountVND = "amount_vnd", description }
}

/// `payment_confirmed`. `channel` is absent from events written before it was recorded (unknown channel).
public struct PaymentConfirmation: Sendable, Hashable, Codable {
    public var reference: String?
    public var resumption: Resumption
    public var channel: PaymentChannel?
}

/// `extended` (Mẫu 04).
public struct ExtensionGrant: Sendable, Hashable, Codable {
    public var newDueAt: Date
    public var reason: String
    public var apologyLetter: String?

    enum CodingKeys: String, CodingKey { case newDueAt = "new_due_at", reason, apologyLetter = "apology_letter" }
}

/// `refused_at_desk`, `refused`, `withdrawn`, `stopped`: an end with a reason; `usedMinutes` closes the open visit.
public struct Closure: Sendable, Hashable, Codable {
    public var reason: String?
    public var usedMinutes: Int?

    enum CodingKeys: String, CodingKey { case reason, usedMinutes = "used_minutes" }
}

/// `result_ready`.
public struct ResultRecord: Sendable, Hashable, Codable {
    public var outcome: DossierOutcome
    public var note: String?
    /// Set when recording the result also finished the last step.
    public var usedMinutes: Int?

    enum CodingKeys: String, CodingKey { case outcome, note, usedMinutes = "used_minutes" }
}

/// A dossier migrated from an older system (the import's row, validated), as its first and only event.
public struct ImportedDossier: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        case approved, refused, withdrawn
    }

    public var code: DossierCode
    public var procedure: ProcedureReference
    public var owningAgencyCode: AgencyCode
    public var channel: Channel
    public var receivedAt: Date
    /// When the site that issued the code accepted it, when earlier than `receivedAt` (accepted on behalf).
    public var acceptedAt: Date?
    public var dueAt: Date
    /// When the result was ready; for a withdrawn dossier, when it was withdrawn.
    public var completedAt: Date?
    public var returnedAt: Date?
    public var returnChannel: Channel?
    public var outcome: Outcome?
    public var lateness: LatenessRecord?

    public init(code: DossierCode, procedure: ProcedureReference, owningAgencyCode: AgencyCode, channel: Channel,
                receivedAt: Date, dueAt: Date, completedAt: Date? = nil, returnedAt: Date? = nil,
                returnChannel: Channel? = nil, outcome: Outcome? = nil, lateness: LatenessRecord? = nil,
                acceptedAt: Date? = nil) {
        self.code = code
        self.acceptedAt = acceptedAt?.wholeSeconds
        self.procedure = procedure
        self.owningAgencyCode = owningAgencyCode
        self.channel = channel
        self.receivedAt = receivedAt.wholeSeconds
        self.dueAt = dueAt.wholeSeconds
        self.completedAt = completedAt?.wholeSeconds
        self.returnedAt = returnedAt?.wholeSeconds
        self.returnChannel = returnChannel
        self.outcome = outcome
        self.lateness = lateness
    }

    enum CodingKeys: String, CodingKey {
        case code, procedure, owningAgencyCode = "owning_agency_code", channel, receivedAt = "received_at"
        case acceptedAt = "accepted_at", dueAt = "due_at", completedAt = "completed_at", returnedAt = "returned_at"
        case returnChannel = "return_channel", outcome, lateness
    }
}
