import Foundation

/// How a step visit ended.
public enum StepExit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Completed and handed over to the next step.
    case forwarded
    /// The last step, completed: the result can be recorded.
    case finished
    /// Sent back to the previous step.
    case sentBack = "sent_back"
    /// The dossier was refused during the step.
    case refused
    /// The applicant withdrew the dossier during the step.
    case withdrawn
    /// Processing was stopped during the step.
    case stopped

    /// Whether the step did its work (and so gets a verdict), as opposed to being cut short.
    public var isCompletion: Bool {
        switch self {
        case .forwarded, .finished, .sentBack, .refused: return true
        case .withdrawn, .stopped: return false
        }
    }
}

/// One passage of a dossier through a step of its procedure's internal process: handed over at an instant,
/// due its allotted working time later (paused time excluded), ended by a completion, a send-back or the end
/// of the dossier. A step sent back to is visited again, with a fresh allotment. These are the rows of the
/// process control sheet (Mẫu 05).
public struct StepVisit: Sendable, Hashable, Codable {
    /// 1, 2, 3 … in the order of handover.
    public var number: Int
    /// Index (from 0) of the step in the procedure's `steps`.
    public var stepIndex: Int
    public var name: String
    public var agencyCode: AgencyCode
    public var role: String
    public var allotted: ProcessingTime
    /// `allotted` in office minutes of the step agency's hours.
    public var allottedMinutes: Int
    /// When the step received the dossier.
    public var handedOverAt: Date
    /// Handover + allotted working time, moved later by paused time.
    public var dueAt: Date
    /// When an officer of the step took the dossier, if recorded.
    public var acceptedAt: Date?
    public var assignee: String?
    /// Working minutes the step waited for the applicant (supplement, payment); not held against it.
    public var pausedMinutes: Int
    /// Set while waiting for the applicant.
    public var suspendedAt: Date?
    public var endedAt: Date?
    public var exit: StepExit?
    /// Working minutes from handover to end, paused minutes excluded.
    public var usedMinutes: Int?
    /// The completing officer's note or the send-back reason.
    public var note: String?

    public var isOpen: Bool { endedAt == nil }

    /// Early / on time / late, for a visit that did its work.
    public var verdict: Verdict? {
        guard let endedAt, exit?.isCompletion == true else { return nil }
        return Verdict(completedAt: endedAt, dueAt: dueAt)
    }

    /// Working minutes used beyond the allotment (0 when within it); nil while open.
    public var overrunMinutes: Int? {
        usedMinutes.map { max(0, $0 - allottedMinutes) }
    }

    enum CodingKeys: String, CodingKey {
        case number, stepIndex = "step_index", name, agencyCode = "agency_code", role, allotted
        case allottedMinutes = "allotted_minutes", handedOverAt = "handed_over_at", dueAt = "due_at"
        case acceptedAt = "accepted_at", assignee, pausedMinutes = "paused_minutes", suspendedAt = "suspended_at"
        case endedAt = "ended_at", exit, usedMinutes = "used_minutes", note
    }
}
